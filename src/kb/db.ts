// The extension's one database. Only the background opens it; every other context asks through
// messages (a content script's IndexedDB would belong to the web page). Versions are explicit and
// each upgrade is tested to keep every record (tests/unit/kb/db.test.ts).
import Dexie, { type DexieOptions, type EntityTable, type Table } from "dexie";
import { aliasKeysOf } from "./alias-keys";
import { REVISION_KEY, newRevision } from "./revision";
import type {
  EntityRecord,
  EventRecord,
  HighlightRecord,
  MentionRecord,
  MetaRecord,
  PackRecord,
  SightingRecord,
} from "@/src/contracts/records";
import type { LookupRecord } from "@/src/contracts/lookup";
import { learnedFromSightings } from "./learned";
import type { LearnedRecord } from "@/src/contracts/learned";

// The record shapes are data contracts (src/contracts/records.ts): the message contracts below
// the storage layer name them too. Storage code keeps importing them from here.
export { copyFact } from "@/src/contracts/records";
export type {
  EntityRecord,
  EventOrigin,
  EventRecord,
  EventSource,
  Fact,
  HighlightRecord,
  LocalizedText,
  MentionRecord,
  MetaRecord,
  PackRecord,
  PartialLocalizedText,
} from "@/src/contracts/records";

/** Every schema the database has had, oldest first. Never edit a shipped entry: add one. */
export const SCHEMA_VERSIONS = {
  1: {
    entities: "id, type, *aliasKeys, source",
    events: "id, date, *entityIds, origin",
    mentions: "++id, entityId, url, &[entityId+url], seenAt",
    highlights: "id, url, createdAt, *tags, *entityIds",
    packs: "id",
  },
  // v2: events indexed by pack and article (pack updates and page events no longer scan the table),
  // entities by qid, and a meta table for the background's caches.
  2: {
    entities: "id, type, *aliasKeys, source, qid",
    events: "id, date, *entityIds, origin, pack, url",
    mentions: "++id, entityId, url, &[entityId+url], seenAt",
    highlights: "id, url, createdAt, *tags, *entityIds",
    packs: "id",
    meta: "key",
  },
  // v3: unknown names the reader met (they lived in storage.local, unbounded in bytes, missed by
  // wipe and export), evicted oldest first.
  3: {
    entities: "id, type, *aliasKeys, source, qid",
    events: "id, date, *entityIds, origin, pack, url",
    mentions: "++id, entityId, url, &[entityId+url], seenAt",
    highlights: "id, url, createdAt, *tags, *entityIds",
    packs: "id",
    meta: "key",
    sightings: "key, seenAt",
  },
  // v4: answers of online lookups (src/lookup), kept until they expire; indexed by QID so a found
  // entity can be kept in the knowledge base from the cache.
  4: {
    entities: "id, type, *aliasKeys, source, qid",
    events: "id, date, *entityIds, origin, pack, url",
    mentions: "++id, entityId, url, &[entityId+url], seenAt",
    highlights: "id, url, createdAt, *tags, *entityIds",
    packs: "id",
    meta: "key",
    sightings: "key, seenAt",
    lookups: "key, expiresAt, qid",
  },
  // v5: names learned from reading (src/kb/learned): an unknown name met in two articles moves
  // from the bounded sightings into a table of its own; the upgrade moves those already met twice.
  5: {
    entities: "id, type, *aliasKeys, source, qid",
    events: "id, date, *entityIds, origin, pack, url",
    mentions: "++id, entityId, url, &[entityId+url], seenAt",
    highlights: "id, url, createdAt, *tags, *entityIds",
    packs: "id",
    meta: "key",
    sightings: "key, seenAt",
    lookups: "key, expiresAt, qid",
    learned: "key, seenAt",
  },
} as const;

export const LATEST_SCHEMA_VERSION = 5;

export class SiyaqDatabase extends Dexie {
  entities!: EntityTable<EntityRecord, "id">;
  events!: EntityTable<EventRecord, "id">;
  mentions!: EntityTable<MentionRecord, "id">;
  highlights!: EntityTable<HighlightRecord, "id">;
  packs!: EntityTable<PackRecord, "id">;
  meta!: Table<MetaRecord, string>;
  sightings!: EntityTable<SightingRecord, "key">;
  lookups!: EntityTable<LookupRecord, "key">;
  learned!: EntityTable<LearnedRecord, "key">;

