// data.import checks every field of every record with the full schemas, http(s) only for every
// address, and changes nothing when any record is wrong; data.export leaves out (and reports) a
// stored record the import would refuse, so a backup always restores.
import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { dispatch, type Handlers } from "@/src/messaging/server";
import type { MessageType, RequestOf, ResponseOf } from "@/src/messaging/protocol";
import { createKbHandlers } from "@/src/background/kb-handlers";
import { exportData, importData } from "@/src/kb/data";
import { useDatabase, type SiyaqDatabase } from "@/src/kb/db";
import { freshDatabase, samplePack } from "../kb/sample-pack";
import { highlightArbitrary, sampleHighlight } from "../highlights/arbitraries";
import { senderFor } from "../messaging/senders";

const EXTENSION = "siyaq-test";
const handlers = createKbHandlers() as unknown as Handlers;
let db: SiyaqDatabase;

async function ask<K extends MessageType>(
  type: K,
  payload: RequestOf<K> | Record<string, unknown>,
): Promise<ResponseOf<K>> {
  const reply = await dispatch(
    handlers,
    { siyaq: 1, type, payload },
    senderFor(type, EXTENSION, (payload as { url?: string }).url),
    { extensionId: EXTENSION, log: () => {} },
  );
  if (!reply.ok) throw new Error(reply.error);
  return reply.value as ResponseOf<K>;
}

const ARTICLE = "https://example.com/iraq-coalition";

async function snapshot() {
  return {
    entities: await db.entities.toArray(),
    events: await db.events.toArray(),
    mentions: await db.mentions.toArray(),
    highlights: await db.highlights.toArray(),
    packs: await db.packs.toArray(),
    sightings: await db.sightings.toArray(),
    learned: await db.learned.toArray(),
  };
}

beforeEach(async () => {
  db = freshDatabase();
  useDatabase(db);
  await ask("pack.import", { json: JSON.stringify(samplePack()) });
  await ask("mentions.record", { url: ARTICLE, title: "t", entityIds: ["country:iq"] });
  await ask("events.addFromPage", {
    url: ARTICLE,
    title: "t",
    events: [
      {
        date: "2021-07",
        text: "جرت الجولة الاستراتيجية الأخيرة بين بغداد وواشنطن",
        entityIds: ["city:baghdad"],
      },
    ],
  });
  await db.highlights.add(sampleHighlight());
  // An unknown name met once (a sighting) and one met twice (learned).
  for (const [n, names] of [
    [1, ["رائد العزاوي", "هيئة الحشد"]],
    [2, ["رائد العزاوي"]],
  ] as const)
    await ask("sightings.record", {
      title: `مقال ${n}`,
      publishedAt: "2020-01-0" + n,
      names: names.map((surface) => ({ surface, type: "PER" })),
      url: `https://example.com/${n}`,
    });
});
afterEach(async () => {
  await db.delete();
});

type Row = Record<string, any>;
type Backup = {
  entities: Row[];
  events: Row[];
  mentions: Row[];
  highlights: Row[];
  packs: Row[];
  sightings: Row[];
  learned: Row[];
};

