// The whole database as one file: backup (export), restore (import, validated with the full
// record schemas and applied in one transaction) and wipe. Settings live in storage.local and
// travel separately.
import * as v from "valibot";
import { HighlightSchema } from "@/src/contracts/highlight";
import { HttpUrlSchema } from "@/src/shared/fields";
import type {
  EntityRecord,
  EventRecord,
  HighlightRecord,
  MentionRecord,
  PackRecord,
  SiyaqDatabase,
} from "./db";
import { aliasKeysOf } from "./alias-keys";
import { markEntitiesChanged } from "./changes";
import type { DataImportCounts } from "@/src/messaging/messages/kb";
import { LearnedRecordSchema, type LearnedRecord } from "@/src/contracts/learned";
import { SightingBackupSchema, evictLearned, restoreSightings } from "./sightings";
import { ENTITY_TYPES } from "@/src/nlp/types";
import {
  EntityIdSchema,
  EventDateSchema,
  PACK_LIMITS,
  PackEntitySchema,
  PackError,
  PackEventSchema,
  describeIssue,
} from "@/src/contracts/pack-schema";
import { errorText } from "@/src/shared/error-text";

export const DATA_FORMAT = "siyaq-data";
export const DATA_FORMAT_VERSION = 1;
/** Records per table a backup may hold. */
const MAX_RECORDS = 1_000_000;

const Timestamp = v.pipe(v.number(), v.finite());
const Text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const Localized = v.strictObject({
  ar: Text(PACK_LIMITS.maxMetaLength),
  en: v.optional(Text(PACK_LIMITS.maxMetaLength)),
});
const PartialLocalized = v.strictObject({
  ar: v.optional(Text(PACK_LIMITS.maxMetaLength)),
  en: v.optional(Text(PACK_LIMITS.maxMetaLength)),
});

const EntityRecordSchema = v.strictObject({
  ...PackEntitySchema.entries,
  type: v.picklist(ENTITY_TYPES),
  source: Text(PACK_LIMITS.maxIdLength),
  packRank: v.optional(v.pipe(v.number(), v.integer())),
  updatedAt: Timestamp,
  /** Recomputed on import: the normaliser may have changed since the backup. */
  aliasKeys: v.optional(v.array(v.string())),
});

const EventSourceSchema = v.strictObject({
  url: v.optional(HttpUrlSchema),
  title: v.optional(Text(2000)),
  pack: v.optional(Text(PACK_LIMITS.maxIdLength)),
  publishedAt: v.optional(Text(64)),
});

const EventRecordSchema = v.strictObject({
  ...PackEventSchema.entries,
  date: EventDateSchema,
  origin: v.picklist(["pack", "page", "user"]),
  source: v.optional(EventSourceSchema),
  pack: v.optional(Text(PACK_LIMITS.maxIdLength)),
  url: v.optional(HttpUrlSchema),
  packRank: v.optional(v.pipe(v.number(), v.integer())),
  createdAt: Timestamp,
});

const MentionRecordSchema = v.strictObject({
  entityId: EntityIdSchema,
  url: HttpUrlSchema,
  title: Text(2000),
  seenAt: Timestamp,
});

/** Highlights are checked with their owner's full schema (src/highlights), every field of them. */
const HighlightRecordSchema = v.strictObject(HighlightSchema.entries);

const PackRecordSchema = v.strictObject({
  id: Text(PACK_LIMITS.maxIdLength),
  version: Text(64),
  name: Text(PACK_LIMITS.maxMetaLength),
  installedAt: Timestamp,
  entityCount: v.pipe(v.number(), v.integer(), v.minValue(0)),
  eventCount: v.pipe(v.number(), v.integer(), v.minValue(0)),
  names: v.optional(Localized),
  description: v.optional(PartialLocalized),
  license: v.optional(Text(PACK_LIMITS.maxMetaLength)),
  attribution: v.optional(Text(PACK_LIMITS.maxMetaLength)),
});

const table = <T extends v.GenericSchema>(record: T) =>
  v.pipe(v.array(record), v.maxLength(MAX_RECORDS));

const DataFileSchema = v.object({
  format: v.literal(DATA_FORMAT, `must be "${DATA_FORMAT}"`),
  formatVersion: v.literal(DATA_FORMAT_VERSION, `must be ${DATA_FORMAT_VERSION}`),
  exportedAt: v.optional(v.string()),
  entities: table(EntityRecordSchema),
  events: table(EventRecordSchema),
  mentions: table(MentionRecordSchema),
  highlights: table(HighlightRecordSchema),
  packs: table(PackRecordSchema),
  /** Optional: backups written before they were part of the file restore without them. */
  sightings: v.optional(table(SightingBackupSchema)),
  learned: v.optional(table(LearnedRecordSchema)),
});

/** A stored record the export left out: the import would refuse it, and with it the whole file. */
export interface SkippedRecord {
  table: string;
  id: string;
  problem: string;
}

export interface DataExport {
  json: string;
  skipped: SkippedRecord[];
}

/** The records of one table that fit its import schema; the others are reported in `skipped`. */
function importable<T>(
  table: string,
  schema: v.GenericSchema,
  records: readonly T[],
  skipped: SkippedRecord[],
): T[] {
  return records.filter((record) => {
    const parsed = v.safeParse(schema, record);
    if (parsed.success) return true;
    const id = (record as { id?: unknown; key?: unknown }).id ?? (record as { key?: unknown }).key;
    skipped.push({
      table,
      id: id === undefined ? "" : String(id),
      problem: describeIssue(parsed.issues[0]),
    });
    return false;
  });
}

