import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { dispatch, type Handlers } from "@/src/messaging/server";
import type { MessageType, RequestOf, ResponseOf } from "@/src/messaging/protocol";
import { createKbHandlers } from "@/src/background/kb-handlers";
import { useDatabase, type SiyaqDatabase } from "@/src/kb/db";
import { freshDatabase, samplePack } from "../kb/sample-pack";
import { senderFor } from "../messaging/senders";
import { sampleHighlight } from "../highlights/arbitraries";

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

beforeEach(async () => {
  db = freshDatabase();
  useDatabase(db);
  await ask("pack.import", { json: JSON.stringify(samplePack()) });
});
afterEach(async () => {
  await db.delete();
});

const ARTICLE = "https://example.com/iraq-coalition";

describe("entity messages", () => {
  it("entities.byIds returns summaries in order and leaves out unknown ids", async () => {
    const summaries = await ask("entities.byIds", { ids: ["org:isis", "nope:1", "country:iq"] });
    expect(summaries).toEqual([
      { id: "org:isis", type: "ORG", names: { ar: "داعش", en: "ISIS" } },
      {
        id: "country:iq",
        type: "LOC",
        names: { ar: "العراق", en: "Iraq" },
        description: { ar: "دولة في غرب آسيا", en: "Country in Western Asia" },
        qid: "Q796",
      },
    ]);
    await expect(
      ask("entities.byIds", { ids: new Array(2001).fill("country:iq") }),
    ).rejects.toThrow(/invalid entities.byIds payload at ids/);
  });

  it("entity.search forgives spelling variants and finds English names", async () => {
    const ids = async (query: string) =>
      (await ask("entity.search", { query })).map((entity) => entity.id);
    expect(await ids("أميركا")).toEqual(["country:us"]);
    expect(await ids("امريكا")).toEqual(["country:us"]);
    expect(await ids("الاعرجي")).toEqual(["per:qasim-al-araji"]);
    expect(await ids("عراق")).toEqual(["country:iq"]);
    expect(await ids("iraq")).toEqual(["country:iq"]);
    expect(await ids("united")).toEqual(["country:us"]);
    // A later word of a name, after every name that starts with the query.
    expect(await ids("coalition")).toEqual(["org:global-coalition-against-isis"]);
    expect(await ids("الدوله")).toEqual(["org:isis"]);
    // Two letters only match the start of a name, not a word inside one.
    expect(await ids("ضد")).toEqual([]);
    expect(await ids("تنظيم الدولة")).toEqual(["org:isis"]);
    // Exact names rank before longer names that only start with the query.
    expect((await ids("التحالف الدولي"))[0]).toBe("org:global-coalition-against-isis");
    expect(await ids("   ")).toEqual([]);
    expect(await ids("xyz")).toEqual([]);
  });

  it("entity.upsert adds a user entity and edits a pack entity without losing its events", async () => {
    const added = await ask("entity.upsert", {
      entity: {
        type: "PER",
        names: { ar: "رائد العزاوي" },
        aliases: ["د. رائد العزاوي"],
        description: { ar: "رئيس مجلس الإدارة" },
      },
    });
    expect(added.id).toMatch(/^user:/);
    expect(
      (await ask("entity.search", { query: "رائد العزاوي" })).map((entity) => entity.id),
    ).toEqual([added.id]);

    const edited = await ask("entity.upsert", {
      entity: {
        id: "country:iq",
        type: "LOC",
        names: { ar: "العراق", en: "Iraq" },
        aliases: ["بلاد الرافدين"],
      },
    });
    expect(edited).toMatchObject({
      id: "country:iq",
      qid: "Q796",
      description: { en: "Country in Western Asia" },
    });
    const view = await ask("entity.get", { id: "country:iq" });
    expect(view!.entity.source).toBe("user");
    expect(view!.entity.aliases).toEqual(["بلاد الرافدين"]);
    expect(view!.events.length).toBeGreaterThan(0);
    expect((await ask("entity.search", { query: "بلاد الرافدين" }))[0]!.id).toBe("country:iq");

    await expect(
      ask("entity.upsert", { entity: { type: "PER", names: { ar: 5 }, aliases: [] } }),
    ).rejects.toThrow(/entity\.names\.ar/);
  });

  it("entity.get answers null for an unknown entity", async () => {
    expect(await ask("entity.get", { id: "per:nobody" })).toBeNull();
  });
});

