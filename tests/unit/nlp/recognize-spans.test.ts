// Span clean-up applied to every source: glued conjunctions, the preposition على, trailing roles,
// line breaks. Each case is one the shipped recognizer got wrong on a real page.
import { describe, expect, it } from "vitest";
import { recognize } from "@/src/nlp/recognize";
import { Lexicon } from "@/src/nlp/lexicon";
import { taggerFor } from "./fake-tagger";

const lexicon = Lexicon.build([{ alias: "القاهرة", entityId: "Q85", type: "LOC" }]);
const marks = (text: string, tagger = taggerFor({})) =>
  recognize(text, { lexicon, tagger }).map((m) => `${m.surface}:${m.type}`);

describe("span clean-up", () => {
  it("leaves a headline verb after a name out of it, and never makes one a name", () => {
    expect(marks("المدرب سامر يرد: لم أقصد", taggerFor({ "سامر يرد": "PER" }))).toEqual([
      "سامر:PER",
    ]);
    // After a title and a word with the article, a verb is no given name (rules alone).
    expect(
      recognize("الأمير الفلاني يلغي القرار", { lexicon }).filter((m) => m.type === "PER"),
    ).toEqual([]);
  });

  it("leaves a glued و out of a tagged name unless the name begins with it", () => {
    expect(marks("مع القذافي ومبارك في القاهرة", taggerFor({ ومبارك: "PER" }))).toEqual([
      "مبارك:PER",
      "القاهرة:LOC",
    ]);
    expect(marks("وصل وليد جنبلاط", taggerFor({ "وليد جنبلاط": "PER" }))).toEqual([
      "وليد جنبلاط:PER",
    ]);
  });

  it("never marks the preposition على, alone or at the end of a name", () => {
    expect(marks("ولم نتعود على الربيع", taggerFor({ على: "PER" }))).toEqual([]);
    expect(
      marks("الناشط خالد عبد الكريم على هامش", taggerFor({ "خالد عبد الكريم على": "PER" })),
    ).toEqual(["خالد عبد الكريم:PER"]);
    // The title rule alone (no tagger) stops there too.
    expect(
      recognize("قال الناشط خالد عبد الكريم على هامش", { lexicon }).map((m) => m.surface),
    ).toEqual(["خالد عبد الكريم"]);
  });

  it("drops a role noun written after a person's name", () => {
    expect(marks("سجل محمد صلاح لاعب ليفربول", taggerFor({ "محمد صلاح لاعب": "PER" }))).toEqual([
      "محمد صلاح:PER",
    ]);
  });

  it("never lets a name cross a line break", () => {
    expect(marks("العرب اونلاين\nAlquds", taggerFor({ "اونلاين Alquds": "PER" }))).toEqual([
      "اونلاين:PER",
    ]);
  });
});

describe("false names", () => {
  const known = Lexicon.build([
    { alias: "الرمادي", entityId: "Q-ramadi", type: "LOC" },
    { alias: "منطقة السيدة زينب", entityId: "Q-sayyida", type: "LOC" },
  ]);
  const found = (text: string, names: Parameters<typeof taggerFor>[0] = {}) =>
    recognize(text, { lexicon: known, tagger: taggerFor(names) }).map(
      (m) => `${m.surface}:${m.type}`,
    );

  it("reads a place-shaped adjective after a definite noun as the adjective (الشعر الرمادي)", () => {
    expect(found("لإخفاء الشعر الرمادي، وهو")).toEqual([]);
    expect(found("وصل إلى الرمادي أمس")).toEqual(["الرمادي:LOC", "أمس:DATE"]);
  });

  it("never makes a name of digits alone", () => {
    // A numeric date is a date (dates.ts), never a name made of its digits.
    expect(found("2025-09-28", { "09": "ORG" })).toEqual(["2025-09-28:DATE"]);
    expect(found("الرمز 09 فقط", { "09": "ORG" })).toEqual([]);
  });

  it("leaves a generic place head out of a known alias that opens with it", () => {
    expect(found("في منطقة السيدة زينب.")).toEqual(["السيدة زينب:LOC"]);
  });
});

describe("Latin script", () => {
  it("takes no tagged name written only in Latin letters; the KB's Latin names stay", () => {
    const latin = Lexicon.build([{ alias: "CNN", entityId: "Q48340", type: "ORG" }]);
    const tagger = taggerFor({ "Rights Reserved": "PER", CNN: "ORG" });
    expect(
      recognize("© 2013 CNN. All Rights Reserved.", { lexicon: latin, tagger }).map(
        (m) => `${m.surface}:${m.type}`,
      ),
    ).toEqual(["CNN:ORG"]);
  });
});

describe("known names get the same clean-up", () => {
  const kb = Lexicon.build([
    { alias: "دونالد ترامب", entityId: "Q22686", type: "PER" },
    { alias: "ترامب", entityId: "Q22686", type: "PER" },
    { alias: "السيدة فيروز", entityId: "Q-fairuz", type: "PER" },
  ]);
  const known = (text: string) =>
    recognize(text, { lexicon: kb }).map((m) => `${m.surface}:${m.entityId ?? ""}`);

  it("never matches a known name across a line break", () => {
    expect(known("دونالد\nترامب")).toEqual(["ترامب:Q22686"]);
    expect(known("شعر دونالد ترامب")).toEqual(["دونالد ترامب:Q22686"]);
  });

  it("reports a KB alias that carries a title without the title, keeping the link", () => {
    expect(known("نجل السيدة فيروز")).toEqual(["فيروز:Q-fairuz"]);
  });
});

describe("a person's name around الحاج", () => {
  it("joins two parts a tagger split at الحاج into one name", () => {
    expect(marks("قال سليم الحاج موسى إن", taggerFor({ سليم: "PER", موسى: "PER" }))).toEqual([
      "سليم الحاج موسى:PER",
    ]);
    // Not across a line break, nor parts of other types.
    expect(marks("سليم الحاج\nموسى", taggerFor({ سليم: "PER", موسى: "PER" }))).toEqual([
      "سليم:PER",
      "موسى:PER",
    ]);
    expect(marks("سليم الحاج القاهرة", taggerFor({ سليم: "PER" }))).toEqual([
      "سليم:PER",
      "القاهرة:LOC",
    ]);
  });
});