  /** `upTo` opens an older schema: only tests use it, to write a database as an old version did. */
  constructor(name = "siyaq", options: DexieOptions & { upTo?: number } = {}) {
    const { upTo = LATEST_SCHEMA_VERSION, ...dexieOptions } = options;
    super(name, dexieOptions);
    this.version(1).stores(SCHEMA_VERSIONS[1]);
    if (upTo >= 2) {
      this.version(2)
        .stores(SCHEMA_VERSIONS[2])
        .upgrade(async (tx) => {
          await tx
            .table<EventRecord>("events")
            .toCollection()
            .modify((event) => {
              if (event.source?.pack !== undefined) event.pack = event.source.pack;
              if (event.source?.url !== undefined) event.url = event.source.url;
            });
          // Keys are recomputed with today's normaliser: v1 keys may have been folded differently.
          await tx
            .table<EntityRecord>("entities")
            .toCollection()
            .modify((entity) => {
              entity.aliasKeys = aliasKeysOf(entity);
            });
          // Gives the entities a revision, so the recognizer can cache its lexicon from the start.
          await tx
            .table<MetaRecord, string>("meta")
            .put({ key: REVISION_KEY, value: newRevision() });
        });
    }
    if (upTo >= 3) this.version(3).stores(SCHEMA_VERSIONS[3]);
    if (upTo >= 4) this.version(4).stores(SCHEMA_VERSIONS[4]);
    if (upTo >= 5)
      this.version(5)
        .stores(SCHEMA_VERSIONS[5])
        .upgrade(async (tx) => {
          // Names already met in two articles are learned now; the others stay sightings.
          const sightings = tx.table<SightingRecord, string>("sightings");
          const learned = learnedFromSightings(await sightings.toArray(), Date.now());
          await tx.table<LearnedRecord, string>("learned").bulkPut(learned);
          await sightings.bulkDelete(learned.map((record) => record.key));
          // Search keys now carry spelling variants (src/nlp/spelling-variants): recomputed.
          await tx
            .table<EntityRecord>("entities")
            .toCollection()
            .modify((entity) => {
              entity.aliasKeys = aliasKeysOf(entity);
            });
        });
    // Dexie 4 opens a database a newer Siyaq wrote (after a downgrade) as if it were ours, and its
    // records may not be what this code expects: refuse it, saying why, and touch nothing.
    this.on("ready", (db) => {
      const stored = Math.floor((db as Dexie).backendDB().version / 10);
      if (stored > upTo) {
        (db as Dexie).close();
        throw new NewerDatabaseError(stored, upTo);
      }
    });
  }
}

let shared: SiyaqDatabase | undefined;

/** The background's database, opened lazily and reopened after the service worker slept. */
export function database(): SiyaqDatabase {
  shared ??= new SiyaqDatabase();
  return shared;
}

/** Tests and the benchmark point the background at their own database. */
export function useDatabase(db: SiyaqDatabase): void {
  shared = db;
}

/** The stored database comes from a newer version of the extension than this one. */
export class NewerDatabaseError extends Error {
  constructor(
    readonly stored: number,
    readonly supported: number,
  ) {
    super(
      `the database was written by a newer version of Siyaq (schema ${stored}; this version reads up to ${supported}): update the extension (no record was changed)`,
    );
    this.name = "NewerDatabaseError";
  }
}

/** The browser refused to store more: reported to the user, never swallowed. */
export class StorageFullError extends Error {
  constructor(cause: unknown) {
    super(
      "storage is full: the browser refused to save more data (free some space or remove a knowledge pack)",
    );
    this.name = "StorageFullError";
    this.cause = cause;
  }
}

/** Whether `error` (or what it wraps) is the browser's quota error. */
export function isQuotaError(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    const name = (current as { name?: unknown }).name;
    if (name === "QuotaExceededError" || name === Dexie.errnames.QuotaExceeded) return true;
    current =
      (current as { inner?: unknown; cause?: unknown }).inner ??
      (current as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * Runs a database operation, reopening once if the connection was closed under us (an MV3 service
 * worker that slept, or another context that upgraded the schema). A quota error becomes a
 * `StorageFullError` so the caller can tell the user.
 */
export async function withDatabase<T>(work: (db: SiyaqDatabase) => Promise<T>): Promise<T> {
  const db = database();
  try {
    return await work(db);
  } catch (error) {
    if (error instanceof Dexie.DatabaseClosedError) {
      await db.open();
      return rethrowQuota(() => work(db));
    }
    if (isQuotaError(error)) throw new StorageFullError(error);
    throw error;
  }
}

async function rethrowQuota<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isQuotaError(error)) throw new StorageFullError(error);
    throw error;
  }
}
