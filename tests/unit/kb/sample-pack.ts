// A small pack around the seed article's entities, for the knowledge-base tests.
import type { Pack } from "@/src/contracts/pack-schema";
import { SiyaqDatabase } from "@/src/kb/db";

export function samplePack(overrides: Partial<Pack> = {}): Pack {
  return {
    format: "siyaq-pack",
    formatVersion: 1,
    id: "sample",
    version: "2026.11.1",
    name: { ar: "حزمة تجريبية", en: "Sample pack" },
    description: { ar: "للاختبار", en: "For tests" },
    license: "CC0-1.0",
    attribution: "Siyaq tests",
    entities: [
      {
        id: "country:iq",
        type: "LOC",
        names: { ar: "العراق", en: "Iraq" },
        aliases: ["جمهورية العراق", "Republic of Iraq"],
        description: { ar: "دولة في غرب آسيا", en: "Country in Western Asia" },
        facts: [{ label: { ar: "العاصمة", en: "Capital" }, value: { ar: "بغداد", en: "Baghdad" } }],
        qid: "Q796",
        links: { wikipedia: { ar: "العراق", en: "Iraq" } },
      },
      {
        id: "city:baghdad",
        type: "LOC",
        names: { ar: "بغداد", en: "Baghdad" },
        aliases: [],
        description: { ar: "عاصمة العراق", en: "Capital of Iraq" },
      },
      {
        id: "country:us",
        type: "LOC",
        names: { ar: "الولايات المتحدة", en: "United States" },
        aliases: ["الولايات المتحدة الأمريكية", "الولايات المتحدة الأميركية", "أمريكا", "أميركا"],
        ambiguousAliases: ["واشنطن"],
      },
      {
        id: "org:isis",
        type: "ORG",
        names: { ar: "داعش", en: "ISIS" },
        aliases: ["تنظيم الدولة الإسلامية", "الدولة الإسلامية"],
      },
      {
        id: "per:qasim-al-araji",
        type: "PER",
        names: { ar: "قاسم الأعرجي", en: "Qasim al-Araji" },
        aliases: ["الأعرجي"],
        description: { ar: "مستشار الأمن القومي العراقي" },
        facts: [
          {
            label: { ar: "المنصب" },
            value: { ar: "مستشار الأمن القومي العراقي (2020–)" },
            asOf: "2025-10",
          },
        ],
      },
      {
        id: "org:global-coalition-against-isis",
        type: "ORG",
        names: { ar: "التحالف الدولي", en: "Global Coalition against Daesh" },
        aliases: ["التحالف الدولي ضد داعش"],
      },
    ],
    events: [
      {
        id: "event:2014-06-10-fall-of-mosul",
        date: "2014-06-10",
        title: { ar: "سقوط الموصل بيد داعش", en: "Fall of Mosul to ISIS" },
        entityIds: ["org:isis", "country:iq"],
      },
      {
        id: "event:2021-12-09-end-of-combat-mission",
        date: "2021-12-09",
        title: {
          ar: "انتهاء المهام القتالية للتحالف الدولي في العراق",
          en: "Coalition ends its combat mission in Iraq",
        },
        entityIds: ["org:global-coalition-against-isis", "country:iq", "per:qasim-al-araji"],
        place: "country:iq",
      },
      {
        id: "event:2020",
        date: "2020",
        title: { ar: "حدث في عام كامل" },
        entityIds: ["country:us"],
      },
    ],
    ...overrides,
  };
}

let counter = 0;
/** A fresh, empty database in fake-indexeddb. */
export function freshDatabase(
  upTo?: number,
  name = `siyaq-test-${Date.now()}-${counter++}`,
): SiyaqDatabase {
  return new SiyaqDatabase(name, upTo === undefined ? {} : { upTo });
}
