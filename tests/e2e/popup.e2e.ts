// The popup in real Chromium, describing the seed article's tab: its names by type, the card of
// العراق with pack events and the events read from the article, and the per-site switch.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { launchExtension, type LaunchedExtension } from "./harness";

/** How many ranges the page's `siyaq-*` entity highlights hold. */
function markCount(page: Page): Promise<number> {
  return page.evaluate(() => {
    let count = 0;
    const registry = (CSS as unknown as { highlights: Map<string, { size: number }> }).highlights;
    for (const [name, highlight] of registry) if (/^siyaq-(per|org|loc|date|event|misc)$/.test(name)) count += highlight.size;
    return count;
  });
}

describe("popup", () => {
  let ext: LaunchedExtension;
  let article: Page;
  let url: string;

  beforeAll(async () => {
    ext = await launchExtension();
    url = `${ext.baseUrl}/seed-article.html`;
    article = await ext.context.newPage();
    await article.goto(url);
  });
  afterAll(() => ext?.close());

  it("lists the seed article's names grouped by type, the headline's place first", async () => {
    await expect.poll(() => markCount(article), { timeout: 30_000 }).toBeGreaterThan(20);
    const popup = await ext.openPopup(url);
    await expect.poll(() => popup.locator('[data-testid="page-entity"]').count(), { timeout: 20_000 }).toBeGreaterThan(10);
    expect(await popup.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(["ar", "rtl"]);
    const groups = await popup.locator("section.siyaq-group").evaluateAll((sections) => sections.map((s) => s.getAttribute("data-type")));
    expect(groups.slice(0, 3)).toEqual(["PER", "ORG", "LOC"]);
    const names = (type: string) => popup.locator(`section[data-type="${type}"] .siyaq-entity__name`).allTextContents();
    expect((await names("LOC"))[0]).toBe("العراق");
    expect(await names("LOC")).toEqual(expect.arrayContaining(["بغداد", "إيران"]));
    expect(await names("ORG")).toEqual(expect.arrayContaining(["التحالف الدولي", "داعش"]));
    expect(await names("PER")).toEqual(expect.arrayContaining(["قاسم سليماني", "جو بايدن"]));
    await popup.close();
  });

  it("shows العراق's timeline with pack events and the events read in the article", async () => {
    const popup = await ext.openPopup(url);
    // Events from the article reach the knowledge base shortly after the page is read.
    await expect
      .poll(
        async () => {
          await popup.reload();
          await popup.locator('button[data-entity-id="country:iq"]').click({ timeout: 15_000 });
          await popup.locator('[data-testid="entity-card"]').waitFor();
          return popup.locator('.siyaq-timeline__event[data-origin="page"]').evaluateAll((events) => events.map((e) => e.getAttribute("data-date")));
        },
        { timeout: 30_000, interval: 1500 },
      )
      .toEqual(expect.arrayContaining(["2014-06", "2011"]));
    const card = popup.locator('[data-testid="entity-card"]');
    expect(await card.locator("h2").textContent()).toBe("العراق");
    expect(await card.locator('.siyaq-timeline__event[data-origin="pack"]').count()).toBeGreaterThan(2);
    const fall = card.locator('.siyaq-timeline__event[data-origin="page"][data-date="2014-06"]');
    expect(await fall.textContent()).toContain("احتلال داعش للمدن");
    expect(await fall.locator("a").getAttribute("href")).toBe(url);
    const withdrawal = card.locator('.siyaq-timeline__event[data-origin="page"][data-date="2011"]');
    expect(await withdrawal.textContent()).toContain("سحب أغلب فرقها القتالية");
    // Newest first.
    const dates = await card.locator(".siyaq-timeline__event").evaluateAll((events) => events.map((e) => e.getAttribute("data-date")!));
    expect([...dates].sort().reverse()).toEqual(dates);

    // A page event can be deleted, and stays deleted.
    await withdrawal.getByRole("button").click();
    await expect.poll(() => card.locator('.siyaq-timeline__event[data-origin="page"][data-date="2011"]').count()).toBe(0);
    await popup.close();
  });

  it("turns the site off from the switch, and the marks go at once", async () => {
    const popup = await ext.openPopup(url);
    const toggle = popup.getByTestId("site-switch");
    await toggle.waitFor({ timeout: 15_000 });
    expect(await toggle.isChecked()).toBe(true);
    expect(await popup.locator("label.siyaq-switch").textContent()).toContain("127.0.0.1");
    await toggle.press("Space"); // keyboard alone
    await expect.poll(() => markCount(article), { timeout: 10_000 }).toBe(0);
    await toggle.press("Space");
    await expect.poll(() => markCount(article), { timeout: 20_000 }).toBeGreaterThan(20);
    await popup.close();
  });
});
