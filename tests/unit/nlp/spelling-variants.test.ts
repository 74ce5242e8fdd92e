// Spellings the normaliser cannot fold without merging ordinary words (issue 16): medial hamza
// seats, a foreign "g", Maghrebi surnames without ال — generated as alias variants when the lexicon
// and the alias keys are built, and never where they would mark ordinary text.
import { describe, expect, it } from "vitest";
import { Lexicon, entriesFromEntities, type LexiconSource } from "@/src/nlp/lexicon";
import { recognize } from "@/src/nlp/recognize";
import { spellingVariants } from "@/src/nlp/spelling-variants";
import { aliasKey, aliasKeysOf } from "@/src/kb/alias-keys";

const entities: LexiconSource[] = [
  {
    id: "org:hts",
    type: "ORG",
    names: { ar: "هيئة تحرير الشام", en: "Hay'at Tahrir al-Sham" },
    aliases: [],
  },
  { id: "country:ao", type: "LOC", names: { ar: "أنغولا", en: "Angola" }, aliases: [] },
  {
    id: "per:antonio-guterres",
    type: "PER",
    names: { ar: "أنطونيو غوتيريش", en: "António Guterres" },
    aliases: ["غوتيريش"],
  },
  {
    id: "per:rached-ghannouchi",
    type: "PER",
    names: { ar: "راشد الغنوشي", en: "Rached Ghannouchi" },
    aliases: ["الغنوشي"],
  },
  {
    id: "per:condoleezza-rice",
    type: "PER",
    names: { ar: "كوندوليزا رايس", en: "Condoleezza Rice" },
    aliases: ["رايس"],
  },
  { id: "city:gwadar", type: "LOC", names: { ar: "جوادر", en: "Gwadar" }, aliases: [] },
  {
    id: "per:abdullah-ii",
    type: "PER",
    names: { ar: "عبد الله الثاني", en: "Abdullah II" },
    aliases: [],
  },
  { id: "country:ma", type: "LOC", names: { ar: "المغرب", en: "Morocco" }, aliases: [] },
  { id: "city:jeddah", type: "LOC", names: { ar: "جدة", en: "Jeddah" }, aliases: [] },
];
const lexicon = Lexicon.build(entriesFromEntities(entities));
const linked = (text: string) =>
  recognize(text, { lexicon })
    .filter((m) => m.entityId)
    .map((m) => [m.surface, m.entityId]);

describe("spelling variants", () => {
  it("writes medial ئ/ؤ on the other seats, a foreign g with ج/غ, and a nisba surname with and without ال", () => {
    const of = (id: string, alias: string) =>
      spellingVariants(
        alias,
        entities.find((e) => e.id === id)!,
      );
    expect(of("org:hts", "هيئة تحرير الشام")).toEqual(["هيأة تحرير الشام", "هيؤة تحرير الشام"]);
    expect(of("country:ao", "أنغولا")).toEqual(["أنجولا"]);
    expect(of("per:antonio-guterres", "أنطونيو غوتيريش")).toEqual([
      "أنطونيو جوتيريش",
      "أنطونيو قوتيريش",
    ]);
    expect(of("per:rached-ghannouchi", "راشد الغنوشي")).toEqual(["راشد غنوشي"]);
  });

  it("leaves alone what would mark ordinary words: one-word ال, compounds, regnal numbers, Arabic غ, short words", () => {
    const of = (id: string, alias: string) =>
      spellingVariants(
        alias,
        entities.find((e) => e.id === id)!,
      );
    expect(of("per:rached-ghannouchi", "الغنوشي")).toEqual([]); // الأسد would become a lion
    expect(of("per:abdullah-ii", "عبد الله الثاني")).toEqual([]);
    expect(of("country:ma", "المغرب")).toEqual([]); // Morocco has no g: not المقرب
    expect(of("city:jeddah", "جدة")).toEqual([]); // not غدة
    expect(spellingVariants("Angola", { type: "LOC", names: { en: "Angola" } })).toEqual([]);
  });

  it("the recognizer links the variant spellings in text", () => {
    expect(linked("أعلنت هيأة تحرير الشام حل نفسها")).toEqual([["هيأة تحرير الشام", "org:hts"]]);
    expect(linked("وصل إلى أنجولا أمس")).toEqual([["أنجولا", "country:ao"]]);
    expect(linked("قال أنطونيو جوتيريش إن")).toEqual([["أنطونيو جوتيريش", "per:antonio-guterres"]]);
    expect(linked("صرح راشد غنوشي للصحفيين")).toEqual([["راشد غنوشي", "per:rached-ghannouchi"]]);
  });

  it("does not mark ordinary words: رئيس is not Rice, كوادر is not Gwadar, المقرب is not Morocco", () => {
    expect(linked("قال رئيس الوزراء إن كوادر الحزب والمقرب من الحكومة")).toEqual([]);
  });

  it("search keys carry the variants, so the spelling the reader types finds the entity", () => {
    const keys = aliasKeysOf(entities[0]!);
    expect(keys).toContain(aliasKey("هيأة تحرير الشام"));
    expect(aliasKeysOf({ ...entities[3]!, type: "PER" })).toContain(aliasKey("راشد غنوشي"));
  });
});
