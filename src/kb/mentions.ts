// The reader's history with an entity: which articles it was met in ("seen in N articles").
import type { SiyaqDatabase } from "./db";

export interface MentionsInput {
  url: string;
  title: string;
  entityIds: readonly string[];
}

/**
 * Records each known entity once per article URL; returns how many were new. Ids the database does
 * not know are ignored, so a page cannot fill the table with made-up ids.
 */
export async function recordMentions(
  db: SiyaqDatabase,
  { url, title, entityIds }: MentionsInput,
  now = Date.now(),
): Promise<number> {
  return db.transaction("rw", [db.mentions, db.entities], async () => {
    const ids = [...new Set(entityIds)];
    const known = (await db.entities.bulkGet(ids))
      .filter((entity) => entity !== undefined)
      .map((entity) => entity.id);
    if (known.length === 0) return 0;
    const already = await db.mentions
      .where("[entityId+url]")
      .anyOf(known.map((id) => [id, url]))
      .toArray();
    const seen = new Set(already.map((mention) => mention.entityId));
    const fresh = known
      .filter((id) => !seen.has(id))
      .map((entityId) => ({ entityId, url, title, seenAt: now }));
    await db.mentions.bulkAdd(fresh);
    return fresh.length;
  });
}
