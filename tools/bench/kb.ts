// The knowledge base's part of `npm run bench`: the recognizer's cold start as a waking service
// worker sees it — compile the lexicon from the entities in IndexedDB (fake-indexeddb here), or
// load the serialised lexicon the background cached — for the full starter pack and for a synthetic
// 100k-alias knowledge base. Time in ms; memory as the heap the compiled lexicon keeps (after GC).
// fake-indexeddb is much slower than a browser's IndexedDB, so the database read is shown apart.
// Times are medians of three runs.
import { readFileSync } from "node:fs";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { IDBFactory, IDBKeyRange } from "fake-indexeddb";
import { SiyaqDatabase, useDatabase, type EntityRecord } from "@/src/kb/db";
import { importPack } from "@/src/kb/packs";
import { markEntitiesChanged } from "@/src/kb/changes";
import { aliasKeysOf } from "@/src/kb/alias-keys";
import {
  buildLexiconFromDatabase,
  createRecognizerService,
  lexiconSource,
} from "@/src/background/recognizer-service";
import {
  buildLexicon,
  entriesFromEntities,
  loadLexicon,
  serializeLexicon,
} from "@/src/nlp/lexicon";
import { STARTER_PACK_FILE } from "@/src/shared/shipped-files";

const STARTER = STARTER_PACK_FILE;
const SYNTHETIC_ALIASES = 100_000;

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

function heapUsed(): number {
  gc();
  return process.memoryUsage().heapUsed;
}

/** A database of its own in fake-indexeddb, so the benchmark never shares state. */
function benchDatabase(name: string): SiyaqDatabase {
  return new SiyaqDatabase(name, { indexedDB: new IDBFactory(), IDBKeyRange });
}

interface ColdStart {
  entities: number;
  entries: number;
  /** Reading every entity from the database, then compiling: the two parts of `buildMs`. */
  readMs: number;
  compileMs: number;
  buildMs: number;
  buildHeapMB: number;
  lexiconMB: number;
  cacheLoadMs: number;
  /** Of which: turning the cached bytes back into a lexicon (the rest is reading them). */
  bytesLoadMs: number;
}

/** Timings are the median of this many runs: one run on a busy machine says little. */
const RUNS = 3;

async function medianMs(run: () => Promise<unknown> | unknown): Promise<number> {
  const times: number[] = [];
  for (let index = 0; index < RUNS; index++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
}

/** Both cold-start paths over a filled database. */
async function measure(db: SiyaqDatabase): Promise<ColdStart> {
  const entities = await db.entities.count();
  const before = heapUsed();
  const built = await buildLexiconFromDatabase(db);
  const buildHeapMB = (heapUsed() - before) / 2 ** 20;
  const bytes = serializeLexicon(built.lexicon);
  const lexiconMB = bytes.byteLength / 2 ** 20;

  const buildMs = await medianMs(() => buildLexiconFromDatabase(db));
  const records = await db.entities.toArray();
  const readMs = await medianMs(() => db.entities.toArray());
  const compileMs = await medianMs(() =>
    buildLexicon(entriesFromEntities(records.map(lexiconSource))),
  );
  const bytesLoadMs = await medianMs(() => loadLexicon(bytes));

  // The service caches the serialised lexicon on its first start; each later service is the worker
  // waking up again and loading those bytes.
  useDatabase(db);
  const quiet = {
    loadTaggerBytes: async () => null,
    loadStarterPack: async () => "",
    log: () => {},
  };
  const first = createRecognizerService(quiet);
  await first.getRecognizer();
  first.dispose();
  const cacheLoadMs = await medianMs(async () => {
    const woken = createRecognizerService(quiet);
    await woken.getRecognizer();
    woken.dispose();
    if (woken.lastLoad()?.from !== "cache")
      throw new Error("the woken service did not use the cached lexicon");
  });
  return {
    entities,
    entries: built.entries,
    readMs,
    compileMs,
    buildMs,
    buildHeapMB,
    lexiconMB,
    cacheLoadMs,
    bytesLoadMs,
  };
}

/** Deterministic made-up Arabic names: syllables glued together, two or three words each. */
function syntheticEntities(aliasCount: number): EntityRecord[] {
  const letters = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي";
  let seed = 12345;
  const random = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 2 ** 32;
  };
  const word = () =>
    Array.from(
      { length: 3 + Math.floor(random() * 4) },
      () => letters[Math.floor(random() * letters.length)],
    ).join("");
  const name = () => Array.from({ length: 2 + Math.floor(random() * 2) }, word).join(" ");
  const types = ["PER", "ORG", "LOC"] as const;
  const entities: EntityRecord[] = [];
  for (let index = 0; index * 4 < aliasCount; index++) {
    const entity: EntityRecord = {
      id: `synthetic:${index}`,
      type: types[index % 3]!,
      names: { ar: name(), en: `Synthetic ${index}` },
      aliases: [name(), name()],
      aliasKeys: [],
      source: "synthetic",
      updatedAt: 0,
    };
    entity.aliasKeys = aliasKeysOf(entity);
    entities.push(entity);
  }
  return entities;
}

