// Where the reader met names the knowledge base does not know: the card of an unknown name says
// "also in these articles". Linked entities are counted by the mention records; these names have
// no entity id, so they have a table of their own. Owned by the background like the rest of the
// database: every tab's writes go through one transaction here (no lost updates between tabs), the
// table is bounded in names and bytes (a page full of names evicts the oldest, it cannot fill the
// disk), "erase all data" empties it and the backup carries it.
import * as v from "valibot";
import { ENTITY_TYPES, type EntityType } from "@/src/nlp/types";
import { HttpUrlSchema } from "@/src/shared/fields";
import { suppressionKey } from "@/src/settings/suppressions";
import type { SiyaqDatabase } from "./db";
import {
  SightingPageSchema,
  type SightingPage,
  type SightingRecord,
} from "@/src/contracts/records";
import { LEARN_AFTER_ARTICLES, MAX_LEARNED, learnedFrom, learnedSeenAgain } from "./learned";
import type { LearnedRecord } from "@/src/contracts/learned";

/** Names remembered; the least recently seen go first beyond it. */
export const MAX_NAMES = 2000;
/** Articles remembered per name: the card shows a few, not a history. */
export const MAX_PAGES_PER_NAME = 5;
/** The whole table's size (UTF-16 bytes of its JSON), however many names fit in it. */
export const MAX_SIGHTINGS_BYTES = 512 * 1024;
/** Where the content script kept them before they moved into the database. */
export const LEGACY_STORAGE_KEY = "siyaq.unknownSightings";

const MAX_URL = 2048;
const MAX_TITLE = 300;
const MAX_SURFACE = 200;

const SightingSchema = v.object({
  surface: v.pipe(v.string(), v.maxLength(MAX_SURFACE)),
  type: v.picklist(ENTITY_TYPES),
  pages: v.array(SightingPageSchema),
});
/** A sighting as a backup carries it (without its size, recomputed), every field checked. */
export const SightingBackupSchema = v.strictObject({
  key: v.pipe(v.string(), v.nonEmpty(), v.maxLength(MAX_SURFACE * 2)),
  surface: v.pipe(v.string(), v.nonEmpty(), v.maxLength(MAX_SURFACE)),
  type: v.picklist(ENTITY_TYPES),
  pages: v.pipe(
    v.array(
      v.strictObject({
        url: v.pipe(HttpUrlSchema, v.maxLength(MAX_URL)),
        title: v.pipe(v.string(), v.maxLength(MAX_TITLE)),
        publishedAt: v.optional(v.pipe(v.string(), v.maxLength(64))),
        seenAt: v.pipe(v.number(), v.finite()),
      }),
    ),
    v.minLength(1),
    v.maxLength(MAX_PAGES_PER_NAME),
  ),
  seenAt: v.pipe(v.number(), v.finite()),
});
export type SightingBackup = v.InferOutput<typeof SightingBackupSchema>;

/** Restores sightings from a backup: sized again, those already learned left out, then bounded. */
export async function restoreSightings(
  db: SiyaqDatabase,
  backups: readonly SightingBackup[],
): Promise<number> {
  const learned = new Set(
    (await db.learned.bulkGet(backups.map((b) => b.key))).flatMap((r) => (r ? [r.key] : [])),
  );
  const records = backups
    .filter((backup) => !learned.has(backup.key))
    .map((backup) => sized({ ...backup, pages: backup.pages.map((p) => ({ ...p })) }));
  await db.sightings.bulkPut(records);
  await evict(db);
  return records.length;
}

function sized(record: Omit<SightingRecord, "bytes">): SightingRecord {
  const withoutSize = { ...record, bytes: 0 };
  return { ...record, bytes: JSON.stringify(withoutSize).length * 2 };
}

/** Drops the least recently seen names until the table fits its name and byte bounds. */
async function evict(db: SiyaqDatabase): Promise<void> {
  let names = 0;
  let bytes = 0;
  const evicted: string[] = [];
  await db.sightings
    .orderBy("seenAt")
    .reverse()
    .each((record) => {
      names++;
      bytes += record.bytes;
      if (names > MAX_NAMES || bytes > MAX_SIGHTINGS_BYTES) evicted.push(record.key);
    });
  if (evicted.length > 0) await db.sightings.bulkDelete(evicted);
}

/**
 * Notes that these unknown names appear on `page`; the same page twice counts once. A name met in
 * LEARN_AFTER_ARTICLES distinct articles leaves this table and becomes a learned name
 * (./learned); a learned name met again gains the article there.
 */
