// Turns a sentence of surface tokens into hashed feature buckets, a fixed number per token: the
// folded word, its clitic-stripped stems, affixes, shape, neighbours, trigger words and lexicon
// hints. Buffers are reused between calls so tagging does not allocate per token.
import { foldToken } from "./fold";
import { hashChars, hashFinish, hashInt, hashStart, hashU32 } from "./hash";
import { TRIGGER_CLASSES, TRIGGER_WORDS } from "./triggers";
import { guessHint } from "@/src/nlp/types";
import { OUTSIDE as OUTSIDE_LABEL } from "./labels";

/** Type index of PER in labels.ts (B = 1 + 2·type). */
const PERSON_TYPE = 0;

/** Bump whenever the features below change: older weights files no longer fit the code. */
export const FEATURE_VERSION = 6;
export const FEATURES_PER_TOKEN = 41;

/**
 * Positions (within a token's features) of those naming the word itself; training sometimes
 * hides them so the model also learns to spot names it has never seen from context and shape.
 */
export const WORD_IDENTITY_SLOTS: readonly number[] = [1, 2, 3, 17, 18, 19]; // order of writeFeatures

/**
 * How often each (hashed, article-stripped) word occurred in the training text, saturating at
 * 255: a word the model rarely saw is more likely a name. No text is kept, only counts per bucket.
 */
export interface WordFrequencies {
  bits: number;
  counts: Uint8Array;
  /** How name-like each hashed letter n-gram was in training (see countNameShapes). */
  nameShapes?: NameShapes;
}

/**
 * Log-odds, per hashed letter n-gram (2–5 letters of the stem, its edges marked), that a word
 * containing it is part of a person's name rather than outside any name:
 * `round(4 · ln(P(g | person) / P(g | outside names)))`, clamped to int8. Averaged over a word's
 * n-grams it says how much a word the model never saw is spelled like a person's name
 * (`أينشتاين`, `برلسكوني`, `يلتسين`). Counts only, hashed: no word is kept. (Tables for places
 * and organisations too were measured: they confused the types and lowered F1.)
 */
export interface NameShapes {
  bits: number;
  logOdds: Int8Array;
}

const SHAPE_MIN_N = 2;
const SHAPE_MAX_N = 5;
const EDGE_START = 1;
const EDGE_END = 2;
/** The shape bin of a token the lexicon matched: there the match speaks, not the spelling. */
const SHAPE_HINTED = 13;

/**
 * Table index of the n-gram of `w[from..)` that starts at `start` (−1 = the word's start edge).
 * Used by both counting and scoring, so the hot loop needs no callback.
 */
function shapeGram(
  w: string,
  from: number,
  len: number,
  start: number,
  n: number,
  mask: number,
): number {
  let h = hashStart(200 + n);
  for (let j = start; j < start + n; j++)
    h = hashInt(h, j < 0 ? EDGE_START : j >= len ? EDGE_END : w.charCodeAt(from + j));
  return hashFinish(h) & mask;
}

/** The name-shape table of labelled sentences (see NameShapes). */
export function countNameShapes(
  sentences: Iterable<{ tokens: readonly string[]; labels: Uint8Array }>,
  bits: number,
): NameShapes {
  const size = 1 << bits;
  const mask = size - 1;
  const person = new Float64Array(size);
  const outside = new Float64Array(size);
  let totalPerson = 0;
  let totalOutside = 0;
  for (const { tokens, labels } of sentences) {
    tokens.forEach((token, t) => {
      const label = labels[t]!;
      const isPerson = label !== OUTSIDE_LABEL && (label - 1) >> 1 === PERSON_TYPE;
      if (label !== OUTSIDE_LABEL && !isPerson) return; // other names count for neither side
      const w = foldToken(token);
      const from = articleStemStart(w);
      const len = w.length - from;
      for (let n = SHAPE_MIN_N; n <= SHAPE_MAX_N; n++) {
        for (let start = -1; start + n <= len + 1; start++) {
          const i = shapeGram(w, from, len, start, n, mask);
          if (isPerson) {
            person[i] = person[i]! + 1;
            totalPerson++;
          } else {
            outside[i] = outside[i]! + 1;
            totalOutside++;
          }
        }
      }
    });
  }
  const logOdds = new Int8Array(size);
  const smooth = 0.5;
  for (let i = 0; i < size; i++) {
    const p = (person[i]! + smooth) / (totalPerson + smooth * size);
    const q = (outside[i]! + smooth) / (totalOutside + smooth * size);
    logOdds[i] = Math.max(-127, Math.min(127, Math.round(4 * Math.log(p / q))));
  }
  return { bits, logOdds };
}

