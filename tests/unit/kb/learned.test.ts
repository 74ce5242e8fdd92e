// Names learned from reading (issue 16, part 3): an unknown name met in two articles becomes a
// learned name with its type, spellings, articles and co-mentioned entities; the reader edits,
// dismisses or promotes it; a page hears of it only for a name it reported itself; the v4 → v5
// upgrade learns what the sightings already knew and loses nothing.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { createHandlers } from "@/src/background/handlers";
import { SiyaqDatabase, useDatabase } from "@/src/kb/db";
import { recordSightings } from "@/src/kb/sightings";
import { LEARN_AFTER_ARTICLES, MAX_LEARNED } from "@/src/kb/learned";
import {
  dismissLearned,
  editLearned,
  learnedView,
  promoteLearned,
} from "@/src/kb/learned-entities";
import { freshDatabase, samplePack } from "./sample-pack";
import { importPack } from "@/src/kb/packs";
import { contentScript, extensionPage, messenger } from "../messaging/senders";

const ID = "siyaq-test";
const handlers = createHandlers("test");
const popup = extensionPage(ID, "popup.html");
const FIRST = "https://news.example/2025/first";
const SECOND = "https://other.example/2025/second";
// A line of the seed article: an unknown expert quoted in two articles.
const NAME = "رائد العزاوي";
let db: SiyaqDatabase;

const { send, ok } = messenger(handlers, ID);

/** The reader opens `url`: its content script reports known and unknown names as the page does. */
async function read(url: string, title: string, unknown: string[], known: string[], day?: string) {
  const tab = contentScript(ID, 7, url);
  await ok(tab, "sightings.record", {
    title,
    ...(day ? { publishedAt: day } : {}),
    names: unknown.map((surface) => ({ surface, type: "PER" })),
  });
  await ok(tab, "mentions.record", { url, title, entityIds: known });
  return tab;
}

beforeEach(async () => {
  fakeBrowser.reset();
  db = freshDatabase();
  useDatabase(db);
  await importPack(db, JSON.stringify(samplePack()));
});
afterEach(() => db.delete());

describe("learning a name from reading", () => {
  it("a name met in one article is not learned; in a second article it is, with its articles and co-mentioned entities", async () => {
    expect(LEARN_AFTER_ARTICLES).toBe(2);
    await read(
      FIRST,
      "خبر أول",
      [NAME],
      ["country:iq", "org:global-coalition-against-isis"],
      "2025-11-02",
    );
    await read(FIRST, "خبر أول", [NAME], ["country:iq"]); // the same page again counts once
    expect(await db.learned.count()).toBe(0);

    // The second article writes the name with a final ى: a spelling variant of the same name.
    await read(SECOND, "خبر ثان", ["رائد العزاوى"], ["country:iq"], "2025-11-05");
    const view = await ok(popup, "learned.get", { surface: NAME });
    expect(view).toMatchObject({
      name: NAME,
      type: "PER",
      spellings: [NAME, "رائد العزاوى"],
      seenIn: 2,
      articles: [
        { url: SECOND, title: "خبر ثان", publishedAt: "2025-11-05" },
        { url: FIRST, title: "خبر أول", publishedAt: "2025-11-02" },
      ],
    });
    expect(view!.coMentions.map(({ entity, count }) => [entity.id, count])).toEqual([
      ["country:iq", 2],
      ["org:global-coalition-against-isis", 1],
    ]);
    // It left the bounded sightings table.
    expect(await db.sightings.count()).toBe(0);
  });

  it("the second page's card hears it is learned and gets the first article; a page that never reported it hears nothing", async () => {
    await read(FIRST, "خبر أول", [NAME], ["country:iq"]);
    const second = await read(SECOND, "خبر ثان", [NAME], []);
    const card = await ok(second, "sightings.of", { surface: NAME });
    expect(card.learned).toMatchObject({ name: NAME, seenIn: 2 });
    expect(card.pages.map((p) => p.url)).toEqual([FIRST]);
    expect(card.learned!.articles.map((p) => p.url)).toEqual([FIRST]);

    // Another site asking about the same name learns nothing of the reader's history.
    const prying = contentScript(ID, 9, "https://prying.example/page");
    expect(await ok(prying, "sightings.of", { surface: NAME })).toEqual({ pages: [] });
    // And a page may not list, read, edit, dismiss or promote learned names at all.
    for (const [type, payload] of [
      ["learned.get", { surface: NAME }],
      ["learned.list", {}],
      ["learned.among", { surfaces: [NAME] }],
      ["learned.dismiss", { key: NAME }],
      ["learned.promote", { key: NAME }],
      ["learned.edit", { key: NAME, edit: { name: "x", type: "PER", spellings: [] } }],
    ] as const) {
      const reply = await send(second, type, payload);
      expect(reply).toMatchObject({ ok: false, error: expect.stringContaining("not accepted") });
    }
    expect(await db.learned.count()).toBe(1);
  });

  it("the popup finds which of a page's names are learned", async () => {
    await read(FIRST, "أ", [NAME, "هيئة الحشد"], []);
    await read(SECOND, "ب", [NAME], []);
    expect(
      await ok(popup, "learned.among", { surfaces: ["رائد العزاوى", "هيئة الحشد", "غيره"] }),
    ).toEqual([{ surface: "رائد العزاوى", key: NAME, name: NAME, seenIn: 2 }]);
  });
});

