// The learned name tagger: an averaged structured perceptron over hashed token features, decoded
// with Viterbi over BIO labels. Pure TypeScript, so it runs in the background, Node and workers.
import { SequenceDecoder, type TaggerWeights } from "./decode";
import { FeatureExtractor } from "./features";
import { OUTSIDE, SPAN_TYPES, insideLabel, labelType, type SpanType } from "./labels";
import { decodeWeights } from "./weights-file";

export { WeightsFileError } from "./weights-file";

/** One tagged name: token indices (`end` exclusive), its type and a 0..1 confidence. */
export interface TaggedSpan {
  start: number;
  end: number;
  type: SpanType;
  score: number;
}

export interface Tagger {
  /**
   * Finds names in surface tokens (clitics attached, punctuation split off). `hints[i]`, when
   * given, is the entity type the knowledge-base lexicon matched at token i.
   */
  tag(tokens: readonly string[], hints?: readonly (string | undefined)[]): TaggedSpan[];
}

/** Sentence ends split long inputs; training saw sentences, and this bounds the buffers. */
const SENTENCE_ENDS = new Set([".", "!", "?", "؟", "…", "\n"]);
/** A run of tokens with no sentence end is cut here (a cut can split a name; it is rare). */
const MAX_SEGMENT = 200;

/** Loads a tagger from the bytes of a weights file; throws `WeightsFileError` on a bad file. */
export function loadTagger(bytes: Uint8Array): Tagger {
  return createTagger(decodeWeights(bytes));
}

/** A tagger over weights already in memory (training and evaluation use this directly). */
export function createTagger(weights: TaggerWeights): Tagger {
  // Integer weights (a loaded file) let the extractor sum each word's own features once per
  // distinct word: exact, so the labels do not change (see FeatureExtractor).
  const integer = weights.emission instanceof Float32Array ? undefined : weights.emission;
  const extractor = new FeatureExtractor(weights.bucketBits, weights.frequencies, integer);
  const decoder = new SequenceDecoder();
  const tagSegment = (
    tokens: readonly string[],
    hints: readonly (string | undefined)[] | undefined,
    from: number,
    to: number,
    spans: TaggedSpan[],
  ): void => {
    const n = to - from;
    decoder.reserve(n);
    extractor.extract(tokens, hints, from, to, decoder.features);
    const labels = decoder.decode(
      weights,
      n,
      decoder.features,
      undefined,
      0,
      integer ? extractor.wordSums : undefined,
    );
    let i = 0;
    while (i < n) {
      const label = labels[i]!;
      if (label === OUTSIDE) {
        i++;
        continue;
      }
      const type = labelType(label);
      let sum = decoder.confidence(weights, i);
      let j = i + 1;
      while (j < n && labels[j] === insideLabel(type)) sum += decoder.confidence(weights, j++);
      spans.push({ start: from + i, end: from + j, type: SPAN_TYPES[type]!, score: sum / (j - i) });
      i = j;
    }
  };
  return {
    tag(tokens, hints) {
      const spans: TaggedSpan[] = [];
      if (!Array.isArray(tokens)) return spans;
      let from = 0;
      for (let i = 0; i < tokens.length; i++) {
        const token = tokens[i];
        const isEnd = typeof token === "string" && SENTENCE_ENDS.has(token);
        if (isEnd || i + 1 - from >= MAX_SEGMENT) {
          tagSegment(tokens, hints, from, i + 1, spans);
          from = i + 1;
        }
      }
      if (from < tokens.length) tagSegment(tokens, hints, from, tokens.length, spans);
      return spans;
    },
  };
}