/** The spelling bin of a surface token (0..12, 6 = no evidence either way; higher = more name-like). */
export function spellingBin(token: string, shapes: NameShapes): number {
  const w = foldToken(token);
  return nameShapeBin(w, articleStemStart(w), shapes);
}

/** A word's mean n-gram log-odds, binned to 0..12 (6 = no evidence either way). */
function nameShapeBin(w: string, from: number, shapes: NameShapes): number {
  const len = w.length - from;
  const mask = (1 << shapes.bits) - 1;
  let sum = 0;
  let count = 0;
  for (let n = SHAPE_MIN_N; n <= SHAPE_MAX_N; n++) {
    for (let start = -1; start + n <= len + 1; start++) {
      sum += shapes.logOdds[shapeGram(w, from, len, start, n, mask)]!;
      count++;
    }
  }
  const mean = count > 0 ? sum / count : 0;
  return Math.max(0, Math.min(12, Math.round(mean / 2) + 6));
}

/** The frequency bucket of a word stem: hashed with its own template so it is independent of features. */
export function frequencyIndex(stemRawHash: number, bits: number): number {
  return hashFinish(hashU32(hashStart(99), stemRawHash)) & ((1 << bits) - 1);
}

/** Counts word stems over sentences (saturating at 255) for the frequency features. */
export function countWordFrequencies(
  sentences: Iterable<readonly string[]>,
  bits: number,
): WordFrequencies {
  const counts = new Uint8Array(1 << bits);
  for (const tokens of sentences) {
    for (const token of tokens) {
      const w = foldToken(token);
      const i = frequencyIndex(rawHash(w, articleStemStart(w), w.length), bits);
      if (counts[i]! < 255) counts[i] = counts[i]! + 1;
    }
  }
  return { bits, counts };
}

/** 0 unseen, 1 once, 2 two or three times, 3 up to nine, 4 common. */
function frequencyClass(count: number): number {
  return count === 0 ? 0 : count === 1 ? 1 : count < 4 ? 2 : count < 10 ? 3 : 4;
}

/**
 * Hint codes: the type a knowledge-base lexicon matched (1–4), or, prefixed with `~`, the type a
 * rule guessed (a title before a person, a head noun before an organisation or place: weaker
 * evidence, 6–8). Anything else a caller passes (DATE, EVENT…) shares one code.
 */
const HINT_CODES: ReadonlyMap<string, number> = new Map([
  ["PER", 1],
  ["ORG", 2],
  ["LOC", 3],
  ["MISC", 4],
  [guessHint("PER"), 6],
  [guessHint("ORG"), 7],
  [guessHint("LOC"), 8],
]);
const HINT_OTHER = 5;
/** The last code of a lexicon match: a matched token's spelling is not scored. */
const LAST_LEXICON_HINT = 4;
const NO_HINT = 0;

/** Stand-ins for a neighbour beyond the sentence edge. */
const EDGE_HASH = 0x5eed;
const EDGE_CLASS = 15;

const ALEF = 0x0627;
const LAM = 0x0644;
const WAW = 0x0648;
const FEH = 0x0641;
const BEH = 0x0628;
const KAF = 0x0643;
const HEH = 0x0647; // a folded ta marbuta

/** Cue-word class (1-based index into TRIGGER_CLASSES) by the raw hash of the folded word. */
const TRIGGERS: ReadonlyMap<number, number> = (() => {
  const map = new Map<number, number>();
  TRIGGER_CLASSES.forEach((cls, index) => {
    for (const word of TRIGGER_WORDS[cls]) {
      const folded = foldToken(word);
      const key = rawHash(folded, 0, folded.length);
      if (!map.has(key)) map.set(key, index + 1); // a word in two tables keeps its first class
    }
  });
  return map;
})();

