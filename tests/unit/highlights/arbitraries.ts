// Highlights for property tests and hand-written cases: text full of what breaks exporters —
// Arabic, bidi marks, newlines, quotes, separators, formula signs, markup and lone surrogates.
import fc from "fast-check";
import { ENTITY_TYPES } from "@/src/nlp/types";
import { cleanTags, linkedEntityIds, type Highlight } from "@/src/contracts/highlight";

const HOSTILE = [
  "قاسم الأعرجي",
  "التحالف الدولي",
  "ـ",
  "ً",
  "١٢",
  " ",
  "\u00A0",
  "\n",
  "\r\n",
  "\r",
  "\t",
  "\u200F",
  "\u200E",
  "\u061C",
  "\u202B",
  "\u202E",
  "\u2067",
  "\u2069",
  "\u200D",
  "\uFEFF",
  '"',
  "'",
  ",",
  ";",
  "؛",
  "=",
  "+",
  "-",
  "@",
  "＝",
  "＋",
  "－",
  "＠",
  "<",
  ">",
  "[",
  "]",
  "(",
  ")",
  "`",
  "*",
  "_",
  "\\",
  "#",
  "|",
  "ER  - ",
  "TY  - ",
  "javascript:",
  "😀",
  "\uD800",
  "a",
  "Z",
];

/** Strings made of hostile pieces and arbitrary code units. */
export const hostileText = fc
  .array(fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ unit: "binary", maxLength: 4 })), {
    maxLength: 12,
  })
  .map((parts) => parts.join(""));

const nonEmpty = hostileText.filter((text) => text.length > 0);
const tag = hostileText
  .map((text) => text.trim())
  .filter((text) => text.length > 0 && text.length <= 100);
const isoInstant = fc
  .date({ min: new Date("1990-01-01"), max: new Date("2090-01-01"), noInvalidDate: true })
  .map((d) => d.toISOString());
const isoDay = isoInstant.map((iso) => iso.slice(0, 10));
const httpUrl = fc
  .webUrl({ validSchemes: ["http", "https"], withQueryParameters: true })
  .filter((url) => url.length <= 8192);

export const highlightArbitrary: fc.Arbitrary<Highlight> = fc
  .record({
    id: fc.oneof(fc.uuid(), fc.string({ minLength: 1, maxLength: 40 })),
    url: httpUrl,
    source: httpUrl,
    exact: nonEmpty,
    prefix: hostileText,
    suffix: hostileText,
    start: fc.nat({ max: 100_000 }),
    length: fc.integer({ min: 1, max: 5000 }),
    note: hostileText,
    tags: fc.array(tag, { maxLength: 5 }),
    entities: fc.array(
      fc.record(
        {
          surface: hostileText,
          type: fc.constantFrom(...ENTITY_TYPES),
          entityId: fc.constantFrom("Q796", "Q1", "per:qasim-al-araji"),
        },
        { requiredKeys: ["surface", "type"] },
      ),
      { maxLength: 4 },
    ),
    citation: fc.record(
      {
        title: hostileText,
        url: httpUrl,
        accessedAt: isoInstant,
        outlet: hostileText,
        author: hostileText,
        publishedAt: fc.oneof(isoDay, isoInstant),
      },
      { requiredKeys: ["title", "url", "accessedAt"] },
    ),
    createdAt: fc.integer({ min: 0, max: 4_000_000_000_000 }),
    updatedAt: fc.integer({ min: 0, max: 4_000_000_000_000 }),
    orphaned: fc.boolean(),
  })
  .map(
    (r) =>
      ({
        id: r.id,
        url: r.url,
        target: {
          source: r.source,
          selector: [
            {
              type: "TextQuoteSelector" as const,
              exact: r.exact,
              prefix: r.prefix,
              suffix: r.suffix,
            },
            { type: "TextPositionSelector" as const, start: r.start, end: r.start + r.length },
          ],
        },
        note: r.note,
        tags: cleanTags(r.tags),
        entities: r.entities,
        entityIds: linkedEntityIds(r.entities),
        citation: r.citation,
        createdAt: r.createdAt,
        updatedAt: Math.max(r.createdAt, r.updatedAt),
        orphaned: r.orphaned,
      }) as Highlight,
  );

/** A real-looking highlight from the seed article's vocabulary, for hand-written cases. */
export function sampleHighlight(overrides: Partial<Highlight> = {}): Highlight {
  const exact = "وأعلن مستشار الأمن القومي العراقي قاسم الأعرجي";
  return {
    id: "0b7e2f1c-3a4d-4e5f-8a9b-0c1d2e3f4a5b",
    url: "https://example.org/news/iraq-coalition",
    target: {
      source: "https://example.org/news/iraq-coalition",
      selector: [
        { type: "TextQuoteSelector", exact, prefix: "", suffix: "" },
        { type: "TextPositionSelector", start: 10, end: 10 + exact.length },
      ],
    },
    note: "أول تصريح رسمي",
    tags: ["انسحاب", "أمن"],
    entities: [
      { surface: "قاسم الأعرجي", type: "PER", entityId: "per:qasim-al-araji" },
      { surface: "العراقي", type: "LOC" },
    ],
    entityIds: ["per:qasim-al-araji"],
    citation: {
      title: "العراق: التحالف الدولي ينهي مهمته القتالية",
      url: "https://example.org/news/iraq-coalition",
      accessedAt: "2026-11-29T10:00:00.000Z",
      outlet: "الأمصار",
      author: "رائد العزاوي",
      publishedAt: "2021-12-09",
    },
    createdAt: Date.parse("2026-11-29T10:05:00.000Z"),
    updatedAt: Date.parse("2026-11-29T10:05:00.000Z"),
    orphaned: false,
    ...overrides,
  };
}
