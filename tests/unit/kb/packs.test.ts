import { afterEach, describe, expect, it } from "vitest";
import fc from "fast-check";
import type { SiyaqDatabase } from "@/src/kb/db";
import { PackError, PACK_LIMITS } from "@/src/contracts/pack-schema";
import { USER_SOURCE, exportPack, importPack, listPacks, removePack } from "@/src/kb/packs";
import { aliasKey } from "@/src/kb/alias-keys";
import { onEntitiesChanged } from "@/src/kb/changes";
import { deleteEvent } from "@/src/kb/events";
import { freshDatabase, samplePack } from "./sample-pack";

let db: SiyaqDatabase;
afterEach(async () => {
  await db?.delete();
});

/** Everything stored, for "nothing changed" comparisons. */
async function snapshot(database: SiyaqDatabase) {
  return {
    entities: await database.entities.toArray(),
    events: await database.events.toArray(),
    packs: await database.packs.toArray(),
  };
}

describe("importPack", () => {
  it("installs entities with normalised alias keys, events and the pack record", async () => {
    db = freshDatabase();
    const result = await importPack(db, JSON.stringify(samplePack()), { now: 1000 });
    expect(result).toMatchObject({
      id: "sample",
      version: "2026.11.1",
      entities: 6,
      events: 3,
      status: "installed",
    });

    // Spelling variants meet in one key: أميركا and امريكا.
    const byVariant = await db.entities.where("aliasKeys").equals(aliasKey("امريكا")).toArray();
    expect(byVariant.map((entity) => entity.id)).toEqual(["country:us"]);
    const byEnglish = await db.entities.where("aliasKeys").equals(aliasKey("iraq")).toArray();
    expect(byEnglish.map((entity) => entity.id)).toEqual(["country:iq"]);

    const event = await db.events.get("event:2021-12-09-end-of-combat-mission");
    expect(event).toMatchObject({ origin: "pack", pack: "sample", place: "country:iq" });
    expect(await listPacks(db)).toEqual([
      expect.objectContaining({
        id: "sample",
        version: "2026.11.1",
        entityCount: 6,
        eventCount: 3,
        name: "Sample pack",
      }),
    ]);
  });

  it("changes nothing when the file is bad, and says where", async () => {
    db = freshDatabase();
    await importPack(db, JSON.stringify(samplePack()));
    const before = await snapshot(db);

    const newer = samplePack({ version: "2026.12.1" });
    newer.events[2]!.entityIds = ["country:us", "per:unknown"];
    const json = JSON.stringify(newer);
    const bad = [
      json.slice(0, 200),
      json,
      JSON.stringify({ ...newer, entities: [...newer.entities, { ...newer.entities[0] }] }),
      '{"format":"siyaq-pack"',
    ];
    for (const file of bad) {
      await expect(importPack(db, file)).rejects.toBeInstanceOf(PackError);
    }
    await expect(importPack(db, json)).rejects.toThrow(
      'events[2].entityIds[1]: unknown entity "per:unknown"',
    );
    expect(await snapshot(db)).toEqual(before);
  });

  it("rolls back every write when the database fails half-way", async () => {
    db = freshDatabase();
    await importPack(db, JSON.stringify(samplePack()));
    const before = await snapshot(db);
    // A failure after the entities were written (as a quota error would) must undo them too.
    db.events.hook("creating", () => {
      throw new Error("disk full");
    });
    await expect(
      importPack(
        db,
        JSON.stringify(
          samplePack({
            id: "other",
            entities: [],
            events: [
              { id: "event:x", date: "2020", title: { ar: "س" }, entityIds: ["country:iq"] },
            ],
          }),
        ),
      ),
    ).rejects.toThrow("disk full");
    expect(await snapshot(db)).toEqual(before);
  });

  it("lets events point at entities of another installed pack", async () => {
    db = freshDatabase();
    await importPack(db, JSON.stringify(samplePack()));
    const extra = samplePack({
      id: "extra",
      entities: [],
      events: [
        {
          id: "event:2003-04-09-fall-of-baghdad",
          date: "2003-04-09",
          title: { ar: "سقوط بغداد" },
          entityIds: ["city:baghdad"],
        },
      ],
    });
    expect(await importPack(db, JSON.stringify(extra))).toMatchObject({
      events: 1,
      status: "installed",
    });
  });

  it("updates to a newer version without duplicates, dropping what the pack no longer has", async () => {
    db = freshDatabase();
    await importPack(db, JSON.stringify(samplePack()));
    const next = samplePack({ version: "2026.11.10" });
    next.entities = next.entities.filter((entity) => entity.id !== "city:baghdad");
    next.entities[0]!.description = { ar: "جمهورية في غرب آسيا", en: "Republic in Western Asia" };
    next.events = next.events.filter((event) => event.id !== "event:2020");
    next.entities.push({
      id: "city:mosul",
      type: "LOC",
      names: { ar: "الموصل", en: "Mosul" },
      aliases: [],
    });

    const result = await importPack(db, JSON.stringify(next));
    expect(result).toMatchObject({ status: "updated", entities: 6, events: 2, removed: 2 });
    expect(await db.entities.count()).toBe(6);
    expect(await db.entities.get("city:baghdad")).toBeUndefined();
    expect((await db.entities.get("country:iq"))!.description!.en).toBe("Republic in Western Asia");
    expect(await db.events.get("event:2020")).toBeUndefined();
    expect((await listPacks(db))[0]!.version).toBe("2026.11.10");
  });

  it("keeps an event the reader deleted deleted when its pack updates", async () => {
    db = freshDatabase();
    await importPack(db, JSON.stringify(samplePack()));
    expect(await deleteEvent(db, "event:2014-06-10-fall-of-mosul")).toBe(true);
    const result = await importPack(db, JSON.stringify(samplePack({ version: "2026.11.10" })));
    expect(result).toMatchObject({ status: "updated", events: 2 });
    expect(await db.events.get("event:2014-06-10-fall-of-mosul")).toBeUndefined();
    expect(await db.events.get("event:2020")).toBeDefined();
  });

  it("does not clobber entities the user edited", async () => {
    db = freshDatabase();
    await importPack(db, JSON.stringify(samplePack()));
    await db.entities.update("per:qasim-al-araji", {
      source: USER_SOURCE,
      description: { ar: "وصفي الخاص" },
    });

    const result = await importPack(db, JSON.stringify(samplePack({ version: "2027.1.1" })));
    expect(result.kept).toBe(1);
    expect(await db.entities.get("per:qasim-al-araji")).toMatchObject({
      source: USER_SOURCE,
      description: { ar: "وصفي الخاص" },
    });
    // Removing the pack keeps the user's entity too.
    expect(await removePack(db, "sample")).toBe(true);
    expect((await db.entities.toArray()).map((entity) => entity.id)).toEqual([
      "per:qasim-al-araji",
    ]);
  });

  it("reports and skips the same or an older version unless forced", async () => {
    db = freshDatabase();
    await importPack(db, JSON.stringify(samplePack()));
    await db.entities.update("country:iq", { names: { ar: "عراق معدل" } });

    const same = await importPack(db, JSON.stringify(samplePack()));
    expect(same.status).toBe("skipped");
    expect(same.message).toMatch(/the same version \(2026\.11\.1\) is already installed/);
    const older = await importPack(db, JSON.stringify(samplePack({ version: "2025.1.1" })));
    expect(older).toMatchObject({ status: "skipped", entities: 0 });
    expect((await db.entities.get("country:iq"))!.names.ar).toBe("عراق معدل");

    const forced = await importPack(db, JSON.stringify(samplePack({ version: "2025.1.1" })), {
      force: true,
    });
    expect(forced.status).toBe("updated");
    expect((await db.entities.get("country:iq"))!.names.ar).toBe("العراق");
  });

  it("keeps hostile strings as inert text", async () => {
    db = freshDatabase();
    const hostile = samplePack();
    hostile.entities[0]!.names.en = "<script>alert(1)</script>";
    hostile.entities[0]!.aliases.push('<img src=x onerror="alert(1)">');
    await importPack(db, JSON.stringify(hostile));
    const stored = await db.entities.get("country:iq");
    expect(stored!.names.en).toBe("<script>alert(1)</script>");
    expect(stored!.aliases).toContain('<img src=x onerror="alert(1)">');
  });

  it("refuses an oversized file before parsing it", async () => {
    db = freshDatabase();
    const huge = JSON.stringify(samplePack()).replace(
      "}",
      `,"padding":"${" ".repeat(PACK_LIMITS.maxFileChars)}"}`,
    );
    await expect(importPack(db, huge)).rejects.toThrow(/^file too large/);
    expect(await db.entities.count()).toBe(0);
  });

  it("tells listeners once the change is committed", async () => {
    db = freshDatabase();
    let calls = 0;
    const stop = onEntitiesChanged(() => calls++);
    await importPack(db, JSON.stringify(samplePack()));
    await importPack(db, JSON.stringify(samplePack())); // skipped: no change
    await expect(importPack(db, "{")).rejects.toThrow();
    stop();
    expect(calls).toBe(1);
  });
});

