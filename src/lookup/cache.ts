// Lookup answers cached in the extension's database (table `lookups`, schema v4), each with an
// expiry: found entities for 30 days, "not found" for one day; "unavailable" is never cached.
import type { SiyaqDatabase } from "@/src/kb/db";
import { aliasKey } from "@/src/kb/alias-keys";
import type { EntityType } from "@/src/nlp/types";
import type { CachedOutcome, LookupOutcome, LookupRecord } from "@/src/contracts/lookup";

export const FOUND_TTL_MS = 30 * 24 * 3600 * 1000;
export const NOT_FOUND_TTL_MS = 24 * 3600 * 1000;

export function nameKey(name: string, type: EntityType): string {
  return `name:${type}:${aliasKey(name) || name.trim()}`;
}

export function qidKey(qid: string): string {
  return `qid:${qid}`;
}

/** The cached answer for a key, unless it has expired. */
export async function cachedOutcome(
  db: SiyaqDatabase,
  key: string,
  now = Date.now(),
): Promise<CachedOutcome | undefined> {
  const record = await db.lookups.get(key);
  return record && record.expiresAt > now ? record.outcome : undefined;
}

/** Stores a found or not-found answer; an unavailable one is not stored (the next try asks again). */
export async function cacheOutcome(
  db: SiyaqDatabase,
  key: string,
  outcome: LookupOutcome,
  now = Date.now(),
): Promise<void> {
  if (outcome.status !== "found" && outcome.status !== "not-found") return;
  const record: LookupRecord = {
    key,
    outcome,
    expiresAt: now + (outcome.status === "found" ? FOUND_TTL_MS : NOT_FOUND_TTL_MS),
  };
  if (outcome.status === "found") record.qid = outcome.entity.qid;
  await db.lookups.put(record);
  // Expired answers are dropped as new ones arrive, so the table cannot grow without bound.
  await db.lookups.where("expiresAt").below(now).delete();
}

/** The newest unexpired found entity with this QID. */
export async function cachedEntity(db: SiyaqDatabase, qid: string, now = Date.now()) {
  const records = await db.lookups.where("qid").equals(qid).toArray();
  const fresh = records.filter((r) => r.expiresAt > now && r.outcome.status === "found");
  fresh.sort((a, b) => b.outcome.fetchedAt - a.outcome.fetchedAt);
  const outcome = fresh[0]?.outcome;
  return outcome?.status === "found" ? outcome.entity : undefined;
}
