import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { extractPageEvents, splitSentences, type EventMention } from "@/src/events/extract";
import { SEED_DATES } from "@/tools/lib/seed-dates";
import { describeShared, fromShared, readSharedJson } from "../../shared-data";

interface GoldSpan {
  start: number;
  end: number;
  type: "PER" | "ORG" | "LOC" | "DATE";
  surface: string;
}
const gold = fromShared(
  () => readSharedJson<{ text: string; entities: GoldSpan[] }>("fixtures/seed-article.gold.json"),
  { text: "", entities: [] },
);

// Linking and date resolution are the recognizer's job; here they are what it should produce for
// the seed article published on 2021-12-10, so the test isolates event extraction.
const ids: Record<string, string> = {
  العراق: "Q796",
  "الولايات المتحدة": "Q30",
  "الولايات المتحدة الأمريكية": "Q30",
  داعش: "Q2429253",
  "التحالف الدولي": "siyaq:coalition",
  "قاسم الأعرجي": "siyaq:araji",
  الأعرجي: "siyaq:araji",
  "قاسم سليماني": "Q1353010",
  "مطار بغداد الدولي": "Q1432920",
};
const dates = SEED_DATES;
const seedMentions: EventMention[] = gold.entities.map((span) => ({
  start: span.start,
  end: span.end,
  type: span.type,
  entityId: ids[span.surface],
  date: dates[span.surface],
}));

describe("splitSentences", () => {
  it("splits on Arabic and Latin stops and line breaks, not on abbreviations or decimals", () => {
    const text = "د. رائد العزاوي قال إن النمو 3.5 بالمئة؟ نعم؛ ثم\nسطر جديد.";
    const parts = splitSentences(text).map((s) => text.slice(s.start, s.end));
    expect(parts).toEqual(["د. رائد العزاوي قال إن النمو 3.5 بالمئة؟", "نعم؛", "ثم", "سطر جديد."]);
  });

  it("returns nothing for blank text", () => {
    expect(splitSentences("  \n\n ")).toEqual([]);
  });
});

describeShared("extractPageEvents on the seed article", () => {
  const events = extractPageEvents(gold.text, seedMentions);

  it("takes the 2011 US withdrawal with the United States and Iraq", () => {
    const withdrawal = events.find((e) => e.date === "2011");
    expect(
      withdrawal?.text.startsWith("وكانت الولايات المتحدة أقدمت على سحب أغلب فرقها القتالية"),
    ).toBe(true);
    expect(withdrawal?.entityIds).toEqual(["Q30", "Q796"]);
  });

  it("takes the June 2014 fall of cities to ISIS with Iraq, ISIS and the United States", () => {
    const fall = events.find((e) => e.date === "2014-06");
    expect(fall?.text).toContain("احتلال داعش للمدن");
    expect(fall?.entityIds).toEqual(["Q796", "Q2429253", "Q30"]);
  });

  it("makes one event per dated sentence with a linked entity, in reading order", () => {
    expect(events.map((e) => e.date)).toEqual([
      "2021-12-09",
      "2021-12-09",
      "2020",
      "2011",
      "2014-06",
      "2020",
      "2020",
      "2021-12-31",
    ]);
    for (const event of events)
      expect(gold.text.replace(/\s+/g, " ")).toContain(event.text.replace(/^…|…$/g, ""));
  });

  it("keeps a long sentence to the clauses that carry its date and name, not the whole paragraph", () => {
    // The 2020 tweet sentence is 290 characters; its date («العام الماضي») and the coalition are in two clauses.
    const tweet = events.find((e) => e.text.includes("أنهينا اليوم"))!;
    expect(tweet.text.length).toBeLessThanOrEqual(240);
    expect(tweet.text).toContain("التحالف الدولي، والتي بدأناها في العام الماضي");
    expect(tweet.text.endsWith("…")).toBe(true);
    // A sentence that fits is kept whole, without ellipsis.
    expect(events.find((e) => e.date === "2011")!.text.endsWith("للقطعات الأمنية.")).toBe(true);
  });

  it("skips dated sentences whose entities are not linked", () => {
    // The July sentence names Baghdad and Washington, which this test leaves unlinked.
    expect(events.some((e) => e.date === "2021-07")).toBe(false);
  });

  it("ignores unresolved dates and malformed ISO values", () => {
    const unresolved = seedMentions.map((m) =>
      m.type === "DATE" ? { ...m, date: m.date && "2014-13" } : m,
    );
    expect(extractPageEvents(gold.text, unresolved)).toEqual([]);
  });
});

describe("extractPageEvents limits", () => {
  it("prefers the most precise date in a sentence", () => {
    const text = "في عام 2020 ثم في 3 يناير 2020 قتل سليماني.";
    const mentions: EventMention[] = [
      { start: 3, end: 11, type: "DATE", date: "2020" },
      { start: 18, end: 30, type: "DATE", date: "2020-01-03" },
      { start: 35, end: 42, type: "PER", entityId: "Q1353010" },
    ];
    expect(extractPageEvents(text, mentions)).toEqual([
      { date: "2020-01-03", text, entityIds: ["Q1353010"] },
    ]);
  });

  it("cuts long sentences at a word and caps the number of events", () => {
    const sentence = `${"كلمة ".repeat(200)}العراق عام 2011.`;
    const text = Array(5).fill(sentence).join(" ");
    const mentions: EventMention[] = [];
    for (let i = 0, at = 0; i < 5; i++, at += sentence.length + 1) {
      const iraq = at + sentence.indexOf("العراق");
      mentions.push({ start: iraq, end: iraq + 6, type: "LOC", entityId: "Q796" });
      mentions.push({ start: iraq + 7, end: iraq + 15, type: "DATE", date: "2011" });
    }
    const events = extractPageEvents(text, mentions, { maxTextLength: 100, maxEvents: 3 });
    expect(events).toHaveLength(3);
    for (const event of events) {
      expect(event.text.length).toBeLessThanOrEqual(100);
      // Cut in front, to the whole words before the name and date that carry the event.
      expect(event.text.startsWith("…كلمة ")).toBe(true);
      expect(event.text.endsWith("كلمة العراق عام 2011.")).toBe(true);
    }
  });

  it("only ever reports dates and entities that the mentions carry", () => {
    const words = ["العراق", "بغداد", "عام", "2011", ".", "\n", "؟", "داعش"];
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...words), { maxLength: 60 }),
        fc.array(
          fc.tuple(
            fc.nat(400),
            fc.nat(12),
            fc.boolean(),
            fc.constantFrom("2011", "2014-06", undefined),
          ),
          { maxLength: 20 },
        ),
        (tokens, spans) => {
          const text = tokens.join(" ");
          const mentions: EventMention[] = spans.map(([start, length, isDate, date], i) => ({
            start: Math.min(start, text.length),
            end: Math.min(start + length + 1, text.length),
            type: isDate ? "DATE" : "LOC",
            ...(isDate ? { date } : { entityId: `e${i}` }),
          }));
          const events = extractPageEvents(text, mentions);
          const knownDates = new Set(mentions.map((m) => m.date));
          const knownIds = new Set(mentions.map((m) => m.entityId));
          for (const event of events) {
            expect(knownDates.has(event.date)).toBe(true);
            expect(event.entityIds.length).toBeGreaterThan(0);
            for (const id of event.entityIds) expect(knownIds.has(id)).toBe(true);
          }
        },
      ),
    );
  });
});
