// Reading and changing learned names (./learned): the view cards and the popup show, with the
// known entities met in the same articles, and the reader's edit, dismissal and promotion.
import { aliasKeysOf } from "./alias-keys";
import { markEntitiesChanged } from "./changes";
import type { EntityRecord, LocalizedText, SiyaqDatabase } from "./db";
import { newUserEntityId, summaryOf } from "./entities";
import { USER_SOURCE } from "./packs";
import { MAX_CO_MENTIONS, learnedKey, withSpelling } from "./learned";
import type { LearnedEdit, LearnedRecord } from "@/src/contracts/learned";
import type {
  CoMention,
  EntitySummary,
  LearnedSummary,
  LearnedView,
} from "@/src/messaging/messages/kb";

/** The known entities mentioned in the same articles, most shared first. */
async function coMentionsOf(db: SiyaqDatabase, urls: readonly string[]): Promise<CoMention[]> {
  if (urls.length === 0) return [];
  const counts = new Map<string, Set<string>>();
  for (const mention of await db.mentions
    .where("url")
    .anyOf([...urls])
    .toArray()) {
    let at = counts.get(mention.entityId);
    if (!at) counts.set(mention.entityId, (at = new Set()));
    at.add(mention.url);
  }
  const ranked = [...counts]
    .map(([id, at]) => ({ id, count: at.size }))
    .sort((a, b) => b.count - a.count || a.id.localeCompare(b.id))
    .slice(0, MAX_CO_MENTIONS * 2);
  const entities = await db.entities.bulkGet(ranked.map((r) => r.id));
  const out: CoMention[] = [];
  ranked.forEach(({ count }, i) => {
    const entity = entities[i];
    if (entity && out.length < MAX_CO_MENTIONS) out.push({ entity: summaryOf(entity), count });
  });
  return out;
}

/** A stored learned record as cards show it; `null` for an unknown or dismissed name. */
export async function learnedView(db: SiyaqDatabase, key: string): Promise<LearnedView | null> {
  return db.transaction("r", [db.learned, db.mentions, db.entities], async () => {
    const record = await db.learned.get(key);
    if (!record || record.dismissed) return null;
    const view: LearnedView = {
      key: record.key,
      name: record.name,
      type: record.type,
      spellings: [...record.spellings],
      seenIn: record.seenIn,
      articles: [...record.articles].reverse(),
      coMentions: await coMentionsOf(
        db,
        record.articles.map((a) => a.url),
      ),
    };
    if (record.note) view.note = record.note;
    return view;
  });
}

/** Which of these surfaces (a page's unlinked names) are learned and not dismissed. */
export async function learnedAmong(
  db: SiyaqDatabase,
  surfaces: readonly string[],
): Promise<LearnedSummary[]> {
  const keyed = [...new Set(surfaces)].map((surface) => ({ surface, key: learnedKey(surface) }));
  const found = await db.learned.bulkGet(keyed.map((k) => k.key));
  return keyed.flatMap(({ surface, key }, i) => {
    const record = found[i];
    return record && !record.dismissed
      ? [{ surface, key, name: record.name, seenIn: record.seenIn }]
      : [];
  });
}

/** Every learned name that is not dismissed, most recently seen first (the options page). */
export async function listLearned(db: SiyaqDatabase): Promise<LearnedSummary[]> {
  const records = await db.learned.orderBy("seenAt").reverse().toArray();
  return records
    .filter((record) => !record.dismissed)
    .map(({ key, name, seenIn }) => ({ surface: name, key, name, seenIn }));
}

async function stored(db: SiyaqDatabase, key: string): Promise<LearnedRecord> {
  const record = await db.learned.get(key);
  if (!record || record.dismissed) throw new Error(`no learned name ${JSON.stringify(key)}`);
  return record;
}

/** The reader's edit: name, type, spellings (the name is always one of them) and note. */
export async function editLearned(
  db: SiyaqDatabase,
  key: string,
  edit: LearnedEdit,
): Promise<LearnedView> {
  await db.transaction("rw", db.learned, async () => {
    const record = await stored(db, key);
    const next: LearnedRecord = {
      ...record,
      name: edit.name,
      type: edit.type,
      spellings: [edit.name, ...edit.spellings].reduce<string[]>(withSpelling, []),
      edited: true,
    };
    if (edit.note) next.note = edit.note;
    else delete next.note;
    await db.learned.put(next);
  });
  return (await learnedView(db, key))!;
}

/** Hides a learned name for good: it stays stored (so it is not learned again), never shown. */
export async function dismissLearned(db: SiyaqDatabase, key: string): Promise<boolean> {
  return db.transaction("rw", db.learned, async () => {
    const record = await db.learned.get(key);
    if (!record) return false;
    await db.learned.put({ ...record, dismissed: true, edited: true });
    return true;
  });
}

/**
 * Makes a learned name a full entity of the reader's (`source: "user"`, editable in the options):
 * a new one with its name, spellings as aliases and note as description, or, with `into`, the
 * spellings added to an existing entity (one the reader just kept from a lookup). The articles it
 * was met in become that entity's mention records, so "seen in N articles" carries over; the
 * learned record goes. One transaction: a failure changes nothing.
 */
export async function promoteLearned(
  db: SiyaqDatabase,
  key: string,
  into?: string,
  now = Date.now(),
): Promise<EntitySummary> {
  return db.transaction("rw", [db.learned, db.entities, db.mentions, db.meta], async () => {
    const record = await stored(db, key);
    let entity: EntityRecord;
    if (into !== undefined) {
      const target = await db.entities.get(into);
      if (!target) throw new Error(`no entity ${into} to add the name to`);
      const aliases = [...target.aliases];
      for (const spelling of record.spellings)
        if (spelling !== target.names.ar && !aliases.includes(spelling)) aliases.push(spelling);
      entity = { ...target, aliases: aliases.slice(0, 100), source: USER_SOURCE, updatedAt: now };
      delete entity.packRank;
    } else {
      const names: LocalizedText = { ar: record.name };
      entity = {
        id: newUserEntityId(),
        type: record.type,
        names,
        aliases: record.spellings.filter((s) => s !== record.name),
        aliasKeys: [],
        source: USER_SOURCE,
        updatedAt: now,
      };
      if (record.note) entity.description = { ar: record.note };
    }
    entity.aliasKeys = aliasKeysOf(entity);
    await db.entities.put(entity);
    const already = new Set(
      (
        await db.mentions
          .where("[entityId+url]")
          .anyOf(record.articles.map((a) => [entity.id, a.url]))
          .toArray()
      ).map((m) => m.url),
    );
    await db.mentions.bulkAdd(
      record.articles
        .filter((a) => !already.has(a.url))
        .map((a) => ({ entityId: entity.id, url: a.url, title: a.title, seenAt: a.seenAt })),
    );
    await db.learned.delete(key);
    await markEntitiesChanged(db);
    return summaryOf(entity);
  });
}