describe("the reader's learned names", () => {
  beforeEach(async () => {
    await read(FIRST, "خبر أول", [NAME], ["country:iq"]);
    await read(SECOND, "خبر ثان", [NAME], ["country:iq"]);
  });

  it("edits name, type, spellings and note; the edit survives later sightings", async () => {
    const edited = await editLearned(db, NAME, {
      name: "د. رائد العزاوي",
      type: "PER",
      spellings: ["العزاوي"],
      note: "أستاذ العلوم السياسية",
    });
    expect(edited).toMatchObject({
      name: "د. رائد العزاوي",
      spellings: ["د. رائد العزاوي", "العزاوي"],
      note: "أستاذ العلوم السياسية",
    });
    await read("https://third.example/3", "ثالث", [NAME], []);
    expect(await learnedView(db, NAME)).toMatchObject({
      name: "د. رائد العزاوي",
      seenIn: 3,
      spellings: ["د. رائد العزاوي", "العزاوي", NAME],
    });
  });

  it("a dismissed name is not shown and not learned again", async () => {
    expect(await dismissLearned(db, NAME)).toBe(true);
    expect(await learnedView(db, NAME)).toBeNull();
    await read("https://third.example/3", "ثالث", [NAME], []);
    expect(await learnedView(db, NAME)).toBeNull();
    expect(await db.sightings.count()).toBe(0);
    expect((await db.learned.get(NAME))?.seenIn).toBe(2);
  });

  it("promoted, it becomes the reader's entity: the recognizer's aliases, its articles as mentions", async () => {
    const entity = await promoteLearned(db, NAME);
    expect(entity.id).toMatch(/^user:/);
    const stored = await db.entities.get(entity.id);
    expect(stored).toMatchObject({ type: "PER", names: { ar: NAME }, source: "user" });
    expect(stored!.aliasKeys).toContain(NAME);
    expect(
      (await db.mentions.where("entityId").equals(entity.id).toArray()).map((m) => m.url),
    ).toEqual([FIRST, SECOND]);
    expect(await db.learned.count()).toBe(0);
  });

  it("promoted into an entity kept from a lookup, its spellings become that entity's aliases", async () => {
    const entity = await promoteLearned(db, NAME, "country:iq");
    expect(entity.id).toBe("country:iq");
    expect((await db.entities.get("country:iq"))!.aliases).toContain(NAME);
    await expect(promoteLearned(db, NAME)).rejects.toThrow(/no learned name/);
  });

  it("a promotion into a missing entity changes nothing", async () => {
    await expect(promoteLearned(db, NAME, "per:nobody")).rejects.toThrow(/no entity/);
    expect(await db.learned.count()).toBe(1);
    expect(await db.mentions.where("url").equals(FIRST).count()).toBe(1);
  });

  it("a flood of names learned on a hostile site keeps the table bounded and the reader's edits", async () => {
    await editLearned(db, NAME, { name: NAME, type: "PER", spellings: [] });
    for (let batch = 0; batch < 6; batch++) {
      const names = Array.from({ length: 200 }, (_, i) => ({
        surface: `اسم ${batch * 200 + i}`,
        type: "ORG" as const,
      }));
      for (const page of [1, 2])
        await recordSightings(
          db,
          { url: `https://flood.example/${batch}/${page}`, title: "" },
          names,
          10 + batch,
        );
    }
    expect(await db.learned.count()).toBeLessThanOrEqual(MAX_LEARNED);
    expect(await learnedView(db, NAME)).not.toBeNull();
  });
});

describe("schema upgrade to v5", () => {
  it("learns the sightings met in two articles and keeps the others as they were", async () => {
    const name = `learned-upgrade-${Date.now()}`;
    const v4 = new SiyaqDatabase(name, { upTo: 4 });
    const twice = {
      key: NAME,
      surface: NAME,
      type: "PER" as const,
      pages: [
        { url: FIRST, title: "أول", seenAt: 1 },
        { url: SECOND, title: "ثان", seenAt: 2 },
      ],
      seenAt: 2,
      bytes: 100,
    };
    const once = {
      key: "هيئه الحشد",
      surface: "هيئة الحشد",
      type: "ORG" as const,
      pages: [{ url: FIRST, title: "أول", seenAt: 1 }],
      seenAt: 1,
      bytes: 50,
    };
    await v4.sightings.bulkAdd([twice, once]);
    await v4.entities.add({
      id: "user:1",
      type: "PER",
      names: { ar: "قاسم الأعرجي" },
      aliases: [],
      aliasKeys: [],
      source: "user",
      updatedAt: 1,
    });
    v4.close();

    const v5 = new SiyaqDatabase(name);
    await v5.open();
    expect(v5.verno).toBe(5);
    expect(await v5.sightings.toArray()).toEqual([once]);
    expect(await v5.learned.toArray()).toEqual([
      {
        key: NAME,
        name: NAME,
        type: "PER",
        spellings: [NAME],
        articles: twice.pages,
        seenIn: 2,
        createdAt: 2,
        seenAt: 2,
      },
    ]);
    expect((await v5.entities.get("user:1"))?.names.ar).toBe("قاسم الأعرجي");
    await v5.delete();
  });
});
