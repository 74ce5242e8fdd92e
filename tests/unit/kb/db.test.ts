import { afterEach, describe, expect, it } from "vitest";
import Dexie from "dexie";
import {
  LATEST_SCHEMA_VERSION,
  SCHEMA_VERSIONS,
  SiyaqDatabase,
  StorageFullError,
  useDatabase,
  withDatabase,
  type EntityRecord,
  type EventRecord,
  type HighlightRecord,
  type MentionRecord,
  type PackRecord,
} from "@/src/kb/db";
import { aliasKey } from "@/src/kb/alias-keys";

const opened: SiyaqDatabase[] = [];
afterEach(async () => {
  const byName = new Map(opened.splice(0).map((db) => [db.name, db]));
  for (const db of byName.values()) await db.delete();
});

function open(name: string, upTo?: number): SiyaqDatabase {
  const db = new SiyaqDatabase(name, upTo === undefined ? {} : { upTo });
  opened.push(db);
  return db;
}

// Records as version 1 wrote them: alias keys from an older normaliser (hamza kept), no `pack`/`url`.
const v1Entities: EntityRecord[] = [
  {
    id: "country:iq",
    type: "LOC",
    names: { ar: "العراق", en: "Iraq" },
    aliases: ["جمهورية العراق"],
    aliasKeys: ["العراق", "iraq", "جمهورية العراق"],
    description: { ar: "دولة", en: "Country" },
    facts: [{ label: { ar: "العاصمة" }, value: { ar: "بغداد" } }],
    qid: "Q796",
    source: "starter",
    updatedAt: 1,
  },
  {
    id: "user:1",
    type: "PER",
    names: { ar: "قاسم الأعرجي" },
    aliases: ["الأعرجي"],
    aliasKeys: ["قاسم الأعرجي", "الأعرجي"],
    source: "user",
    updatedAt: 2,
  },
];
const v1Events: EventRecord[] = [
  {
    id: "event:2014-06-10-fall-of-mosul",
    date: "2014-06-10",
    title: { ar: "سقوط الموصل" },
    entityIds: ["country:iq"],
    origin: "pack",
    source: { pack: "starter" },
    createdAt: 3,
  },
  {
    id: "page:abc",
    date: "2021-12",
    title: { ar: "أكد العراق أن التحالف الدولي أبلغه بعدم وجود وحدات قتالية في البلاد" },
    entityIds: ["country:iq"],
    origin: "page",
    source: { url: "https://example.com/a", title: "Article", publishedAt: "2021-12-10" },
    createdAt: 4,
  },
];
const v1Mentions: MentionRecord[] = [
  { entityId: "country:iq", url: "https://example.com/a", title: "Article", seenAt: 5 },
  { entityId: "user:1", url: "https://example.com/a", title: "Article", seenAt: 6 },
];
const v1Highlights: HighlightRecord[] = [
  {
    id: "h1",
    url: "https://example.com/a",
    createdAt: 7,
    updatedAt: 8,
    tags: ["iraq"],
    entityIds: ["country:iq"],
    target: { selector: [{ type: "TextQuoteSelector", exact: "العراق" }] },
    note: "<b>not markup</b>",
  },
];
const v1Packs: PackRecord[] = [
  {
    id: "starter",
    version: "2026.1.1",
    name: "Starter",
    installedAt: 9,
    entityCount: 1,
    eventCount: 1,
  },
];

