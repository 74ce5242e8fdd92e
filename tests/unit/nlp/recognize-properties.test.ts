import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { recognize } from "@/src/nlp/recognize";
import type { Mention } from "@/src/nlp/types";
import { seed, seedLexicon, SEED_REF_DATE } from "./seed";

const lexicon = seedLexicon();

function checkInvariants(text: string, mentions: Mention[]): void {
  let previousEnd = 0;
  for (const m of mentions) {
    expect(Number.isInteger(m.start) && Number.isInteger(m.end)).toBe(true);
    expect(m.start).toBeGreaterThanOrEqual(previousEnd); // sorted and non-overlapping
    expect(m.end).toBeGreaterThan(m.start);
    expect(m.end).toBeLessThanOrEqual(text.length);
    expect(m.surface).toBe(text.slice(m.start, m.end));
    expect(m.confidence).toBeGreaterThanOrEqual(0);
    expect(m.confidence).toBeLessThanOrEqual(1);
    previousEnd = m.end;
  }
}

// Pieces of real text, Arabic letters and marks, and the troublemakers: lone surrogates,
// combining marks, zero-width and bidi controls, presentation forms, digits of three systems.
const piece = fc.oneof(
  fc.constantFrom(...seed.text.split(/(\s+)/).slice(0, 400)),
  fc.constantFrom("و", "ب", "ل", "لل", "ال", "الـ", "د.", "/", "(", ")", "،", "\n", " "),
  fc.constantFrom("\ud800", "\udfff", "\u0301", "\u064b\u0651", "\u200d", "\u200f", "\ufeff", "\ufefb", "\ufdf2", "٣١", "۲۰۱۴", "😀"),
  fc.string({ unit: "grapheme", maxLength: 6 }),
  fc.string({ unit: "binary", maxLength: 6 }),
  fc.integer({ min: 0x0600, max: 0x06ff }).map((c) => String.fromCharCode(c)),
);
const texts = fc.array(piece, { maxLength: 80 }).map((parts) => parts.join(""));

describe("recognize() on any input", () => {
  it("never throws and keeps every invariant (with lexicon and date)", () => {
    fc.assert(
      fc.property(texts, fc.option(fc.string({ maxLength: 12 })), (text, refDate) => {
        checkInvariants(text, recognize(text, { lexicon, refDate: refDate ?? SEED_REF_DATE }));
      }),
      { numRuns: 400 },
    );
  });

  it("handles arbitrary UTF-16 (lone surrogates included) without a lexicon", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 200 }), (text) => {
        checkInvariants(text, recognize(text));
      }),
      { numRuns: 300 },
    );
  });

  it("finds nothing in text without Arabic names", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(..."abcdefghij XYZ.,;:!?0123456789"), maxLength: 200 }), (text) => {
        const found = recognize(text, { lexicon }).filter((m) => m.type !== "DATE");
        expect(found).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it("copes with a megabyte of text", () => {
    let text = "";
    while (text.length < 1_000_000) text += seed.text + "\n\ud800\u0301";
    const mentions = recognize(text, { lexicon, refDate: SEED_REF_DATE });
    checkInvariants(text, mentions);
    expect(mentions.length).toBeGreaterThan(1000);
  });

  it("gives the same mentions however the text is split into lines", () => {
    const line = "وكانت الولايات المتحدة أقدمت على سحب أغلب فرقها القتالية من العراق عام 2011";
    const once = recognize(line, { lexicon }).map((m) => m.surface);
    const twice = recognize(`${line}\n${line}`, { lexicon }).map((m) => m.surface);
    expect(twice).toEqual([...once, ...once]);
  });
});
