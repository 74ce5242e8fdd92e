// Reads the NER corpora's JSON lines (`{"text","entities":[{start,end,type}]}`, text = tokens
// joined by single spaces) into token sequences with gold spans, and scores predicted spans
// against gold with entity-level precision, recall and F1.
import { SPAN_TYPES, labelsOfSpans, type SpanType, type TokenSpan } from "./labels";
import type { TrainingSentence } from "./training";
import { errorText } from "@/src/shared/error-text";

export interface CorpusSentence {
  tokens: string[];
  spans: TokenSpan[];
}

/**
 * Parses corpus lines; a malformed line is reported through `onError` and skipped, so one bad
 * line never loses the rest. Character offsets are widened to whole tokens.
 */
export function parseCorpus(
  jsonl: string,
  onError?: (line: number, message: string) => void,
): CorpusSentence[] {
  const sentences: CorpusSentence[] = [];
  jsonl.split("\n").forEach((line, index) => {
    if (line.trim() === "") return;
    try {
      sentences.push(parseCorpusLine(line));
    } catch (error) {
      onError?.(index + 1, errorText(error));
    }
  });
  return sentences;
}

export function parseCorpusLine(line: string): CorpusSentence {
  const record = JSON.parse(line) as unknown;
  if (typeof record !== "object" || record === null) throw new Error("not a JSON object");
  const { text, entities } = record as { text?: unknown; entities?: unknown };
  if (typeof text !== "string") throw new Error('"text" must be a string');
  if (!Array.isArray(entities)) throw new Error('"entities" must be an array');
  const tokens = text.split(" ");
  const tokenStarts: number[] = [];
  let offset = 0;
  for (const token of tokens) {
    tokenStarts.push(offset);
    offset += token.length + 1;
  }
  const tokenAt = (char: number): number => {
    let lo = 0;
    let hi = tokenStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (tokenStarts[mid]! <= char) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const spans: TokenSpan[] = [];
  for (const entity of entities as unknown[]) {
    const { start, end, type } = (entity ?? {}) as {
      start?: unknown;
      end?: unknown;
      type?: unknown;
    };
    if (
      typeof start !== "number" ||
      typeof end !== "number" ||
      !(start >= 0 && end > start && end <= text.length)
    ) {
      throw new Error(`entity offsets out of range: ${JSON.stringify(entity)}`);
    }
    if (!SPAN_TYPES.includes(type as SpanType))
      throw new Error(`unknown entity type ${JSON.stringify(type)}`);
    spans.push({ start: tokenAt(start), end: tokenAt(end - 1) + 1, type: type as SpanType });
  }
  return { tokens, spans };
}

export function toTrainingSentence(sentence: CorpusSentence): TrainingSentence {
  return { tokens: sentence.tokens, labels: labelsOfSpans(sentence.tokens.length, sentence.spans) };
}

export interface SpanCounts {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
}

export interface SpanScore extends SpanCounts {
  precision: number;
  recall: number;
  f1: number;
}

/** Exact-match span counts per type, accumulated sentence by sentence. */
export class SpanScorer {
  private readonly counts = new Map<SpanType, SpanCounts>(
    SPAN_TYPES.map((type) => [type, { truePositives: 0, falsePositives: 0, falseNegatives: 0 }]),
  );

  add(gold: readonly TokenSpan[], predicted: readonly TokenSpan[]): void {
    const key = (s: TokenSpan): string => `${s.start}:${s.end}:${s.type}`;
    const goldKeys = new Set(gold.map(key));
    const predictedKeys = new Set(predicted.map(key));
    for (const span of predicted) {
      const c = this.counts.get(span.type)!;
      if (goldKeys.has(key(span))) c.truePositives++;
      else c.falsePositives++;
    }
    for (const span of gold)
      if (!predictedKeys.has(key(span))) this.counts.get(span.type)!.falseNegatives++;
  }

  /** Adds another scorer's counts (pooling folds). */
  addAll(other: SpanScorer): this {
    for (const [type, c] of other.counts) {
      const mine = this.counts.get(type)!;
      mine.truePositives += c.truePositives;
      mine.falsePositives += c.falsePositives;
      mine.falseNegatives += c.falseNegatives;
    }
    return this;
  }

  /** Micro-averaged score over `types` (all four by default). */
  score(types: readonly SpanType[] = SPAN_TYPES): SpanScore {
    const total: SpanCounts = { truePositives: 0, falsePositives: 0, falseNegatives: 0 };
    for (const type of types) {
      const c = this.counts.get(type)!;
      total.truePositives += c.truePositives;
      total.falsePositives += c.falsePositives;
      total.falseNegatives += c.falseNegatives;
    }
    const { truePositives: tp, falsePositives: fp, falseNegatives: fn } = total;
    const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
    const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return { ...total, precision, recall, f1 };
  }
}
