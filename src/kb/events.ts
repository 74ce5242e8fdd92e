// Related events: timelines merged from packs, pages and the user, with near-duplicates folded, and
// events learnt from reading (a dated sentence with linked entities becomes an `origin: page` event).
import type { EventOrigin, EventRecord, EventSource, SiyaqDatabase } from "./db";
import { aliasKey } from "./alias-keys";
import type { PageEvent, TimelineEvent } from "@/src/messaging/messages/kb";
import { PACK_LIMITS } from "@/src/contracts/pack-schema";

/** Share of the shorter title's words the other must contain for two titles to be "similar". */
const TITLE_OVERLAP = 0.6;
/** Titles with fewer content words than this are too short to compare. */
const MIN_TITLE_WORDS = 3;
/** Which event stands for a folded group: the user's wording, then a pack's, then a page's. */
const ORIGIN_RANK: Record<EventOrigin, number> = { user: 0, pack: 1, page: 2 };
/** Clitics and the article stripped before comparing words (`والموصل` ~ `الموصل` ~ `موصل`). */
const WORD_PREFIXES = ["وال", "بال", "فال", "كال", "لل", "ال", "و", "ب", "ل"];

/** Whether one date contains the other: `2014` ⊇ `2014-06` ⊇ `2014-06-10`. */
export function datesOverlap(a: string, b: string): boolean {
  return a.startsWith(b) || b.startsWith(a);
}

/** Content words of a title, normalised and without clitics, for similarity. */
export function titleWords(title: string): Set<string> {
  const words = new Set<string>();
  for (const raw of aliasKey(title).split(/[^\p{L}\p{N}]+/u)) {
    let word = raw;
    for (const prefix of WORD_PREFIXES) {
      if (word.startsWith(prefix) && word.length - prefix.length >= 3) {
        word = word.slice(prefix.length);
        break;
      }
    }
    if (word.length >= 3) words.add(word);
  }
  return words;
}

function similarTitles(a: Set<string>, b: Set<string>): boolean {
  const smaller = a.size <= b.size ? a : b;
  const larger = smaller === a ? b : a;
  if (smaller.size < MIN_TITLE_WORDS) return false;
  let shared = 0;
  for (const word of smaller) if (larger.has(word)) shared++;
  return shared / smaller.size >= TITLE_OVERLAP;
}

type Comparable = Pick<EventRecord, "date" | "entityIds" | "title" | "pack">;

/**
 * Two records of the same happening: the same day with an entity in common, or overlapping dates
 * with similar titles. A shared month or year is not enough on its own: a country has many
 * unrelated events in June 2014. Events of one pack are curated as distinct and never fold together.
 */
export function isNearDuplicate(
  a: Comparable,
  b: Comparable,
  words = new Map<Comparable, Set<string>>(),
): boolean {
  if (a.pack !== undefined && a.pack === b.pack) return false;
  if (
    a.date === b.date &&
    a.date.length === 10 &&
    a.entityIds.some((id) => b.entityIds.includes(id))
  )
    return true;
  if (!datesOverlap(a.date, b.date)) return false;
  const wordsOf = (event: Comparable) => {
    let found = words.get(event);
    if (!found) words.set(event, (found = titleWords(`${event.title.ar} ${event.title.en ?? ""}`)));
    return found;
  };
  return similarTitles(wordsOf(a), wordsOf(b));
}

function representativeFirst(a: EventRecord, b: EventRecord): number {
  return (
    ORIGIN_RANK[a.origin] - ORIGIN_RANK[b.origin] ||
    b.date.length - a.date.length ||
    a.createdAt - b.createdAt
  );
}

/** Events newest first with near-duplicates folded into the best-sourced one of each group. */
export function timeline(events: readonly EventRecord[]): TimelineEvent[] {
  const words = new Map<Comparable, Set<string>>();
  // Both folding rules need overlapping dates, hence the same year: only groups of one year meet.
  const groupsByYear = new Map<string, { head: EventRecord; members: EventRecord[] }[]>();
  for (const event of [...events].sort(representativeFirst)) {
    const year = event.date.slice(0, 4);
    let groups = groupsByYear.get(year);
    if (!groups) groupsByYear.set(year, (groups = []));
    const group = groups.find((candidate) =>
      candidate.members.some((member) => isNearDuplicate(member, event, words)),
    );
    if (group) group.members.push(event);
    else groups.push({ head: event, members: [event] });
  }
  const folded = [...groupsByYear.values()].flat().map(({ head, members }): TimelineEvent => {
    const alsoIn = members
      .filter((member) => member !== head && member.source)
      .map((member) => member.source as EventSource);
    return alsoIn.length > 0 ? { ...head, alsoIn } : head;
  });
  return folded.sort((a, b) => b.date.localeCompare(a.date) || representativeFirst(a, b));
}

