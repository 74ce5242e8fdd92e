// Organisations named by a head noun and its genitive/adjective chain, kept whole with or without
// a tagger; a place inside stays part of the organisation. Rules only (an empty lexicon), so the
// head-noun tables, not the knowledge base, must find them.
import { describe, expect, it } from "vitest";
import { recognize } from "@/src/nlp/recognize";
import { Lexicon } from "@/src/nlp/lexicon";
import { taggerFor } from "./fake-tagger";

const lexicon = Lexicon.build([
  { alias: "السويس", entityId: "Q-suez", type: "LOC" },
  { alias: "الإسكندرية", entityId: "Q87", type: "LOC" },
  { alias: "الصباح", entityId: "Q-morning", type: "MISC" },
]);
const orgs = (text: string) => {
  const out: string[][] = [];
  for (const tagger of [undefined, taggerFor({ السويس: "LOC", الإسكندرية: "LOC" })]) {
    out.push(
      recognize(text, { lexicon, ...(tagger ? { tagger } : {}) }).map(
        (m) => `${m.surface}:${m.type}`,
      ),
    );
  }
  expect(out[1]).toEqual(out[0]); // the same with the tagger
  return out[0]!;
};

describe("organisation phrases", () => {
  it.each([
    ["وقالت وزارة الصحة إن", "وزارة الصحة"],
    ["أعلنت وزارة الخارجية المصرية أمس", "وزارة الخارجية المصرية"],
    ["قرار وزارة التعليم العالي والبحث العلمي", "وزارة التعليم العالي والبحث العلمي"],
    ["أعلنت وزارة الصحة والسكان المصرية", "وزارة الصحة والسكان المصرية"],
    ["وقال المجلس الأعلى للقوات المسلحة", "المجلس الأعلى للقوات المسلحة"],
    ["طالب في كلية الآداب بجامعة الإسكندرية", "كلية الآداب بجامعة الإسكندرية"],
    ["وقالت السفارة الفرنسية في بيان", "السفارة الفرنسية"],
    ["أعلنت هيئة قناة السويس", "هيئة قناة السويس"],
  ])("%s → %s", (text, name) => {
    expect(orgs(text)).toContain(`${name}:ORG`);
    expect(orgs(text).filter((m) => !m.endsWith(":DATE"))).toHaveLength(1); // the place inside is not painted again
  });

  it("an outlet after صحيفة/جريدة is an organisation, even when its name is an everyday word", () => {
    expect(orgs("ذكرت صحيفة اليوم أن")).toEqual(["اليوم:ORG"]);
    // Known to the KB only as something else: the head says it is the newspaper, page-wide.
    expect(orgs("قال لـ«الصباح» إن … جريدة الصباح بتاريخ")).toEqual(["الصباح:ORG", "الصباح:ORG"]);
  });

  it("a bare verbal noun after a generic head is no name with a tagger (تنظيم انتخابات)", () => {
    const tagger = taggerFor({});
    expect(recognize("تشرف على تنظيم انتخابات حرة", { lexicon, tagger })).toEqual([]);
  });
});

describe("the outlet a source spoke to: لـ«…»", () => {
  const outletLexicon = Lexicon.build([
    { alias: "النهار الجديد", entityId: "Q-place", type: "LOC" },
    { alias: "صدى الوادي", entityId: "Q-paper", type: "ORG" },
  ]);
  const found = (text: string, tagger = taggerFor({})) =>
    recognize(text, { lexicon: outletLexicon, tagger }).map(
      (m) => `${m.surface}:${m.type}${m.entityId ? `@${m.entityId}` : ""}`,
    );

  it.each([
    ["المدرب سامر لـ«الميدان»: لم نخسر", ["الميدان:ORG"]],
    ['وقال مصدر لـ"النهار الجديد" إن الاتفاق قريب', ["النهار الجديد:ORG"]],
    ["وأكد لـ«صدى الوادي» أن", ["صدى الوادي:ORG@Q-paper"]],
  ])("%s", (text, expected) => {
    expect(found(text)).toEqual(expected);
    expect(found(text, taggerFor({ الميدان: "LOC", النهار: "PER" }))).toEqual(expected);
  });

  it("needs a word of speaking or a colon, and more than a particle inside the quotes", () => {
    expect(found("دعا لـ«الحوار» في المنطقة")).toEqual([]);
    expect(found("قال لـ«هذا» السبب")).toEqual([]);
  });
});
