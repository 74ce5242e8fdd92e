// In-document coreference: a family name alone is the person named in full on the same page,
// before or after, and takes that person's type and link.
import { describe, expect, it } from "vitest";
import { recognize } from "@/src/nlp/recognize";
import { Lexicon } from "@/src/nlp/lexicon";
import { taggerFor } from "./fake-tagger";

const lexicon = Lexicon.build([{ alias: "جبران باسيل", entityId: "Q-bassil", type: "PER" }]);
const marks = (text: string, names: Parameters<typeof taggerFor>[0]) =>
  recognize(text, { lexicon, tagger: taggerFor(names) }).map(
    (m) => `${m.surface}:${m.type}${m.entityId ? `@${m.entityId}` : ""}`,
  );

describe("coreference on a page", () => {
  it("links a family name that comes before the full name (a headline above the article)", () => {
    expect(marks("باسيل أسير العقوبات\nوقال جبران باسيل إن", {})).toEqual([
      "باسيل:PER@Q-bassil",
      "جبران باسيل:PER@Q-bassil",
    ]);
  });

  it("retypes a family name the tagger read as a place when the page names the person in full", () => {
    expect(marks("بايدن خسر زوجته\nالتقى جو بايدن", { بايدن: "LOC", "جو بايدن": "PER" })).toEqual([
      "بايدن:PER",
      "جو بايدن:PER",
    ]);
  });
});

describe("a family name alone and the KB's dominant bearer", () => {
  // Invented people: two share the family name فلانيان; the first has more names in the KB.
  const kb = Lexicon.build([
    { alias: "سمير فلانيان", entityId: "P-samir", type: "PER" },
    { alias: "سمير ك. فلانيان", entityId: "P-samir", type: "PER" },
    { alias: "وداد فلانيان", entityId: "P-widad", type: "PER" },
    { alias: "رامي دوكرتين", entityId: "P-rami", type: "PER" },
    { alias: "هالة دوكرتين", entityId: "P-hala", type: "PER" },
    { alias: "منير حمدوني", entityId: "P-munir", type: "PER" },
    { alias: "حمدوني", entityId: "L-hamduni", type: "LOC" },
    { alias: "نبيل مجاهد", entityId: "P-nabil", type: "PER" },
    { alias: "كريم الشاهد", entityId: "P-karim", type: "PER" },
    { alias: "طارق فلانيان", entityId: "P-tariq", type: "PER" },
  ]);
  const kbMarks = (text: string, names: Parameters<typeof taggerFor>[0] = {}) =>
    recognize(text, { lexicon: kb, tagger: taggerFor(names) }).map(
      (m) => `${m.surface}:${m.type}${m.entityId ? `@${m.entityId}` : ""}`,
    );

  it("reads the dominant bearer off the compiled lexicon, and off one reloaded from bytes", () => {
    for (const lexicon of [kb, Lexicon.load(kb.serialize())]) {
      const names = lexicon.familyNames();
      expect(names.get("فلانيان")).toEqual({
        entityId: "P-samir",
        givenName: false,
        otherSense: false,
      });
      expect(names.get("دوكرتين")?.entityId).toBeUndefined(); // a tie: no dominant bearer
      expect(names.get("حمدوني")?.otherSense).toBe(true);
      expect(names.get("سمير")).toBeUndefined(); // a given name is no family name
    }
  });

  it("links a bare family name nothing else marked to its dominant bearer", () => {
    expect(kbMarks("وصرح فلانيان للصحفيين")).toEqual(["فلانيان:PER@P-samir"]);
    expect(kbMarks("ولفلانيان رأي آخر")).toEqual(["فلانيان:PER@P-samir"]);
  });

  it("prefers the person the page names in full", () => {
    expect(kbMarks("قالت وداد فلانيان إن فلانيان", { "وداد فلانيان": "PER" })).toEqual([
      "وداد فلانيان:PER@P-widad",
      "فلانيان:PER@P-widad",
    ]);
  });

  it("leaves ties, everyday-word shapes and words with another sense alone", () => {
    expect(kbMarks("قال دوكرتين")).toEqual([]);
    expect(kbMarks("كان مجاهد في الشاهد")).toEqual([]);
    expect(kbMarks("مر بقرية حمدوني")).toEqual(["حمدوني:LOC@L-hamduni"]);
  });

  it("retypes a one-word name the tagger found to its dominant bearer", () => {
    expect(kbMarks("التقى مجاهد بالوفد", { مجاهد: "LOC" })).toEqual(["مجاهد:PER@P-nabil"]);
  });
});

describe("acronyms after an organisation's name", () => {
  const kb = Lexicon.build([
    { alias: "رابطة المزارعين الأحرار", entityId: "O-league", type: "ORG" },
    { alias: "وال", entityId: "O-wal", type: "ORG" },
    { alias: "بلدة تيمار", entityId: "L-timar", type: "LOC" },
  ]);
  const found = (text: string, names: Parameters<typeof taggerFor>[0] = {}) =>
    recognize(text, { lexicon: kb, tagger: taggerFor(names) }).map(
      (m) => `${m.surface}:${m.type}${m.entityId ? `@${m.entityId}` : ""}`,
    );

  it("makes the acronym and its bare repeats that name, before and after", () => {
    expect(
      found("قالت رمفا إن رابطة المزارعين الأحرار (رمفا) ستشارك، وأضافت رمفا", { رمفا: "LOC" }),
    ).toEqual([
      "رمفا:ORG@O-league",
      "رابطة المزارعين الأحرار:ORG@O-league",
      "رمفا:ORG@O-league",
      "رمفا:ORG@O-league",
    ]);
    expect(found("رابطة المزارعين الأحرار (FFL) و FFL")).toEqual([
      "رابطة المزارعين الأحرار:ORG@O-league",
      "FFL:ORG@O-league",
      "FFL:ORG@O-league",
    ]);
  });

  it("takes no caption, and no word after a place, for an acronym", () => {
    expect(found("رابطة المزارعين الأحرار (الصورة) في الصورة")).toEqual([
      "رابطة المزارعين الأحرار:ORG@O-league",
    ]);
    expect(found("بلدة تيمار (صباحا) وصلنا صباحا")).toEqual(["تيمار:LOC@L-timar"]);
  });

  it("marks no name in a word stretched with tatweel to glue onto the next (`والـ X`)", () => {
    expect(found("بين القناة والـ FFL")).toEqual([]);
  });
});