function rawHash(text: string, from: number, to: number): number {
  return hashChars(hashStart(0), text, from, to);
}

/**
 * Where the stem starts once the article and what precedes it are peeled off: `وبالعراق`,
 * `للعراق`, `العراق` → `عراق`. Returns 0 when the word has no article (a bare ب/و is too often a
 * root letter to strip on its own here).
 */
export function articleStemStart(w: string): number {
  const c0 = w.charCodeAt(0);
  const afterConjunction = w.length >= 4 && (c0 === WAW || c0 === FEH) ? articleAt(w, 1) : 0;
  return afterConjunction > 0 ? afterConjunction : articleAt(w, 0);
}

/** The stem start when `w` has an article (optionally after ب/ك/ل, or as لل) at index `j`, else 0. */
function articleAt(w: string, j: number): number {
  const n = w.length;
  const c = w.charCodeAt(j);
  if (c === LAM && w.charCodeAt(j + 1) === LAM && n - (j + 2) >= 2) return j + 2; // لل = ل + ال
  if (
    (c === BEH || c === KAF || c === LAM) &&
    w.charCodeAt(j + 1) === ALEF &&
    w.charCodeAt(j + 2) === LAM
  )
    j++;
  if (w.charCodeAt(j) === ALEF && w.charCodeAt(j + 1) === LAM && n - (j + 2) >= 2) return j + 2;
  return 0;
}

/** A bolder guess: without an article, also peel و/ف and then ب/ك/ل when three letters remain. */
export function cliticStemStart(w: string): number {
  const withArticle = articleStemStart(w);
  if (withArticle > 0) return withArticle;
  let i = 0;
  const c0 = w.charCodeAt(0);
  if ((c0 === WAW || c0 === FEH) && w.length - 1 >= 3) i = 1;
  const c1 = w.charCodeAt(i);
  if ((c1 === BEH || c1 === KAF || c1 === LAM) && w.length - i - 1 >= 3) i++;
  return i;
}

function isArabicLetter(c: number): boolean {
  return (c >= 0x0621 && c <= 0x064a) || (c >= 0x0671 && c <= 0x06d3);
}

/** Script mix (Arabic, digit, Latin, other) and a length bucket, packed into one small code. */
function shapeOf(w: string): number {
  let mix = 0;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (isArabicLetter(c)) mix |= 1;
    else if (c >= 0x30 && c <= 0x39) mix |= 2;
    else if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a)) mix |= 4;
    else mix |= 8;
  }
  const n = w.length;
  const lengthBucket = n <= 3 ? n : n <= 5 ? 4 : n <= 8 ? 5 : 6;
  return mix * 8 + lengthBucket;
}

/** Each feature template's starting hash, computed once (`hashStart` per feature per token showed in profiles). */
const SEED = Int32Array.from({ length: 64 }, (_, template) => hashStart(template));

/** Words whose spelling bin an extractor remembers before starting over (bounded memory). */
const SPELLING_CACHE_LIMIT = 50_000;

const LABELS = 9;
/**
 * Feature slots (positions in writeFeatures' order) that depend on the token's word alone: the
 * bias, word, stems, clitic, affixes, shape, its cue class, frequency × shape.
 */
const WORD_ONLY_SLOTS = Int32Array.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 20, 30, 33, 34);
/**
 * A cached word: the 7 description fields its neighbours' features read (word, stem, last two
 * letters, shape, cue class, frequency, spelling bin), then its word-only weight sum per label.
 */
const WORD_FIELDS = 7;
const WORD_ROW = WORD_FIELDS + LABELS;
/**
 * Distinct tokens an inference extractor remembers (64 bytes each, ≈ 3.2 MB) before starting over:
 * news text of a few hundred articles has ~30,000 distinct tokens (ANERcorp: 29,243 in 125,115).
 */
const WORD_CACHE_LIMIT = 50_000;

