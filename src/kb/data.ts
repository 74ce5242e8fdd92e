// The whole database as one file: backup (export), restore (import, validated and applied in one
// transaction) and wipe. Settings live in storage.local and travel separately.
import * as v from "valibot";
import type { EntityRecord, EventRecord, HighlightRecord, MentionRecord, PackRecord, SiyaqDatabase } from "./db";
import { aliasKeysOf } from "./alias-keys";
import { markEntitiesChanged } from "./changes";
import { ENTITY_TYPES } from "@/src/nlp/types";
import {
  EntityIdSchema,
  EventDateSchema,
  PACK_LIMITS,
  PackEntitySchema,
  PackError,
  PackEventSchema,
  describeIssue,
} from "./pack-schema";

export const DATA_FORMAT = "siyaq-data";
export const DATA_FORMAT_VERSION = 1;
/** Records per table a backup may hold. */
const MAX_RECORDS = 1_000_000;

const Timestamp = v.pipe(v.number(), v.finite());
const Text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const Localized = v.strictObject({ ar: Text(PACK_LIMITS.maxMetaLength), en: v.optional(Text(PACK_LIMITS.maxMetaLength)) });
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
  url: v.optional(Text(8192)),
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
  url: v.optional(Text(8192)),
  packRank: v.optional(v.pipe(v.number(), v.integer())),
  createdAt: Timestamp,
});

const MentionRecordSchema = v.object({
  entityId: EntityIdSchema,
  url: Text(8192),
  title: Text(2000),
  seenAt: Timestamp,
});

/** Highlights keep every field their owner (src/highlights) stores; only the indexed ones are checked. */
const HighlightRecordSchema = v.looseObject({
  id: v.pipe(v.string(), v.nonEmpty(), v.maxLength(PACK_LIMITS.maxIdLength)),
  url: Text(8192),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  tags: v.array(Text(PACK_LIMITS.maxNameLength)),
  entityIds: v.array(EntityIdSchema),
});

const PackRecordSchema = v.strictObject({
  id: Text(PACK_LIMITS.maxIdLength),
  version: Text(64),
  name: Text(PACK_LIMITS.maxMetaLength),
  installedAt: Timestamp,
  entityCount: v.number(),
  eventCount: v.number(),
  names: v.optional(Localized),
  description: v.optional(PartialLocalized),
  license: v.optional(Text(PACK_LIMITS.maxMetaLength)),
  attribution: v.optional(Text(PACK_LIMITS.maxMetaLength)),
});

const table = <T extends v.GenericSchema>(record: T) => v.pipe(v.array(record), v.maxLength(MAX_RECORDS));

const DataFileSchema = v.object({
  format: v.literal(DATA_FORMAT, `must be "${DATA_FORMAT}"`),
  formatVersion: v.literal(DATA_FORMAT_VERSION, `must be ${DATA_FORMAT_VERSION}`),
  exportedAt: v.optional(v.string()),
  entities: table(EntityRecordSchema),
  events: table(EventRecordSchema),
  mentions: table(MentionRecordSchema),
  highlights: table(HighlightRecordSchema),
  packs: table(PackRecordSchema),
});

export interface DataImportCounts {
  entities: number;
  events: number;
  mentions: number;
  highlights: number;
  packs: number;
}

/** Every record of the database, as JSON text. */
export async function exportData(db: SiyaqDatabase, now = Date.now()): Promise<string> {
  return db.transaction("r", [db.entities, db.events, db.mentions, db.highlights, db.packs, db.sightings], async () => {
    const entities = (await db.entities.toArray()).map(({ aliasKeys: _, ...entity }) => entity);
    const mentions = (await db.mentions.toArray()).map(({ id: _, ...mention }) => mention);
    return JSON.stringify({
      format: DATA_FORMAT,
      formatVersion: DATA_FORMAT_VERSION,
      exportedAt: new Date(now).toISOString(),
      entities,
      events: await db.events.toArray(),
      mentions,
      highlights: await db.highlights.toArray(),
      packs: await db.packs.toArray(),
      // Unknown names met while reading: part of the reader's history, so part of the backup.
      sightings: (await db.sightings.toArray()).map(({ bytes: _, ...sighting }) => sighting),
    });
  });
}

/**
 * Restores a backup on top of what is stored (records with the same id are replaced; a mention
 * already recorded for the same entity and URL is kept). The whole file is checked first and
 * written in one transaction: a bad file changes nothing and the error names record and field.
 */
export async function importData(db: SiyaqDatabase, json: string): Promise<DataImportCounts> {
  if (json.length > PACK_LIMITS.maxFileChars) {
    throw new PackError(`file too large: ${json.length} characters (at most ${PACK_LIMITS.maxFileChars})`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (error) {
    throw new PackError(`not valid JSON (truncated or malformed file?): ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = v.safeParse(DataFileSchema, raw);
  if (!parsed.success) throw new PackError(describeIssue(parsed.issues[0]));
  const data = parsed.output;

  const entities: EntityRecord[] = data.entities.map((entity) => ({ ...entity, aliasKeys: aliasKeysOf(entity) }));
  const events = data.events as EventRecord[];
  const highlights = data.highlights as HighlightRecord[];
  const packs = data.packs as PackRecord[];

  return db.transaction("rw", [db.entities, db.events, db.mentions, db.highlights, db.packs, db.meta], async () => {
    await db.entities.bulkPut(entities);
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
    };
  });
}

/** Empties every table (the caller has asked the user to confirm). */
export async function wipeData(db: SiyaqDatabase): Promise<void> {
  await db.transaction("rw", [db.entities, db.events, db.mentions, db.highlights, db.packs, db.meta, db.sightings], async () => {
    await Promise.all([
      db.entities.clear(), db.events.clear(), db.mentions.clear(), db.highlights.clear(), db.packs.clear(), db.meta.clear(),
      db.sightings.clear(),
    ]);
    await markEntitiesChanged(db);
  });
}