const cases: [string, (file: Backup) => void, RegExp][] = [
  [
    "a highlight without target",
    (f) => delete f.highlights[0]!.target,
    /highlights\[0\]\.target: missing \(record id "0b7e2f1c/,
  ],
  [
    "a highlight without citation",
    (f) => delete f.highlights[0]!.citation,
    /highlights\[0\]\.citation: missing/,
  ],
  [
    "a javascript: citation address",
    (f) => (f.highlights[0]!.citation.url = "javascript:alert(1)"),
    /highlights\[0\]\.citation\.url: must be an http\(s\) address/,
  ],
  [
    "a data: page address",
    (f) => (f.highlights[0]!.url = "data:text/html,x"),
    /highlights\[0\]\.url: must be an http\(s\) address/,
  ],
  [
    "a file: target source",
    (f) => (f.highlights[0]!.target.source = "file:///etc/passwd"),
    /highlights\[0\]\.target\.source: must be an http\(s\) address/,
  ],
  [
    "an empty quote",
    (f) => (f.highlights[0]!.target.selector[0].exact = ""),
    /highlights\[0\]\.target\.selector\[0\]\.exact/,
  ],
  [
    "a reversed position",
    (f) => (f.highlights[0]!.target.selector[1].end = 0),
    /highlights\[0\]\.target\.selector\[1\]: start must be before end/,
  ],
  [
    "an unknown entity type",
    (f) => (f.highlights[0]!.entities[0].type = "GOD"),
    /highlights\[0\]\.entities\[0\]\.type/,
  ],
  [
    "a note that is not text",
    (f) => (f.highlights[0]!.note = { html: "<b>" }),
    /highlights\[0\]\.note: expected string, got object/,
  ],
  [
    "an unknown highlight field",
    (f) => (f.highlights[0]!.body = "<b>x</b>"),
    /highlights\[0\]\.body: unknown field/,
  ],
  [
    "a bad access date",
    (f) => (f.highlights[0]!.citation.accessedAt = "yesterday"),
    /highlights\[0\]\.citation\.accessedAt: not a date/,
  ],
  [
    "a javascript: mention address",
    (f) => (f.mentions[0]!.url = "javascript:alert(1)"),
    /mentions\[0\]\.url: must be an http\(s\) address/,
  ],
  [
    "a mention with an extra field",
    (f) => (f.mentions[0]!.html = "<b>"),
    /mentions\[0\]\.html: unknown field/,
  ],
  [
    "a javascript: event source",
    (f) =>
      ((f.events.find((e) => e.origin === "page")!.source as { url: string }).url = "javascript:x"),
    /events\[\d+\]\.source\.url: must be an http\(s\) address/,
  ],
  [
    "a vbscript: event address",
    (f) => (f.events.find((e) => e.origin === "page")!.url = "vbscript:x"),
    /events\[\d+\]\.url: must be an http\(s\) address/,
  ],
  ["a negative entity count", (f) => (f.packs[0]!.entityCount = -1), /packs\[0\]\.entityCount/],
  [
    "a javascript: article of a learned name",
    (f) => (f.learned[0]!.articles[0].url = "javascript:alert(1)"),
    /learned\[0\]\.articles\[0\]\.url: must be an http\(s\) address/,
  ],
  ["a learned name typed as a date", (f) => (f.learned[0]!.type = "DATE"), /learned\[0\]\.type/],
  [
    "a learned name without spellings",
    (f) => (f.learned[0]!.spellings = []),
    /learned\[0\]\.spellings/,
  ],
  [
    "a learned name with an extra field",
    (f) => (f.learned[0]!.html = "<b>"),
    /learned\[0\]\.html: unknown field/,
  ],
  [
    "a sighting on a data: page",
    (f) => (f.sightings[0]!.pages[0].url = "data:text/html,x"),
    /sightings\[0\]\.pages\[0\]\.url: must be an http\(s\) address/,
  ],
];

describe("data.import validates every record in full", () => {
  it.each(cases)(
    "refuses %s, names record and field, and changes nothing",
    async (_, spoil, message) => {
      const { json } = await ask("data.export", {});
      const file = JSON.parse(json) as Backup;
      spoil(file);
      // Something to lose: a second highlight the bad file would otherwise overwrite or join.
      await db.highlights.put(sampleHighlight({ id: "kept", note: "stays" }));
      const before = await snapshot();
      await expect(ask("data.import", { json: JSON.stringify(file) })).rejects.toThrow(message);
      expect(await snapshot()).toEqual(before);
    },
  );

  it("restores sightings and learned names: a wiped database gets them back, learned names with their articles", async () => {
    const { json } = await ask("data.export", {});
    const before = await snapshot();
    expect(before.learned.map((r) => [r.name, r.seenIn])).toEqual([["رائد العزاوي", 2]]);
    expect(before.sightings.map((r) => r.surface)).toEqual(["هيئة الحشد"]);
    await ask("data.wipe", { confirm: "wipe" });
    expect(await ask("data.import", { json })).toMatchObject({ sightings: 1, learned: 1 });
    const after = await snapshot();
    expect(after.learned).toEqual(before.learned);
    expect(after.sightings).toEqual(before.sightings);
    // A backup written before they were part of the file still restores.
    const old = JSON.parse(json);
    delete old.sightings;
    delete old.learned;
    await expect(ask("data.import", { json: JSON.stringify(old) })).resolves.toMatchObject({
      sightings: 0,
      learned: 0,
    });
  });

  it("a backup whose stored highlight is malformed still restores: the record is left out and reported", async () => {
    await db.highlights.add({
      id: "old",
      url: ARTICLE,
      createdAt: 1,
      updatedAt: 2,
      tags: [],
      entityIds: [],
    });
    await db.mentions.add({
      entityId: "country:iq",
      url: "javascript:alert(1)",
      title: "t",
      seenAt: 1,
    });
    const { json, skipped } = await ask("data.export", {});
    expect(skipped).toBe(2);
    const detail = (await exportData(db)).skipped.map(
      ({ table, id, problem }) => `${table} ${id} ${problem}`,
    );
    expect(detail).toEqual([
      "mentions  url: must be an http(s) address",
      "highlights old target: missing",
    ]);
    await ask("data.wipe", { confirm: "wipe" });
    expect(await ask("data.import", { json })).toMatchObject({ highlights: 1, mentions: 1 });
    expect((await db.highlights.toArray()).map((h) => h.id)).toEqual([sampleHighlight().id]);
  });

  it("round-trips any highlights, whatever their text holds (property)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(highlightArbitrary, { selector: (h) => h.id, maxLength: 5 }),
        async (highlights) => {
          await db.highlights.clear();
          await db.highlights.bulkAdd(highlights);
          const { json, skipped } = await exportData(db);
          expect(skipped).toEqual([]);
          await db.highlights.clear();
          expect((await importData(db, json)).highlights).toBe(highlights.length);
          const byId = (list: { id: string }[]) => [...list].sort((a, b) => (a.id < b.id ? -1 : 1));
          expect(byId(await db.highlights.toArray())).toEqual(byId(highlights));
        },
      ),
      { numRuns: 40 },
    );
  });
});

