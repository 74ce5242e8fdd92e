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
  const codes = new Uint16Array(source.length);
  const origin = new Int32Array(source.length + 1);
  let length = 0;
  let lastWasSpace = false;
  for (let i = 0; i < source.length; i++) {
    const code = source.charCodeAt(i);
    const space = isSpace(code);
    if (space && lastWasSpace) continue; // a repeated space folds into the first
    lastWasSpace = space;
    codes[length] = space ? 32 : code;
    origin[length] = normalized.toOriginal[i]!;
    length++;
  }
  origin[length] = original.length;
  return { text: codesToString(codes, length), origin: origin.subarray(0, length + 1) };
}

function isSpace(code: number): boolean {
  return (
    code === 32 ||
    (code >= 9 && code <= 13) ||
    code === 0xa0 ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x3000 ||
    (code >= 0x2000 && code <= 0x200a)
  );
}

const utf16 = new TextDecoder("utf-16le");

/** Native decoding: far faster than fromCharCode on long pages; a lone surrogate becomes U+FFFD, same length. */
function codesToString(codes: Uint16Array, length: number): string {
  return utf16.decode(codes.subarray(0, length));
}
