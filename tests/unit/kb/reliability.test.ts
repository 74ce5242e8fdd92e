// What a full disk or a worker stopped mid-write leaves behind (issue 14's reliability suite): every
// write that fails, fails whole, and what was stored before is still there.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { StorageFullError, useDatabase, withDatabase, type SiyaqDatabase } from "@/src/kb/db";
import { recordSightings } from "@/src/kb/sightings";
import { exportData, importData } from "@/src/kb/data";
import { addSuppression, loadSuppressions } from "@/src/settings/suppressions";
import { freshDatabase, samplePack } from "./sample-pack";
import { importPack } from "@/src/kb/packs";

const quota = () => new DOMException("The quota has been exceeded.", "QuotaExceededError");
let db: SiyaqDatabase;
beforeEach(async () => {
  fakeBrowser.reset();
  db = freshDatabase();
  useDatabase(db);
  await importPack(db, JSON.stringify(samplePack()));
});
afterEach(() => db.delete());

describe("quota exhaustion", () => {
  it("in IndexedDB: a report of names that does not fit is refused whole, and the stored ones stay", async () => {
    await recordSightings(
      db,
      { url: "https://a.example/1", title: "أ" },
      [{ surface: "رائد العزاوي", type: "PER" }],
      1,
    );
    const before = await db.sightings.toArray();
    let created = 0;
    db.sightings.hook("creating", () => {
      if (++created === 2) throw quota();
    });
    await expect(
      withDatabase((database) =>
        recordSightings(database, { url: "https://b.example/2", title: "ب" }, [
          { surface: "اسم أول", type: "PER" },
          { surface: "اسم ثان", type: "ORG" },
          { surface: "رائد العزاوي", type: "PER" },
        ]),
      ),
    ).rejects.toBeInstanceOf(StorageFullError);
    expect(await db.sightings.toArray()).toEqual(before);
  });

  it("in storage.local: a suppression that does not fit is reported, and the list stays as it was", async () => {
    await addSuppression("الأمصار", "news.example");
    const set = vi.spyOn(fakeBrowser.storage.local, "set").mockRejectedValueOnce(quota());
    await expect(addSuppression("تويتر", "news.example")).rejects.toThrow(/quota/);
    expect((await loadSuppressions()).map((s) => s.surface)).toEqual(["الأمصار"]);
    set.mockRestore();
    // And the queue is not stuck behind the failure.
    await addSuppression("تويتر", "news.example");
    expect((await loadSuppressions()).map((s) => s.surface)).toEqual(["الأمصار", "تويتر"]);
  });
});

describe("a worker stopped in the middle of a write", () => {
  it("mid-import: a backup whose writing stops half-way leaves the database exactly as it was", async () => {
    const parsed = JSON.parse((await exportData(db)).json) as {
      entities: { id: string }[];
      packs: { id: string }[];
    };
    parsed.entities = parsed.entities.map((e) => ({ ...e, id: `${e.id}-copy` }));
    parsed.packs = parsed.packs.map((p) => ({ ...p, id: `${p.id}-copy` }));
    const before = (await exportData(db, 0)).json;
    // The packs come after entities, events and highlights in the transaction: stop there.
    db.packs.hook("creating", () => {
      throw new Error("service worker terminated");
    });
    await expect(importData(db, JSON.stringify(parsed))).rejects.toThrow(/terminated/);
    expect((await exportData(db, 0)).json).toBe(before);
  });

  it("mid-save: a report of names stopped after its first record leaves none of it", async () => {
    db.sightings.hook("creating", function () {
      this.onsuccess = () => {
        throw new Error("service worker terminated");
      };
    });
    await expect(
      recordSightings(db, { url: "https://c.example/3", title: "ج" }, [
        { surface: "اسم أول", type: "PER" },
        { surface: "اسم ثان", type: "ORG" },
      ]),
    ).rejects.toThrow();
    expect(await db.sightings.count()).toBe(0);
  });
});
