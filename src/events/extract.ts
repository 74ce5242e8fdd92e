// Turns what the recognizer found on a page into candidate timeline events: every sentence that
// carries a resolved date and at least one linked entity becomes one event. Pure: no DOM, no browser.
import type { EntityType, Mention } from "@/src/nlp/types";
import { boundSentence, splitSentences, type Span } from "./sentences";

export { splitSentences, type Sentence } from "./sentences";

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
  /** Longer sentences are cut to the clauses round the date; a timeline row is not an article. */
  maxTextLength?: number;
  /** A page yields at most this many events (the earliest sentences win). */
  maxEvents?: number;
}

/** The mention fields event extraction reads; the recognizer's `Mention` satisfies it. */
export type EventMention = Pick<Mention, "start" | "end" | "type" | "entityId" | "date">;

// Entity types that make a sentence "about" someone or something; dates are the other half.
const SUBJECT_TYPES: ReadonlySet<EntityType> = new Set(["PER", "ORG", "LOC", "EVENT", "MISC"]);

const ISO_DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

/** How precise an ISO date is: 1 year, 2 month, 3 day. */
function precision(date: string): number {
  return date.split("-").length;
}

/** Marks the sides where `span` cut its sentence with an ellipsis. */
function excerpt(text: string, sentence: Span, span: Span): string {
  const body = text.slice(span.start, span.end).replace(/\s+/g, " ");
  return `${span.start > sentence.start ? "…" : ""}${body}${span.end < sentence.end ? "…" : ""}`;
}

/** A page event's text: its sentence, or the clauses of it round the date when longer. */
export const MAX_EVENT_TEXT = 240;

/**
 * Candidate events of one page. A sentence with several dates takes the most precise one (the
 * first among equals): "on 9 December … since last year" is about 9 December. A sentence longer
 * than `maxTextLength` is trimmed to the clauses (else the words) round its date and the linked
 * name nearest to it; the event links the names that stay in its text.
 */
export function extractPageEvents(
  text: string,
  mentions: readonly EventMention[],
  { maxTextLength = MAX_EVENT_TEXT, maxEvents = 50 }: ExtractOptions = {},
): PageEventCandidate[] {
  const ordered = [...mentions].sort((a, b) => a.start - b.start);
  const events: PageEventCandidate[] = [];
  // Room for the ellipses a cut adds.
  const room = Math.max(1, maxTextLength - 2);
  let next = 0;
  for (const sentence of splitSentences(text)) {
    if (events.length >= maxEvents) break;
    while (next < ordered.length && ordered[next]!.start < sentence.start) next++;
    let date: EventMention | undefined;
    const subjects: EventMention[] = [];
    for (let i = next; i < ordered.length && ordered[i]!.start < sentence.end; i++) {
      const mention = ordered[i]!;
      if (mention.end > sentence.end) continue; // straddles a boundary: belongs to neither sentence
      if (mention.type === "DATE") {
        if (
          mention.date &&
          ISO_DATE.test(mention.date) &&
          (!date || precision(mention.date) > precision(date.date!))
        )
          date = mention;
      } else if (mention.entityId && SUBJECT_TYPES.has(mention.type)) subjects.push(mention);
    }
    if (!date || subjects.length === 0) continue;
    // A long sentence is kept to the clauses that carry the date and the name nearest to it.
    const nearest = subjects.reduce((a, b) => (distance(a, date!) <= distance(b, date!) ? a : b));
    const both = {
      start: Math.min(date.start, nearest.start),
      end: Math.max(date.end, nearest.end),
    };
    const span = boundSentence(text, sentence, both.end - both.start <= room ? both : date, room);
    const inside = subjects.filter((m) => m.start >= span.start && m.end <= span.end);
    const entityIds = [...new Set((inside.length > 0 ? inside : subjects).map((m) => m.entityId!))];
    events.push({ date: date.date!, text: excerpt(text, sentence, span), entityIds });
  }
  return events;
}

function distance(a: Span, b: Span): number {
  return a.end <= b.start ? b.start - a.end : b.end <= a.start ? a.start - b.end : 0;
}
