// Whether a page reads as Arabic: the test behind the default "run on Arabic pages" mode.
import { readableFilter } from "./text-map";

/** Letters sampled: enough to judge a page, bounded so a huge page costs no more than a small one. */
const SAMPLE_CHARS = 20_000;

/**
 * True when Arabic-script letters are at least half of the letters in the text (Latin and other
 * scripts count against). Digits, punctuation and spaces do not count either way, so a page of
 * menus in English around an Arabic article still passes when the article is the bulk of it.
 */
export function isMostlyArabic(text: string, minimumLetters = 40): boolean {
  let arabic = 0;
  let other = 0;
  const end = Math.min(text.length, SAMPLE_CHARS);
  for (let i = 0; i < end; i++) {
    const kind = letterKind(text.charCodeAt(i));
    if (kind === ARABIC) arabic += 1;
    else if (kind === OTHER) other += 1;
  }
  return arabic >= minimumLetters && arabic >= other;
}

const NOT_A_LETTER = 0;
const ARABIC = 1;
const OTHER = 2;

/** Arabic-script letter, Latin/Greek/Cyrillic letter, or neither (digits, punctuation, spaces). */
function letterKind(c: number): number {
  if (
    (c >= 0x0600 && c <= 0x06ff) ||
    (c >= 0x0750 && c <= 0x077f) ||
    (c >= 0x08a0 && c <= 0x08ff) ||
    (c >= 0xfb50 && c <= 0xfdff) ||
    (c >= 0xfe70 && c <= 0xfeff)
  ) {
    // Arabic punctuation and digits are not letters.
    if (
      c === 0x060c ||
      c === 0x061b ||
      c === 0x061f ||
      (c >= 0x0660 && c <= 0x066d) ||
      (c >= 0x06f0 && c <= 0x06f9)
    )
      return NOT_A_LETTER;
    return ARABIC;
  }
  if (
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x61 && c <= 0x7a) ||
    (c >= 0xc0 && c <= 0x24f) ||
    (c >= 0x0370 && c <= 0x052f)
  )
    return OTHER;
  return NOT_A_LETTER;
}

/** Arabic letters in one stretch that make a passage worth reading: a sentence, not a word or a logo. */
export const PASSAGE_LETTERS = 40;

/**
 * Whether the text holds an Arabic passage: a stretch of at least `minimumLetters` Arabic letters
 * uninterrupted by letters of another script (spaces, digits and punctuation do not interrupt).
 * An English page quoting an Arabic statement has one; a page with an Arabic word or name in a
 * caption does not.
 */
export function hasArabicPassage(text: string, minimumLetters = PASSAGE_LETTERS): boolean {
  let run = 0;
  const end = Math.min(text.length, SAMPLE_CHARS);
  for (let i = 0; i < end; i++) {
    const kind = letterKind(text.charCodeAt(i));
    if (kind === ARABIC) {
      run += 1;
      if (run >= minimumLetters) return true;
    } else if (kind === OTHER) run = 0;
  }
  return false;
}

/**
 * Up to `limit` characters of the page's text, cheaply: text nodes in order, by the text map's own
 * filter (no code, hidden text or chrome). Enough to judge the language before reading the page.
 */
export function sampleText(doc: Document, limit = SAMPLE_CHARS): string {
  const root = doc.body ?? doc.documentElement;
  if (!root) return "";
  const walker = doc.createTreeWalker(
    root,
    1 | 4 /* NodeFilter.SHOW_ELEMENT | SHOW_TEXT */,
    readableFilter(),
  );
  const parts: string[] = [];
  let length = 0;
  for (let node = walker.nextNode(); node && length < limit; node = walker.nextNode()) {
    if (node.nodeType !== 3) continue;
    const data = (node as Text).data;
    parts.push(data);
    length += data.length;
  }
  return parts.join(" ");
}
