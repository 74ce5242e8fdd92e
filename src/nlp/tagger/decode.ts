// Scores a segment's labels from its hashed features and finds the best well-formed label
// sequence (Viterbi over BIO). All buffers belong to the decoder and grow only when a longer
// segment arrives, so decoding allocates nothing per token.
import { FEATURES_PER_TOKEN, type WordFrequencies } from "./features";
import { ALLOWED_TRANSITIONS, LABEL_COUNT } from "./labels";

/** What a tagger knows: emission weights per hashed feature and label, and label transitions. */
export interface TaggerWeights {
  bucketBits: number;
  /** `[bucket * LABEL_COUNT + label]`; integers when quantised, multiplied by `emissionScale`. */
  emission: Float32Array | Int16Array | Int8Array;
  emissionScale: number;
  /** `[(prev + 1) * LABEL_COUNT + next]`; row 0 is the sentence start. */
  transitions: Float32Array;
  /** Training-text word counts for the rare-word features. */
  frequencies: WordFrequencies;
  /** Softmax temperature that turns label scores into a confidence. */
  temperature: number;
}

const L = LABEL_COUNT;
if (L !== 9) throw new Error("SequenceDecoder.score is unrolled for 9 labels"); // O + B/I × 4 types

/** Transitions with forbidden moves at -Infinity, so Viterbi needs no branch; cached per weights. */
const maskedTransitions = new WeakMap<Float32Array, Float64Array>();
function masked(transitions: Float32Array): Float64Array {
  let out = maskedTransitions.get(transitions);
  if (!out) {
    out = new Float64Array(transitions.length);
    for (let t = 0; t < out.length; t++)
      out[t] = ALLOWED_TRANSITIONS[t] ? transitions[t]! : -Infinity;
    maskedTransitions.set(transitions, out);
  }
  return out;
}

function maskTransitionsNow(transitions: Float32Array, out: Float64Array): Float64Array {
  for (let t = 0; t < out.length; t++)
    out[t] = ALLOWED_TRANSITIONS[t] ? transitions[t]! : -Infinity;
  return out;
}

export class SequenceDecoder {
  features = new Int32Array(0);
  /** The decoded labels of the last segment. */
  labels = new Uint8Array(0);
  private emission = new Float64Array(0);
  private best = new Float64Array(0);
  private back = new Uint8Array(0);
  private capacity = 0;
  private readonly scratchTransitions = new Float64Array((L + 1) * L);

  /** `training`: weights change between calls (no caching of derived tables). */
  constructor(private readonly training = false) {}

  /** Makes room for `n` tokens; callers fill `features` for them before `decode`. */
  reserve(n: number): void {
    if (n <= this.capacity) return;
    const cap = Math.max(n, this.capacity * 2, 64);
    this.capacity = cap;
    this.features = new Int32Array(cap * FEATURES_PER_TOKEN);
    this.labels = new Uint8Array(cap);
    this.emission = new Float64Array(cap * L);
    this.best = new Float64Array(cap * L);
    this.back = new Uint8Array(cap * L);
  }

