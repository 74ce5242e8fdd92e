// The starter-pack assembler (tools/starter-pack.ts) checks records against the extension's own
// pack format: an authoring file it accepts is one the extension's importer accepts too.
import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { PackEntitySchema, PackEventSchema } from "@/src/contracts/pack-schema";
import { entityShapeProblems, eventShapeProblems, isIsoDate } from "@/tools/starter-pack";

const entity = (fields: Record<string, unknown>) => ({
  id: "per:qasem-soleimani",
  type: "PER",
  names: { ar: "قاسم سليماني", en: "Qasem Soleimani" },
  aliases: ["سليماني"],
  description: { ar: "قائد عسكري إيراني", en: "Iranian military commander" },
  ...fields,
});

describe("the starter pack follows the extension's pack format", () => {
  it("flags exactly the Wikidata ids the extension refuses", () => {
    for (const qid of ["Q1", "Q193636", "Q123456789012", "Q1234567890123", "Q0", "Q012", "q42"]) {
      const formatAccepts = v.is(PackEntitySchema, entity({ qid }));
      const assemblerAccepts = entityShapeProblems(entity({ qid })).length === 0;
      expect({ qid, assemblerAccepts }).toEqual({ qid, assemblerAccepts: formatAccepts });
    }
    // Thirteen digits: the assembler used to accept it, and the extension would refuse the pack.
    expect(entityShapeProblems(entity({ qid: "Q1234567890123" }))).toEqual([
      'qid: "Q1234567890123" is not a Wikidata id',
    ]);
  });

  it("flags the ids, types and dates the extension refuses", () => {
    for (const id of ["per:x", "loc:bagdad.1", "per x", "per/x", ""]) {
      expect(entityShapeProblems(entity({ id })).length === 0).toBe(
        v.is(PackEntitySchema, entity({ id })),
      );
    }
    for (const type of ["PER", "EVENT", "DATE", "per", 3]) {
      expect(entityShapeProblems(entity({ type })).length === 0).toBe(
        v.is(PackEntitySchema, entity({ type })),
      );
    }
    for (const date of ["2020", "2020-01", "2020-01-03", "2020-02-30", "2020-13", "20-1-3"]) {
      const event = {
        id: "event:x",
        date,
        title: { ar: "مقتل قاسم سليماني", en: "Soleimani killed" },
        entityIds: ["per:qasem-soleimani"],
      };
      expect(isIsoDate(date)).toBe(v.is(PackEventSchema, event));
      expect(eventShapeProblems(event).length === 0).toBe(v.is(PackEventSchema, event));
    }
  });
});