describe("schema upgrades", () => {
  it("keeps every record written by version 1 after upgrading to the latest version", async () => {
    const name = `upgrade-${Date.now()}`;
    const v1 = open(name, 1);
    await v1.entities.bulkAdd(v1Entities);
    await v1.events.bulkAdd(v1Events);
    await v1.mentions.bulkAdd(v1Mentions);
    await v1.highlights.bulkAdd(v1Highlights);
    await v1.packs.bulkAdd(v1Packs);
    expect(v1.verno).toBe(1);
    v1.close();

    const latest = open(name);
    await latest.open();
    expect(latest.verno).toBe(LATEST_SCHEMA_VERSION);

    const entities = await latest.entities.orderBy("id").toArray();
    expect(entities).toEqual(
      v1Entities.map((entity) => ({ ...entity, aliasKeys: expect.any(Array) })),
    );
    // Keys were recomputed with today's normaliser, so the hamza-less spelling now finds the person.
    expect((await latest.entities.where("aliasKeys").equals(aliasKey("الاعرجي")).first())?.id).toBe(
      "user:1",
    );

    expect(await latest.events.orderBy("id").toArray()).toEqual([
      { ...v1Events[0], pack: "starter" },
      { ...v1Events[1], url: "https://example.com/a" },
    ]);
    expect(await latest.events.where("pack").equals("starter").count()).toBe(1);
    expect(await latest.events.where("url").equals("https://example.com/a").count()).toBe(1);
    expect((await latest.mentions.toArray()).map(({ id: _, ...mention }) => mention)).toEqual(
      v1Mentions,
    );
    expect(await latest.highlights.toArray()).toEqual(v1Highlights);
    expect(await latest.packs.toArray()).toEqual(v1Packs);
    expect((await latest.meta.get("entities.revision"))?.value).toEqual(expect.any(String));
  });

  it.each(Array.from({ length: LATEST_SCHEMA_VERSION - 1 }, (_, i) => i + 1))(
    "keeps every record written by version %i after upgrading to the latest",
    async (version) => {
      const name = `from-v${version}-${Date.now()}`;
      const old = open(name, version);
      await old.entities.bulkAdd(v1Entities);
      await old.events.bulkAdd(v1Events);
      await old.mentions.bulkAdd(v1Mentions);
      await old.highlights.bulkAdd(v1Highlights);
      await old.packs.bulkAdd(v1Packs);
      if (version >= 2) await old.meta.put({ key: "deleted-event:x", value: 1 });
      old.close();
      const latest = open(name);
      await latest.open();
      expect(latest.verno).toBe(LATEST_SCHEMA_VERSION);
      expect((await latest.entities.orderBy("id").toArray()).map((e) => e.id)).toEqual(
        v1Entities.map((e) => e.id),
      );
      expect(
        (await latest.events.orderBy("id").toArray()).map((e) => ({
          ...e,
          pack: undefined,
          url: undefined,
        })),
      ).toEqual(v1Events.map((e) => ({ ...e, pack: undefined, url: undefined })));
      expect(await latest.mentions.count()).toBe(v1Mentions.length);
      expect(await latest.highlights.toArray()).toEqual(v1Highlights);
      expect(await latest.packs.toArray()).toEqual(v1Packs);
      if (version >= 2) expect((await latest.meta.get("deleted-event:x"))?.value).toBe(1);
      // The newer tables are there and empty.
      if (version < 3) expect(await latest.sightings.count()).toBe(0);
      expect(await latest.lookups.count()).toBe(0);
    },
  );

  it("refuses, saying why, a database a newer version wrote, and changes none of its records", async () => {
    const name = `newer-${Date.now()}`;
    const raw = new Dexie(name);
    raw
      .version(LATEST_SCHEMA_VERSION + 1)
      .stores({ ...SCHEMA_VERSIONS[LATEST_SCHEMA_VERSION], future: "id" });
    await raw.open();
    await raw.table("entities").add({ ...v1Entities[0]! });
    raw.close();
    const db = open(name);
    await expect(db.open()).rejects.toThrow(/newer version of Siyaq/);
    const again = new Dexie(name);
    await again.open();
    expect(await again.table("entities").toArray()).toEqual([v1Entities[0]]);
    again.close();
  });

  it("keeps mentions unique per entity and article", async () => {
    const db = open(`unique-${Date.now()}`);
    await db.mentions.add({
      entityId: "country:iq",
      url: "https://example.com/a",
      title: "A",
      seenAt: 1,
    });
    await expect(
      db.mentions.add({
        entityId: "country:iq",
        url: "https://example.com/a",
        title: "A",
        seenAt: 2,
      }),
    ).rejects.toThrow();
    expect(await db.mentions.count()).toBe(1);
  });
});

describe("withDatabase", () => {
  it("reopens a database that was closed under it", async () => {
    const db = open(`closed-${Date.now()}`);
    useDatabase(db);
    await db.entities.add({ ...v1Entities[0]! });
    db.close();
    expect(db.isOpen()).toBe(false);
    await expect(db.entities.count()).rejects.toBeInstanceOf(Dexie.DatabaseClosedError);
    expect(await withDatabase((database) => database.entities.count())).toBe(1);
    expect(db.isOpen()).toBe(true);
  });

  it("reports a quota error instead of swallowing it", async () => {
    useDatabase(open(`quota-${Date.now()}`));
    const quota = new DOMException("The quota has been exceeded.", "QuotaExceededError");
    await expect(
      withDatabase(async () => {
        throw quota;
      }),
    ).rejects.toBeInstanceOf(StorageFullError);
    // Dexie wraps IndexedDB errors; the wrapped form is recognised too.
    await expect(
      withDatabase(async () => {
        throw new Dexie.AbortError("transaction aborted", quota);
      }),
    ).rejects.toThrow(/storage is full/);
    await expect(
      withDatabase(async () => {
        throw new Error("something else");
      }),
    ).rejects.toThrow("something else");
  });
});
