// The popup lists the passages saved from the tab's page, in Chromium and Firefox; a click scrolls
// the tab to the passage and flashes it, and a passage that is no longer on the page says so. The
// two saved passages come in the way a researcher restores them: a Web Annotation file imported
// on the library page (saving itself is for the page's content script only).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  BROWSERS,
  launchExtension,
  waitUntil,
  type LaunchedExtension,
  type TestPage,
} from "../../tools/lib/harness";
import { highlightReport, markCount } from "./marks";

const QUOTE = "وأعلن مستشار الأمن القومي العراقي قاسم الأعرجي";
const NOTE = "أول إعلان رسمي";
const GONE = "مقطع لم يكن في هذه الصفحة قط";
const QUOTE_ID = "3c1d7e2a-5b4f-4a6e-9c8d-7e6f5a4b3c21";
const GONE_ID = "3c1d7e2a-5b4f-4a6e-9c8d-7e6f5a4b3c22";

/** A W3C Web Annotation of `exact` on `url`, as the library's JSON export writes it. */
function annotation(id: string, url: string, exact: string, note?: string) {
  return {
    "@context": "http://www.w3.org/ns/anno.jsonld",
    id: `urn:uuid:${id}`,
    type: "Annotation",
    created: "2026-11-29T10:05:00.000Z",
    body: note
      ? [{ type: "TextualBody", purpose: "commenting", value: note, format: "text/plain" }]
      : [],
    target: {
      source: url,
      selector: [
        { type: "TextQuoteSelector", exact, prefix: "", suffix: "" },
        { type: "TextPositionSelector", start: 0, end: exact.length },
      ],
    },
  };
}

/** The text of each range in the flash highlight, and whether the first one is inside the viewport. */
function flashed(page: TestPage): Promise<{ texts: string[]; inView: boolean }> {
  return page.evaluate(() => {
    const registry = (CSS as unknown as { highlights: Map<string, Iterable<Range>> }).highlights;
    const ranges = [...(registry.get("siyaq-highlight-flash") ?? [])];
    const box = ranges[0]?.getBoundingClientRect();
    return {
      texts: ranges.map((r) => r.toString()),
      inView: !!box && box.top >= 0 && box.bottom <= innerHeight,
    };
  });
}

describe.each(BROWSERS)("the page's highlights in the popup in %s", (browser) => {
  let ext: LaunchedExtension;
  let article: TestPage;
  let url: string;

  beforeAll(async () => {
    ext = await launchExtension(browser);
    url = `${ext.baseUrl}/seed-article.html`;
    article = await ext.newPage();
    await article.goto(url);
    const library = await ext.openExtensionPage("library.html");
    const file = JSON.stringify([
      annotation(QUOTE_ID, url, QUOTE, NOTE),
      annotation(GONE_ID, url, GONE),
    ]);
    await library.setInputFile('input[type="file"]', {
      name: "saved.json",
      buffer: Buffer.from(file),
    });
    await waitUntil(async () => (await library.count("article.highlight")) === 2);
    await library.close();
    // Reload so the page paints what was saved.
    await article.reload();
  });
  afterAll(() => ext?.close());

  it("jumps to a saved passage and flashes it; says when one is not on the page", async () => {
    await expect.poll(() => markCount(article), { timeout: 30_000 }).toBeGreaterThan(20);
    await expect.poll(() => highlightReport(ext, article), { timeout: 15_000 }).toBe("1/2");
    // Scrolled to the end of the article, the passage is out of view: showing it needs a scroll.
    await article.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    expect((await flashed(article)).texts).toEqual([]);
    const below = await article.evaluate(() => {
      const registry = (CSS as unknown as { highlights: Map<string, Iterable<Range>> }).highlights;
      const [range] = [...(registry.get("siyaq-highlight") ?? [])];
      const box = range!.getBoundingClientRect();
      return box.bottom < 0 || box.top > innerHeight;
    });
    expect(below).toBe(true);

    const popup = await ext.openPopup(url);
    const item = '[data-testid="page-highlight"]';
    await expect.poll(() => popup.count(item), { timeout: 15_000 }).toBe(2);
    expect(await popup.text('[data-testid="page-highlights"]')).toContain(NOTE);

    await popup.click(`${item}[data-highlight-id="${QUOTE_ID}"]`);
    await expect
      .poll(async () => (await flashed(article)).texts, { timeout: 5_000 })
      .toEqual([QUOTE]);
    expect((await flashed(article)).inView).toBe(true);
    expect(await popup.count(".siyaq-highlight__missing")).toBe(0);

    // From the keyboard too, and the orphan is reported in the popup.
    await popup.press(`${item}[data-highlight-id="${GONE_ID}"]`, "Enter");
    await expect.poll(() => popup.count(".siyaq-highlight__missing"), { timeout: 5_000 }).toBe(1);
    expect(await popup.text(".siyaq-highlight__missing")).toContain("لم يعد هذا المقطع في الصفحة");
    await popup.close();
  });
});