/** Stored events whose date overlaps `date` and that share one of `entityIds`: the fold candidates. */
async function foldCandidates(
  db: SiyaqDatabase,
  date: string,
  entityIds: readonly string[],
): Promise<EventRecord[]> {
  // Looked up by date rather than by entity: a country may have thousands of events, a day few.
  const coarser = [date.slice(0, 4), date.slice(0, 7), date].filter(
    (prefix, index, all) => all.indexOf(prefix) === index,
  );
  const shares = (event: EventRecord) => event.entityIds.some((id) => entityIds.includes(id));
  const found = await db.events.where("date").anyOf(coarser).filter(shares).toArray();
  if (date.length < 10)
    found.push(...(await db.events.where("date").startsWith(`${date}-`).filter(shares).toArray()));
  return found;
}

export interface PageEventsInput {
  url: string;
  title: string;
  publishedAt?: string;
  events: readonly PageEvent[];
}

/**
 * The most page events one origin may add in one (UTC) day. A reader meets a few dated sentences
 * per article; a site that plants events in bulk (or forges a source) is cut off at this many.
 */
export const MAX_PAGE_EVENTS_PER_ORIGIN_PER_DAY = 100;

/** Where the day's count of an origin's page events is kept (the `meta` table; wiped with it). */
export function pageEventQuotaKey(origin: string, now: number): string {
  return `page-events:${new Date(now).toISOString().slice(0, 10)}:${origin}`;
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}

/**
 * Stores dated sentences from an article as `origin: page` events. Entities the database does not
 * know are dropped (an event with none left is skipped), and a sentence that repeats an event
 * already known — from a pack, another article or earlier in this one — is folded into it rather
 * than stored again. Returns how many events were added.
 */
export async function addPageEvents(
  db: SiyaqDatabase,
  input: PageEventsInput,
  now = Date.now(),
): Promise<number> {
  return db.transaction("rw", [db.events, db.entities, db.meta], async () => {
    const wanted = [...new Set(input.events.flatMap((event) => event.entityIds))];
    const known = new Set(
      (await db.entities.bulkGet(wanted))
        .filter((entity) => entity !== undefined)
        .map((entity) => entity.id),
    );
    const words = new Map<Comparable, Set<string>>();
    const source: EventSource = { url: input.url, title: input.title };
    if (input.publishedAt !== undefined) source.publishedAt = input.publishedAt;
    const quotaKey = pageEventQuotaKey(originOf(input.url), now);
    const usedToday = Number((await db.meta.get(quotaKey))?.value ?? 0) || 0;

    let added = 0;
    for (const event of input.events) {
      if (usedToday + added >= MAX_PAGE_EVENTS_PER_ORIGIN_PER_DAY) break;
      const entityIds = [...new Set(event.entityIds.filter((id) => known.has(id)))];
      const title = sentenceTitle(event.text);
      if (entityIds.length === 0 || !title) continue;
      const record: EventRecord = {
        id: pageEventId(input.url, event.date, event.text),
        date: event.date,
        title: { ar: title },
        entityIds,
        origin: "page",
        source,
        url: input.url,
        createdAt: now,
      };
      if (await db.events.get(record.id)) continue;
      if (await db.meta.get(deletedEventKey(record.id))) continue; // the reader deleted it once
      const candidates = await foldCandidates(db, record.date, entityIds);
      if (candidates.some((candidate) => isNearDuplicate(candidate, record, words))) continue;
      await db.events.add(record);
      added++;
    }
    if (added > 0) await db.meta.put({ key: quotaKey, value: usedToday + added });
    return added;
  });
}

/**
 * A page sentence as an event title: one line, no control characters, within the title limit —
 * the same rules a backup is checked against, so every stored event survives export and import.
 */
export function sentenceTitle(text: string): string {
  const line = text.replace(/[\u0000-\u001F\u007F\s]+/g, " ").trim();
  return line.length > PACK_LIMITS.maxTitleLength
    ? `${line.slice(0, PACK_LIMITS.maxTitleLength - 1)}…`
    : line;
}

/**
 * Where a deleted event is remembered, so reading its article again, or an update of its pack,
 * does not bring it back.
 */
export function deletedEventKey(id: string): string {
  return `deleted-event:${id}`;
}

export async function deleteEvent(
  db: SiyaqDatabase,
  id: string,
  now = Date.now(),
): Promise<boolean> {
  return db.transaction("rw", [db.events, db.meta], async () => {
    const event = await db.events.get(id);
    if (!event) return false;
    await db.events.delete(id);
    if (event.origin !== "user") await db.meta.put({ key: deletedEventKey(id), value: now });
    return true;
  });
}

/** A stable id for a sentence read on a page, so reading the article again adds nothing. */
export function pageEventId(url: string, date: string, text: string): string {
  return `page:${date}:${fnv1a(`${url}\u0000${aliasKey(text)}`)}`;
}

/** 52 bits of FNV-1a, as base 36: plenty to keep one reader's page events apart. */
function fnv1a(text: string): string {
  let low = 0x811c9dc5;
  let high = 0x050c5d1f;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    low = Math.imul(low ^ code, 0x01000193) >>> 0;
    high = Math.imul(high ^ (code + index), 0x01000193) >>> 0;
  }
  return ((high & 0xfffff) * 0x100000000 + low).toString(36);
}
