// Paints saved highlights with the CSS Custom Highlight API under one name, `siyaq-highlight`,
// in a look distinct from entity marks (a marker-pen background, not an underline). The page's
// DOM is never changed: one <style> element of our own carries the `::highlight()` rule.
import { highlightApi, type HighlightLike } from "@/src/page/highlight-api";

export const SAVED_HIGHLIGHT_NAME = "siyaq-highlight";
export const SAVED_HIGHLIGHT_STYLE_ID = "siyaq-highlight-style";

const STYLESHEET = `::highlight(${SAVED_HIGHLIGHT_NAME}) { background-color: rgba(250, 204, 21, 0.45); color: inherit; }`;

export interface SavedHighlightPainter {
  /** Whether this browser can paint at all (the Highlight API exists). */
  readonly supported: boolean;
  /** Replaces what is painted with these ranges. */
  paint(ranges: readonly Range[]): void;
  /** Adds one range (a highlight just saved). */
  add(range: Range): void;
  /** Removes the paint and our style element. */
  clear(): void;
}

export function createSavedHighlightPainter(doc: Document): SavedHighlightPainter {
  const api = highlightApi(doc);
  let highlight: HighlightLike | null = null;

  const ensure = (): HighlightLike | null => {
    if (!api) return null;
    if (!doc.getElementById(SAVED_HIGHLIGHT_STYLE_ID)) {
      const style = doc.createElement("style");
      style.id = SAVED_HIGHLIGHT_STYLE_ID;
      style.textContent = STYLESHEET;
      (doc.head ?? doc.documentElement).appendChild(style);
    }
    if (!highlight) {
      highlight = api.create();
      api.registry.set(SAVED_HIGHLIGHT_NAME, highlight);
    }
    return highlight;
  };

  return {
    supported: api !== null,
    paint(ranges) {
      const target = ensure();
      if (!target) return;
      target.clear();
      for (const range of ranges) target.add(range);
    },
    add(range) {
      ensure()?.add(range);
    },
    clear() {
      highlight?.clear();
      api?.registry.delete(SAVED_HIGHLIGHT_NAME);
      highlight = null;
      doc.getElementById(SAVED_HIGHLIGHT_STYLE_ID)?.remove();
    },
  };
}