export class FeatureExtractor {
  private readonly mask: number;
  private capacity = 0;
  private wordH = new Int32Array(0);
  private stemH = new Int32Array(0);
  private boldStemH = new Int32Array(0);
  private cliticH = new Int32Array(0);
  private prefix2H = new Int32Array(0);
  private prefix3H = new Int32Array(0);
  private suffix1H = new Int32Array(0);
  private suffix2H = new Int32Array(0);
  private suffix3H = new Int32Array(0);
  private suffix4H = new Int32Array(0);
  private prefix4H = new Int32Array(0);
  private shape = new Int32Array(0);
  private trigger = new Int8Array(0);
  private hint = new Int8Array(0);
  private frequency = new Int8Array(0);
  private shapeBin = new Int8Array(0);
  /** The spelling bin of the word (used for tokens without a lexicon hint). */
  private spellingBin = new Int8Array(0);

  /**
   * `emission` (tagging only, integer weights): the extractor then remembers, per distinct token,
   * its word features and the summed weights of the features that depend on the word alone
   * (`WORD_ONLY_SLOTS`), writes −1 (skip) in those slots and the sums in `wordSums`. Words repeat
   * (Zipf): a repeated word then costs no folding, no hashing and 15 fewer random reads of the
   * 2.4 MB weight table. Integer sums are exact in any order, so the labels are the same.
   */
  constructor(
    readonly bucketBits: number,
    private readonly frequencies?: WordFrequencies,
    private readonly emission?: Int8Array | Int16Array,
  ) {
    this.mask = (1 << bucketBits) - 1;
  }

  /** Per segment token, the summed weights of its word-only features (with `emission`). */
  wordSums = new Int32Array(0);

  /** Spelling bins of words already seen (words repeat: scoring one costs ~50 hash steps). */
  private readonly spellingCache = new Map<string, number>();

  private spelling(w: string, stem: number, shapes: NameShapes): number {
    let bin = this.spellingCache.get(w);
    if (bin === undefined) {
      bin = nameShapeBin(w, stem, shapes);
      if (this.spellingCache.size >= SPELLING_CACHE_LIMIT) this.spellingCache.clear();
      this.spellingCache.set(w, bin);
    }
    return bin;
  }

  /** Token → its row in `wordPool` (with `emission`); cleared when full. */
  private readonly wordRows = new Map<string, number>();
  private wordPool = new Int32Array(0);

  private ensure(n: number): void {
    if (n <= this.capacity) return;
    const cap = Math.max(n, this.capacity * 2, 64);
    this.capacity = cap;
    this.wordH = new Int32Array(cap);
    this.stemH = new Int32Array(cap);
    this.boldStemH = new Int32Array(cap);
    this.cliticH = new Int32Array(cap);
    this.prefix2H = new Int32Array(cap);
    this.prefix3H = new Int32Array(cap);
    this.suffix1H = new Int32Array(cap);
    this.suffix2H = new Int32Array(cap);
    this.suffix3H = new Int32Array(cap);
    this.suffix4H = new Int32Array(cap);
    this.prefix4H = new Int32Array(cap);
    this.shape = new Int32Array(cap);
    this.trigger = new Int8Array(cap);
    this.hint = new Int8Array(cap);
    this.frequency = new Int8Array(cap);
    this.shapeBin = new Int8Array(cap);
    this.spellingBin = new Int8Array(cap);
    if (this.emission) this.wordSums = new Int32Array(cap * LABELS);
  }

  /**
   * Writes `FEATURES_PER_TOKEN` bucket indices per token of `tokens[from..to)` into `out`
   * (token k of the segment at `out[k * FEATURES_PER_TOKEN …]`).
   */
  extract(
    tokens: readonly string[],
    hints: readonly (string | undefined)[] | undefined,
    from: number,
    to: number,
    out: Int32Array,
  ): void {
    const n = to - from;
    this.ensure(n);
    for (let k = 0; k < n; k++) {
      const token = tokens[from + k];
      const hint = hints?.[from + k];
      // Callers outside TypeScript may pass anything; a non-string is an unknown empty token.
      const surface = typeof token === "string" ? token : "";
      if (this.emission) this.describeCached(k, surface);
      else this.describeWord(k, surface);
      this.describeHint(k, typeof hint === "string" ? hint : undefined);
    }
    const withWordOnly = this.emission === undefined;
    for (let k = 0; k < n; k++) this.writeFeatures(k, n, out, k * FEATURES_PER_TOKEN, withWordOnly);
  }