  /**
   * Labels the `n` tokens whose features are in `features`; the result is in `labels`. Training
   * passes the `gold` labels and a `margin`: every other label scores that much more (cost-
   * augmented decoding), so an update follows unless gold wins by the margin. `base` (n × 9), when
   * given, is added to each token's summed weights before scaling: the sums of the features the
   * extractor skipped (−1) because it had them per word (`FeatureExtractor` with `emission`).
   */
  decode(
    weights: TaggerWeights,
    n: number,
    features: Int32Array = this.features,
    gold?: Uint8Array,
    margin = 0,
    base?: Int32Array,
  ): Uint8Array {
    this.reserve(n);
    this.score(weights, n, features, base);
    const em = this.emission;
    if (gold && margin > 0) {
      for (let i = 0; i < n; i++) {
        for (let l = 0; l < L; l++) if (l !== gold[i]) em[i * L + l] = em[i * L + l]! + margin;
      }
    }
    const best = this.best;
    const back = this.back;
    // Training mutates transitions in place between sentences, so it must not use the cache.
    const trans = this.training
      ? maskTransitionsNow(weights.transitions, this.scratchTransitions)
      : masked(weights.transitions);
    for (let l = 0; l < L; l++) best[l] = trans[l]! + em[l]!;
    for (let i = 1; i < n; i++) {
      const row = i * L;
      const prevRow = row - L;
      for (let l = 0; l < L; l++) {
        let top = -Infinity;
        let arg = 0;
        for (let p = 0; p < L; p++) {
          const v = best[prevRow + p]! + trans[(p + 1) * L + l]!;
          if (v > top) {
            top = v;
            arg = p;
          }
        }
        best[row + l] = top + em[row + l]!;
        back[row + l] = arg;
      }
    }
    const labels = this.labels;
    if (n === 0) return labels;
    let last = 0;
    const lastRow = (n - 1) * L;
    for (let l = 1; l < L; l++) if (best[lastRow + l]! > best[lastRow + last]!) last = l;
    labels[n - 1] = last;
    for (let i = n - 1; i > 0; i--) labels[i - 1] = back[i * L + labels[i]!]!;
    return labels;
  }

  /**
   * How sure the model is of token `i`'s decoded label: the softmax probability of that label
   * given the decoded previous label. Valid after `decode` until the next call.
   */
  confidence(weights: TaggerWeights, i: number): number {
    const em = this.emission;
    const trans = weights.transitions;
    const row = i * L;
    const from = (i === 0 ? 0 : this.labels[i - 1]! + 1) * L;
    const chosen = this.labels[i]!;
    const scale = 1 / weights.temperature;
    const chosenScore = (em[row + chosen]! + trans[from + chosen]!) * scale;
    let total = 0;
    for (let l = 0; l < L; l++) {
      if (!ALLOWED_TRANSITIONS[from + l]) continue;
      total += Math.exp((em[row + l]! + trans[from + l]!) * scale - chosenScore);
    }
    return 1 / total;
  }

  private score(
    weights: TaggerWeights,
    n: number,
    features: Int32Array,
    sums: Int32Array | undefined,
  ): void {
    const em = this.emission;
    const w = weights.emission;
    const scale = weights.emissionScale;
    // Nine labels summed in locals: the hottest loop of tagging, kept free of memory round trips.
    for (let i = 0; i < n; i++) {
      let o = 0,
        bp = 0,
        ip = 0,
        bo = 0,
        io = 0,
        bl = 0,
        il = 0,
        bm = 0,
        im = 0;
      if (sums) {
        const s = i * L;
        o = sums[s]!;
        bp = sums[s + 1]!;
        ip = sums[s + 2]!;
        bo = sums[s + 3]!;
        io = sums[s + 4]!;
        bl = sums[s + 5]!;
        il = sums[s + 6]!;
        bm = sums[s + 7]!;
        im = sums[s + 8]!;
      }
      const base = i * FEATURES_PER_TOKEN;
      for (let f = 0; f < FEATURES_PER_TOKEN; f++) {
        const bucket = features[base + f]!;
        if (bucket < 0) continue; // a feature hidden during training
        const at = bucket * L;
        o += w[at]!;
        bp += w[at + 1]!;
        ip += w[at + 2]!;
        bo += w[at + 3]!;
        io += w[at + 4]!;
        bl += w[at + 5]!;
        il += w[at + 6]!;
        bm += w[at + 7]!;
        im += w[at + 8]!;
      }
      const row = i * L;
      em[row] = o * scale;
      em[row + 1] = bp * scale;
      em[row + 2] = ip * scale;
      em[row + 3] = bo * scale;
      em[row + 4] = io * scale;
      em[row + 5] = bl * scale;
      em[row + 6] = il * scale;
      em[row + 7] = bm * scale;
      em[row + 8] = im * scale;
    }
  }
}
