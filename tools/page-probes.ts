// What the tests, the demo tools and the screenshot script read from a marked page: how many
// names are painted, where a painted name sits (to hover it as a reader would), and the card.
import type { Page } from "playwright-core";

/** How many ranges the page's `siyaq-*` entity highlights hold. */
export function markCount(page: Page): Promise<number> {
  return page.evaluate(() => {
    let count = 0;
    const registry = (CSS as unknown as { highlights: Map<string, { size: number }> }).highlights;
    for (const [name, highlight] of registry)
      if (/^siyaq-(per|org|loc|date|event|misc)$/.test(name)) count += highlight.size;
    return count;
  });
}

/** The centre of the first painted `name` of `type` (e.g. `siyaq-per`), scrolled into view; null if it is not painted. */
export function paintedNameCenter(
  page: Page,
  name: string,
  highlightName = "siyaq-per",
): Promise<{ x: number; y: number } | null> {
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
 * A Web Annotation JSON file holding `passage` as one saved highlight, made by the extension's own
 * exporter: what a researcher restores through the library's import. The content script finds the
 * passage by its quote on the next visit.
 */
export async function highlightFixtureFile(passage: SavedPassage): Promise<string> {
  const { exportHighlights } = await import("../src/highlights/export");
  const { quote, url, note = "", tags = [], entities = [], title = "" } = passage;
  const now = Date.now();
  const highlight = {
    id: `fixture-${now}-${Math.random().toString(36).slice(2)}`,
    url,
    target: {
      source: url,
      selector: [
        { type: "TextQuoteSelector" as const, exact: quote, prefix: "", suffix: "" },
        { type: "TextPositionSelector" as const, start: 0, end: quote.length },
      ] as [
        { type: "TextQuoteSelector"; exact: string; prefix: string; suffix: string },
        { type: "TextPositionSelector"; start: number; end: number },
      ],
    },
    note,
    tags,
    entities: entities as never,
    entityIds: entities.flatMap((entity) => (entity.entityId ? [entity.entityId] : [])),
    citation: { title, url, accessedAt: new Date(now).toISOString() },
    createdAt: now,
    updatedAt: now,
    orphaned: false,
  };
  return exportHighlights([highlight as never], "json", new Date(now)).content;
}

/**
 * Puts a saved highlight into the extension's library the way a researcher restores one: a
 * Web Annotation file (`highlightFixtureFile`) imported from the library page.
 * (Saving is for content scripts only; extension pages may import.)
 */
export async function saveHighlightThroughExtension(
  ext: { context: import("playwright-core").BrowserContext; extensionId: string },
  passage: SavedPassage,
): Promise<void> {
  const json = await highlightFixtureFile(passage);
  const page = await ext.context.newPage();
  try {
    await page.goto(`chrome-extension://${ext.extensionId}/library.html`);
    const reply = (await page.evaluate((json) => {
      const runtime = (
        globalThis as unknown as {
          chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };
        }
      ).chrome.runtime;
      return runtime.sendMessage({ siyaq: 1, type: "highlights.import", payload: { json } });
    }, json)) as { ok?: boolean; error?: string; value?: { added: number } } | undefined;
    if (reply?.ok !== true || reply.value?.added !== 1)
      throw new Error(`highlight not imported: ${reply?.error ?? JSON.stringify(reply)}`);
  } finally {
    await page.close();
  }
}