describe("reading history", () => {
  it("mentions.record counts an entity once per article, and entity.get lists the latest articles", async () => {
    expect(
      await ask("mentions.record", {
        url: ARTICLE,
        title: "العراق والتحالف",
        entityIds: ["country:iq", "org:isis", "country:iq", "x:unknown"],
      }),
    ).toEqual({ recorded: 2 });
    expect(
      await ask("mentions.record", {
        url: ARTICLE,
        title: "العراق والتحالف",
        entityIds: ["country:iq"],
      }),
    ).toEqual({ recorded: 0 });
    for (let index = 0; index < 25; index++) {
      await ask("mentions.record", {
        url: `https://example.com/${index}`,
        title: `مقال ${index}`,
        entityIds: ["country:iq"],
      });
    }
    const view = await ask("entity.get", { id: "country:iq" });
    expect(view!.seenIn).toBe(26);
    expect(view!.articles).toHaveLength(20);
    const times = view!.articles.map((article) => article.seenAt);
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect((await ask("entity.get", { id: "org:isis" }))!.seenIn).toBe(1);
  });

  it("events.addFromPage stores dated sentences, folds near-duplicates and merges them into the timeline", async () => {
    const sentence =
      "أعلن مستشار الأمن القومي العراقي قاسم الأعرجي انتهاء المهام القتالية لقوات التحالف الدولي في العراق";
    const result = await ask("events.addFromPage", {
      url: ARTICLE,
      title: "العراق: التحالف الدولي أبلغنا بعدم وجود وحدات قتالية في البلاد",
      publishedAt: "2022-01-06",
      events: [
        // The pack already has this one (same day, same entities): folded, not stored.
        { date: "2021-12-09", text: sentence, entityIds: ["per:qasim-al-araji", "country:iq"] },
        // New: the strategic dialogue round in July.
        {
          date: "2021-07",
          text: "جرت الجولة الاستراتيجية الأخيرة بين بغداد وواشنطن",
          entityIds: ["city:baghdad", "country:us"],
        },
        // Same sentence again in the same batch: folded.
        {
          date: "2021-07",
          text: "جرت الجولة الاستراتيجية الأخيرة بين بغداد وواشنطن",
          entityIds: ["city:baghdad", "country:us"],
        },
        // Only unknown entities: nothing to attach it to.
        { date: "2021-05", text: "حدث لا يخص أحدا نعرفه", entityIds: ["per:unknown"] },
      ],
    });
    expect(result).toEqual({ added: 1 });

    const baghdad = await ask("entity.get", { id: "city:baghdad" });
    expect(baghdad!.events).toHaveLength(1);
    expect(baghdad!.events[0]).toMatchObject({
      origin: "page",
      date: "2021-07",
      source: { url: ARTICLE, publishedAt: "2022-01-06" },
      url: ARTICLE,
    });

    // Reading the same article again adds nothing; another article telling the same story neither.
    expect(
      (
        await ask("events.addFromPage", {
          url: ARTICLE,
          title: "x",
          events: [
            {
              date: "2021-07",
              text: "جرت الجولة الاستراتيجية الأخيرة بين بغداد وواشنطن",
              entityIds: ["city:baghdad"],
            },
          ],
        })
      ).added,
    ).toBe(0);
    expect(
      (
        await ask("events.addFromPage", {
          url: "https://example.com/other",
          title: "y",
          events: [
            {
              date: "2021-07",
              text: "الجولة الاستراتيجية الأخيرة بين بغداد وواشنطن جرت بنجاح",
              entityIds: ["country:us"],
            },
          ],
        })
      ).added,
    ).toBe(0);

    // Timelines are newest first and mix pack and page events.
    const iraq = await ask("entity.get", { id: "country:iq" });
    expect(iraq!.events.map((event) => event.date)).toEqual(["2021-12-09", "2014-06-10"]);
    const us = await ask("entity.get", { id: "country:us" });
    expect(us!.events.map((event) => [event.date, event.origin])).toEqual([
      ["2021-07", "page"],
      ["2020", "pack"],
    ]);

    await expect(
      ask("events.addFromPage", {
        url: ARTICLE,
        title: "t",
        events: [{ date: "2021-13-01", text: "x", entityIds: ["country:iq"] }],
      }),
    ).rejects.toThrow(/events\.0\.date/);
  });

  it("a page event the reader deleted does not come back when the article is read again", async () => {
    const story = {
      url: ARTICLE,
      title: "t",
      events: [
        {
          date: "2021-07",
          text: "جرت الجولة الاستراتيجية الأخيرة بين بغداد وواشنطن",
          entityIds: ["city:baghdad"],
        },
      ],
    };
    expect((await ask("events.addFromPage", story)).added).toBe(1);
    const [event] = (await ask("entity.get", { id: "city:baghdad" }))!.events;
    expect(await ask("event.delete", { id: event!.id })).toEqual({ deleted: true });
    expect((await ask("events.addFromPage", story)).added).toBe(0);
    expect((await ask("entity.get", { id: "city:baghdad" }))!.events).toEqual([]);
  });

  it("event.delete removes an event once", async () => {
    expect(await ask("event.delete", { id: "event:2020" })).toEqual({ deleted: true });
    expect(await ask("event.delete", { id: "event:2020" })).toEqual({ deleted: false });
    expect((await ask("entity.get", { id: "country:us" }))!.events).toEqual([]);
  });
});

