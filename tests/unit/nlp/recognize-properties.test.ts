import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { recognize } from "@/src/nlp/recognize";
import type { Mention } from "@/src/nlp/types";
import { seed, seedLexicon, SEED_REF_DATE } from "./seed";
import { itShared } from "../../shared-data";

const lexicon = seedLexicon();

/** The first broken invariant, or undefined: plain checks, so a 1 MB text stays quick. */
function brokenInvariant(text: string, mentions: readonly Mention[]): string | undefined {
  let previousEnd = 0;
  for (const m of mentions) {
    if (!Number.isInteger(m.start) || !Number.isInteger(m.end))
      return `non-integer offsets ${m.start}-${m.end}`;
    if (m.start < previousEnd) return `unsorted or overlapping at ${m.start}`;
    if (m.end <= m.start || m.end > text.length) return `out of bounds ${m.start}-${m.end}`;
    if (m.surface !== text.slice(m.start, m.end)) return `surface differs at ${m.start}`;
    if (!(m.confidence >= 0 && m.confidence <= 1)) return `confidence ${m.confidence}`;
    previousEnd = m.end;
  }
  return undefined;
}

function checkInvariants(text: string, mentions: readonly Mention[]): void {
  expect(brokenInvariant(text, mentions)).toBeUndefined();
}

// Pieces of real text, Arabic letters and marks, and the troublemakers: lone surrogates,
// combining marks, zero-width and bidi controls, presentation forms, digits of three systems.
const piece = fc.oneof(
  fc.constantFrom(...seed.text.split(/(\s+)/).slice(0, 400)),
  fc.constantFrom("و", "ب", "ل", "لل", "ال", "الـ", "د.", "/", "(", ")", "،", "\n", " "),
  fc.constantFrom(
    "\ud800",
    "\udfff",
    "\u0301",
    "\u064b\u0651",
    "\u200d",
    "\u200f",
    "\ufeff",
    "\ufefb",
    "\ufdf2",
    "٣١",
    "۲۰۱۴",
    "😀",
  ),
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
      fc.property(
        fc.string({ unit: fc.constantFrom(..."abcdefghij XYZ.,;:!?0123456789"), maxLength: 200 }),
        (text) => {
          const found = recognize(text, { lexicon }).filter((m) => m.type !== "DATE");
          expect(found).toEqual([]);
        },
      ),
      { numRuns: 100 },
    );
  });

  itShared(
    "copes with a megabyte of text",
    () => {
      let text = "";
      while (text.length < 1_000_000) text += seed.text + "\n\ud800\u0301";
      const mentions = recognize(text, { lexicon, refDate: SEED_REF_DATE });
      checkInvariants(text, mentions);
      expect(mentions.length).toBeGreaterThan(1000);
    },
    120_000,
  );

  itShared(
    "finds the same names with soft hyphens, joiners or tatweel inside them (issue 14)",
    () => {
      const text = seed.text.slice(0, 3000);
      const plain = recognize(text, { lexicon, refDate: SEED_REF_DATE }).filter((m) => m.entityId);
      expect(plain.length).toBeGreaterThan(5);
      // A soft hyphen inside a known name: it used to split the word and lose the name.
      const soleimani = "قاسم سلي\u00adماني";
      expect(recognize(`مقتل ${soleimani} في بغداد`, { lexicon }).map((m) => m.surface)).toContain(
        soleimani,
      );
      fc.assert(
        fc.property(
          fc.array(
            fc.tuple(
              fc.nat(),
              fc.nat(),
              fc.constantFrom("\u00ad", "\u200c", "\u200d", "\u0640", "\u00ad\u00ad"),
            ),
            { minLength: 1, maxLength: 6 },
          ),
          (insertions) => {
            // Inside a name, between two of its letters (never at its edges).
            const at = insertions
              .map(([which, offset, mark]) => {
                const m = plain[which % plain.length]!;
                return { index: m.start + 1 + (offset % Math.max(1, m.end - m.start - 1)), mark };
              })
              .filter(({ index }) => /\p{L}/u.test(text[index - 1]!) && /\p{L}/u.test(text[index]!))
              .sort((a, b) => b.index - a.index);
            let changed = text;
            for (const { index, mark } of at)
              changed = changed.slice(0, index) + mark + changed.slice(index);
            const found = recognize(changed, { lexicon, refDate: SEED_REF_DATE });
            checkInvariants(changed, found);
            expect(found.filter((m) => m.entityId).map((m) => m.entityId)).toEqual(
              plain.map((m) => m.entityId),
            );
          },
        ),
        { numRuns: 150 },
      );
    },
  );

  it("gives the same mentions however the text is split into lines", () => {
    const line = "وكانت الولايات المتحدة أقدمت على سحب أغلب فرقها القتالية من العراق عام 2011";
    const once = recognize(line, { lexicon }).map((m) => m.surface);
    const twice = recognize(`${line}\n${line}`, { lexicon }).map((m) => m.surface);
    expect(twice).toEqual([...once, ...once]);
  });
});