/** Every path to a value inside a parsed JSON document. */
function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const here = prefix.length ? [prefix] : [];
  if (Array.isArray(value))
    return [...here, ...value.flatMap((item, index) => pathsOf(item, [...prefix, index]))];
  if (value && typeof value === "object")
    return [
      ...here,
      ...Object.entries(value).flatMap(([key, item]) => pathsOf(item, [...prefix, key])),
    ];
  return here;
}

function replaceAt(document: any, path: (string | number)[], replacement: unknown): void {
  let node = document;
  for (const step of path.slice(0, -1)) node = node[step];
  node[path.at(-1)!] = replacement;
}

describe("data.import fuzzed", () => {
  it("any one value of a backup replaced by any JSON: imported whole, or refused naming a field, with nothing changed", async () => {
    const { json } = await exportData(db);
    const paths = pathsOf(JSON.parse(json));
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: paths.length - 1 }),
        fc.jsonValue({ maxDepth: 2 }),
        async (which, replacement) => {
          const file = JSON.parse(json);
          replaceAt(file, paths[which]!, replacement);
          const before = await snapshot();
          try {
            await importData(db, JSON.stringify(file));
          } catch (error) {
            expect((error as Error).name).toBe("PackError");
            expect((error as Error).message).toMatch(
              /^(format|formatVersion|exportedAt|entities|events|mentions|highlights|packs|pack|sightings|learned)\b/,
            );
            expect(await snapshot()).toEqual(before);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
