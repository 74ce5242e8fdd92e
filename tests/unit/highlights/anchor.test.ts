import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { anchorPassage, preparePageText } from "@/src/highlights/anchor";
import { describePassage, SelectionError } from "@/src/highlights/selectors";
import { foldForMatch } from "@/src/highlights/match-normalize";
import { describeShared, fromShared, readShared } from "../../shared-data";

const seed = fromShared(() => readShared("fixtures/seed-article.txt"), "");

function passage(text: string, quote: string, occurrence = 0) {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = text.indexOf(quote, start + 1);
  if (start < 0) throw new Error(`fixture lost: ${quote}`);
  return {
    start,
    end: start + quote.length,
    selectors: describePassage(text, start, start + quote.length),
  };
}

describeShared("describePassage", () => {
  it("keeps the exact quote with up to 32 chars of context and its position", () => {
    const quote = "التحالف الدولي أبلغه بعدم وجود وحدات قتالية";
    const { start, end, selectors } = passage(seed, quote);
    const [q, p] = selectors;
    expect(q.exact).toBe(quote);
    expect(q.prefix).toBe(seed.slice(start - 32, start));
    expect(q.suffix).toBe(seed.slice(end, end + 32));
    expect(p).toEqual({ type: "TextPositionSelector", start, end });
  });

  it("refuses empty, whitespace-only or out-of-range passages", () => {
    expect(() => describePassage("نص", 1, 1)).toThrow(SelectionError);
    expect(() => describePassage("  نص", 0, 2)).toThrow(/whitespace/);
    expect(() => describePassage("نص", 0, 9)).toThrow(/outside/);
  });
});

describe("foldForMatch", () => {
  it("folds spelling variants and whitespace runs, mapping every folded char back", () => {
    const original = "أنهتْ \n\t الولاياتُ 🙂 المتحدة";
    const { text, origin } = foldForMatch(original);
    expect(text).toBe("انهت الولايات 🙂 المتحده");
    expect(origin).toHaveLength(text.length + 1);
    expect(origin[text.length]).toBe(original.length);
    for (let i = 0; i < text.length; i++) {
      const from = original[origin[i]!]!;
      if (text[i] === " ") expect(from).toMatch(/\s/);
      else if (/[\uD800-\uDFFF]/.test(from))
        expect(text[i]).toBe(from); // each half of the emoji
      else expect(foldForMatch(from).text).toBe(text[i]);
    }
  });
});

describeShared("anchorPassage", () => {
  const quote = "أنهت الولايات المتحدة الأمريكية، مهمتها القتالية في العراق";

  it("finds the quote exactly where it was saved", () => {
    const { start, end, selectors } = passage(seed, quote);
    expect(anchorPassage(seed, ...selectors)).toMatchObject({ start, end, method: "exact" });
  });

  it("follows the quote when text is inserted before it", () => {
    const { selectors } = passage(seed, quote);
    const changed = "فقرة جديدة أضيفت في أعلى الصفحة بعد النشر.\n\n" + seed;
    const anchor = anchorPassage(changed, ...selectors);
    expect(anchor?.method).toBe("exact");
    expect(changed.slice(anchor!.start, anchor!.end)).toBe(quote);
  });

  it("ignores diacritics, alef forms and whitespace differences", () => {
    const { selectors } = passage(seed, quote);
    const changed = seed.replace(
      quote,
      "أنهتْ  الولاياتُ المتحدة\nالامريكية، مهمّتها القتالية في العراق",
    );
    const anchor = anchorPassage(changed, ...selectors);
    expect(anchor?.method).toBe("exact");
    expect(changed.slice(anchor!.start, anchor!.end)).toBe(
      "أنهتْ  الولاياتُ المتحدة\nالامريكية، مهمّتها القتالية في العراق",
    );
  });

  it("finds a lightly edited quote by approximate match", () => {
    const { selectors } = passage(seed, quote);
    const edited = "أنهت الولايات المتحدة مهمتها القتالية في العراق";
    const changed = seed.replace(quote, edited);
    const anchor = anchorPassage(changed, ...selectors);
    expect(anchor?.method).toBe("fuzzy");
    expect(anchor!.score).toBeGreaterThan(0.7);
    expect(changed.slice(anchor!.start, anchor!.end)).toBe(edited);
  });

  it("tells repeated quotes apart by their context", () => {
    const word = "العراق";
    const count = seed.split(word).length - 1;
    expect(count).toBeGreaterThan(2);
    for (let occurrence = 0; occurrence < count; occurrence++) {
      const { start, selectors } = passage(seed, word, occurrence);
      // Without the position hint, context alone must decide.
      expect(anchorPassage(seed, selectors[0])?.start).toBe(start);
    }
  });

  it("finds an edited short quote in its place even when the original wording occurs elsewhere", () => {
    const word = "الولايات المتحدة";
    const { start, selectors } = passage(seed, word, 1);
    const changed = seed.slice(0, start) + "الولايات المتحد" + seed.slice(start + word.length);
    expect(changed.split(word).length - 1).toBeGreaterThan(1); // exact copies remain, in other places
    const anchor = anchorPassage(changed, ...selectors);
    expect(anchor).toMatchObject({ start, method: "fuzzy" });
  });

  it("does not take unrelated text of a similar shape for a short quote", () => {
    // A passage saved on another article: the seed has "مجلس النواب العراقي", never this.
    const other = "وقال رئيس مجلس النواب اللبناني نبيه بري في تصريح صحفي أمس";
    const from = other.indexOf("مجلس النواب اللبناني");
    const selectors = describePassage(other, from, from + "مجلس النواب اللبناني".length);
    expect(anchorPassage(seed, ...selectors)).toBeNull();
  });

  it("orphans a quote whose text is gone", () => {
    const { selectors } = passage(seed, quote);
    const without = seed.replace(quote, "");
    expect(
      anchorPassage(without.replaceAll("الولايات المتحدة", "واشنطن"), ...selectors),
    ).toBeNull();
    expect(anchorPassage("", ...selectors)).toBeNull();
  });

  it("re-anchors any passage of a text exactly where it was saved", () => {
    const page = preparePageText(seed);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: seed.length - 2 }),
        fc.integer({ min: 4, max: 120 }),
        (start, length) => {
          const end = Math.min(seed.length, start + length);
          const exact = seed.slice(start, end);
          fc.pre(exact.trim().length > 3 && exact.trim() === exact);
          const anchor = anchorPassage(page, ...describePassage(seed, start, end));
          expect(anchor).not.toBeNull();
          expect(anchor!.method).toBe("exact");
          // A passage cut before a letter's diacritic comes back with the mark: same folded text.
          expect(foldForMatch(seed.slice(anchor!.start, anchor!.end)).text).toBe(
            foldForMatch(exact).text.trim(),
          );
          // Only a passage that repeats elsewhere may land on its twin.
          // (a leading tatweel or mark that folding drops may be left out).
          if (seed.indexOf(exact) === seed.lastIndexOf(exact)) {
            expect(anchor!.start).toBeGreaterThanOrEqual(start);
            expect(foldForMatch(seed.slice(start, anchor!.start)).text.trim()).toBe("");
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
