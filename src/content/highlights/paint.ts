// Paints saved highlights with the CSS Custom Highlight API under one name, `siyaq-highlight`,
// in a look distinct from entity marks (a marker-pen background, not an underline). The page's
// DOM is never changed: one <style> element of our own carries the `::highlight()` rule.
import { highlightApi, type HighlightLike } from "@/src/dom/highlight-api";

export const SAVED_HIGHLIGHT_NAME = "siyaq-highlight";
export const SAVED_HIGHLIGHT_STYLE_ID = "siyaq-highlight-style";
/** A passage the popup asked to see, painted for a moment over its usual paint. */
export const FLASH_HIGHLIGHT_NAME = "siyaq-highlight-flash";
const FLASH_MS = 2000;

const STYLESHEET = `::highlight(${SAVED_HIGHLIGHT_NAME}) { background-color: rgba(250, 204, 21, 0.45); color: inherit; }
::highlight(${FLASH_HIGHLIGHT_NAME}) { background-color: rgba(234, 88, 12, 0.55); color: inherit; text-decoration: underline 3px rgb(194, 65, 12); }`;

export interface SavedHighlightPainter {
  /** Whether this browser can paint at all (the Highlight API exists). */
  readonly supported: boolean;
  /** Replaces what is painted with these ranges. */
  paint(ranges: readonly Range[]): void;
  /** Adds one range (a highlight just saved). */
  add(range: Range): void;
  /** Paints one range brightly for a moment (the popup's "show this passage"). */
  flash(range: Range): void;
  /** Removes the paint and our style element. */
  clear(): void;
}

export function createSavedHighlightPainter(doc: Document): SavedHighlightPainter {
  const api = highlightApi(doc);
  let highlight: HighlightLike | null = null;
  let flashTimer: ReturnType<typeof setTimeout> | undefined;

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
    flash(range) {
      if (!ensure() || !api) return;
      const flashed = api.create();
      flashed.add(range);
      api.registry.set(FLASH_HIGHLIGHT_NAME, flashed);
      clearTimeout(flashTimer);
      flashTimer = setTimeout(() => api.registry.delete(FLASH_HIGHLIGHT_NAME), FLASH_MS);
    },
    clear() {
      clearTimeout(flashTimer);
      api?.registry.delete(FLASH_HIGHLIGHT_NAME);
      highlight?.clear();
      api?.registry.delete(SAVED_HIGHLIGHT_NAME);
      highlight = null;
      doc.getElementById(SAVED_HIGHLIGHT_STYLE_ID)?.remove();
    },
  };
}