  /** `describeWord` through the per-token cache, with the word-only weight sums. */
  private describeCached(k: number, token: string): void {
    let row = this.wordRows.get(token);
    if (row === undefined) {
      this.describeWord(k, token);
      if (this.wordRows.size >= WORD_CACHE_LIMIT) this.wordRows.clear();
      row = this.wordRows.size;
      if ((row + 1) * WORD_ROW > this.wordPool.length) {
        const grown = new Int32Array(Math.max(64, (row + 1) * 2) * WORD_ROW);
        grown.set(this.wordPool);
        this.wordPool = grown;
      }
      this.wordRows.set(token, row);
      const p = this.wordPool;
      const at = row * WORD_ROW;
      for (let f = 0; f < WORD_FIELDS; f++) p[at + f] = this.wordField(f, k);
      // The word-only features' buckets, exactly as writeFeatures computes them.
      const buckets = this.scratch;
      this.writeFeatures(k, k + 1, buckets, 0, true);
      const w = this.emission!;
      const sums = at + WORD_FIELDS;
      for (let l = 0; l < LABELS; l++) p[sums + l] = 0;
      for (let f = 0; f < WORD_ONLY_SLOTS.length; f++) {
        const row = buckets[WORD_ONLY_SLOTS[f]!]! * LABELS;
        for (let l = 0; l < LABELS; l++) p[sums + l] = p[sums + l]! + w[row + l]!;
      }
    } else {
      const p = this.wordPool;
      const at = row * WORD_ROW;
      this.wordH[k] = p[at]!;
      this.stemH[k] = p[at + 1]!;
      this.suffix2H[k] = p[at + 2]!;
      this.shape[k] = p[at + 3]!;
      this.trigger[k] = p[at + 4]!;
      this.frequency[k] = p[at + 5]!;
      this.spellingBin[k] = p[at + 6]!;
    }
    const p = this.wordPool;
    const sums = this.wordSums;
    const from = row * WORD_ROW + WORD_FIELDS;
    const to = k * LABELS;
    for (let l = 0; l < LABELS; l++) sums[to + l] = p[from + l]!;
  }

  private readonly scratch = new Int32Array(FEATURES_PER_TOKEN);

  /** Field f of token k's word description, in the cache row's order. */
  private wordField(f: number, k: number): number {
    switch (f) {
      case 0:
        return this.wordH[k]!;
      case 1:
        return this.stemH[k]!;
      case 2:
        return this.suffix2H[k]!;
      case 3:
        return this.shape[k]!;
      case 4:
        return this.trigger[k]!;
      case 5:
        return this.frequency[k]!;
      default:
        return this.spellingBin[k]!;
    }
  }

  /** What the token's hint adds: its code, and the spelling bin only where no lexicon matched. */
  private describeHint(k: number, hint: string | undefined): void {
    // Spelling speaks for words the lexicon did not match (measured: for matched ones too, lower).
    const code = hint === undefined ? NO_HINT : (HINT_CODES.get(hint) ?? HINT_OTHER);
    this.hint[k] = code;
    this.shapeBin[k] =
      code === NO_HINT || code > LAST_LEXICON_HINT ? this.spellingBin[k]! : SHAPE_HINTED;
  }

