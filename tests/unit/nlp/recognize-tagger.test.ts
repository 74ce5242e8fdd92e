import { describe, expect, it } from "vitest";
import { recognize, type SpanTagger, type TaggedSpan } from "@/src/nlp/recognize";
import { Lexicon } from "@/src/nlp/lexicon";

/** A stand-in tagger that tags the surface tokens it is told to, and records what it was given. */
function taggerFor(names: Record<string, TaggedSpan["type"]>): SpanTagger & { seen: { tokens: string[]; hints?: (string | undefined)[] }[] } {
  const seen: { tokens: string[]; hints?: (string | undefined)[] }[] = [];
  return {
    seen,
    tag(tokens, hints) {
      seen.push({ tokens: [...tokens], ...(hints ? { hints: [...hints] } : {}) });
      const spans: TaggedSpan[] = [];
      for (const [name, type] of Object.entries(names)) {
        const words = name.split(" ");
        for (let i = 0; i + words.length <= tokens.length; i++) {
          if (words.every((w, k) => tokens[i + k] === w)) spans.push({ start: i, end: i + words.length, type, score: 0.9 });
        }
      }
      return spans;
    },
  };
}

const lexicon = Lexicon.build([
  { alias: "بغداد", entityId: "Q1530", type: "LOC" },
  { alias: "داعش", entityId: "Q2429253", type: "ORG" },
]);

describe("recognize() with a learned tagger", () => {
  it("adds names the lexicon and rules do not know, proclitics peeled", () => {
    const tagger = taggerFor({ "وبالموصل": "LOC", "أردوغان": "PER" });
    const text = "وصل أردوغان إلى بغداد وبالموصل";
    expect(recognize(text, { lexicon, tagger }).map((m) => `${m.surface}:${m.type}`)).toEqual([
      "أردوغان:PER",
      "بغداد:LOC",
      "الموصل:LOC",
    ]);
  });

  it("gives the tagger raw surface tokens and the lexicon's types as hints", () => {
    const tagger = taggerFor({});
    recognize("هجمات لتنظيم داعش في بغداد.", { lexicon, tagger });
    expect(tagger.seen[0]).toEqual({
      tokens: ["هجمات", "لتنظيم", "داعش", "في", "بغداد", "."],
      hints: [undefined, undefined, "ORG", undefined, "LOC", undefined],
    });
  });

  it("lets the lexicon win a conflict and rules fix the tagger's boundaries", () => {
    const tagger = taggerFor({ "داعش الإرهابي": "ORG", "بغداد": "LOC", "العزاوي": "PER" });
    const text = "هجمات لتنظيم داعش الإرهابي عند مطار بغداد الدولي. وقال الدكتور رائد العزاوي";
    expect(recognize(text, { lexicon, tagger }).map((m) => `${m.surface}:${m.type}`)).toEqual([
      "داعش:ORG",
      "مطار بغداد الدولي:LOC",
      "رائد العزاوي:PER",
    ]);
  });

  it("drops tagged adjectives and adverbs, which are never names on their own", () => {
    const tagger = taggerFor({ "الإرهابي": "ORG", "إيرانياً": "LOC" });
    expect(recognize("المليشيات المسلحة المدعومة إيرانياً والتنظيم الإرهابي", { tagger })).toEqual([]);
  });

  it("still answers from the lexicon when the tagger fails", () => {
    const failing: SpanTagger = {
      tag: () => {
        throw new Error("model exploded");
      },
    };
    expect(recognize("في بغداد", { lexicon, tagger: failing }).map((m) => m.surface)).toEqual(["بغداد"]);
  });

  it("ignores spans outside the tokens instead of failing", () => {
    const broken: SpanTagger = { tag: () => [{ start: 5, end: 99, type: "PER", score: 2 }, { start: 1, end: 0, type: "LOC", score: 1 }] };
    expect(recognize("في بغداد", { lexicon, tagger: broken }).map((m) => m.surface)).toEqual(["بغداد"]);
  });
});
