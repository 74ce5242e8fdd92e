// What the tests, the demo tools and the screenshot script read from a marked page: how many
// names are painted, and where a painted name sits (to hover it as a reader would).
import type { Page } from "playwright-core";

/** How many ranges the page's `siyaq-*` entity highlights hold. */
export function markCount(page: Page): Promise<number> {
  return page.evaluate(() => {
    let count = 0;
    const registry = (CSS as unknown as { highlights: Map<string, { size: number }> }).highlights;
    for (const [name, highlight] of registry) if (/^siyaq-(per|org|loc|date|event|misc)$/.test(name)) count += highlight.size;
    return count;
  });
}

/** The centre of the first painted `name` of `type` (e.g. `siyaq-per`), scrolled into view; null if it is not painted. */
export function paintedNameCenter(page: Page, name: string, highlightName = "siyaq-per"): Promise<{ x: number; y: number } | null> {
  return page.evaluate(
    ({ name, highlightName }) => {
      const registry = (CSS as unknown as { highlights: Map<string, Iterable<Range>> }).highlights;
      for (const range of registry.get(highlightName) ?? []) {
        if (range.toString() !== name) continue;
        range.startContainer.parentElement?.scrollIntoView({ block: "center" });
        const box = range.getClientRects()[0]!;
        return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
      }
      return null;
    },
    { name, highlightName },
  );
}

export interface SavedPassage {
  url: string;
  quote: string;
  note?: string;
  tags?: string[];
  entities?: { surface: string; type: string; entityId?: string }[];
  title?: string;
}

/**
 * Saves a highlight the way the page's editor does, through the extension's own messaging (sent
 * from one of its pages, which the background accepts); the content script finds the passage by
 * its quote on the next visit.
 */
export async function saveHighlightThroughExtension(
  ext: { context: import("playwright-core").BrowserContext; extensionId: string },
  passage: SavedPassage,
): Promise<void> {
  const page = await ext.context.newPage();
  try {
    await page.goto(`chrome-extension://${ext.extensionId}/library.html`);
    const reply = (await page.evaluate(({ url, quote, note = "", tags = [], entities = [], title = "" }) => {
      const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } } }).chrome.runtime;
      const selector = [
        { type: "TextQuoteSelector", exact: quote, prefix: "", suffix: "" },
        { type: "TextPositionSelector", start: 0, end: quote.length },
      ];
      return runtime.sendMessage({
        siyaq: 1,
        type: "highlight.save",
        payload: { url, target: { source: url, selector }, note, tags, entities, citation: { title, url, accessedAt: new Date().toISOString() } },
      });
    }, passage)) as { ok?: boolean; error?: string } | undefined;
    if (reply?.ok !== true) throw new Error(`highlight not saved: ${reply?.error ?? "no answer"}`);
  } finally {
    await page.close();
  }
}

/**
 * How far a tab got restoring its saved highlights (`painted/saved`), asked by the extension from
 * its service worker (the page itself is told nothing); null before the tab has finished.
 */
export async function highlightProgress(
  ext: { serviceWorker: import("playwright-core").Worker; tabIdOf(url: string): Promise<number> },
  page: import("playwright-core").Page,
): Promise<string | null> {
  const tabId = await ext.tabIdOf(page.url());
  const answer = (await ext.serviceWorker.evaluate(
    (id) =>
      (globalThis as unknown as { chrome: { tabs: { sendMessage(id: number, m: unknown): Promise<unknown> } } }).chrome.tabs
        .sendMessage(id, { siyaqQuery: "highlight-progress" })
        .catch(() => null),
    tabId,
  )) as { painted: number; saved: number } | null;
  return answer && `${answer.painted}/${answer.saved}`;
}
