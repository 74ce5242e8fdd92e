// `npm run train`: trains the name tagger reproducibly, reports k-fold held-out and cross-domain
// entity F1, then trains on all the data and writes public/models/tagger.bin.
//   npm run train -- [--folds 5] [--epochs N] [--bits N] [--weight-bytes 1|2] [--with-aqmar] [--no-write]
import { readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { createTagger, type Tagger } from "@/src/nlp/tagger/index";
import { parseCorpus, SpanScorer, toTrainingSentence, type CorpusSentence } from "@/src/nlp/tagger/corpus";
import { seededRandom, trainWeights, type TrainingOptions } from "@/src/nlp/tagger/training";
import { decodeWeights, encodeWeights } from "@/src/nlp/tagger/weights-file";
import type { SpanType } from "@/src/nlp/tagger/labels";

const { values: args } = parseArgs({
  options: {
    folds: { type: "string", default: "5" },
    epochs: { type: "string", default: "12" },
    bits: { type: "string", default: "18" },
    "frequency-bits": { type: "string", default: "18" },
    "word-dropout": { type: "string", default: "0.25" },
    "weight-bytes": { type: "string", default: "1" },
    seed: { type: "string", default: "20260" },
    "with-aqmar": { type: "boolean", default: false },
    "no-write": { type: "boolean", default: false },
    "skip-cv": { type: "boolean", default: false },
    "shuffled-folds": { type: "boolean", default: false },
    out: { type: "string", default: "public/models/tagger.bin" },
  },
});

const CORPORA = "../shared/corpora";
const CORE_TYPES: SpanType[] = ["PER", "LOC", "ORG"];
const ALL_TYPES: SpanType[] = ["PER", "LOC", "ORG", "MISC"];

const options: TrainingOptions = {
  epochs: Number(args.epochs),
  seed: Number(args.seed),
  bucketBits: Number(args.bits),
  frequencyBits: Number(args["frequency-bits"]),
  wordDropout: Number(args["word-dropout"]),
};
const weightBytes = Number(args["weight-bytes"]) === 2 ? 2 : 1;

function readCorpus(name: string): CorpusSentence[] {
  return parseCorpus(readFileSync(`${CORPORA}/${name}`, "utf8"), (line, message) => {
    console.error(`${name}:${line}: skipped (${message})`);
  });
}

/** Trains and round-trips through the weights file, so scores are those of what ships. */
function train(sentences: readonly CorpusSentence[]): { tagger: Tagger; bytes: Uint8Array } {
  const bytes = encodeWeights(trainWeights(sentences.map(toTrainingSentence), options), weightBytes);
  return { tagger: createTagger(decodeWeights(bytes)), bytes };
}

function evaluate(tagger: Tagger, sentences: readonly CorpusSentence[], scorer = new SpanScorer()): SpanScorer {
  for (const sentence of sentences) scorer.add(sentence.spans, tagger.tag(sentence.tokens));
  return scorer;
}

interface Row {
  name: string;
  core: number;
  all: number;
  byType: Record<string, number>;
}

function row(name: string, scorer: SpanScorer): Row {
  const byType: Record<string, number> = {};
  for (const type of ALL_TYPES) byType[type] = round(scorer.score([type]).f1);
  return { name, core: round(scorer.score(CORE_TYPES).f1), all: round(scorer.score(ALL_TYPES).f1), byType };
}

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const random = seededRandom(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const round = (x: number): number => Math.round(x * 10000) / 10000;

const started = performance.now();
const anercorp = readCorpus("anercorp-train.jsonl");
const aqmar = readCorpus("aqmar-train.jsonl");
const rows: Row[] = [];
const timings: Record<string, number> = {};

if (!args["skip-cv"]) {
  // Contiguous folds keep each news story inside one fold, so a fold's names are not learned from
  // the same article's other sentences: closer to meeting unseen news.
  const k = Number(args.folds);
  const pool = args["shuffled-folds"] ? shuffled(anercorp, options.seed) : anercorp;
  const cv = new SpanScorer();
  const cvAqmar = new SpanScorer();
  for (let fold = 0; fold < k; fold++) {
    const from = Math.floor((fold * anercorp.length) / k);
    const to = Math.floor(((fold + 1) * anercorp.length) / k);
    const held = pool.slice(from, to);
    const trainSet = [...pool.slice(0, from), ...pool.slice(to)];
    const t0 = performance.now();
    const { tagger } = train(args["with-aqmar"] ? [...trainSet, ...aqmar] : trainSet);
    const foldScore = evaluate(tagger, held);
    evaluate(tagger, held, cv);
    if (fold === 0) evaluate(tagger, aqmar, cvAqmar);
    console.error(`fold ${fold + 1}/${k}: PER/LOC/ORG F1 ${foldScore.score(CORE_TYPES).f1.toFixed(4)} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  }
  rows.push(row(`ANERcorp ${k}-fold${args["shuffled-folds"] ? " shuffled" : ""} held-out${args["with-aqmar"] ? " (+AQMAR)" : ""}`, cv));
  if (!args["with-aqmar"]) {
    rows.push(row("ANERcorp (fold 1 model) → AQMAR", cvAqmar));
    const t0 = performance.now();
    const { tagger } = train(aqmar);
    rows.push(row("AQMAR → ANERcorp", evaluate(tagger, anercorp)));
    timings.aqmarToAnercorpSeconds = round((performance.now() - t0) / 1000);
  }
}

const t0 = performance.now();
const finalData = args["with-aqmar"] ? [...anercorp, ...aqmar] : anercorp;
const { bytes } = train(finalData);
timings.finalTrainingSeconds = round((performance.now() - t0) / 1000);
if (!args["no-write"]) writeFileSync(args.out, bytes);

const pad = (s: string, n: number): string => s.padEnd(n);
console.log(`${pad("evaluation", 48)} ${pad("PER/LOC/ORG", 12)} ${pad("all 4", 8)} PER     LOC     ORG     MISC`);
for (const r of rows) {
  const types = ALL_TYPES.map((t) => pad((r.byType[t] ?? 0).toFixed(4), 7)).join(" ");
  console.log(`${pad(r.name, 48)} ${pad(r.core.toFixed(4), 12)} ${pad(r.all.toFixed(4), 8)} ${types}`);
}
console.log(
  `model: ${bytes.length} bytes (2^${options.bucketBits} buckets × int${weightBytes * 8}), ${options.epochs} epochs, seed ${options.seed}, trained on ${finalData.length} sentences${args["no-write"] ? " (not written)" : ` → ${args.out}`}`,
);
console.log(
  JSON.stringify({
    evaluations: rows,
    model: { bytes: bytes.length, bucketBits: options.bucketBits, weightBytes, epochs: options.epochs, seed: options.seed, sentences: finalData.length },
    seconds: { ...timings, total: round((performance.now() - started) / 1000) },
  }),
);