describe("exportPack", () => {
  it("round-trips losslessly: export → import gives back the same file and records", async () => {
    db = freshDatabase();
    const original = samplePack();
    await importPack(db, JSON.stringify(original), { now: 5 });
    const exported = await exportPack(db, "sample");
    expect(JSON.parse(JSON.stringify(exported))).toStrictEqual(
      JSON.parse(JSON.stringify(original)),
    );

    const other = freshDatabase();
    try {
      await importPack(other, JSON.stringify(exported), { now: 5 });
      expect(await snapshot(other)).toEqual(await snapshot(db));
    } finally {
      await other.delete();
    }
  });

  it("says when there is no such pack", async () => {
    db = freshDatabase();
    await expect(exportPack(db, "nope")).rejects.toThrow('no installed pack "nope"');
  });
});

describe("removePack", () => {
  it("removes the pack's entities and events and reports an unknown pack", async () => {
    db = freshDatabase();
    await importPack(db, JSON.stringify(samplePack()));
    expect(await removePack(db, "sample")).toBe(true);
    expect(await snapshot(db)).toEqual({ entities: [], events: [], packs: [] });
    expect(await removePack(db, "sample")).toBe(false);
  });
});

describe("export → import round trip (property)", () => {
  // Arabic letters, marks, Latin, markup and quotes: whatever a pack may carry as text.
  const unit = fc.constantFrom(..."العراقبغدادأإآةىـً ٌ<>\"'&/abcXYZ 019".split(""));
  const text = fc.string({ unit, minLength: 1, maxLength: 24 });
  const localized = fc.record({ ar: text, en: text }, { requiredKeys: ["ar"] });
  const partial = fc
    .record({ ar: text, en: text }, { requiredKeys: [] })
    .filter((value) => value.ar !== undefined || value.en !== undefined);
  const id = fc.stringMatching(/^[a-z]{1,6}:[a-z0-9._-]{1,12}$/);

  const pack = fc.uniqueArray(id, { minLength: 1, maxLength: 8 }).chain((entityIds) =>
    fc.record(
      {
        format: fc.constant("siyaq-pack" as const),
        formatVersion: fc.constant(1 as const),
        id: fc.stringMatching(/^[a-z0-9-]{1,10}$/),
        version: fc.stringMatching(/^[1-9]\d{0,3}(\.\d{1,2}){0,2}$/),
        name: localized,
        description: partial,
        license: text,
        attribution: text,
        entities: fc.tuple(
          ...entityIds.map((entityId) =>
            fc.record(
              {
                id: fc.constant(entityId),
                type: fc.constantFrom("PER", "ORG", "LOC", "MISC", "EVENT" as const),
                names: localized,
                aliases: fc.array(text, { maxLength: 4 }),
                ambiguousAliases: fc.array(text, { maxLength: 2 }),
                description: partial,
                facts: fc.array(fc.record({ label: partial, value: partial }), { maxLength: 2 }),
                qid: fc.stringMatching(/^Q[1-9]\d{0,6}$/),
                links: fc.record(
                  { wikipedia: fc.record({ ar: text, en: text }, { requiredKeys: [] }) },
                  { requiredKeys: [] },
                ),
              },
              { requiredKeys: ["id", "type", "names", "aliases"] },
            ),
          ),
        ),
        events: fc.uniqueArray(
          fc.record(
            {
              id: id.map((value) => `event:${value.replace(":", "-")}`),
              date: fc.constantFrom("2014", "2014-06", "2014-06-10", "2020-02-29", "1999-12-31"),
              title: localized,
              entityIds: fc.subarray(entityIds),
              place: fc.constantFrom(...entityIds),
            },
            { requiredKeys: ["id", "date", "title", "entityIds"] },
          ),
          { selector: (event) => event.id, maxLength: 5 },
        ),
      },
      { requiredKeys: ["format", "formatVersion", "id", "version", "name", "entities", "events"] },
    ),
  );

  it("gives back exactly the pack that was imported", async () => {
    await fc.assert(
      fc.asyncProperty(pack, async (original) => {
        const database = freshDatabase();
        try {
          const json = JSON.stringify(original);
          await importPack(database, json);
          expect(JSON.parse(JSON.stringify(await exportPack(database, original.id)))).toStrictEqual(
            JSON.parse(json),
          );
        } finally {
          await database.delete();
        }
      }),
      { numRuns: 30 },
    );
  });
});
