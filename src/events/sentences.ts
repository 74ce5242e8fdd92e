// Sentences of page text, and the bounded stretch of one around a name or a date: the card's
// "save the sentence" quotes it, a page event keeps it as its text. Pure: works on the page text
// (the text map's string, where "\n" is a block break), no DOM.

export interface Span {
  start: number;
  end: number;
}

// A sentence ends at . ! ? and their Arabic forms (؟ ؛ ۔), an ellipsis, or a line break, with the
// closing quotes and brackets right after it (`…العراق.”`) — but a full stop glued to the next
// character (3.5, د.رائد) or after a one-letter abbreviation (د. م.) does not end anything.
const SENTENCE_END = /[!?؟؛۔…]+["”»’')\]]*|\.["”»’')\]]*(?=\s|$)|\n/g;
const ABBREVIATION_BEFORE_DOT = /(?:^|\s)[\u0621-\u064A]$/;

export type Sentence = Span;

/** Splits text into sentences; offsets index `text`, `end` exclusive, surrounding space trimmed. */
export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let start = 0;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (e > s) sentences.push({ start: s, end: e });
  };
  for (const match of text.matchAll(SENTENCE_END)) {
    const at = match.index;
    if (
      match[0].startsWith(".") &&
      ABBREVIATION_BEFORE_DOT.test(text.slice(Math.max(0, at - 3), at))
    )
      continue;
    push(at + match[0].length);
    start = at + match[0].length;
  }
  push(text.length);
  return sentences;
}

/** A quote longer than this is cut to the clauses (then the words) around the name. */
export const MAX_SENTENCE_QUOTE = 500;

/** Clause breaks inside a long sentence: Arabic and Latin commas and colons followed by space. */
const CLAUSE_BREAK = /[،,:]\s/g;

/**
 * The sentence of `text` that holds `[start, end)` (the name), bounded to `max` characters. Block
 * breaks ("\n" in the text map) end sentences too, so a quote never crosses a paragraph. A longer
 * sentence keeps the name's clause and as many clauses round it as fit, else the words round it.
 */
export function sentenceAround(
  text: string,
  start: number,
  end: number,
  max = MAX_SENTENCE_QUOTE,
): Span {
  const sentence =
    splitSentences(text).find((s) => s.start <= start && end <= s.end) ??
    widenToLine(text, start, end);
  return boundSentence(text, sentence, { start, end }, max);
}

/**
 * `sentence` itself when it is at most `max` long; else the clauses round `core` that fit, else
 * the whole words round it. `core` must lie inside `sentence`.
 */
export function boundSentence(text: string, sentence: Span, core: Span, max: number): Span {
  if (sentence.end - sentence.start <= max) return sentence;
  return clausesAround(text, sentence, core, max) ?? wordsAround(text, sentence, core, max);
}

/** A name that straddles a sentence break (rare: an abbreviation's dot) is quoted with its line. */
function widenToLine(text: string, start: number, end: number): Span {
  const from = text.lastIndexOf("\n", start - 1) + 1;
  const newline = text.indexOf("\n", end);
  return trim(text, { start: from, end: newline === -1 ? text.length : newline });
}

function clausesAround(text: string, sentence: Span, name: Span, max: number): Span | null {
  const cuts = [sentence.start];
  for (const match of text.slice(sentence.start, sentence.end).matchAll(CLAUSE_BREAK))
    cuts.push(sentence.start + match.index + 1);
  cuts.push(sentence.end);
  const clauses = cuts.slice(0, -1).map((from, i) => ({ start: from, end: cuts[i + 1]! }));
  let first = clauses.findIndex((c) => c.start <= name.start && name.start < c.end);
  let last = clauses.findIndex((c) => c.start < name.end && name.end <= c.end);
  if (first === -1 || last === -1 || clauses[last]!.end - clauses[first]!.start > max) return null;
  // Grow forward first (the statement usually follows its subject), then backward.
  for (let grown = true; grown;) {
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
