import { describe, expect, it } from "vitest";
import { normalizeForMatch, normalizeWord } from "@/src/nlp/normalize";
import { tokenize } from "@/src/nlp/tokenize";

describe("normalizeForMatch", () => {
  it("folds spelling variants and maps every index back to the original", () => {
    const original = "أَحْمَدُ ﻻ ١٢ مدرسةٌ ـــ";
    const { text, toOriginal } = normalizeForMatch(original);
    expect(text).toBe("احمد لا 12 مدرسه ");
    expect(toOriginal.length).toBe(text.length + 1);
    expect(toOriginal[text.length]).toBe(original.length);
    // Each kept character points at the original character it came from.
    expect(original[toOriginal[1]!]).toBe("ح");
    expect(toOriginal[5]).toBe(toOriginal[6]); // the ligature ﻻ gives two letters
  });

  it("unifies alef, ya, ta marbuta, Persian letters and digits", () => {
    expect(normalizeWord("إيران")).toBe(normalizeWord("ايران"));
    expect(normalizeWord("مصطفى")).toBe("مصطفي");
    expect(normalizeWord("ی ک ۲۰۱۴")).toBe("ي ك 2014");
    expect(normalizeWord("ٱلْقُدْس")).toBe("القدس");
    expect(normalizeWord("بغداد")).toBe("بغداد");
  });
});

describe("tokenize", () => {
  it("splits punctuation off and keeps offsets into the original text", () => {
    const text = "د. رائد العزاوي، (د ب أ) عام 2011.";
    const tokens = tokenize(text);
    expect(tokens.map((t) => t.surface)).toEqual([
      "د",
      ".",
      "رائد",
      "العزاوي",
      "،",
      "(",
      "د",
      "ب",
      "أ",
      ")",
      "عام",
      "2011",
      ".",
    ]);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.surface);
  });

  it("keeps decimals in one number token", () => {
    expect(tokenize("6.3 مليون").map((t) => t.surface)).toEqual(["6.3", "مليون"]);
  });

  it("offers proclitic-stripped readings with the stem's offset", () => {
    const [w, b, l] = tokenize("وواشنطن بالعراق للعراق");
    expect(w!.stems).toContainEqual(
      expect.objectContaining({ form: "واشنطن", offset: 1, strong: false }),
    );
    expect(b!.stems).toContainEqual(
      expect.objectContaining({ form: "العراق", offset: 1, strong: true }),
    );
    expect(l!.stems).toContainEqual(
      expect.objectContaining({ form: "العراق", offset: 1, strong: true }),
    );
  });

  it("places the stem past diacritics on the clitics", () => {
    const [t] = tokenize("فَبِالْعِرَاقِ");
    const stem = t!.stems.find((s) => s.form === "العراق")!;
    expect(t!.surface.slice(stem.offset)).toBe("الْعِرَاقِ");
  });

  it("does not offer stems for words that cannot start with a proclitic", () => {
    expect(tokenize("العراق")[0]!.stems).toEqual([]);
  });
});
