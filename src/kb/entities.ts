// Reading and editing entities: cards (with timeline and reading history), summaries, search by
// name, and the user's own additions and edits.
import { copyFact, type EntityRecord, type SiyaqDatabase } from "./db";
import { aliasKey, aliasKeysOf } from "./alias-keys";
import { markEntitiesChanged } from "./changes";
import { timeline } from "./events";
import { USER_SOURCE } from "./packs";
import type { EditableEntity, EntitySummary, EntityView } from "@/src/messaging/messages/kb";

/** How many articles a card lists. */
export const CARD_ARTICLES = 20;
const DEFAULT_SEARCH_LIMIT = 20;
/** Shorter queries only match the start of a name: inside names they would match almost anything. */
const MIN_WORD_QUERY = 3;
/** Arabic's definite article: readers search `عراق` and expect `العراق`. */
const DEFINITE_ARTICLE = "ال";

export function summaryOf(entity: EntityRecord): EntitySummary {
  const summary: EntitySummary = { id: entity.id, type: entity.type, names: entity.names };
  if (entity.description) summary.description = entity.description;
  if (entity.qid !== undefined) summary.qid = entity.qid;
  return summary;
}

/** The card of one entity, or null when there is no such entity. */
export async function entityView(db: SiyaqDatabase, id: string): Promise<EntityView | null> {
  return db.transaction("r", [db.entities, db.events, db.mentions], async () => {
    const entity = await db.entities.get(id);
    if (!entity) return null;
    const events = await db.events.where("entityIds").equals(id).toArray();
    const mentions = await db.mentions.where("entityId").equals(id).toArray();
    mentions.sort((a, b) => b.seenAt - a.seenAt);
    return {
      entity,
      events: timeline(events),
      seenIn: mentions.length,
      articles: mentions
        .slice(0, CARD_ARTICLES)
        .map(({ url, title, seenAt }) => ({ url, title, seenAt })),
    };
  });
}

/** Summaries in the order asked; unknown ids are left out. */
export async function entitiesByIds(
  db: SiyaqDatabase,
  ids: readonly string[],
): Promise<EntitySummary[]> {
  const found = await db.entities.bulkGet([...new Set(ids)]);
  return found.filter((entity) => entity !== undefined).map(summaryOf);
}

/**
 * Entities with a name or alias equal to the query or starting with it, after the recognizer's
 * normalisation (so hamza, ta marbuta and ya spellings agree). Exact matches come first, then the
 * shortest names that start with the query; a query without the definite article also finds names
 * with it. When that leaves room, names with a later word starting with the query follow.
 */
export async function searchEntities(
  db: SiyaqDatabase,
  query: string,
  limit = DEFAULT_SEARCH_LIMIT,
): Promise<EntitySummary[]> {
  const key = aliasKey(query);
  if (!key) return [];
  const keys = [key];
  if (/^[\u0600-\u06FF]/.test(key) && !key.startsWith(DEFINITE_ARTICLE))
    keys.push(DEFINITE_ARTICLE + key);

  const ranked = new Map<string, { entity: EntityRecord; rank: number }>();
  const consider = (entity: EntityRecord, rank: number) => {
    const seen = ranked.get(entity.id);
    if (!seen || rank < seen.rank) ranked.set(entity.id, { entity, rank });
  };
  for (const entity of await db.entities.where("aliasKeys").anyOf(keys).toArray())
    consider(entity, 0);
  // Prefix matches rank by how much of the name the query covers; fetched with headroom because
  // one entity can match with several keys.
  for (const prefix of keys) {
    const matches = await db.entities
      .where("aliasKeys")
      .startsWith(prefix)
      .limit(limit * 5)
      .toArray();
    for (const entity of matches) {
      const shortest = Math.min(
        ...entity.aliasKeys.filter((k) => k.startsWith(prefix)).map((k) => k.length),
      );
      consider(entity, 1 + shortest - prefix.length);
    }
  }
  // Then names that contain the query as a word (`coalition` in `Global Coalition against Daesh`):
  // a scan, stopped as soon as the list is full.
  if (ranked.size < limit && key.length >= MIN_WORD_QUERY) {
    const wordStart = (k: string) => keys.some((q) => k.includes(` ${q}`));
    const more = await db.entities
      .filter((entity) => !ranked.has(entity.id) && entity.aliasKeys.some(wordStart))
      .limit(limit - ranked.size)
      .toArray();
    for (const entity of more) consider(entity, Number.MAX_SAFE_INTEGER);
  }
  return [...ranked.values()]
    .sort((a, b) => a.rank - b.rank || a.entity.id.localeCompare(b.entity.id))
    .slice(0, limit)
    .map(({ entity }) => summaryOf(entity));
}

/**
 * Adds an entity or edits one: the result belongs to the user (`source: "user"`), so pack updates
 * leave it alone. Fields the edit leaves out keep their current values.
 */
export async function upsertUserEntity(
  db: SiyaqDatabase,
  edit: EditableEntity,
  now = Date.now(),
): Promise<EntitySummary> {
  return db.transaction("rw", [db.entities, db.meta], async () => {
    const current = edit.id === undefined ? undefined : await db.entities.get(edit.id);
    const next: EntityRecord = {
      ...current,
      id: edit.id ?? newUserEntityId(),
      type: edit.type,
      names: { ...edit.names },
      aliases: [...edit.aliases],
      aliasKeys: [],
      source: USER_SOURCE,
      updatedAt: now,
    };
    delete next.packRank;
    if (edit.description !== undefined) next.description = { ...edit.description };
    if (edit.facts !== undefined) next.facts = edit.facts.map(copyFact);
    next.aliasKeys = aliasKeysOf(next);
    await db.entities.put(next);
    await markEntitiesChanged(db);
    return summaryOf(next);
  });
}

/** A fresh id for an entity of the reader's own. */
export function newUserEntityId(): string {
  return `user:${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}
