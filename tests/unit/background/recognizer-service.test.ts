import { afterEach, beforeEach, expect, it } from "vitest";
import { existsSync, readFileSync } from "node:fs";
import {
  createRecognizerService,
  type RecognizerService,
} from "@/src/background/recognizer-service";
import { useDatabase, type SiyaqDatabase } from "@/src/kb/db";
import { importPack, removePack } from "@/src/kb/packs";
import { upsertUserEntity } from "@/src/kb/entities";
import { freshDatabase, samplePack } from "../kb/sample-pack";
import { describeShared, fromShared, readShared } from "../../shared-data";
import { TAGGER_FILE } from "@/src/shared/shipped-files";
import { compilePackLexicon } from "@/src/kb/starter-lexicon";

const SEED = fromShared(() => readShared("fixtures/seed-article.txt"), "");
const SENTENCE = "وجاءت عمليات الانسحاب طبقاً لمخرجات الجولة الاستراتيجية الأخيرة بين بغداد وواشنطن";

let db: SiyaqDatabase;
const services: RecognizerService[] = [];
const quiet = () => {};
const noTagger = async () => null;

function service(options: Parameters<typeof createRecognizerService>[0] = {}) {
  const created = createRecognizerService({
    loadTaggerBytes: noTagger,
    loadStarterPack: async () => JSON.stringify(samplePack()),
    loadStarterLexicon: async () => null,
    log: quiet,
    ...options,
  });
  services.push(created);
  return created;
}

const linked = (mentions: { entityId?: string }[]) =>
  mentions.map((mention) => mention.entityId).filter(Boolean);

beforeEach(() => {
  db = freshDatabase();
  useDatabase(db);
});
afterEach(async () => {
  for (const created of services.splice(0)) created.dispose();
  await db.delete();
});

describeShared("recognizer service", () => {
  it("installs the starter pack on first use when the database is empty and links its names", async () => {
    const first = service();
    const recognize = await first.getRecognizer();
    const mentions = recognize(SENTENCE);
    const baghdad = mentions.find((mention) => mention.entityId === "city:baghdad");
    expect(baghdad).toMatchObject({ surface: "بغداد", type: "LOC" });
    expect(linked(recognize(SEED))).toEqual(
      expect.arrayContaining(["country:iq", "per:qasim-al-araji", "org:isis"]),
    );
    await first.starterReady();
    expect(await db.packs.get("sample")).toBeDefined();
  });

  it("recognises from the pack file while the first install is still writing, with the same answers", async () => {
    const first = service();
    const fromFile = await first.getRecognizer();
    // The database install (seconds in Firefox) was not waited for.
    expect(first.lastLoad()?.from).toBe("pack");
    await first.starterReady();
    const fromDatabase = await first.getRecognizer();
    expect(first.lastLoad()?.from).toBe("build");
    expect(fromFile(SEED)).toEqual(fromDatabase(SEED));
  });

  it("recognises the first page after install from the prebuilt lexicon, as the database will", async () => {
    const prebuilt = compilePackLexicon(JSON.stringify(samplePack())).lexicon.serialize();
    let packReads = 0;
    const first = service({
      loadStarterLexicon: async () => prebuilt,
      loadStarterPack: async () => {
        packReads += 1;
        return JSON.stringify(samplePack());
      },
    });
    const fromPrebuilt = await first.getRecognizer();
    expect(first.lastLoad()?.from).toBe("prebuilt");
    await first.starterReady();
    // Only the install read the pack: the recognizer did not compile it.
    expect(packReads).toBe(1);
    const fromDatabase = await first.getRecognizer();
    expect(first.lastLoad()?.from).toBe("build");
    expect(fromPrebuilt(SEED)).toEqual(fromDatabase(SEED));
    expect(linked(fromPrebuilt(SENTENCE))).toContain("city:baghdad");
  });

  it("compiles the pack file when the prebuilt lexicon is unreadable", async () => {
    const first = service({ loadStarterLexicon: async () => new Uint8Array([1, 2, 3]) });
    const recognize = await first.getRecognizer();
    expect(first.lastLoad()?.from).toBe("pack");
    expect(linked(recognize(SENTENCE))).toContain("city:baghdad");
  });

  it("waits for the install when the pack file cannot be compiled", async () => {
    let reads = 0;
    const pack = JSON.stringify(samplePack());
    // The first read (the recognizer's own) is broken; the install reads it again and succeeds.
    const flaky = service({ loadStarterPack: async () => (reads++ === 0 ? "{" : pack) });
    const recognize = await flaky.getRecognizer();
    expect(linked(recognize(SENTENCE))).toContain("city:baghdad");
    expect(flaky.lastLoad()?.from).toBe("build");
  });

  it("does not reinstall the starter pack when the database already has entities", async () => {
    await upsertUserEntity(db, { type: "PER", names: { ar: "رائد العزاوي" }, aliases: [] });
    await service().getRecognizer();
    expect(await db.packs.count()).toBe(0);
  });

  it("wakes from the cached lexicon and gives the same answers", async () => {
    const first = service();
    await first.getRecognizer();
    await first.starterReady();
    const fresh = (await first.getRecognizer())(SEED);
    expect(first.lastLoad()?.from).toBe("build");
    // A new service over the same database is what a service worker waking up sees.
    const woken = service();
    const again = (await woken.getRecognizer())(SEED);
    expect(woken.lastLoad()?.from).toBe("cache");
    expect(again).toEqual(fresh);
  });

  it("rebuilds when the user adds an entity or a pack is removed", async () => {
    const recognizer = service();
    await recognizer.getRecognizer();
    await recognizer.starterReady();
    const before = await recognizer.getRecognizer();
    expect(linked(before("نشر الأمصار"))).toEqual([]);

    const added = await upsertUserEntity(db, {
      type: "ORG",
      names: { ar: "الأمصار" },
      aliases: [],
    });
    const afterAdd = await recognizer.getRecognizer();
    expect(linked(afterAdd("نشر الأمصار"))).toEqual([added.id]);
    expect(recognizer.lastLoad()?.from).toBe("build");

    await removePack(db, "sample");
    const afterRemove = await recognizer.getRecognizer();
    expect(linked(afterRemove(SENTENCE))).not.toContain("city:baghdad");
    // The woken worker must not load the stale cache either.
    expect(linked((await service().getRecognizer())(SENTENCE))).not.toContain("city:baghdad");
  });

  it("keeps working without a tagger, with bad tagger weights or without a starter pack", async () => {
    const broken = service({
      loadTaggerBytes: async () => new Uint8Array([1, 2, 3]),
      loadStarterPack: async () => {
        throw new Error("offline");
      },
    });
    const recognize = await broken.getRecognizer();
    expect(await db.entities.count()).toBe(0);
    expect(recognize(SENTENCE).every((mention) => mention.entityId === undefined)).toBe(true);

    await importPack(db, JSON.stringify(samplePack()));
    expect(linked((await broken.getRecognizer())(SENTENCE))).toContain("city:baghdad");
  });

  it("loads the shipped tagger weights once, across lexicon rebuilds", async () => {
    let loads = 0;
    const shipped = service({
      loadTaggerBytes: async () => {
        loads++;
        return existsSync(TAGGER_FILE) ? new Uint8Array(readFileSync(TAGGER_FILE)) : null;
      },
    });
    await shipped.getRecognizer();
    await shipped.starterReady();
    await upsertUserEntity(db, { type: "ORG", names: { ar: "الأمصار" }, aliases: [] });
    const recognize = await shipped.getRecognizer();
    expect(loads).toBe(1);
    expect(linked(recognize(SENTENCE))).toContain("city:baghdad");
  });
});