/** Every record of the database, as JSON text. */
export async function exportData(db: SiyaqDatabase, now = Date.now()): Promise<DataExport> {
  return db.transaction(
    "r",
    [db.entities, db.events, db.mentions, db.highlights, db.packs, db.sightings, db.learned],
    async () => {
      const skipped: SkippedRecord[] = [];
      const entities = (await db.entities.toArray()).map(({ aliasKeys: _, ...entity }) => entity);
      const mentions = (await db.mentions.toArray()).map(({ id: _, ...mention }) => mention);
      const json = JSON.stringify({
        format: DATA_FORMAT,
        formatVersion: DATA_FORMAT_VERSION,
        exportedAt: new Date(now).toISOString(),
        entities: importable("entities", EntityRecordSchema, entities, skipped),
        events: importable("events", EventRecordSchema, await db.events.toArray(), skipped),
        mentions: importable("mentions", MentionRecordSchema, mentions, skipped),
        highlights: importable(
          "highlights",
          HighlightRecordSchema,
          await db.highlights.toArray(),
          skipped,
        ),
        packs: importable("packs", PackRecordSchema, await db.packs.toArray(), skipped),
        // Unknown names met while reading, and the names learned from them: part of the reader's
        // history, so part of the backup.
        sightings: importable(
          "sightings",
          SightingBackupSchema,
          (await db.sightings.toArray()).map(({ bytes: _, ...sighting }) => sighting),
          skipped,
        ),
        learned: importable("learned", LearnedRecordSchema, await db.learned.toArray(), skipped),
      });
      return { json, skipped };
    },
  );
}

/** `highlights[3].citation.url: must be an http(s) address (record id "h1")`: place, field, problem and id. */
function describeDataIssue(issue: v.BaseIssue<unknown>, raw: unknown): string {
  const message = describeIssue(issue);
  const [tableStep, indexStep] = issue.path ?? [];
  if (typeof tableStep?.key !== "string" || typeof indexStep?.key !== "number") return message;
  const id = ((raw as Record<string, unknown>)[tableStep.key] as { id?: unknown }[] | undefined)?.[
    indexStep.key
  ]?.id;
  return typeof id === "string"
    ? `${message} (record id ${JSON.stringify(id.slice(0, 100))})`
    : message;
}

/**
 * Restores a backup on top of what is stored (records with the same id are replaced; a mention
 * already recorded for the same entity and URL is kept). The whole file is checked first and
 * written in one transaction: a bad file changes nothing and the error names record and field.
 */
export async function importData(db: SiyaqDatabase, json: string): Promise<DataImportCounts> {
  if (json.length > PACK_LIMITS.maxFileChars) {
    throw new PackError(
      `file too large: ${json.length} characters (at most ${PACK_LIMITS.maxFileChars})`,
    );
  }
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (error) {
    throw new PackError(`not valid JSON (truncated or malformed file?): ${errorText(error)}`);
  }
  const parsed = v.safeParse(DataFileSchema, raw);
  if (!parsed.success) throw new PackError(describeDataIssue(parsed.issues[0], raw));
  const data = parsed.output;

  const entities: EntityRecord[] = data.entities.map((entity) => ({
    ...entity,
    aliasKeys: aliasKeysOf(entity),
  }));
  const events = data.events as EventRecord[];
  const highlights = data.highlights as HighlightRecord[];
  const packs = data.packs as PackRecord[];
  const learned = (data.learned ?? []) as LearnedRecord[];

  return db.transaction(
    "rw",
    [
      db.entities,
      db.events,
      db.mentions,
      db.highlights,
      db.packs,
      db.meta,
      db.sightings,
      db.learned,
    ],
    async () => {
      await db.entities.bulkPut(entities);
      await db.learned.bulkPut(learned);
      await evictLearned(db);
      const sightings = await restoreSightings(db, data.sightings ?? []);
      await db.events.bulkPut(events);
      await db.highlights.bulkPut(highlights);
      await db.packs.bulkPut(packs);
      const already = await db.mentions
        .where("[entityId+url]")
        .anyOf(data.mentions.map((mention) => [mention.entityId, mention.url]))
        .toArray();
      const seen = new Set(already.map((mention) => `${mention.entityId}\u0000${mention.url}`));
      const mentions: MentionRecord[] = [];
      for (const mention of data.mentions) {
        const key = `${mention.entityId}\u0000${mention.url}`;
        if (seen.has(key)) continue;
        seen.add(key);
        mentions.push({ ...mention });
      }
      await db.mentions.bulkAdd(mentions);
      if (entities.length > 0) await markEntitiesChanged(db);
      return {
        entities: entities.length,
        events: events.length,
        mentions: mentions.length,
        highlights: highlights.length,
        packs: packs.length,
        sightings,
        learned: learned.length,
      };
    },
  );
}

/**
 * Empties every table (the caller has asked the user to confirm). The list is the database's own,
 * so a table added by a later schema version is erased too (sightings once were not: issue 14).
 */
export async function wipeData(db: SiyaqDatabase): Promise<void> {
  await db.transaction("rw", db.tables, async () => {
    await Promise.all(db.tables.map((table) => table.clear()));
    await markEntitiesChanged(db);
  });
}
