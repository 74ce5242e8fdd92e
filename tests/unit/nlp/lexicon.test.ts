import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  Lexicon,
  OTHER_SENSE,
  entriesFromEntities,
  loadLexicon,
  serializeLexicon,
} from "@/src/nlp/lexicon";
import { recognize } from "@/src/nlp/recognize";
import { tokenize } from "@/src/nlp/tokenize";
import { seedEntities } from "./seed";
import { itShared } from "../../shared-data";

function matches(lexicon: Lexicon, text: string): string[] {
  const tokens = tokenize(text);
  const ids = lexicon.wordIds(tokens);
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const m = lexicon.matchAt(tokens, ids, i);
    if (!m) continue;
    out.push(`${text.slice(m.start, m.end)}|${m.candidates.map((c) => c.entityId).join(",")}`);
    i = m.endToken - 1;
  }
  return out;
}

describe("entriesFromEntities", () => {
  it("takes every name and alias once per entity", () => {
    const entries = entriesFromEntities([
      {
        id: "Q30",
        type: "LOC",
        names: { ar: "الولايات المتحدة", en: "United States" },
        aliases: ["الولايات المتحدة", "أمريكا", "امريكا"],
      },
    ]);
    expect(entries.map((e) => e.alias)).toEqual(["الولايات المتحدة", "United States", "أمريكا"]);
  });

  it("gives an ambiguous alias a second, unnamed sense, so it is never linked on its own", () => {
    const entries = entriesFromEntities([
      {
        id: "org:fis",
        type: "ORG",
        names: { ar: "الجبهة الإسلامية للإنقاذ" },
        aliases: ["FIS"],
        ambiguousAliases: ["جبهة الانقاذ"],
      },
    ]);
    const built = Lexicon.build(entries);
    expect(built.lookup("جبهة الإنقاذ").map((c) => c.entityId)).toEqual(["org:fis", OTHER_SENSE]);
    expect(built.lookup("FIS").map((c) => c.entityId)).toEqual(["org:fis"]);
    const text = "قالت جبهة الإنقاذ إن الجبهة الإسلامية للإنقاذ";
    expect(recognize(text, { lexicon: built }).map((m) => [m.surface, m.type, m.entityId])).toEqual(
      [
        ["جبهة الإنقاذ", "ORG", undefined],
        ["الجبهة الإسلامية للإنقاذ", "ORG", "org:fis"],
      ],
    );
  });
});

describe("Lexicon", () => {
  const lexicon = Lexicon.build([
    { alias: "الولايات المتحدة", entityId: "Q30", type: "LOC" },
    { alias: "الولايات المتحدة الأمريكية", entityId: "Q30", type: "LOC" },
    { alias: "واشنطن", entityId: "Q61", type: "LOC" },
    { alias: "واشنطن", entityId: "Q30-gov", type: "ORG" },
    { alias: "عمان", entityId: "Q3805", type: "LOC" },
    { alias: "عمان", entityId: "Q842", type: "LOC" },
  ]);

  it("matches the longest alias, spelling variants folded", () => {
    expect(matches(lexicon, "أنهت الولايات المتحدة الامريكية مهمتها")).toEqual([
      "الولايات المتحدة الامريكية|Q30",
    ]);
  });

  it("keeps every candidate of an ambiguous alias", () => {
    expect(matches(lexicon, "في عمان")).toEqual(["عمان|Q3805,Q842"]);
    expect(
      lexicon
        .lookup("واشنطن")
        .map((c) => c.type)
        .sort(),
    ).toEqual(["LOC", "ORG"]);
  });

  it("keeps each entity once when many share an alias, duplicates listed anywhere", () => {
    const entries = Array.from({ length: 40 }, (_, i) => ({
      alias: "محمد",
      entityId: `p:${i}`,
      type: "PER" as const,
    }));
    const built = Lexicon.build([
      ...entries,
      ...entries.slice(0, 20),
      { alias: "محمد", entityId: "p:3", type: "PER" },
    ]);
    expect(built.lookup("محمد").map((c) => c.entityId)).toEqual(entries.map((e) => e.entityId));
    expect(built.size).toBe(40);
  });

  it("serialises and reloads to the same matcher", () => {
    const reloaded = loadLexicon(serializeLexicon(lexicon));
    const text = "بين بغداد وواشنطن والولايات المتحدة وعمان";
    expect(reloaded.size).toBe(lexicon.size);
    expect(matches(reloaded, text)).toEqual(matches(lexicon, text));
  });

  it("reloads from a Node Buffer at an odd offset (a file read, a view into a larger buffer)", () => {
    const text = "بين بغداد وواشنطن والولايات المتحدة وعمان";
    const bytes = serializeLexicon(lexicon);
    const view = Buffer.concat([Buffer.alloc(3), Buffer.from(bytes)]).subarray(3);
    expect(matches(loadLexicon(view), text)).toEqual(matches(lexicon, text));
  });

  it("refuses bytes that are not a lexicon with a clear error", () => {
    expect(() => loadLexicon(new Uint8Array([1, 2, 3, 4, 5, 6]))).toThrow(
      /not a serialised Siyaq lexicon/,
    );
    const bytes = serializeLexicon(lexicon);
    expect(() => loadLexicon(bytes.subarray(0, bytes.length >> 1))).toThrow(
      /not a serialised Siyaq lexicon/,
    );
  });

  it("skips entries that cannot match instead of failing the whole build", () => {
    const built = Lexicon.build([
      { alias: "", entityId: "x", type: "LOC" },
      { alias: "ـــ", entityId: "y", type: "LOC" },
      { alias: "بغداد", entityId: "Q1530", type: "LOC" },
      { alias: "بغداد", entityId: "Q1530", type: "NOPE" as never },
    ]);
    expect(built.size).toBe(1);
    expect(matches(built, "في بغداد")).toEqual(["بغداد|Q1530"]);
  });

  itShared("builds from the seed entities and finds all of them in the article", () => {
    const built = Lexicon.build(entriesFromEntities(seedEntities()));
    for (const e of seedEntities())
      expect(built.lookup(e.names.ar).map((c) => c.entityId)).toContain(e.id);
  });
});

describe("Lexicon on generated aliases", () => {
  const letter = fc.constantFrom(..."ابتثجحخدذرزسشصضطظعغفقكلمنهويةىأإآ");
  const word = fc.string({ unit: letter, minLength: 2, maxLength: 8 });
  const alias = fc.array(word, { minLength: 1, maxLength: 3 }).map((words) => words.join(" "));

  it("finds every alias it compiled, with its entity, in text that is exactly the alias", () => {
    fc.assert(
      fc.property(fc.uniqueArray(alias, { minLength: 1, maxLength: 60 }), (aliases) => {
        const lexicon = Lexicon.build(
          aliases.map((a, i) => ({ alias: a, entityId: `e${i}`, type: "LOC" as const })),
        );
        const reloaded = loadLexicon(serializeLexicon(lexicon));
        aliases.forEach((a, i) => {
          for (const lex of [lexicon, reloaded]) {
            const tokens = tokenize(a);
            const m = lex.matchAt(tokens, lex.wordIds(tokens), 0);
            expect(m?.endToken).toBe(tokens.length);
            expect(m?.candidates.map((c) => c.entityId)).toContain(`e${i}`);
          }
        });
      }),
      { numRuns: 60 },
    );
  });
});
