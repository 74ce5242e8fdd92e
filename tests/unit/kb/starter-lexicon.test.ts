// The lexicon shipped with the extension (built by the WXT hook from public/packs/starter.json)
// must be the lexicon the background would otherwise compile from the database the pack fills.
import { readFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { compilePackLexicon } from "@/src/kb/starter-lexicon";
import { buildLexiconFromDatabase } from "@/src/background/recognizer-service";
import { importPack } from "@/src/kb/packs";
import type { SiyaqDatabase } from "@/src/kb/db";
import { loadLexicon } from "@/src/nlp/lexicon";
import { recognize } from "@/src/nlp/recognize";
import { freshDatabase } from "./sample-pack";

const STARTER = readFileSync("public/packs/starter.json", "utf8");
/** Written for this test (no corpus text): names the starter pack knows, with clitics. */
const TEXT =
  "قال رئيس الوزراء العراقي في بغداد إن الولايات المتحدة وإيران ناقشتا الوضع في سوريا ولبنان، " +
  "بينما أعلنت الأمم المتحدة وجامعة الدول العربية دعمهما للحوار في القاهرة والرياض وبالعراق.";

let db: SiyaqDatabase;
beforeEach(() => {
  db = freshDatabase();
});
afterEach(async () => {
  await db.delete();
});

describe("prebuilt starter lexicon", () => {
  it("is the lexicon compiled from the database the starter pack fills: same aliases, same answers", async () => {
    const prebuilt = loadLexicon(compilePackLexicon(STARTER).lexicon.serialize());
    await importPack(db, STARTER);
    const fromDatabase = await buildLexiconFromDatabase(db);
    expect(prebuilt.size).toBe(fromDatabase.lexicon.size);
    const a = recognize(TEXT, { lexicon: prebuilt });
    const b = recognize(TEXT, { lexicon: fromDatabase.lexicon });
    expect(a.filter((m) => m.entityId).length).toBeGreaterThanOrEqual(8);
    expect(a).toEqual(b);
  }, 60_000);

  it("rejects a malformed pack with an error instead of shipping an empty lexicon", () => {
    expect(() => compilePackLexicon("{")).toThrow();
  });
});
