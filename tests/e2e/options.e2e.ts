// The options page in real Chromium: a setting changed there reaches an open tab at once, and a
// malformed pack import is refused with the record and field named, leaving the data as it was.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { launchExtension, type LaunchedExtension } from "./harness";

function marksByType(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => {
    const out: Record<string, number> = {};
    const registry = (CSS as unknown as { highlights: Map<string, { size: number }> }).highlights;
    for (const [name, highlight] of registry) {
      const match = /^siyaq-(per|org|loc|date|event|misc)$/.exec(name);
      if (match) out[match[1]!.toUpperCase()] = highlight.size;
    }
    return out;
  });
}

describe("options", () => {
  let ext: LaunchedExtension;
  let options: Page;

  beforeAll(async () => {
    ext = await launchExtension();
    options = await ext.context.newPage();
    // The starter pack installs in the background on first start; reload until the page lists it.
    const deadline = Date.now() + 30_000;
    for (;;) {
      await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
      if (await options.getByTestId("pack-list").waitFor({ timeout: 3000 }).then(() => true, () => false)) break;
      if (Date.now() > deadline) throw new Error("the starter pack never appeared in the options page");
    }
  });
  afterAll(() => ext?.close());

  it("labels every control and sets lang and dir", async () => {
    expect(await options.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(["ar", "rtl"]);
    const unlabelled = await options.evaluate(() =>
      [...document.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>("input, select, textarea")]
        .filter((control) => control.labels?.length === 0 && !control.getAttribute("aria-label"))
        .map((control) => control.outerHTML),
    );
    expect(unlabelled).toEqual([]);
  });

  it("stops marking dates in an open tab when dates are unticked", async () => {
    const article = await ext.context.newPage();
    await article.goto(`${ext.baseUrl}/seed-article.html`);
    await expect.poll(async () => (await marksByType(article)).DATE ?? 0, { timeout: 30_000 }).toBeGreaterThan(3);
    const people = (await marksByType(article)).PER ?? 0;

    await options.bringToFront();
    const dates = options.getByRole("checkbox", { name: "تواريخ" });
    expect(await dates.isChecked()).toBe(true);
    await dates.focus();
    await options.keyboard.press("Space");
    await expect.poll(async () => (await marksByType(article)).DATE ?? 0, { timeout: 10_000 }).toBe(0);
    expect((await marksByType(article)).PER ?? 0).toBe(people);

    await options.keyboard.press("Space");
    await expect.poll(async () => (await marksByType(article)).DATE ?? 0, { timeout: 20_000 }).toBeGreaterThan(3);
    await article.close();
  });

  it("refuses a malformed pack with the record and field named, and changes nothing", async () => {
    const stats = () => options.evaluate(() => chrome.runtime.sendMessage({ siyaq: 1, type: "db.stats", payload: {} }));
    const before = await stats();
    const packsBefore = await options.getByTestId("pack-list").locator("li").count();
    const pack = {
      format: "siyaq-pack",
      formatVersion: 1,
      id: "broken-pack",
      version: "1.0",
      name: { ar: "حزمة معطوبة" },
      entities: [
        { id: "city:mosul", type: "LOC", names: { ar: "الموصل", en: "Mosul" }, aliases: [] },
        { id: "city:basra", type: "PLACE", names: { ar: "البصرة" }, aliases: [] },
      ],
      events: [],
    };
    await options.getByTestId("pack-import").setInputFiles({
      name: "broken-pack.json",
      mimeType: "application/json",
      buffer: Buffer.from(JSON.stringify(pack)),
    });
    const notice = options.locator('[data-testid="pack-notice"][role="alert"]');
    await notice.waitFor({ timeout: 10_000 });
    const text = (await notice.textContent()) ?? "";
    expect(text).toContain("لم يتغير شيء");
    expect(text).toMatch(/entities\[1\]|entities\.1/);
    expect(text).toContain("type");
    expect(await stats()).toEqual(before);
    expect(await options.getByTestId("pack-list").locator("li").count()).toBe(packsBefore);
  });
});

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };
