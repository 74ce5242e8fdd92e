import { describe, expect, it } from "vitest";
import { recognize, taggerHints, type SpanTagger } from "@/src/nlp/recognize";
import { taggerFor } from "./fake-tagger";
import { Lexicon } from "@/src/nlp/lexicon";

const lexicon = Lexicon.build([
  { alias: "بغداد", entityId: "Q1530", type: "LOC" },
  { alias: "داعش", entityId: "Q2429253", type: "ORG" },
  { alias: "برشلونة", entityId: "Q1492", type: "LOC" },
  { alias: "القاهرة", entityId: "Q85", type: "LOC" },
  { alias: "دمشق", entityId: "Q3766", type: "LOC" },
  { alias: "الجزيرة", entityId: "Q-island", type: "LOC" },
  { alias: "الجزيرة", entityId: "Q-channel", type: "ORG" },
]);

describe("recognize() with a learned tagger", () => {
  it("adds names the lexicon and rules do not know, proclitics peeled", () => {
    const tagger = taggerFor({ وبالموصل: "LOC", أردوغان: "PER" });
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

  it("keeps a known name's span when the tagger only adds an adjective, and rules fix the tagger's boundaries", () => {
    const tagger = taggerFor({ "داعش الإرهابي": "ORG", بغداد: "LOC", العزاوي: "PER" });
    const text = "هجمات لتنظيم داعش الإرهابي عند مطار بغداد الدولي. وقال الدكتور رائد العزاوي";
    expect(recognize(text, { lexicon, tagger }).map((m) => `${m.surface}:${m.type}`)).toEqual([
      "داعش:ORG",
      "مطار بغداد الدولي:LOC",
      "رائد العزاوي:PER",
    ]);
  });

  it("takes the tagger's reading of the context over the lexicon's type, keeping a link only of that type", () => {
    const tagger = taggerFor({ برشلونة: "ORG", الجزيرة: "ORG" });
    const mentions = recognize("فاز برشلونة كما قالت الجزيرة", { lexicon, tagger });
    expect(mentions.map((m) => [m.surface, m.type, m.entityId])).toEqual([
      ["برشلونة", "ORG", undefined], // the club: the city's entity is not it
      ["الجزيرة", "ORG", "Q-channel"], // of the alias's two entities, the one of the tagger's type
    ]);
    expect(recognize("كما قالت الجزيرة", { lexicon }).map((m) => [m.type, m.entityId])).toEqual([
      ["LOC", "Q-island"],
    ]);
  });

  it("lets a tagged name overrule a shorter or longer lexicon match it disagrees with", () => {
    const tagger = taggerFor({ "دمشق القديمة": "LOC" });
    expect(recognize("في دمشق القديمة", { lexicon, tagger }).map((m) => m.surface)).toEqual([
      "دمشق القديمة",
    ]);
    // Without the tagger, the lexicon's own span stands.
    expect(recognize("في دمشق القديمة", { lexicon }).map((m) => m.surface)).toEqual(["دمشق"]);
  });

  it("keeps a known full name or a name opened by its own head noun whole, but not an epithet", () => {
    const known = Lexicon.build([
      { alias: "مطار بغداد الدولي", entityId: "Q-airport", type: "LOC" },
      { alias: "رائد العزاوي", entityId: "Q-person", type: "PER" },
      { alias: "مكة المكرمة", entityId: "Q5806", type: "LOC" },
    ]);
    const tagger = taggerFor({ بغداد: "LOC", العزاوي: "PER", مكة: "LOC" });
    expect(
      recognize("عند مطار بغداد الدولي قال رائد العزاوي في مكة المكرمة", {
        lexicon: known,
        tagger,
      }).map((m) => m.surface),
    ).toEqual(["مطار بغداد الدولي", "رائد العزاوي", "مكة"]);
  });

  it("keeps a known name when the tagger reaches left of it over a word that may hide a preposition", () => {
    const tagger = taggerFor({ "بريف دمشق": "LOC", "جامعة دمشق": "ORG" });
    expect(
      recognize("اشتباكات بريف دمشق", { lexicon, tagger }).map((m) => [m.surface, m.entityId]),
    ).toEqual([["دمشق", "Q3766"]]);
    // No preposition can hide in جامعة: the tagger's longer name stands.
    expect(
      recognize("طلاب جامعة دمشق", { lexicon, tagger }).map((m) => [m.surface, m.type]),
    ).toEqual([["جامعة دمشق", "ORG"]]);
  });

  it("keeps a known name whole when the tagger finds a name of another type inside it", () => {
    const known = Lexicon.build([
      { alias: "الدولة الإسلامية في العراق والشام", entityId: "org:isis", type: "ORG" },
    ]);
    const tagger = taggerFor({ العراق: "LOC", والشام: "LOC" });
    expect(
      recognize("مقاتلي الدولة الإسلامية في العراق والشام", { lexicon: known, tagger }).map((m) => [
        m.surface,
        m.entityId,
      ]),
    ).toEqual([["الدولة الإسلامية في العراق والشام", "org:isis"]]);
  });

  it("keeps a known name whole when the tagger covered it in pieces", () => {
    const known = Lexicon.build([
      { alias: "ريف دمشق", entityId: "region:rif-dimashq", type: "LOC" },
    ]);
    const tagger = taggerFor({ بريف: "LOC", دمشق: "LOC" });
    expect(
      recognize("قصف بريف دمشق", { lexicon: known, tagger }).map((m) => [m.surface, m.entityId]),
    ).toEqual([["ريف دمشق", "region:rif-dimashq"]]);
  });

  it("leaves a known entity of a type the tagger never learned (a disease) to the lexicon", () => {
    const known = Lexicon.build([
      { alias: "فيروس كورونا", entityId: "misc:covid-19", type: "MISC" },
    ]);
    const tagger = taggerFor({ "فيروس كورونا": "PER", كورونا: "PER" });
    expect(
      recognize("تفشي فيروس كورونا", { lexicon: known, tagger }).map((m) => [
        m.surface,
        m.type,
        m.entityId,
      ]),
    ).toEqual([["فيروس كورونا", "MISC", "misc:covid-19"]]);
  });

  it("joins one name tagged word by word, but not two known names or names joined by و", () => {
    const tagger = taggerFor({ هونج: "LOC", كونج: "LOC", والصين: "LOC" });
    expect(
      recognize("وصل إلى هونج كونج والصين", { lexicon, tagger }).map((m) => m.surface),
    ).toEqual(["هونج كونج", "الصين"]);
    expect(
      recognize("بين القاهرة دمشق", { lexicon, tagger: taggerFor({}) }).map((m) => m.surface),
    ).toEqual(["القاهرة", "دمشق"]);
    const known = Lexicon.build([{ alias: "القلمون", entityId: "place:qalamoun", type: "LOC" }]);
    expect(
      recognize("في القلمون بريف حماة", {
        lexicon: known,
        tagger: taggerFor({ "بريف حماة": "LOC" }),
      }).map((m) => m.surface),
    ).toEqual(["القلمون", "بريف حماة"]);
  });

  it("does not end a person's name on a connector", () => {
    const tagger = taggerFor({ "فاطمة بنت": "PER" });
    expect(recognize("وقالت فاطمة بنت أسد إن", { lexicon, tagger }).map((m) => m.surface)).toEqual([
      "فاطمة بنت أسد",
    ]);
    expect(recognize("وقالت فاطمة بنت", { lexicon, tagger }).map((m) => m.surface)).toEqual([
      "فاطمة بنت",
    ]);
  });

  it("computes training hints from corpus tokens exactly as recognize() hints the tagger", () => {
    const tokens = ["هجمات", "لتنظيم", "داعش", "وبالقاهرة", "،", "في", "9", "يونيو", "."];
    const tagger = taggerFor({});
    recognize(tokens.join(" "), { lexicon, tagger });
    expect(taggerHints(tokens, lexicon)).toEqual(tagger.seen[0]!.hints);
    expect(taggerHints(tokens, lexicon)).toEqual([
      undefined,
      undefined,
      "ORG",
      "LOC",
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect(taggerHints([], lexicon)).toEqual([]);
  });

  it("hints what the rules guessed, marked as a guess, where the lexicon matched nothing", () => {
    const tokens = ["وقال", "الدكتور", "رائد", "العزاوي", "إن", "داعش", "هاجم"];
    expect(taggerHints(tokens, lexicon)).toEqual([
      undefined,
      undefined,
      "~PER",
      "~PER",
      undefined,
      "ORG",
      undefined,
    ]);
    const tagger = taggerFor({});
    recognize(tokens.join(" "), { tagger });
    expect(tagger.seen[0]!.hints).toEqual([
      undefined,
      undefined,
      "~PER",
      "~PER",
      undefined,
      undefined,
      undefined,
    ]);
  });

  it("drops tagged adjectives and adverbs as places, but not a club named by an adjective", () => {
    const tagger = taggerFor({ الإرهابي: "LOC", إيرانياً: "LOC", الإسماعيلي: "ORG" });
    expect(recognize("المليشيات المسلحة المدعومة إيرانياً والتنظيم الإرهابي", { tagger })).toEqual(
      [],
    );
    expect(
      recognize("فاز الإسماعيلي بهدفين", { tagger }).map((m) => `${m.surface}:${m.type}`),
    ).toEqual(["الإسماعيلي:ORG"]);
  });

  it("still answers from the lexicon when the tagger fails", () => {
    const failing: SpanTagger = {
      tag: () => {
        throw new Error("model exploded");
      },
    };
    expect(recognize("في بغداد", { lexicon, tagger: failing }).map((m) => m.surface)).toEqual([
      "بغداد",
    ]);
  });

  it("ignores spans outside the tokens instead of failing", () => {
    const broken: SpanTagger = {
      tag: () => [
        { start: 5, end: 99, type: "PER", score: 2 },
        { start: 1, end: 0, type: "LOC", score: 1 },
      ],
    };
    expect(recognize("في بغداد", { lexicon, tagger: broken }).map((m) => m.surface)).toEqual([
      "بغداد",
    ]);
  });
});
