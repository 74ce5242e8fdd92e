// Trains tagger weights: an averaged structured perceptron (Collins 2002) over the hashed
// features, decoded with the same Viterbi as tagging (cost-augmented while learning, see
// `margin`). Deterministic for a given seed.
import { SequenceDecoder, type TaggerWeights } from "./decode";
import {
  FEATURES_PER_TOKEN,
  FeatureExtractor,
  WORD_IDENTITY_SLOTS,
  countNameShapes,
  countWordFrequencies,
} from "./features";
import { LABEL_COUNT, OUTSIDE } from "./labels";

export interface TrainingSentence {
  tokens: readonly string[];
  /** Gold BIO label per token (see labels.ts). */
  labels: Uint8Array;
  /** Lexicon hints as the tagger will receive them, when simulated for training. */
  hints?: readonly (string | undefined)[];
}

export interface TrainingOptions {
  epochs: number;
  seed: number;
  bucketBits: number;
  /** Size (log2) of the word-frequency sketch. */
  frequencyBits: number;
  /** Size (log2) of the name-shape table (letter n-gram log-odds); 0 = none. */
  nameShapeBits?: number;
  /** Share of tokens whose word-identity features are hidden in each training pass. */
  wordDropout: number;
  /**
   * The same for tokens that carry a lexicon hint: hiding the word more often there teaches the
   * model to trust a hint for a name it has never seen, as the knowledge base will supply.
   */
  hintedWordDropout: number;
  /**
   * Cost-augmented training (a structured margin): while learning, every wrong label scores this
   * much extra, so the model keeps updating until the gold sequence wins by a margin rather than
   * barely — the perceptron otherwise stops at the first separating weights, which generalise
   * worse to unseen text. 0 is the plain perceptron.
   */
  margin?: number;
  /** Called after each pass over the data (progress reporting). */
  onEpoch?: (epoch: number, mistakes: number) => void;
}

const L = LABEL_COUNT;
/** Parts the training text is split into for the held-out word frequencies. */
const FREQUENCY_PARTS = 5;

