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
    const c = text.charCodeAt(i);
    if ((c >= 0x0600 && c <= 0x06ff) || (c >= 0x0750 && c <= 0x077f) || (c >= 0x08a0 && c <= 0x08ff) || (c >= 0xfb50 && c <= 0xfdff) || (c >= 0xfe70 && c <= 0xfeff)) {
      // Arabic punctuation and digits are not letters.
      if (c === 0x060c || c === 0x061b || c === 0x061f || (c >= 0x0660 && c <= 0x066d) || (c >= 0x06f0 && c <= 0x06f9)) continue;
      arabic += 1;
    } else if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f) || (c >= 0x0370 && c <= 0x052f)) {
      other += 1;
    }
  }
  return arabic >= minimumLetters && arabic >= other;
}

/**
 * Up to `limit` characters of the page's text, cheaply: text nodes in order, by the text map's own
 * filter (no code, hidden text or chrome). Enough to judge the language before reading the page.
 */
export function sampleText(doc: Document, limit = SAMPLE_CHARS): string {
  const root = doc.body ?? doc.documentElement;
  if (!root) return "";
  const walker = doc.createTreeWalker(root, 1 | 4 /* NodeFilter.SHOW_ELEMENT | SHOW_TEXT */, readableFilter());
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
