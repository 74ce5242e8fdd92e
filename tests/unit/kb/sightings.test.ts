// Unknown names the reader met (issue 14, findings 5 and 6): kept in the database, bounded in
// names and bytes, written in one transaction per report, erased by "erase all data", exported,
// and moved over from the storage.local of earlier versions.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import type { SiyaqDatabase } from "@/src/kb/db";
import {
  LEGACY_STORAGE_KEY,
  MAX_NAMES,
  MAX_SIGHTINGS_BYTES,
  moveLegacySightings,
  recordSightings,
  sightingsOf,
} from "@/src/kb/sightings";
import { exportData, wipeData } from "@/src/kb/data";
import { freshDatabase } from "./sample-pack";

const page = (n: number) => ({ url: `https://news.example/${n}`, title: `مقال ${n}` });
let db: SiyaqDatabase;
beforeEach(() => {
  fakeBrowser.reset();
  db = freshDatabase();
});
afterEach(() => db.delete());

const totalBytes = async () => (await db.sightings.toArray()).reduce((sum, r) => sum + r.bytes, 0);

describe("sightings of unknown names", () => {
  it("lists the other articles a name appeared in, newest first, across spelling variants", async () => {
    await recordSightings(db, page(1), [{ surface: "رائد العزاوي", type: "PER" }], 1);
    await recordSightings(db, page(2), [{ surface: "رائد العزاوى", type: "PER" }], 2);
    await recordSightings(db, page(3), [{ surface: "رائد العزاوي", type: "PER" }], 3);
    expect((await sightingsOf(db, "رائد العزاوي", page(3).url)).map((p) => p.title)).toEqual([
      "مقال 2",
      "مقال 1",
    ]);
  });

  it("counts a page once; a second article makes the name learned, which keeps its articles", async () => {
    for (let i = 0; i < 3; i++)
      await recordSightings(db, page(1), [{ surface: "الأمصار", type: "ORG" }], i);
    expect(await sightingsOf(db, "الأمصار", "elsewhere")).toHaveLength(1);
    expect(await db.learned.count()).toBe(0);
    for (let i = 2; i < 10; i++)
      await recordSightings(db, page(i), [{ surface: "الأمصار", type: "ORG" }], 10 + i);
    const pages = await sightingsOf(db, "الأمصار", "elsewhere");
    expect(pages).toHaveLength(9);
    expect(pages[0]!.url).toBe(page(9).url);
    expect(await db.sightings.count()).toBe(0);
    expect((await db.learned.toArray()).map((r) => r.seenIn)).toEqual([9]);
  });

  it("a page full of long names cannot grow the table past its byte bound, and evicts the oldest", async () => {
    const long = (i: number) => `${"اسم طويل جدا ".repeat(14)}${i}`.slice(0, 200);
    const title = "عنوان ".repeat(400);
    for (let round = 0; round < 4; round++) {
      const names = Array.from({ length: 200 }, (_, i) => ({
        surface: long(round * 200 + i),
        type: "PER" as const,
      }));
      await recordSightings(
        db,
        { url: `https://flood.example/${round}?${"x".repeat(3000)}`, title },
        names,
        round,
      );
    }
    expect(await totalBytes()).toBeLessThanOrEqual(MAX_SIGHTINGS_BYTES);
    expect(await db.sightings.count()).toBeLessThanOrEqual(MAX_NAMES);
    // The newest names stay, the oldest went.
    const kept = await db.sightings.toArray();
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.every((record) => record.seenAt === 3)).toBe(true);
    expect(await sightingsOf(db, long(0), "x")).toHaveLength(0);
  });

  it("two tabs reporting at once lose nothing", async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, tab) =>
        recordSightings(
          db,
          page(tab),
          [
            { surface: "رائد العزاوي", type: "PER" },
            { surface: `اسم ${tab}`, type: "ORG" },
          ],
          tab,
        ),
      ),
    );
    expect(await db.sightings.count()).toBe(20);
    // The name every tab reported is learned, with all 20 articles.
    expect(await sightingsOf(db, "رائد العزاوي", "x")).toHaveLength(20);
    expect((await db.learned.get("رائد العزاوي"))?.seenIn).toBe(20);
  });

  it("are erased by wipe and carried by the export", async () => {
    await recordSightings(db, page(1), [{ surface: "رائد العزاوي", type: "PER" }], 5);
    const exported = JSON.parse((await exportData(db)).json);
    expect(exported.sightings).toEqual([
      {
        key: expect.any(String),
        surface: "رائد العزاوي",
        type: "PER",
        pages: [{ ...page(1), seenAt: 5 }],
        seenAt: 5,
      },
    ]);
    await wipeData(db);
    expect(await db.sightings.count()).toBe(0);
  });

  it("move over from storage.local once, damaged entries dropped alone, and leave storage", async () => {
    await fakeBrowser.storage.local.set({
      [LEGACY_STORAGE_KEY]: {
        broken: { surface: 1 },
        تويتر: { surface: "تويتر", type: "ORG", pages: [{ ...page(1), seenAt: 1 }] },
      },
    });
    expect(await moveLegacySightings(db, fakeBrowser.storage.local)).toBe(1);
    expect(await sightingsOf(db, "تويتر", "x")).toHaveLength(1);
    expect(await fakeBrowser.storage.local.get(LEGACY_STORAGE_KEY)).toEqual({});
    expect(await moveLegacySightings(db, fakeBrowser.storage.local)).toBe(0);
  });
});