describe("pack messages", () => {
  it("lists, exports, re-imports and removes packs", async () => {
    const [pack] = await ask("pack.list", {});
    expect(pack).toMatchObject({
      id: "sample",
      version: "2026.11.1",
      entityCount: 6,
      eventCount: 3,
    });
    const { json } = await ask("pack.export", { id: "sample" });
    expect(JSON.parse(json)).toEqual(samplePack());
    expect(await ask("pack.import", { json })).toMatchObject({ status: "skipped" });
    expect(await ask("pack.import", { json, force: true })).toMatchObject({
      status: "updated",
      entities: 6,
      events: 3,
    });
    expect(await ask("pack.remove", { id: "sample" })).toEqual({ removed: true });
    expect(await ask("pack.list", {})).toEqual([]);
  });

  it("reports a full disk during an import and keeps what was installed", async () => {
    const before = await db.entities.toArray();
    db.entities.hook("creating", () => {
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    });
    const bigger = samplePack({ id: "second", events: [] });
    bigger.entities = bigger.entities.map((entity) => ({ ...entity, id: `${entity.id}-2` }));
    await expect(ask("pack.import", { json: JSON.stringify(bigger) })).rejects.toThrow(
      /pack\.import failed: storage is full/,
    );
    expect(await db.entities.toArray()).toEqual(before);
    expect((await ask("pack.list", {})).map((pack) => pack.id)).toEqual(["sample"]);
  });

  it("answers a bad pack with an error naming record and field, and changes nothing", async () => {
    const bad = samplePack({ version: "2030.1.1" });
    (bad.entities[2] as { names: unknown }).names = { ar: ["not", "a", "string"] };
    await expect(ask("pack.import", { json: JSON.stringify(bad) })).rejects.toThrow(
      "pack.import failed: entities[2].names.ar: expected string, got array",
    );
    expect((await ask("pack.list", {}))[0]!.version).toBe("2026.11.1");
    await expect(ask("pack.export", { id: "missing" })).rejects.toThrow(
      /no installed pack "missing"/,
    );
  });
});

describe("data messages", () => {
  it("data.export → data.wipe → data.import restores everything", async () => {
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
    await ask("entity.upsert", { entity: { type: "ORG", names: { ar: "الأمصار" }, aliases: [] } });
    await db.highlights.add(
      sampleHighlight({
        id: "h1",
        url: ARTICLE,
        note: "<b>note</b>",
        tags: ["عراق"],
        entityIds: ["country:iq"],
      }),
    );
    const before = {
      entities: await db.entities.toArray(),
      events: await db.events.toArray(),
      mentions: (await db.mentions.toArray()).map(({ id: _, ...mention }) => mention),
      highlights: await db.highlights.toArray(),
      packs: await db.packs.toArray(),
    };
    const { json } = await ask("data.export", {});

    await expect(ask("data.wipe", { confirm: "yes" })).rejects.toThrow(/confirm/);
    expect(await ask("data.wipe", { confirm: "wipe" })).toEqual({ wiped: true });
    expect(await db.entities.count()).toBe(0);
    expect(await db.highlights.count()).toBe(0);

    expect(await ask("data.import", { json })).toEqual({
      entities: 7,
      events: 4,
      mentions: 1,
      highlights: 1,
      packs: 1,
      sightings: 0,
      learned: 0,
    });
    expect({
      entities: await db.entities.toArray(),
      events: await db.events.toArray(),
      mentions: (await db.mentions.toArray()).map(({ id: _, ...mention }) => mention),
      highlights: await db.highlights.toArray(),
      packs: await db.packs.toArray(),
    }).toEqual(before);
    // Importing twice does not duplicate mentions.
    expect((await ask("data.import", { json })).mentions).toBe(0);
  });

  it("every page event survives a backup, whatever the page's text held", async () => {
    const messy = `\u0007أكد العراق\n\nأن التحالف الدولي\t أبلغه ${"بعدم وجود وحدات قتالية ".repeat(60)}`;
    expect(
      (
        await ask("events.addFromPage", {
          url: ARTICLE,
          title: "t",
          events: [
            { date: "2021-12", text: messy, entityIds: ["country:iq"] },
            { date: "2021-11", text: " \n\u0000 ", entityIds: ["country:iq"] },
          ],
        })
      ).added,
    ).toBe(1);
    const stored = (await db.events.where("origin").equals("page").first())!;
    expect(stored.title.ar.startsWith("أكد العراق أن التحالف الدولي أبلغه")).toBe(true);
    expect(stored.title.ar.length).toBeLessThanOrEqual(600);
    const { json } = await ask("data.export", {});
    await ask("data.wipe", { confirm: "wipe" });
    expect((await ask("data.import", { json })).events).toBe(4);
    expect(await db.events.get(stored.id)).toEqual(stored);
  });

  it("data.import rejects a bad backup without writing anything", async () => {
    const { json } = await ask("data.export", {});
    const broken = JSON.parse(json);
    broken.events[1].date = "yesterday";
    const count = await db.events.count();
    await expect(ask("data.import", { json: JSON.stringify(broken) })).rejects.toThrow(
      /events\[1\]\.date: must be YYYY/,
    );
    await expect(ask("data.import", { json: json.slice(0, 100) })).rejects.toThrow(
      /not valid JSON/,
    );
    await db.entities.clear();
    await expect(ask("data.import", { json: JSON.stringify(broken) })).rejects.toThrow();
    expect(await db.entities.count()).toBe(0);
    expect(await db.events.count()).toBe(count);
  });
});
