import type { SpanTagger, TaggedSpan } from "@/src/nlp/recognize";

/** A stand-in tagger that tags the surface tokens it is told to, and records what it was given. */
export function taggerFor(
  names: Record<string, TaggedSpan["type"]>,
): SpanTagger & { seen: { tokens: string[]; hints?: (string | undefined)[] }[] } {
  const seen: { tokens: string[]; hints?: (string | undefined)[] }[] = [];
  return {
    seen,
    tag(tokens, hints) {
      seen.push({ tokens: [...tokens], ...(hints ? { hints: [...hints] } : {}) });
      const spans: TaggedSpan[] = [];
      for (const [name, type] of Object.entries(names)) {
        const words = name.split(" ");
        for (let i = 0; i + words.length <= tokens.length; i++) {
          if (words.every((w, k) => tokens[i + k] === w))
            spans.push({ start: i, end: i + words.length, type, score: 0.9 });
        }
      }
      return spans;
    },
  };
}
