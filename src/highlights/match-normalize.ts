// Folds text for quote matching so saved highlights survive diacritics, alef and whitespace
// changes, keeping a map from every folded index back to the original string.
// Interim: replaced by the recognizer's `@/src/nlp/normalize` once it is committed.

export interface FoldedText {
  /** The folded text that matching runs on. */
  text: string;
  /** `origin[i]` is the original index of folded char `i`; `origin[text.length]` is the original length. */
  origin: number[];
}

const DIACRITICS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640\u200B-\u200F\u2060\uFEFF]/;
const LETTER_VARIANTS: Record<string, string> = {
  "\u0623": "\u0627", // أ
  "\u0625": "\u0627", // إ
  "\u0622": "\u0627", // آ
  "\u0671": "\u0627", // ٱ
  "\u0649": "\u064A", // ى → ي
  "\u0629": "\u0647", // ة → ه
  "\u06CC": "\u064A", // ی
  "\u06A9": "\u0643", // ک
};

export function foldForMatch(original: string): FoldedText {
  let text = "";
  const origin: number[] = [];
  let lastWasSpace = false;
  for (let i = 0; i < original.length; i++) {
    let ch = original[i]!;
    if (DIACRITICS.test(ch)) continue;
    if (/\s/.test(ch)) {
      if (lastWasSpace) continue;
      lastWasSpace = true;
      text += " ";
      origin.push(i);
      continue;
    }
    lastWasSpace = false;
    const code = ch.charCodeAt(0);
    if (code >= 0x0660 && code <= 0x0669) ch = String(code - 0x0660);
    else if (code >= 0x06f0 && code <= 0x06f9) ch = String(code - 0x06f0);
    const lower = ch.toLowerCase();
    // A lowercase that changes length (İ) would break the index map: keep such letters as they are.
    ch = LETTER_VARIANTS[ch] ?? (lower.length === 1 ? lower : ch);
    text += ch;
    origin.push(i);
  }
  origin.push(original.length);
  return { text, origin };
}
