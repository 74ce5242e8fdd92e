// A saved highlight: the passage (W3C selectors), the reader's note and tags, the entities inside
// it and a citation of the article. Declared once as valibot schemas: messages and imports check
// against them at the door, everything inside trusts the inferred types.
import * as v from "valibot";
import { ENTITY_TYPES } from "@/src/nlp/types";
import type { HighlightRecord } from "./records";
import { describeIssue } from "./pack-schema";
import { HttpUrlSchema } from "@/src/shared/fields";

const Text = (max: number) => v.pipe(v.string(), v.maxLength(max));

export const MAX_QUOTE_LENGTH = 20_000;
export const MAX_NOTE_LENGTH = 20_000;

export const TextQuoteSelectorSchema = v.object({
  type: v.literal("TextQuoteSelector"),
  exact: v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_QUOTE_LENGTH)),
  prefix: v.optional(Text(1000), ""),
  suffix: v.optional(Text(1000), ""),
});

const Offset = v.pipe(v.number(), v.integer(), v.minValue(0));
export const TextPositionSelectorSchema = v.pipe(
  v.object({ type: v.literal("TextPositionSelector"), start: Offset, end: Offset }),
  v.check((p) => p.start < p.end, "start must be before end"),
);

export const TargetSchema = v.object({
  source: HttpUrlSchema,
  selector: v.tuple([TextQuoteSelectorSchema, TextPositionSelectorSchema]),
});

/** A tag as typed: trimmed, no empty ones, short. */
export const TagSchema = v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(100));
export const TagsSchema = v.pipe(v.array(TagSchema), v.maxLength(50));

export const HighlightEntitySchema = v.object({
  surface: Text(500),
  type: v.picklist(ENTITY_TYPES),
  entityId: v.optional(Text(200)),
});

const IsoDate = v.pipe(
  v.string(),
  v.maxLength(40),
  v.check((s) => !Number.isNaN(Date.parse(s)), "not a date"),
);

export const CitationSchema = v.object({
  title: Text(2000),
  url: HttpUrlSchema,
  accessedAt: IsoDate,
  outlet: v.optional(Text(500)),
  author: v.optional(Text(1000)),
  publishedAt: v.optional(IsoDate),
});

/** What the page sends when the reader saves: everything but the bookkeeping the background adds. */
export const HighlightDraftSchema = v.object({
  /** The address of the page as the tab saw it (without fragment): how later visits find it. */
  url: HttpUrlSchema,
  target: TargetSchema,
  note: v.optional(Text(MAX_NOTE_LENGTH), ""),
  tags: v.optional(TagsSchema, []),
  entities: v.optional(v.pipe(v.array(HighlightEntitySchema), v.maxLength(500)), []),
  citation: CitationSchema,
});
export type HighlightDraft = v.InferOutput<typeof HighlightDraftSchema>;

export const HighlightSchema = v.object({
  ...HighlightDraftSchema.entries,
  id: v.pipe(v.string(), v.minLength(1), v.maxLength(500)),
  createdAt: v.pipe(v.number(), v.integer(), v.minValue(0)),
  updatedAt: v.pipe(v.number(), v.integer(), v.minValue(0)),
  /** The linked entities' ids, for the multi-entry index. */
  entityIds: v.array(Text(200)),
  /** Set when the last visit could not find the passage; it stays listed, never dropped. */
  orphaned: v.optional(v.boolean(), false),
});

export type Highlight = v.InferOutput<typeof HighlightSchema> & HighlightRecord;
export type TextQuote = v.InferOutput<typeof TextQuoteSelectorSchema>;
export type HighlightEntity = v.InferOutput<typeof HighlightEntitySchema>;
export type Citation = v.InferOutput<typeof CitationSchema>;

/** Dedupes and trims tags, keeping the reader's order. */
export function cleanTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map((tag) => tag.trim()).filter(Boolean))];
}

/** The linked entity ids of a highlight's entities, each once. */
export function linkedEntityIds(entities: readonly HighlightEntity[]): string[] {
  return [...new Set(entities.flatMap((entity) => (entity.entityId ? [entity.entityId] : [])))];
}

/** Builds the stored record from what the page sent. */
export function newHighlight(draft: HighlightDraft, id: string, now: number): Highlight {
  return {
    ...draft,
    id,
    tags: cleanTags(draft.tags),
    entityIds: linkedEntityIds(draft.entities),
    createdAt: now,
    updatedAt: now,
    orphaned: false,
  };
}

/** The host a highlight was saved on, for the library's site filter. */
export function siteOf(highlight: Pick<Highlight, "url">): string {
  try {
    return new URL(highlight.url).hostname.replace(/^www\./, "");
  } catch {
    return "";
  }
}

/** A stored record that does not fit the schema (an old import, a bug): listed, never thrown. */
export interface MalformedRecord {
  id: string;
  problem: string;
}

/**
 * Splits stored records into valid highlights and malformed ones, so one bad record never breaks
 * the library, the exports or a later import.
 */
export function checkStoredHighlights(records: readonly unknown[]): {
  highlights: Highlight[];
  malformed: MalformedRecord[];
} {
  const highlights: Highlight[] = [];
  const malformed: MalformedRecord[] = [];
  for (const record of records) {
    const parsed = v.safeParse(HighlightSchema, record);
    if (parsed.success) {
      highlights.push(record as Highlight);
      continue;
    }
    const id = (record as { id?: unknown } | null)?.id;
    malformed.push({
      id: typeof id === "string" ? id : String(id),
      problem: describeIssue(parsed.issues[0]),
    });
  }
  return { highlights, malformed };
}

// What the library exchanges with the background (src/messaging/messages/highlights.ts).
export const EXPORT_FORMATS = ["json", "csv", "markdown", "ris", "csl-json"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportFile {
  filename: string;
  mimeType: string;
  content: string;
}

export interface LibraryFacets {
  tags: { tag: string; count: number }[];
  sites: { site: string; count: number }[];
  entities: { entityId: string; label: string; count: number }[];
}

/** Largest file the library accepts: far beyond any reader's collection, small enough to parse at once. */
export const MAX_IMPORT_CHARS = 50_000_000;
