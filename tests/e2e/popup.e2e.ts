// The popup, in Chromium and Firefox, opened as a page in a tab for the seed article's tab id (the
// toolbar button cannot be clicked from automation in either browser): its names by type, the
// card of العراق with pack events and the events read from the article, and the per-site switch.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  BROWSERS,
  launchExtension,
  type LaunchedExtension,
  type TestPage,
} from "../../tools/lib/harness";
import { markCount } from "./marks";

describe.each(BROWSERS)("popup in %s", (browser) => {
  let ext: LaunchedExtension;
  let article: TestPage;
  let url: string;

  beforeAll(async () => {
    ext = await launchExtension(browser);
    url = `${ext.baseUrl}/seed-article.html`;
    article = await ext.newPage();
    await article.goto(url);
  });
  afterAll(() => ext?.close());

  it("lists the seed article's names grouped by type, the headline's place first", async () => {
    await expect.poll(() => markCount(article), { timeout: 30_000 }).toBeGreaterThan(20);
    const popup = await ext.openPopup(url);
    await expect
      .poll(() => popup.count('[data-testid="page-entity"]'), { timeout: 20_000 })
      .toBeGreaterThan(10);
    expect(
      await popup.evaluate(() => [document.documentElement.lang, document.documentElement.dir]),
    ).toEqual(["ar", "rtl"]);
    const groups = await popup.attrs("section.siyaq-group", "data-type");
    expect(groups.slice(0, 3)).toEqual(["PER", "ORG", "LOC"]);
    const names = (type: string) => popup.texts(`section[data-type="${type}"] .siyaq-entity__name`);
    expect((await names("LOC"))[0]).toBe("العراق");
    expect(await names("LOC")).toEqual(expect.arrayContaining(["بغداد", "إيران"]));
    expect(await names("ORG")).toEqual(expect.arrayContaining(["التحالف الدولي", "داعش"]));
    expect(await names("PER")).toEqual(expect.arrayContaining(["قاسم سليماني", "جو بايدن"]));
    await popup.close();
  });

  it("shows العراق's timeline with pack events and the events read in the article", async () => {
    const popup = await ext.openPopup(url);
    const card = '[data-testid="entity-card"]';
    // Events from the article reach the knowledge base shortly after the page is read.
    await expect
      .poll(
        async () => {
          await popup.reload();
          await popup.click('button[data-entity-id="country:iq"]', { timeout: 15_000 });
          await popup.waitFor(card);
          return popup.attrs('.siyaq-timeline__event[data-origin="page"]', "data-date");
        },
        { timeout: 30_000, interval: 1500 },
      )
      .toEqual(expect.arrayContaining(["2014-06", "2011"]));
    expect(await popup.text(`${card} h2`)).toBe("العراق");
    expect(await popup.count(`${card} .siyaq-timeline__event[data-origin="pack"]`)).toBeGreaterThan(
      2,
    );
    const fall = `${card} .siyaq-timeline__event[data-origin="page"][data-date="2014-06"]`;
    expect(await popup.text(fall)).toContain("احتلال داعش للمدن");
    expect(await popup.attr(`${fall} a`, "href")).toBe(url);
    const withdrawal = `${card} .siyaq-timeline__event[data-origin="page"][data-date="2011"]`;
    expect(await popup.text(withdrawal)).toContain("سحب أغلب فرقها القتالية");
    // Newest first.
    const dates = (await popup.attrs(`${card} .siyaq-timeline__event`, "data-date")) as string[];
    expect([...dates].sort().reverse()).toEqual(dates);

    // A page event can be deleted, and stays deleted.
    await popup.click(`${withdrawal} button`);
    await expect.poll(() => popup.count(withdrawal)).toBe(0);
    await popup.close();
  });

  it("turns the site off from the switch, and the marks go at once", async () => {
    const popup = await ext.openPopup(url);
    const toggle = '[data-testid="site-switch"]';
    await popup.waitFor(toggle, { timeout: 15_000 });
    expect(await popup.isChecked(toggle)).toBe(true);
    expect(await popup.text("label.siyaq-switch")).toContain("127.0.0.1");
    await popup.press(toggle, "Space"); // keyboard alone
    await expect.poll(() => markCount(article), { timeout: 10_000 }).toBe(0);
    await popup.press(toggle, "Space");
    await expect.poll(() => markCount(article), { timeout: 20_000 }).toBeGreaterThan(20);
    await popup.close();
  });
});