  private describeWord(k: number, token: string): void {
    const w = foldToken(token);
    const n = w.length;
    const stem = articleStemStart(w);
    const bold = cliticStemStart(w);
    this.wordH[k] = rawHash(w, 0, n);
    this.stemH[k] = rawHash(w, stem, n);
    this.boldStemH[k] = rawHash(w, bold, n);
    this.cliticH[k] = rawHash(w, 0, bold);
    this.prefix2H[k] = rawHash(w, stem, Math.min(n, stem + 2));
    this.prefix3H[k] = rawHash(w, stem, Math.min(n, stem + 3));
    this.suffix1H[k] = rawHash(w, Math.max(stem, n - 1), n);
    this.suffix2H[k] = rawHash(w, Math.max(stem, n - 2), n);
    this.suffix3H[k] = rawHash(w, Math.max(stem, n - 3), n);
    this.suffix4H[k] = rawHash(w, Math.max(stem, n - 4), n);
    this.prefix4H[k] = rawHash(w, stem, Math.min(n, stem + 4));
    this.shape[k] = shapeOf(w);
    let trigger = TRIGGERS.get(this.stemH[k]!) ?? TRIGGERS.get(this.boldStemH[k]!) ?? 0;
    if (trigger === 0 && n - stem >= 3 && w.charCodeAt(n - 1) === HEH) {
      trigger = TRIGGERS.get(rawHash(w, stem, n - 1)) ?? 0; // feminine form of a listed word
    }
    this.trigger[k] = trigger;
    const frequencies = this.frequencies;
    this.frequency[k] = frequencies
      ? frequencyClass(frequencies.counts[frequencyIndex(this.stemH[k]!, frequencies.bits)]!)
      : EDGE_CLASS;
    const shapes = frequencies?.nameShapes;
    // With the word cache the bin is kept there; no second cache.
    this.spellingBin[k] = !shapes
      ? EDGE_CLASS
      : this.emission
        ? nameShapeBin(w, stem, shapes)
        : this.spelling(w, stem, shapes);
  }

