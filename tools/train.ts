// `npm run train`: trains the name tagger reproducibly (fixed seed and epochs), reports k-fold
// held-out and cross-domain entity F1, then trains on all of ANERcorp and writes
// public/models/tagger.bin. Prints a table, then one JSON line with every figure.
//   npm run train -- [--folds 5] [--epochs 20] [--bits 18] [--shape-bits 16] [--weight-bytes 1|2] [--with-aqmar]
//                    [--shuffled-folds] [--skip-cv] [--no-write] [--out PATH]  (docs/tagger.md)
import { readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { createTagger, type Tagger } from "@/src/nlp/tagger/index";
import { parseCorpus, SpanScorer, type CorpusSentence } from "@/src/nlp/tagger/corpus";
import type { TaggerWeights } from "@/src/nlp/tagger/decode";
import type { SpanType } from "@/src/nlp/tagger/labels";
import { SHIPPED_RECIPE, trainWithRecipe, type TaggerRecipe } from "@/src/nlp/tagger/recipe";
import { penaliseOutside, seededRandom } from "@/src/nlp/tagger/training";
import { encodeWeights } from "@/src/nlp/tagger/weights-file";
import { taggerHints } from "@/src/nlp/recognize";
import { loadPackLexicon } from "@/src/nlp/node";
import { STARTER_PACK_FILE, TAGGER_FILE } from "@/src/shared/shipped-files";
import { sharedPath } from "./lib/shared-dir";

const R = SHIPPED_RECIPE;
const { values: args } = parseArgs({
  options: {
    folds: { type: "string", default: "5" },
    epochs: { type: "string", default: String(R.training.epochs) },
    bits: { type: "string", default: String(R.training.bucketBits) },
    "frequency-bits": { type: "string", default: String(R.training.frequencyBits) },
    "shape-bits": { type: "string", default: String(R.training.nameShapeBits ?? 0) },
    "weight-bytes": { type: "string", default: String(R.weightBytes) },
    "word-dropout": { type: "string", default: String(R.training.wordDropout) },
    "hint-share": { type: "string", default: String(R.hintShare) },
    "hint-dropout": { type: "string", default: String(R.hintDropout) },
    "hinted-word-dropout": { type: "string", default: String(R.training.hintedWordDropout) },
    margin: { type: "string", default: String(R.training.margin ?? 0) },
    "outside-penalty": { type: "string" },
    seed: { type: "string", default: String(R.training.seed) },
    "with-aqmar": { type: "boolean", default: false },
    "shuffled-folds": { type: "boolean", default: false },
    "skip-cv": { type: "boolean", default: false },
    "no-write": { type: "boolean", default: false },
    out: { type: "string", default: TAGGER_FILE },
  },
});

const CORPORA = sharedPath("corpora");
const CORE_TYPES: SpanType[] = ["PER", "LOC", "ORG"];
const ALL_TYPES: SpanType[] = ["PER", "LOC", "ORG", "MISC"];
/** Candidate O penalties; cross-validation picks one (see penaliseOutside). */
const PENALTIES = [0, 2, 4, 6, 8, 12, 16];
/** Candidate softmax temperatures for span scores; cross-validation picks one. */
const TEMPERATURES = [1, 2, 4, 8, 16, 32, 64];

const recipe: TaggerRecipe = {
  training: {
    epochs: Number(args.epochs),
    seed: Number(args.seed),
    bucketBits: Number(args.bits),
    frequencyBits: Number(args["frequency-bits"]),
    nameShapeBits: Number(args["shape-bits"]),
    wordDropout: Number(args["word-dropout"]),
    hintedWordDropout: Number(args["hinted-word-dropout"]),
    margin: Number(args.margin),
  },
  hintShare: Number(args["hint-share"]),
  hintDropout: Number(args["hint-dropout"]),
  outsidePenalty:
    args["outside-penalty"] !== undefined ? Number(args["outside-penalty"]) : R.outsidePenalty,
  temperature: R.temperature,
  weightBytes: Number(args["weight-bytes"]) === 2 ? 2 : 1,
};
const options = recipe.training;
const weightBytes = recipe.weightBytes;
const withAqmar = args["with-aqmar"];

function readCorpus(name: string): CorpusSentence[] {
  return parseCorpus(readFileSync(`${CORPORA}/${name}`, "utf8"), (line, message) => {
    console.error(`${name}:${line}: skipped (${message})`);
  });
}

// The tagger learns from, and is scored with, the hints the recognizer gives it: the starter pack's
// lexicon matches (src/nlp/recognize.ts `taggerHints`). Retrain when the pack changes much.
const lexicon = loadPackLexicon();
if (!lexicon)
  throw new Error(
    `${STARTER_PACK_FILE} is missing: the tagger trains with its hints (npm run pack:starter)`,
  );
const packHints = (tokens: readonly string[]) => taggerHints(tokens, lexicon);

/** Trained without penalty or temperature applied (the evaluation below picks those). */
const train = (sentences: readonly CorpusSentence[]): TaggerWeights =>
  trainWithRecipe(sentences, recipe, true, packHints);

/** Scores `tagger` on `sentences`, with the starter pack's hints unless `withoutHints`. */
function evaluate(
  tagger: Tagger,
  sentences: readonly CorpusSentence[],
  withoutHints = false,
): SpanScorer {
  const scorer = new SpanScorer();
  for (const sentence of sentences) {
    scorer.add(
      sentence.spans,
      tagger.tag(sentence.tokens, withoutHints ? undefined : packHints(sentence.tokens)),
    );
  }
  return scorer;
}

const round = (x: number): number => Math.round(x * 10000) / 10000;

interface Row {
  name: string;
  core: number;
  all: number;
  precision: number;
  recall: number;
  byType: Record<string, number>;
}

function row(name: string, scorer: SpanScorer): Row {
  const byType: Record<string, number> = {};
  for (const type of ALL_TYPES) byType[type] = round(scorer.score([type]).f1);
  const core = scorer.score(CORE_TYPES);
  return {
    name,
    core: round(core.f1),
    all: round(scorer.score(ALL_TYPES).f1),
    precision: round(core.precision),
    recall: round(core.recall),
    byType,
  };
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

/**
 * The temperature whose span scores best predict whether a held-out span is right (lowest Brier
 * score), so `score` means roughly "how often a span like this is correct".
 */
function calibrateTemperature(
  folds: { weights: TaggerWeights; held: CorpusSentence[]; penalty: number }[],
): number {
  let best = recipe.temperature;
  let bestBrier = Infinity;
  for (const t of TEMPERATURES) {
    let sum = 0;
    let count = 0;
    for (const { weights, held, penalty: p } of folds) {
      const tagger = createTagger({ ...penaliseOutside(weights, p), temperature: t });
      for (const sentence of held) {
        const gold = new Set(sentence.spans.map((s) => `${s.start}:${s.end}:${s.type}`));
        for (const span of tagger.tag(sentence.tokens, packHints(sentence.tokens))) {
          const right = gold.has(`${span.start}:${span.end}:${span.type}`) ? 1 : 0;
          sum += (span.score - right) ** 2;
          count++;
        }
      }
    }
    const brier = sum / Math.max(1, count);
    console.error(`temperature ${t}: Brier ${brier.toFixed(4)}`);
    if (brier < bestBrier) [best, bestBrier] = [t, brier];
  }
  return best;
}

const pooled = (scorers: readonly SpanScorer[]): SpanScorer =>
  scorers.reduce((sum, s) => sum.addAll(s), new SpanScorer());

const started = performance.now();
const anercorp = readCorpus("anercorp-train.jsonl");
const aqmar = readCorpus("aqmar-train.jsonl");
const rows: Row[] = [];
const timings: Record<string, number> = {};
let temperature = recipe.temperature;
let penalty = recipe.outsidePenalty;

if (!args["skip-cv"]) {
  // Contiguous folds keep each news story inside one fold, so a fold's names are not learned from
  // the same article's other sentences: closer to meeting unseen news. --shuffled-folds splits
  // by sentence instead (the usual, more optimistic k-fold).
  const k = Number(args.folds);
  const pool = args["shuffled-folds"] ? shuffled(anercorp, options.seed) : anercorp;
  const candidates = args["outside-penalty"] !== undefined ? [penalty] : PENALTIES;
  // hinted[f][p] / plain[f][p]: fold f's held-out counts under candidate penalty p, with the
  // starter pack's hints (as in the product) and without any.
  const plain: SpanScorer[][] = [];
  const hinted: SpanScorer[][] = [];
  let toAqmar: SpanScorer | undefined;
  const foldModels: { weights: TaggerWeights; held: CorpusSentence[] }[] = [];
  for (let fold = 0; fold < k; fold++) {
    const from = Math.floor((fold * pool.length) / k);
    const to = Math.floor(((fold + 1) * pool.length) / k);
    const held = pool.slice(from, to);
    const trainSet = [...pool.slice(0, from), ...pool.slice(to)];
    const t0 = performance.now();
    const weights = train(withAqmar ? [...trainSet, ...aqmar] : trainSet);
    foldModels.push({ weights, held });
    plain.push([]);
    hinted.push([]);
    for (const p of candidates) {
      const tagger = createTagger(penaliseOutside(weights, p));
      hinted[fold]!.push(evaluate(tagger, held));
      plain[fold]!.push(evaluate(tagger, held, true));
    }
    if (fold === 0 && !withAqmar)
      toAqmar = evaluate(createTagger(penaliseOutside(weights, penalty)), aqmar);
    const seconds = ((performance.now() - t0) / 1000).toFixed(1);
    console.error(
      `fold ${fold + 1}/${k}: PER/LOC/ORG F1 ${hinted[fold]![0]!.score(CORE_TYPES).f1.toFixed(4)} at penalty ${candidates[0]} (${seconds} s)`,
    );
  }
  // Each fold is scored with the penalty the *other* folds prefer, so the choice is held out too.
  const bestPenalty = (folds: number[]): number => {
    let best = 0;
    let bestF1 = -1;
    candidates.forEach((_, p) => {
      const f1 = pooled(folds.map((f) => hinted[f]![p]!)).score(CORE_TYPES).f1;
      if (f1 > bestF1) [best, bestF1] = [p, f1];
    });
    return best;
  };
  const folds = Array.from({ length: k }, (_, f) => f);
  const chosen = folds.map((f) => bestPenalty(folds.filter((g) => g !== f)));
  const cvName = `ANERcorp ${k}-fold${args["shuffled-folds"] ? " shuffled" : ""} held-out${withAqmar ? " (+AQMAR)" : ""}`;
  rows.push(
    row(`${cvName}, starter-pack hints`, pooled(folds.map((f) => hinted[f]![chosen[f]!]!))),
  );
  rows.push(row(`${cvName}, no hints`, pooled(folds.map((f) => plain[f]![chosen[f]!]!))));
  penalty = candidates[bestPenalty(folds)]!;
  temperature = calibrateTemperature(
    foldModels.map((m, f) => ({ ...m, penalty: candidates[chosen[f]!]! })),
  );
  if (toAqmar) {
    rows.push(row("ANERcorp (fold 1 model) → AQMAR", toAqmar));
    const t0 = performance.now();
    rows.push(
      row(
        "AQMAR → ANERcorp",
        evaluate(createTagger(penaliseOutside(train(aqmar), penalty)), anercorp),
      ),
    );
    timings.aqmarToAnercorpSeconds = round((performance.now() - t0) / 1000);
  }
}

const t0 = performance.now();
const finalData = withAqmar ? [...anercorp, ...aqmar] : anercorp;
const bytes = encodeWeights(
  { ...penaliseOutside(train(finalData), penalty), temperature },
  weightBytes,
);
timings.finalTrainingSeconds = round((performance.now() - t0) / 1000);
if (!args["no-write"]) writeFileSync(args.out, bytes);
if (!args["no-write"] && (penalty !== R.outsidePenalty || temperature !== R.temperature)) {
  console.error(
    `note: cross-validation chose O penalty ${penalty} and temperature ${temperature}; SHIPPED_RECIPE in src/nlp/tagger/recipe.ts says ${R.outsidePenalty} and ${R.temperature}: update it so evaluations train the model that ships`,
  );
}

const pad = (s: string, n: number): string => s.padEnd(n);
console.log(
  `${pad("evaluation (entity micro-F1)", 56)} ${pad("PER/LOC/ORG", 12)} ${pad("P", 7)} ${pad("R", 7)} ${pad("all 4", 7)} PER     LOC     ORG     MISC`,
);
for (const r of rows) {
  const cells = [r.core, r.precision, r.recall, r.all, ...ALL_TYPES.map((t) => r.byType[t] ?? 0)];
  console.log(
    `${pad(r.name, 56)} ${cells.map((x, i) => pad(x.toFixed(4), i === 0 ? 12 : 7)).join(" ")}`,
  );
}
console.log(
  `model: ${bytes.length} bytes (2^${options.bucketBits} buckets × int${weightBytes * 8}), ${options.epochs} epochs, seed ${options.seed}, O penalty ${penalty}, temperature ${temperature}, trained on ${finalData.length} sentences${args["no-write"] ? " (not written)" : ` → ${args.out}`}`,
);
console.log(
  JSON.stringify({
    evaluations: rows,
    model: {
      bytes: bytes.length,
      bucketBits: options.bucketBits,
      weightBytes,
      epochs: options.epochs,
      seed: options.seed,
      wordDropout: options.wordDropout,
      hintedWordDropout: options.hintedWordDropout,
      nameShapeBits: options.nameShapeBits,
      margin: options.margin,
      hintShare: recipe.hintShare,
      hintDropout: recipe.hintDropout,
      outsidePenalty: penalty,
      temperature,
      sentences: finalData.length,
    },
    seconds: { ...timings, total: round((performance.now() - started) / 1000) },
  }),
);