export async function recordSightings(
  db: SiyaqDatabase,
  page: { url: string; title: string; publishedAt?: string },
  names: readonly { surface: string; type: EntityType }[],
  seenAt = Date.now(),
): Promise<void> {
  const byKey = new Map<string, { surface: string; type: EntityType }>();
  for (const name of names) {
    const key = suppressionKey(name.surface);
    if (key) byKey.set(key, name);
  }
  if (byKey.size === 0) return;
  const entry: SightingPage = {
    url: page.url.slice(0, MAX_URL),
    title: page.title.slice(0, MAX_TITLE),
    seenAt,
  };
  if (page.publishedAt) entry.publishedAt = page.publishedAt.slice(0, 64);
  await db.transaction("rw", [db.sightings, db.learned], async () => {
    const keys = [...byKey.keys()];
    const [known, learned] = await Promise.all([
      db.sightings.bulkGet(keys),
      db.learned.bulkGet(keys),
    ]);
    const records: SightingRecord[] = [];
    const learnedNow: LearnedRecord[] = [];
    const promoted: string[] = [];
    [...byKey].forEach(([key, { surface, type }], index) => {
      const already = learned[index];
      if (already) {
        // A dismissed name stays dismissed: it is neither learned again nor sighted.
        if (!already.dismissed) learnedNow.push(learnedSeenAgain(already, surface, entry));
        return;
      }
      const before = known[index];
      const again = before?.pages.find((p) => p.url === entry.url);
      const pages = (before?.pages ?? []).filter((p) => p !== again);
      // A later report of the same page that lacks its date keeps the date it had.
      pages.push(
        again?.publishedAt && !entry.publishedAt
          ? { ...entry, publishedAt: again.publishedAt }
          : entry,
      );
      if (new Set(pages.map((p) => p.url)).size >= LEARN_AFTER_ARTICLES) {
        const spellings = before ? [before.surface, surface] : [surface];
        learnedNow.push(learnedFrom(key, spellings, before?.type ?? type, pages, seenAt));
        if (before) promoted.push(key);
        return;
      }
      records.push(
        sized({
          key,
          surface: surface.slice(0, MAX_SURFACE),
          type,
          pages: pages.slice(-MAX_PAGES_PER_NAME),
          seenAt,
        }),
      );
    });
    await db.sightings.bulkPut(records);
    await db.sightings.bulkDelete(promoted);
    await db.learned.bulkPut(learnedNow);
    await evict(db);
    await evictLearned(db);
  });
}

/** The other articles where the reader met this name, most recent first (learned or not). */
export async function sightingsOf(
  db: SiyaqDatabase,
  surface: string,
  exceptUrl: string,
): Promise<SightingPage[]> {
  const key = suppressionKey(surface);
  const learned = await db.learned.get(key);
  if (learned && !learned.dismissed)
    return learned.articles.filter((p) => p.url !== exceptUrl).reverse();
  const known = await db.sightings.get(key);
  return (known?.pages ?? []).filter((p) => p.url !== exceptUrl).reverse();
}

/**
 * Moves sightings kept in `storage.local` by earlier versions into the table (valid entries only:
 * a damaged one is dropped alone). Returns how many names came over.
 */
export async function importLegacySightings(db: SiyaqDatabase, stored: unknown): Promise<number> {
  if (typeof stored !== "object" || stored === null) return 0;
  const records: SightingRecord[] = [];
  for (const [key, value] of Object.entries(stored)) {
    const parsed = v.safeParse(SightingSchema, value);
    if (!parsed.success || !key) continue;
    const pages = parsed.output.pages
      .slice(-MAX_PAGES_PER_NAME)
      .map((p) => ({ ...p, url: p.url.slice(0, MAX_URL), title: p.title.slice(0, MAX_TITLE) }));
    const seenAt = Math.max(0, ...pages.map((p) => p.seenAt));
    records.push(
      sized({
        key: key.slice(0, MAX_SURFACE * 2),
        surface: parsed.output.surface,
        type: parsed.output.type,
        pages,
        seenAt,
      }),
    );
  }
  await db.transaction("rw", db.sightings, async () => {
    const existing = new Set(await db.sightings.toCollection().primaryKeys());
    await db.sightings.bulkPut(records.filter((record) => !existing.has(record.key)));
    await evict(db);
  });
  return records.length;
}

interface LegacyStorage {
  get(key: string): Promise<Record<string, unknown>>;
  remove(key: string): Promise<void>;
}

/**
 * Once, in the background after an update: moves the old `storage.local` sightings into the table
 * and removes them from storage, so neither a later wipe nor the storage quota misses them. The key
 * is removed only after the move committed: a failure leaves them where they were for next time.
 */
export async function moveLegacySightings(
  db: SiyaqDatabase,
  storage: LegacyStorage,
): Promise<number> {
  const stored = (await storage.get(LEGACY_STORAGE_KEY))[LEGACY_STORAGE_KEY];
  if (stored === undefined) return 0;
  const moved = await importLegacySightings(db, stored);
  await storage.remove(LEGACY_STORAGE_KEY);
  return moved;
}

/** Keeps the table within MAX_LEARNED: the least recently seen untouched names go first. */
export async function evictLearned(db: SiyaqDatabase): Promise<void> {
  const count = await db.learned.count();
  if (count <= MAX_LEARNED) return;
  const evicted: string[] = [];
  await db.learned
    .orderBy("seenAt")
    .until(() => evicted.length >= count - MAX_LEARNED)
    .each((record) => {
      if (!record.edited) evicted.push(record.key);
    });
  await db.learned.bulkDelete(evicted);
}
