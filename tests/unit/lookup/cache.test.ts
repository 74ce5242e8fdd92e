import { afterEach, describe, expect, it } from "vitest";
import { SiyaqDatabase } from "@/src/kb/db";
import {
  FOUND_TTL_MS,
  NOT_FOUND_TTL_MS,
  cacheOutcome,
  cachedEntity,
  cachedOutcome,
  nameKey,
} from "@/src/lookup/cache";
import type { LookupEntity } from "@/src/contracts/lookup";

const dbs: SiyaqDatabase[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});
function freshDb() {
  const db = new SiyaqDatabase(`lookup-cache-${Math.random()}`);
  dbs.push(db);
  return db;
}

const entity: LookupEntity = {
  qid: "Q534285",
  type: "PER",
  label: { ar: "مارك كارني" },
  description: { ar: "اقتصادي" },
  typeMatched: true,
  positions: [],
  countries: [],
  wikipedia: {},
};

describe("lookup cache", () => {
  it("keeps a found entity until it expires, and a not-found answer for a shorter time", async () => {
    const db = freshDb();
    const key = nameKey("مارك كارني", "PER");
    await cacheOutcome(db, key, { status: "found", entity, fetchedAt: 0 }, 0);
    expect((await cachedOutcome(db, key, FOUND_TTL_MS - 1))?.status).toBe("found");
    expect(await cachedOutcome(db, key, FOUND_TTL_MS + 1)).toBeUndefined();
    expect((await cachedEntity(db, "Q534285", 10))?.qid).toBe("Q534285");

    const missing = nameKey("لا أحد", "PER");
    await cacheOutcome(db, missing, { status: "not-found", fetchedAt: 0 }, 0);
    expect((await cachedOutcome(db, missing, NOT_FOUND_TTL_MS - 1))?.status).toBe("not-found");
    expect(await cachedOutcome(db, missing, NOT_FOUND_TTL_MS + 1)).toBeUndefined();
  });

  it("never caches `unavailable`, and drops expired answers as new ones arrive", async () => {
    const db = freshDb();
    await cacheOutcome(db, "k1", { status: "unavailable", reason: "offline" }, 0);
    expect(await db.lookups.count()).toBe(0);
    await cacheOutcome(db, "old", { status: "not-found", fetchedAt: 0 }, 0);
    await cacheOutcome(db, "new", { status: "not-found", fetchedAt: 0 }, NOT_FOUND_TTL_MS * 2);
    expect((await db.lookups.toArray()).map((r) => r.key)).toEqual(["new"]);
  });

  it("finds spelling variants of a name under one key", () => {
    expect(nameKey("مارك كارنى", "PER")).toBe(nameKey("مارك كارني", "PER"));
    expect(nameKey("مارك كارني", "ORG")).not.toBe(nameKey("مارك كارني", "PER"));
  });
});
