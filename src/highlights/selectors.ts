// W3C Web Annotation selectors for a passage of page text: the quote with its surrounding context,
// and its position. Pure: works on the page's text as one string, no DOM.

export interface TextQuoteSelector {
  type: "TextQuoteSelector";
  exact: string;
  prefix: string;
  suffix: string;
}

export interface TextPositionSelector {
  type: "TextPositionSelector";
  /** UTF-16 offsets into the page text, `end` exclusive. */
  start: number;
  end: number;
}

export type HighlightSelectors = [TextQuoteSelector, TextPositionSelector];

/** How much context the quote selector keeps on each side: enough to tell repeated quotes apart. */
export const CONTEXT_LENGTH = 32;

export class SelectionError extends Error {
  override name = "SelectionError";
}

/**
 * Describes `text.slice(start, end)` with both selectors. Offsets must fall inside the text and
 * the passage must hold more than whitespace; anything else is a caller bug and throws.
 */
export function describePassage(text: string, start: number, end: number): HighlightSelectors {
  if (
    !Number.isInteger(start) ||
    !Number.isInteger(end) ||
    start < 0 ||
    end > text.length ||
    start >= end
  ) {
    throw new SelectionError(
      `passage [${start}, ${end}) is outside a text of length ${text.length}`,
    );
  }
  const exact = text.slice(start, end);
  if (exact.trim() === "") throw new SelectionError("the passage is only whitespace");
  return [
    {
      type: "TextQuoteSelector",
      exact,
      prefix: contextBefore(text, start),
      suffix: contextAfter(text, end),
    },
    { type: "TextPositionSelector", start, end },
  ];
}

// Context never starts or ends in the middle of a surrogate pair, so it stays valid text.
function contextBefore(text: string, start: number): string {
  let from = Math.max(0, start - CONTEXT_LENGTH);
  if (from > 0 && isLowSurrogate(text.charCodeAt(from))) from -= 1;
  return text.slice(from, start);
}

function contextAfter(text: string, end: number): string {
  let to = Math.min(text.length, end + CONTEXT_LENGTH);
  if (to < text.length && isLowSurrogate(text.charCodeAt(to))) to += 1;
  return text.slice(end, to);
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
