// The popup lists the passages saved from the tab's page; a click scrolls the tab to the passage
// and flashes it, and a passage that is no longer on the page says so.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { highlightProgress, launchExtension, markCount, saveHighlightThroughExtension, type LaunchedExtension } from "./harness-chromium";

const QUOTE = "وأعلن مستشار الأمن القومي العراقي قاسم الأعرجي";
const GONE = "مقطع لم يكن في هذه الصفحة قط";

/** The text of each range in the flash highlight, and whether the first one is inside the viewport. */
function flashed(page: Page): Promise<{ texts: string[]; inView: boolean }> {
  return page.evaluate(() => {
    const registry = (CSS as unknown as { highlights: Map<string, Iterable<Range>> }).highlights;
    const ranges = [...(registry.get("siyaq-highlight-flash") ?? [])];
    const box = ranges[0]?.getBoundingClientRect();
    return { texts: ranges.map((r) => r.toString()), inView: !!box && box.top >= 0 && box.bottom <= innerHeight };
  });
}

describe("the page's highlights in the popup", () => {
  let ext: LaunchedExtension;
  let article: Page;
  let url: string;

  beforeAll(async () => {
    ext = await launchExtension();
    url = `${ext.baseUrl}/seed-article.html`;
    article = await ext.context.newPage();
    await article.setViewportSize({ width: 1000, height: 500 });
    await article.goto(url);
    await saveHighlightThroughExtension(ext, { url, quote: QUOTE, note: "أول إعلان رسمي", title: "مقال" });
    await saveHighlightThroughExtension(ext, { url, quote: GONE, title: "مقال" });
    // Reload so the page paints what was saved.
    await article.reload();
  });
  afterAll(() => ext?.close());

  it("jumps to a saved passage and flashes it; says when one is not on the page", async () => {
    await expect.poll(() => markCount(article), { timeout: 30_000 }).toBeGreaterThan(20);
    await expect.poll(() => highlightProgress(ext, article), { timeout: 15_000 }).toBe("1/2");
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
    const items = popup.getByTestId("page-highlight");
    await expect.poll(() => items.count(), { timeout: 15_000 }).toBe(2);
    expect(await popup.getByTestId("page-highlights").textContent()).toContain("أول إعلان رسمي");

    await items.filter({ hasText: QUOTE }).click();
    await expect.poll(async () => (await flashed(article)).texts, { timeout: 5_000 }).toEqual([QUOTE]);
    expect((await flashed(article)).inView).toBe(true);
    expect(await popup.locator(".siyaq-highlight__missing").count()).toBe(0);

    // From the keyboard too, and the orphan is reported in the popup.
    await items.filter({ hasText: GONE }).focus();
    await popup.keyboard.press("Enter");
    await expect.poll(() => popup.locator(".siyaq-highlight__missing").count(), { timeout: 5_000 }).toBe(1);
    expect(await popup.locator(".siyaq-highlight__missing").textContent()).toContain("لم يعد هذا المقطع في الصفحة");
    await popup.close();
  });
});
