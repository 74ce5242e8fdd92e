// Reading what the extension painted and shows, the same way in both browsers: marks from the
// page's CSS Custom Highlight registry, the card and the selection UI from inside their closed
// shadow roots (through the harness, as the browsers' own tools see them).
import { highlightFixtureFile, type SavedPassage } from "../../tools/page-probes";
import { waitUntil, type LaunchedExtension, type TestPage } from "../../tools/lib/harness";

export interface Painted {
  type: string;
  surface: string;
  collapsed: boolean;
}

/** Every range in a `siyaq-<type>` highlight (saved passages use `siyaq-highlight`, not counted). */
export function painted(page: TestPage): Promise<Painted[]> {
  return page.evaluate(() => {
    const out: { type: string; surface: string; collapsed: boolean }[] = [];
    const registry = (CSS as unknown as { highlights: Map<string, Iterable<Range>> }).highlights;
    for (const [name, highlight] of registry) {
      if (!/^siyaq-(per|org|loc|date|event|misc)$/.test(name)) continue;
      for (const range of highlight)
        out.push({
          type: name.slice(6).toUpperCase(),
          surface: range.toString(),
          collapsed: range.collapsed,
        });
    }
    return out;
  });
}

export const visible = (marks: Painted[]) => marks.filter((m) => !m.collapsed);

/** How many ranges each entity type's highlight holds. */
export function marksByType(page: TestPage): Promise<Record<string, number>> {
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

export async function markCount(page: TestPage): Promise<number> {
  return Object.values(await marksByType(page)).reduce((sum, n) => sum + n, 0);
}

/** Gold mentions matched one-to-one by a painted range with the same text and type. */
export function matchedGold(marks: Painted[], gold: { surface: string; type: string }[]): number {
  const pool = new Map<string, number>();
  for (const mark of visible(marks))
    pool.set(`${mark.type}|${mark.surface}`, (pool.get(`${mark.type}|${mark.surface}`) ?? 0) + 1);
  let matched = 0;
  for (const g of gold) {
    const key = `${g.type}|${g.surface}`;
    const left = pool.get(key) ?? 0;
    if (left > 0) {
      matched += 1;
      pool.set(key, left - 1);
    }
  }
  return matched;
}

/** The text of every range painted as a saved highlight. */
export function paintedHighlights(page: TestPage): Promise<string[]> {
  return page.evaluate(() => {
    const registry = (CSS as unknown as { highlights: Map<string, Iterable<Range>> }).highlights;
    return [...(registry.get("siyaq-highlight") ?? [])].map((range) => range.toString());
  });
}

/**
 * How far the tab got restoring its saved highlights (`painted/saved`), asked by the extension (the
 * page itself is told nothing); null before the tab has finished.
 */
export async function highlightReport(
  ext: LaunchedExtension,
  page: TestPage,
): Promise<string | null> {
  const tabId = await ext.tabIdOf(await page.url());
  const answer = (await ext
    .sendToTab(tabId, { siyaqQuery: "highlight-progress" })
    .catch(() => null)) as { painted: number; saved: number } | null;
  return answer && `${answer.painted}/${answer.saved}`;
}

/**
 * The card's text as a screen reader would read it (styles left out), or only its list of events.
 * The card lives in a closed shadow root: production keeps it closed, the harness reads in.
 */
export async function cardText(page: TestPage, part?: "events"): Promise<string> {
  const text = await page.inShadow(
    "siyaq-card",
    (root, part) => {
      const texts: string[] = [];
      const collect = (node: Node) => {
        if (node.nodeName === "STYLE") return;
        if (node.nodeType === 3) texts.push(node.nodeValue ?? "");
        for (const child of node.childNodes) collect(child);
      };
      const scope = part
        ? [...root.querySelectorAll("ol")].find((list) =>
            [...list.attributes].some((a) => a.value.includes(part)),
          )
        : root;
      if (scope) collect(scope);
      return texts.join(" ");
    },
    part ?? null,
  );
  return text ?? "";
}

/** The centre of the first `selector` inside the selection UI's closed shadow root, if shown. */
export function selectionUiCenter(
  page: TestPage,
  selector: string,
): Promise<{ x: number; y: number } | null> {
  return page
    .inShadow(
      "siyaq-highlight-ui",
      (root, selector) => {
        const element = root.querySelector(selector);
        if (!element) return null;
        const rect = element.getBoundingClientRect();
        if (rect.width === 0 && rect.height === 0) return null;
        return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      },
      selector,
    )
    .then((center) => center ?? null);
}

/** Selects the first occurrence of `text` on the page, as a reader dragging over it would. */
export async function select(page: TestPage, text: string): Promise<void> {
  await atText(page, text, "select");
}

/** The viewport point in the middle of `text`'s first occurrence on the page, scrolled into view (to hover or click it). */
export async function textCenter(page: TestPage, text: string): Promise<{ x: number; y: number }> {
  return (await atText(page, text, "center"))!;
}

/** Finds `text` on the page, scrolls it to the middle of the view, and selects it or tells its centre. */
function atText(
  page: TestPage,
  text: string,
  then: "select" | "center",
): Promise<{ x: number; y: number } | null> {
  return page.evaluate(
    ({ wanted, then }) => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = (node as Text).data.indexOf(wanted);
        if (at === -1) continue;
        (node.parentElement as Element).scrollIntoView({ block: "center" });
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + wanted.length);
        if (then === "center") {
          const box = range.getClientRects()[0]!;
          return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
        }
        const selection = getSelection()!;
        selection.removeAllRanges();
        selection.addRange(range);
        return null;
      }
      throw new Error(`not on the page: ${wanted}`);
    },
    { wanted: text, then },
  );
}

/** Where the painted `surface` of `type` is on screen, scrolled into view; null when not painted. */
export function markCenter(
  page: TestPage,
  type: string,
  surface: string,
): Promise<{ x: number; y: number } | null> {
  return page.evaluate(
    ({ name, surface }) => {
      const registry = (CSS as unknown as { highlights: Map<string, Iterable<Range>> }).highlights;
      for (const range of registry.get(name) ?? []) {
        if (range.toString() !== surface) continue;
        range.startContainer.parentElement?.scrollIntoView({ block: "center" });
        const box = range.getClientRects()[0]!;
        return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
      }
      return null;
    },
    { name: `siyaq-${type.toLowerCase()}`, surface },
  );
}

/**
 * Puts `passage` into the library as a reader restores a saved highlight: a Web Annotation JSON
 * file chosen in the library's import (saving itself is for the content script only). Resolves
 * once the library lists one more highlight.
 */
export async function importHighlight(
  ext: LaunchedExtension,
  passage: SavedPassage,
): Promise<void> {
  const library = await ext.openExtensionPage("library.html");
  try {
    await library.waitFor("p.count");
    const items = "article.highlight";
    const before = await library.count(items);
    const json = await highlightFixtureFile(passage);
    await library.setInputFile('input[type="file"]', {
      name: "highlight.json",
      buffer: Buffer.from(json),
    });
    await waitUntil(async () => (await library.count(items)) > before).catch(() => {
      throw new Error(`the library did not list the imported highlight: ${passage.quote}`);
    });
  } finally {
    await library.close();
  }
}
