// The extension's one database. Only the background opens it; every other context asks through
// messages (a content script's IndexedDB would belong to the web page). Versions are explicit and
// each upgrade is tested to keep every record.
import Dexie, { type EntityTable } from "dexie";
import type { EntityType } from "@/src/nlp/types";

export interface LocalizedText {
  ar: string;
  en?: string;
}

export interface EntityRecord {
  /** A Wikidata QID where one is certain, otherwise a stable `siyaq:` id. */
  id: string;
  type: EntityType;
  names: LocalizedText;
  aliases: string[];
  /** Matching keys: aliases normalised for lookup (multi-entry index). */
  aliasKeys: string[];
  description?: LocalizedText;
  facts?: { label: LocalizedText; value: LocalizedText }[];
  qid?: string;
  links?: { wikipedia?: { ar?: string; en?: string } };
  /** The pack that brought it, or `user`. */
  source: string;
  updatedAt: number;
}

export interface EventRecord {
  id: string;
  /** ISO date at its precision: `2014`, `2014-06`, `2014-06-10`. */
  date: string;
  title: LocalizedText;
  entityIds: string[];
  place?: string;
  origin: "pack" | "page" | "user";
  source?: { url?: string; title?: string; pack?: string; publishedAt?: string };
  createdAt: number;
}

export interface MentionRecord {
  id?: number;
  entityId: string;
  url: string;
  title: string;
  seenAt: number;
}

export interface PackRecord {
  id: string;
  version: string;
  name: string;
  installedAt: number;
  entityCount: number;
  eventCount: number;
}

/** Highlights are stored as W3C-style annotations; see src/highlights. */
export interface HighlightRecord {
  id: string;
  url: string;
  createdAt: number;
  updatedAt: number;
  tags: string[];
  entityIds: string[];
  [key: string]: unknown;
}

export class SiyaqDatabase extends Dexie {
  entities!: EntityTable<EntityRecord, "id">;
  events!: EntityTable<EventRecord, "id">;
  mentions!: EntityTable<MentionRecord, "id">;
  highlights!: EntityTable<HighlightRecord, "id">;
  packs!: EntityTable<PackRecord, "id">;

  constructor(name = "siyaq") {
    super(name);
    this.version(1).stores({
      entities: "id, type, *aliasKeys, source",
      events: "id, date, *entityIds, origin",
      mentions: "++id, entityId, url, &[entityId+url], seenAt",
      highlights: "id, url, createdAt, *tags, *entityIds",
      packs: "id",
    });
  }
}

let shared: SiyaqDatabase | undefined;

/** The background's database, opened lazily and reopened after the service worker slept. */
export function database(): SiyaqDatabase {
  shared ??= new SiyaqDatabase();
  return shared;
}

/**
 * Runs a database operation, reopening once if the connection was closed under us (an MV3 service
 * worker that slept, or another context that upgraded the schema).
 */
export async function withDatabase<T>(work: (db: SiyaqDatabase) => Promise<T>): Promise<T> {
  const db = database();
  try {
    return await work(db);
  } catch (error) {
    if (error instanceof Dexie.DatabaseClosedError) {
      await db.open();
      return work(db);
    }
    throw error;
  }
}
