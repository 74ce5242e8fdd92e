// Folds text for quote matching so saved highlights survive diacritic, alef and whitespace
// changes: the recognizer's normalisation, plus whitespace runs collapsed to one space (pages
// re-flow and re-indent), keeping a map from every folded index back to the original string.
import { normalizeForMatch } from "@/src/nlp/normalize";

export interface FoldedText {
  /** The folded text that matching runs on. */
  text: string;
  /** `origin[i]` is the original index of folded char `i`; `origin[text.length]` is the original length. */
  origin: Int32Array;
}

export function foldForMatch(original: string): FoldedText {
  const normalized = normalizeForMatch(original);
  const source = normalized.text;
  const parts: string[] = [];
  const origin = new Int32Array(source.length + 1);
  let length = 0;
  let runStart = 0; // start of the current stretch copied as-is
  let lastWasSpace = false;
  for (let i = 0; i < source.length; i++) {
    const space = isSpace(source.charCodeAt(i));
    if (space && lastWasSpace) {
      // Drop the repeated space: flush what came before it.
      if (runStart < i) parts.push(source.slice(runStart, i));
      runStart = i + 1;
      continue;
    }
    lastWasSpace = space;
    origin[length++] = normalized.toOriginal[i]!;
  }
  if (runStart < source.length) parts.push(source.slice(runStart));
  origin[length] = original.length;
  const text = parts.join("").replace(/\s/g, " ");
  return { text, origin: origin.subarray(0, length + 1) };
}

function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x2028 || code === 0x2029 || code === 0x3000 || (code >= 0x2000 && code <= 0x200a);
}
