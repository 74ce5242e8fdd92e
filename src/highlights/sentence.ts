// The sentence around a name, for the card's "save the sentence": what a researcher quotes is the
// statement, not the one word. Pure: works on the page text (the text map's string), no DOM.
import { splitSentences } from "@/src/events/extract";

/** A quote longer than this is cut to the clauses (then the words) around the name. */
export const MAX_SENTENCE_QUOTE = 500;

export interface Span {
  start: number;
  end: number;
}

/** Clause breaks inside a long sentence: Arabic and Latin commas and colons followed by space. */
const CLAUSE_BREAK = /[،,:]\s/g;

/**
 * The sentence of `text` that holds `[start, end)` (the name), bounded to `max` characters. Block
 * breaks ("\n" in the text map) end sentences too, so a quote never crosses a paragraph. A longer
 * sentence keeps the name's clause and as many clauses round it as fit, else the words round it.
 */
export function sentenceAround(text: string, start: number, end: number, max = MAX_SENTENCE_QUOTE): Span {
  const sentence = splitSentences(text).find((s) => s.start <= start && end <= s.end) ?? widenToLine(text, start, end);
  if (sentence.end - sentence.start <= max) return sentence;
  return clausesAround(text, sentence, { start, end }, max) ?? wordsAround(text, sentence, { start, end }, max);
}

/** A name that straddles a sentence break (rare: an abbreviation's dot) is quoted with its line. */
function widenToLine(text: string, start: number, end: number): Span {
  const from = text.lastIndexOf("\n", start - 1) + 1;
  const newline = text.indexOf("\n", end);
  return trim(text, { start: from, end: newline === -1 ? text.length : newline });
}

function clausesAround(text: string, sentence: Span, name: Span, max: number): Span | null {
  const cuts = [sentence.start];
  for (const match of text.slice(sentence.start, sentence.end).matchAll(CLAUSE_BREAK)) cuts.push(sentence.start + match.index + 1);
  cuts.push(sentence.end);
  const clauses = cuts.slice(0, -1).map((from, i) => ({ start: from, end: cuts[i + 1]! }));
  let first = clauses.findIndex((c) => c.start <= name.start && name.start < c.end);
  let last = clauses.findIndex((c) => c.start < name.end && name.end <= c.end);
  if (first === -1 || last === -1 || clauses[last]!.end - clauses[first]!.start > max) return null;
  // Grow forward first (the statement usually follows its subject), then backward.
  for (let grown = true; grown; ) {
    grown = false;
    if (last + 1 < clauses.length && clauses[last + 1]!.end - clauses[first]!.start <= max) {
      last += 1;
      grown = true;
    }
    if (first > 0 && clauses[last]!.end - clauses[first - 1]!.start <= max) {
      first -= 1;
      grown = true;
    }
  }
  return trimPunctuation(text, { start: clauses[first]!.start, end: clauses[last]!.end });
}

function wordsAround(text: string, sentence: Span, name: Span, max: number): Span {
  const room = Math.max(0, max - (name.end - name.start));
  let from = Math.max(sentence.start, name.start - Math.floor(room / 2));
  let to = Math.min(sentence.end, from + Math.max(max, name.end - name.start));
  from = Math.max(sentence.start, Math.min(from, to - max));
  // Whole words only: move inwards to the nearest space, never past the name.
  if (from > sentence.start) {
    const space = text.indexOf(" ", from);
    if (space !== -1 && space < name.start) from = space + 1;
  }
  if (to < sentence.end) {
    const space = text.lastIndexOf(" ", to);
    if (space >= name.end) to = space;
  }
  return trim(text, { start: from, end: to });
}

function trim(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}

/** A quote cut at a clause break does not end on the comma that joined it to the rest. */
function trimPunctuation(text: string, span: Span): Span {
  const trimmed = trim(text, span);
  while (trimmed.end > trimmed.start && /[،,:]/.test(text[trimmed.end - 1]!)) trimmed.end--;
  return trim(text, trimmed);
}
