// The tagger's label set: BIO tags over the four name types, and the walk from a label sequence
// back to entity spans.

export const SPAN_TYPES = ["PER", "ORG", "LOC", "MISC"] as const;
export type SpanType = (typeof SPAN_TYPES)[number];

/** Label index 0 is O; type t has B = 1 + 2t and I = 2 + 2t. */
export const LABEL_COUNT = 1 + 2 * SPAN_TYPES.length;
export const OUTSIDE = 0;

export const beginLabel = (type: number): number => 1 + 2 * type;
export const insideLabel = (type: number): number => 2 + 2 * type;
/** The type index of a B or I label; -1 for O. */
export const labelType = (label: number): number => (label === OUTSIDE ? -1 : (label - 1) >> 1);
export const isBegin = (label: number): boolean => label !== OUTSIDE && (label & 1) === 1;

export function labelName(label: number): string {
  if (label === OUTSIDE) return "O";
  return `${isBegin(label) ? "B" : "I"}-${SPAN_TYPES[labelType(label)]}`;
}

/**
 * Which label may follow which: row `prev + 1` (row 0 is the sentence start), column `next`.
 * An I-X only continues a B-X or I-X, so decoded spans are always well formed.
 */
export const ALLOWED_TRANSITIONS: Uint8Array = (() => {
  const allowed = new Uint8Array((LABEL_COUNT + 1) * LABEL_COUNT);
  for (let prev = -1; prev < LABEL_COUNT; prev++) {
    for (let next = 0; next < LABEL_COUNT; next++) {
      const continues = prev >= 0 && labelType(prev) === labelType(next);
      const ok = next === OUTSIDE || isBegin(next) || continues;
      allowed[(prev + 1) * LABEL_COUNT + next] = ok ? 1 : 0;
    }
  }
  return allowed;
})();

export interface TokenSpan {
  /** First token index. */
  start: number;
  /** Token index after the last one. */
  end: number;
  type: SpanType;
}

/** Spans of a well-formed label sequence (`labels[from..to)`), offsets relative to `from`. */
export function spansOfLabels(
  labels: ArrayLike<number>,
  from = 0,
  to = labels.length,
): TokenSpan[] {
  const spans: TokenSpan[] = [];
  let i = from;
  while (i < to) {
    const label = labels[i]!;
    if (label === OUTSIDE) {
      i++;
      continue;
    }
    const type = labelType(label);
    let j = i + 1;
    while (j < to && labels[j] === insideLabel(type)) j++;
    spans.push({ start: i - from, end: j - from, type: SPAN_TYPES[type]! });
    i = j;
  }
  return spans;
}

/** BIO labels for `tokenCount` tokens from gold spans; overlapping spans keep the first. */
export function labelsOfSpans(tokenCount: number, spans: readonly TokenSpan[]): Uint8Array {
  const labels = new Uint8Array(tokenCount);
  for (const span of spans) {
    const type = SPAN_TYPES.indexOf(span.type);
    if (type < 0 || span.start < 0 || span.end > tokenCount || span.start >= span.end) continue;
    let free = true;
    for (let i = span.start; i < span.end; i++) if (labels[i] !== OUTSIDE) free = false;
    if (!free) continue;
    labels[span.start] = beginLabel(type);
    for (let i = span.start + 1; i < span.end; i++) labels[i] = insideLabel(type);
  }
  return labels;
}