  /**
   * Token k's feature buckets into `out[at …]`. Without `withWordOnly` the slots that depend on the
   * word alone (WORD_ONLY_SLOTS) get −1: the word cache has their summed weights.
   */
  private writeFeatures(
    k: number,
    n: number,
    out: Int32Array,
    at: number,
    withWordOnly: boolean,
  ): void {
    const m = this.mask;
    const word = this.wordH;
    const prev = k > 0;
    const prev2 = k > 1;
    const next = k + 1 < n;
    const next2 = k + 2 < n;
    const wPrev = prev ? word[k - 1]! : EDGE_HASH;
    const wNext = next ? word[k + 1]! : EDGE_HASH ^ 1;
    const w = word[k]!;
    const s = this.stemH[k]!;
    const sPrev = prev ? this.stemH[k - 1]! : EDGE_HASH;
    const hint = this.hint[k]!;
    const hintPrev = prev ? this.hint[k - 1]! : EDGE_CLASS;
    const hintNext = next ? this.hint[k + 1]! : EDGE_CLASS;
    let t = at;
    out[t++] = !withWordOnly ? -1 : hashFinish(SEED[1]!) & m;
    out[t++] = !withWordOnly ? -1 : hashFinish(hashU32(SEED[2]!, w)) & m;
    out[t++] = !withWordOnly ? -1 : hashFinish(hashU32(SEED[3]!, s)) & m;
    out[t++] = !withWordOnly ? -1 : hashFinish(hashU32(SEED[4]!, this.boldStemH[k]!)) & m;
    out[t++] = !withWordOnly ? -1 : hashFinish(hashU32(SEED[5]!, this.cliticH[k]!)) & m;
    out[t++] = !withWordOnly ? -1 : hashFinish(hashU32(SEED[6]!, this.prefix2H[k]!)) & m;
    out[t++] = !withWordOnly ? -1 : hashFinish(hashU32(SEED[7]!, this.prefix3H[k]!)) & m;
    out[t++] = !withWordOnly ? -1 : hashFinish(hashU32(SEED[8]!, this.suffix1H[k]!)) & m;
    out[t++] = !withWordOnly ? -1 : hashFinish(hashU32(SEED[9]!, this.suffix2H[k]!)) & m;
    out[t++] = !withWordOnly ? -1 : hashFinish(hashU32(SEED[10]!, this.suffix3H[k]!)) & m;
    out[t++] = !withWordOnly ? -1 : hashFinish(hashInt(SEED[11]!, this.shape[k]!)) & m;
    out[t++] = hashFinish(hashU32(SEED[12]!, wPrev)) & m;
    out[t++] = hashFinish(hashU32(SEED[13]!, wNext)) & m;
    out[t++] = hashFinish(hashU32(SEED[14]!, prev2 ? word[k - 2]! : EDGE_HASH)) & m;
    out[t++] = hashFinish(hashU32(SEED[15]!, next2 ? word[k + 2]! : EDGE_HASH ^ 1)) & m;
    out[t++] = hashFinish(hashU32(SEED[16]!, sPrev)) & m;
    out[t++] = hashFinish(hashU32(SEED[17]!, next ? this.stemH[k + 1]! : EDGE_HASH ^ 1)) & m;
    out[t++] = hashFinish(hashU32(hashU32(SEED[18]!, wPrev), w)) & m;
    out[t++] = hashFinish(hashU32(hashU32(SEED[19]!, w), wNext)) & m;
    out[t++] = hashFinish(hashU32(hashU32(SEED[20]!, sPrev), s)) & m;
    out[t++] = !withWordOnly ? -1 : hashFinish(hashInt(SEED[21]!, this.trigger[k]!)) & m;
    out[t++] = hashFinish(hashInt(SEED[22]!, prev ? this.trigger[k - 1]! : EDGE_CLASS)) & m;
    out[t++] = hashFinish(hashInt(SEED[23]!, prev2 ? this.trigger[k - 2]! : EDGE_CLASS)) & m;
    out[t++] = hashFinish(hashInt(SEED[24]!, next ? this.trigger[k + 1]! : EDGE_CLASS)) & m;
    out[t++] = hashFinish(hashU32(SEED[25]!, prev ? this.suffix2H[k - 1]! : EDGE_HASH)) & m;
    out[t++] = hashFinish(hashU32(SEED[26]!, next ? this.suffix2H[k + 1]! : EDGE_HASH ^ 1)) & m;
    out[t++] = hashFinish(hashInt(SEED[27]!, hint)) & m;
    out[t++] = hashFinish(hashInt(hashInt(SEED[28]!, hintPrev), hint)) & m;
    out[t++] = hashFinish(hashInt(hashInt(SEED[29]!, hint), hintNext)) & m;
    out[t++] =
      hashFinish(
        hashInt(
          hashInt(SEED[30]!, prev ? this.shape[k - 1]! : 255),
          next ? this.shape[k + 1]! : 255,
        ),
      ) & m;
    const frequency = this.frequency[k]!;
    out[t++] = !withWordOnly
      ? -1
      : hashFinish(hashInt(hashInt(SEED[31]!, frequency), this.shape[k]!)) & m;
    const frequencyPrev = prev ? this.frequency[k - 1]! : EDGE_CLASS;
    const frequencyNext = next ? this.frequency[k + 1]! : EDGE_CLASS;
    out[t++] =
      hashFinish(hashInt(hashInt(hashInt(SEED[32]!, frequencyPrev), frequency), frequencyNext)) & m;
    out[t++] =
      hashFinish(hashInt(hashInt(SEED[33]!, prev ? this.trigger[k - 1]! : EDGE_CLASS), frequency)) &
      m;
    out[t++] = !withWordOnly ? -1 : hashFinish(hashU32(SEED[34]!, this.suffix4H[k]!)) & m;
    out[t++] = !withWordOnly ? -1 : hashFinish(hashU32(SEED[35]!, this.prefix4H[k]!)) & m;
    out[t++] =
      hashFinish(hashU32(hashU32(SEED[36]!, sPrev), next ? this.stemH[k + 1]! : EDGE_HASH ^ 1)) & m;
    out[t++] = hashFinish(hashInt(hashInt(SEED[37]!, hint), frequency)) & m;
    out[t++] = hashFinish(hashInt(hashU32(SEED[38]!, sPrev), hint)) & m;
    const shape = this.shapeBin[k]!;
    out[t++] = hashFinish(hashInt(SEED[39]!, shape)) & m;
    out[t++] = hashFinish(hashInt(hashInt(SEED[40]!, shape), frequency)) & m;
    out[t] =
      hashFinish(hashInt(hashInt(SEED[41]!, shape), prev ? this.trigger[k - 1]! : EDGE_CLASS)) & m;
  }
}