/** A small, fast seeded PRNG (mulberry32) so shuffles are reproducible. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function trainWeights(
  sentences: readonly TrainingSentence[],
  options: TrainingOptions,
): TaggerWeights {
  const { bucketBits, epochs } = options;
  const margin = options.margin ?? 0;
  const cells = (1 << bucketBits) * L;
  const transitionCells = (L + 1) * L;
  const shapeBits = options.nameShapeBits ?? 0;
  const statistics = (of: readonly TrainingSentence[]) => {
    const counted = countWordFrequencies(
      of.map((s) => s.tokens),
      options.frequencyBits,
    );
    return shapeBits > 0 ? { ...counted, nameShapes: countNameShapes(of, shapeBits) } : counted;
  };
  const frequencies = statistics(sentences);
  // Features are hashed once up front: each epoch then only adds and compares numbers.
  const offsets = new Int32Array(sentences.length + 1);
  for (let s = 0; s < sentences.length; s++)
    offsets[s + 1] = offsets[s]! + sentences[s]!.tokens.length;
  const features = new Int32Array(offsets[sentences.length]! * FEATURES_PER_TOKEN);
  // Every training word was seen by definition; to learn what "rare" means for new text, each
  // part's frequencies come from the other parts only (jackknife), as unseen news will meet them.
  for (let part = 0; part < FREQUENCY_PARTS; part++) {
    const from = Math.floor((part * sentences.length) / FREQUENCY_PARTS);
    const to = Math.floor(((part + 1) * sentences.length) / FREQUENCY_PARTS);
    const extractor = new FeatureExtractor(
      bucketBits,
      statistics([...sentences.slice(0, from), ...sentences.slice(to)]),
    );
    for (let s = from; s < to; s++) {
      const sentence = sentences[s]!;
      const at = offsets[s]! * FEATURES_PER_TOKEN;
      const n = sentence.tokens.length;
      extractor.extract(
        sentence.tokens,
        sentence.hints,
        0,
        n,
        features.subarray(at, at + n * FEATURES_PER_TOKEN),
      );
    }
  }

  const weights: TaggerWeights = {
    bucketBits,
    emission: new Float32Array(cells),
    emissionScale: 1,
    transitions: new Float32Array(transitionCells),
    frequencies,
    temperature: 1,
  };
  const emission = weights.emission as Float32Array;
  const transitions = weights.transitions;
  // Averaging trick: keep the sum of step-weighted updates and subtract it at the end.
  const emissionSteps = new Float64Array(cells);
  const transitionSteps = new Float64Array(transitionCells);
  const decoder = new SequenceDecoder(true);
  const random = seededRandom(options.seed);
  const order = Array.from(sentences.keys());
  let step = 1;
  let scratch = new Int32Array(0);
  const withDroppedWords = (
    feats: Int32Array,
    n: number,
    hints: TrainingSentence["hints"],
  ): Int32Array => {
    if (options.wordDropout <= 0 && options.hintedWordDropout <= 0) return feats;
    if (scratch.length < feats.length) scratch = new Int32Array(feats.length * 2);
    const out = scratch.subarray(0, feats.length);
    out.set(feats);
    for (let t = 0; t < n; t++) {
      const rate = hints?.[t] === undefined ? options.wordDropout : options.hintedWordDropout;
      if (random() >= rate) continue;
      for (const slot of WORD_IDENTITY_SLOTS) out[t * FEATURES_PER_TOKEN + slot] = -1;
    }
    return out;
  };

  const update = (feats: Int32Array, base: number, label: number, delta: number): void => {
    for (let f = 0; f < FEATURES_PER_TOKEN; f++) {
      const bucket = feats[base + f]!;
      if (bucket < 0) continue;
      const cell = bucket * L + label;
      emission[cell] = emission[cell]! + delta;
      emissionSteps[cell] = emissionSteps[cell]! + delta * step;
    }
  };
  const updateTransition = (prev: number, next: number, delta: number): void => {
    const cell = (prev + 1) * L + next;
    transitions[cell] = transitions[cell]! + delta;
    transitionSteps[cell] = transitionSteps[cell]! + delta * step;
  };

  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    let mistakes = 0;
    for (const s of order) {
      const gold = sentences[s]!.labels;
      const n = gold.length;
      if (n === 0) continue;
      const feats = withDroppedWords(
        features.subarray(offsets[s]! * FEATURES_PER_TOKEN, offsets[s + 1]! * FEATURES_PER_TOKEN),
        n,
        sentences[s]!.hints,
      );
      const predicted = decoder.decode(weights, n, feats, gold, margin);
      for (let t = 0; t < n; t++) {
        const g = gold[t]!;
        const p = predicted[t]!;
        const gPrev = t === 0 ? -1 : gold[t - 1]!;
        const pPrev = t === 0 ? -1 : predicted[t - 1]!;
        if (g !== p) {
          mistakes++;
          update(feats, t * FEATURES_PER_TOKEN, g, 1);
          update(feats, t * FEATURES_PER_TOKEN, p, -1);
        }
        if (g !== p || gPrev !== pPrev) {
          updateTransition(gPrev, g, 1);
          updateTransition(pPrev, p, -1);
        }
      }
      step++;
    }
    options.onEpoch?.(epoch, mistakes);
  }

  for (let c = 0; c < cells; c++) emission[c] = emission[c]! - emissionSteps[c]! / step;
  for (let c = 0; c < transitionCells; c++)
    transitions[c] = transitions[c]! - transitionSteps[c]! / step;
  return weights;
}

/**
 * The same weights with every move into O made `penalty` more expensive: perceptrons trained on
 * few names are timid, and a small push towards names trades a little precision for recall.
 */
export function penaliseOutside(weights: TaggerWeights, penalty: number): TaggerWeights {
  const transitions = weights.transitions.slice();
  for (let prev = -1; prev < L; prev++) {
    const cell = (prev + 1) * L + OUTSIDE;
    transitions[cell] = transitions[cell]! - penalty;
  }
  return { ...weights, transitions };
}
