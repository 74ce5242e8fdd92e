import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { useDatabase, type SiyaqDatabase } from "@/src/kb/db";
import { ensureStarterPack, installBundledStarterPack, installStarterPack } from "@/src/kb/starter";
import { exportPack } from "@/src/kb/packs";
import { freshDatabase, samplePack } from "./sample-pack";
import { STARTER_PACK_FILE } from "@/src/shared/shipped-files";

const STARTER = STARTER_PACK_FILE;
let db: SiyaqDatabase;
beforeEach(() => {
  db = freshDatabase();
  useDatabase(db);
});
afterEach(async () => {
  await db.delete();
});

describe("starter pack install", () => {
  it("installs on first run, skips the same bundle and updates to a newer one", async () => {
    const bundle = (version: string) => async () =>
      JSON.stringify(samplePack({ id: "starter", version }));
    expect((await installStarterPack(db, bundle("2026.11.1"))).status).toBe("installed");
    expect((await installStarterPack(db, bundle("2026.11.1"))).status).toBe("skipped");
    expect((await installStarterPack(db, bundle("2026.12.1"))).status).toBe("updated");
    expect((await db.packs.get("starter"))!.version).toBe("2026.12.1");
    expect(await db.entities.count()).toBe(6);
  });

  it("installs on first use only when the database is empty", async () => {
    const load = async () => JSON.stringify(samplePack({ id: "starter" }));
    expect((await ensureStarterPack(db, load))!.status).toBe("installed");
    expect(await ensureStarterPack(db, load)).toBeNull();
  });

  it("reports a broken bundle without throwing or writing anything", async () => {
    const result = await installBundledStarterPack(async () => '{"format":"siyaq-pack"');
    expect(result).toBeUndefined();
    expect(await db.packs.count()).toBe(0);
  });

  it("the shipped starter pack installs and exports back to the same file", async () => {
    const json = readFileSync(STARTER, "utf8");
    const result = await installBundledStarterPack(async () => json);
    expect(result).toMatchObject({ id: "starter", status: "installed" });
    expect(result!.entities).toBeGreaterThan(100);
    expect(JSON.parse(JSON.stringify(await exportPack(db, "starter")))).toEqual(JSON.parse(json));
  });
});
