// Turns what the recognizer found on a page into candidate timeline events: every sentence that
// carries a resolved date and at least one linked entity becomes one event. Pure: no DOM, no browser.
import type { EntityType, Mention } from "@/src/nlp/types";

/** One event proposed from a page, in the shape `events.addFromPage` takes. */
export interface PageEventCandidate {
  /** ISO date at its precision (`2011`, `2014-06`, `2021-12-09`). */
  date: string;
  /** The sentence that states it, whitespace collapsed. */
  text: string;
  /** Linked entities of the sentence, in order of first appearance. */
  entityIds: string[];
}

export interface ExtractOptions {
  /** Longer sentences are cut at a word boundary; a timeline row is not an article. */
  maxTextLength?: number;
  /** A page yields at most this many events (the earliest sentences win). */
  maxEvents?: number;
}

/** The mention fields event extraction reads; the recognizer's `Mention` satisfies it. */
export type EventMention = Pick<Mention, "start" | "end" | "type" | "entityId" | "date">;

// Entity types that make a sentence "about" someone or something; dates are the other half.
const SUBJECT_TYPES: ReadonlySet<EntityType> = new Set(["PER", "ORG", "LOC", "EVENT", "MISC"]);

const ISO_DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

// A sentence ends at . ! ? and their Arabic forms (؟ ؛ ۔), an ellipsis, or a line break — but a
// full stop glued to the next character (3.5, د.رائد) or after a one-letter abbreviation (د. م.)
// does not end anything.
const SENTENCE_END = /[!?؟؛۔…]+|\.(?=\s|$)|\n/g;
const ABBREVIATION_BEFORE_DOT = /(?:^|\s)[\u0621-\u064A]$/;

export interface Sentence {
  start: number;
  end: number;
}

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
    if (match[0] === "." && ABBREVIATION_BEFORE_DOT.test(text.slice(Math.max(0, at - 3), at))) continue;
    push(at + match[0].length);
    start = at + match[0].length;
  }
  push(text.length);
  return sentences;
}

/** How precise an ISO date is: 1 year, 2 month, 3 day. */
function precision(date: string): number {
  return date.split("-").length;
}

function clip(sentence: string, max: number): string {
  if (sentence.length <= max) return sentence;
  const cut = sentence.lastIndexOf(" ", max - 1);
  return `${sentence.slice(0, cut > max / 2 ? cut : max - 1)}…`;
}

/**
 * Candidate events of one page. A sentence with several dates takes the most precise one (the
 * first among equals): "on 9 December … since last year" is about 9 December.
 */
export function extractPageEvents(
  text: string,
  mentions: readonly EventMention[],
  { maxTextLength = 400, maxEvents = 50 }: ExtractOptions = {},
): PageEventCandidate[] {
  const ordered = [...mentions].sort((a, b) => a.start - b.start);
  const events: PageEventCandidate[] = [];
  let next = 0;
  for (const sentence of splitSentences(text)) {
    if (events.length >= maxEvents) break;
    while (next < ordered.length && ordered[next]!.start < sentence.start) next++;
    let date: string | undefined;
    const entityIds: string[] = [];
    for (let i = next; i < ordered.length && ordered[i]!.start < sentence.end; i++) {
      const mention = ordered[i]!;
      if (mention.end > sentence.end) continue; // straddles a boundary: belongs to neither sentence
      if (mention.type === "DATE") {
        if (mention.date && ISO_DATE.test(mention.date) && (!date || precision(mention.date) > precision(date))) {
          date = mention.date;
        }
      } else if (mention.entityId && SUBJECT_TYPES.has(mention.type) && !entityIds.includes(mention.entityId)) {
        entityIds.push(mention.entityId);
      }
    }
    if (!date || entityIds.length === 0) continue;
    const sentenceText = text.slice(sentence.start, sentence.end).replace(/\s+/g, " ");
    events.push({ date, text: clip(sentenceText, maxTextLength), entityIds });
  }
  return events;
}
