// Turns what the reader selected (a DOM Range) into a passage of the page text, in the text map's
// coordinates that saved selectors use: boundaries on elements are resolved to the text they touch,
// and whitespace at either edge is left out.
import type { TextMap } from "@/src/dom/text-map";

export interface Passage {
  start: number;
  end: number;
}

/** The passage a range covers, or null when it holds no page text (our own UI, a form field, blank). */
export function passageOfRange(map: TextMap, range: Range): Passage | null {
  let start: number | null = null;
  let end: number | null = null;
  for (const segment of map.segments) {
    if (!range.intersectsNode(segment.node)) continue;
    const from =
      segment.node === range.startContainer
        ? map.positionOf(segment.node, range.startOffset)!
        : segment.start;
    const to =
      segment.node === range.endContainer
        ? map.positionOf(segment.node, range.endOffset)!
        : segment.end;
    // A range that ends at offset 0 of a node only touches it.
    if (to <= from) continue;
    start ??= from;
    end = to;
  }
  if (start === null || end === null) return null;
  while (start < end && /\s/.test(map.text[start]!)) start++;
  while (end > start && /\s/.test(map.text[end - 1]!)) end--;
  return start < end ? { start, end } : null;
}