export async function benchKnowledgeBase(): Promise<{
  rows: string[][];
  figures: Record<string, number>;
}> {
  const starterDb = benchDatabase("bench-starter");
  const json = readFileSync(STARTER, "utf8");
  let started = performance.now();
  await importPack(starterDb, json);
  const starterImportMs = performance.now() - started;
  const starter = await measure(starterDb);

  const syntheticDb = benchDatabase("bench-synthetic");
  const entities = syntheticEntities(SYNTHETIC_ALIASES);
  started = performance.now();
  await syntheticDb.transaction("rw", [syntheticDb.entities, syntheticDb.meta], async () => {
    await syntheticDb.entities.bulkPut(entities);
    await markEntitiesChanged(syntheticDb);
  });
  const syntheticStoreMs = performance.now() - started;
  const synthetic = await measure(syntheticDb);
  await starterDb.delete();
  await syntheticDb.delete();

  const fixed = (value: number, digits = 1) => value.toFixed(digits);
  const rows = [
    [
      "knowledge base",
      "entities",
      "lexicon entries",
      "build from DB ms",
      "(read + compile)",
      "retained heap MB",
      "serialised MB",
      "wake from cache ms",
      "(of which decode)",
    ],
    ...[
      ["starter pack", starter],
      ["synthetic 100k aliases", synthetic],
    ].map(([label, run]) => {
      const r = run as ColdStart;
      return [
        label as string,
        String(r.entities),
        String(r.entries),
        fixed(r.buildMs),
        `${fixed(r.readMs)} + ${fixed(r.compileMs)}`,
        fixed(r.buildHeapMB),
        fixed(r.lexiconMB, 2),
        fixed(r.cacheLoadMs),
        fixed(r.bytesLoadMs),
      ];
    }),
    ["(starter pack import into IndexedDB)", "", "", fixed(starterImportMs)],
    ["(synthetic KB stored into IndexedDB)", "", "", fixed(syntheticStoreMs)],
  ];
  const figures: Record<string, number> = {
    starterEntities: starter.entities,
    starterLexiconEntries: starter.entries,
    starterImportMs,
    starterBuildMs: starter.buildMs,
    starterReadMs: starter.readMs,
    starterCompileMs: starter.compileMs,
    starterBuildHeapMB: starter.buildHeapMB,
    starterLexiconMB: starter.lexiconMB,
    starterWakeFromCacheMs: starter.cacheLoadMs,
    starterDecodeCacheMs: starter.bytesLoadMs,
    synthetic100kEntities: synthetic.entities,
    synthetic100kLexiconEntries: synthetic.entries,
    synthetic100kBuildMs: synthetic.buildMs,
    synthetic100kReadMs: synthetic.readMs,
    synthetic100kCompileMs: synthetic.compileMs,
    synthetic100kBuildHeapMB: synthetic.buildHeapMB,
    synthetic100kLexiconMB: synthetic.lexiconMB,
    synthetic100kWakeFromCacheMs: synthetic.cacheLoadMs,
    synthetic100kDecodeCacheMs: synthetic.bytesLoadMs,
  };
  for (const key of Object.keys(figures)) figures[key] = Math.round(figures[key]! * 100) / 100;
  return { rows, figures };
}
