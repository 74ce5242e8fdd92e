// The options page, in Chromium and Firefox: a setting changed there reaches an open tab at once,
// and a malformed pack import is refused with the record and field named, leaving the data as it was.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  BROWSERS,
  launchExtension,
  type LaunchedExtension,
  type TestPage,
} from "../../tools/lib/harness";
import { marksByType } from "./marks";

type RuntimeApi = { runtime: { sendMessage(message: unknown): Promise<unknown> } };

describe.each(BROWSERS)("options in %s", (browser) => {
  let ext: LaunchedExtension;
  let options: TestPage;

  beforeAll(async () => {
    ext = await launchExtension(browser);
    options = await ext.newPage();
    // The starter pack installs in the background on first start; reload until the page lists it.
    const deadline = Date.now() + 30_000;
    for (;;) {
      await options.goto(`${ext.extensionOrigin}/options.html`);
      if (
        await options.waitFor('[data-testid="pack-list"]', { timeout: 3000 }).then(
          () => true,
          () => false,
        )
      )
        break;
      if (Date.now() > deadline)
        throw new Error("the starter pack never appeared in the options page");
    }
  });
  afterAll(() => ext?.close());

  it("labels every control and sets lang and dir", async () => {
    expect(
      await options.evaluate(() => [document.documentElement.lang, document.documentElement.dir]),
    ).toEqual(["ar", "rtl"]);
    const unlabelled = await options.evaluate(() =>
      [
        ...document.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(
          "input, select, textarea",
        ),
      ]
        .filter((control) => control.labels?.length === 0 && !control.getAttribute("aria-label"))
        .map((control) => control.outerHTML),
    );
    expect(unlabelled).toEqual([]);
  });

  it("stops marking dates in an open tab when dates are unticked", async () => {
    const article = await ext.newPage();
    await article.goto(`${ext.baseUrl}/seed-article.html`);
    await expect
      .poll(async () => (await marksByType(article)).DATE ?? 0, { timeout: 30_000 })
      .toBeGreaterThan(3);
    const people = (await marksByType(article)).PER ?? 0;

    await options.bringToFront();
    // The checkbox whose label reads تواريخ.
    const dates = await options.evaluate(() => {
      const box = [...document.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')].find(
        (input) =>
          [...(input.labels ?? [])].some((label) => label.textContent?.trim() === "تواريخ"),
      );
      if (!box) return null;
      box.setAttribute("data-e2e", "dates");
      return box.checked;
    });
    expect(dates).toBe(true);
    await options.press('[data-e2e="dates"]', "Space");
    await expect
      .poll(async () => (await marksByType(article)).DATE ?? 0, { timeout: 10_000 })
      .toBe(0);
    expect((await marksByType(article)).PER ?? 0).toBe(people);

    await options.press('[data-e2e="dates"]', "Space");
    await expect
      .poll(async () => (await marksByType(article)).DATE ?? 0, { timeout: 20_000 })
      .toBeGreaterThan(3);
    await article.close();
  });

  it("refuses a malformed pack with the record and field named, and changes nothing", async () => {
    const stats = () =>
      options.evaluate(() =>
        (
          (globalThis as unknown as { browser?: RuntimeApi }).browser ??
          (globalThis as unknown as { chrome: RuntimeApi }).chrome
        ).runtime.sendMessage({
          siyaq: 1,
          type: "db.stats",
          payload: {},
        }),
      );
    const before = await stats();
    const packsBefore = await options.count('[data-testid="pack-list"] li');
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
    await options.setInputFile('[data-testid="pack-import"]', {
      name: "broken-pack.json",
      buffer: Buffer.from(JSON.stringify(pack)),
    });
    const notice = '[data-testid="pack-notice"][role="alert"]';
    await options.waitFor(notice, { timeout: 10_000 });
    const text = (await options.text(notice)) ?? "";
    expect(text).toContain("لم يتغير شيء");
    expect(text).toMatch(/entities\[1\]|entities\.1/);
    expect(text).toContain("type");
    expect(await stats()).toEqual(before);
    expect(await options.count('[data-testid="pack-list"] li')).toBe(packsBefore);
  });
});
