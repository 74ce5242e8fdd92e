// Highlight requests (save, list, search, export, import): schemas and answer types.
import * as v from "valibot";
import {
  HighlightDraftSchema,
  HighlightSchema,
  MAX_NOTE_LENGTH,
  TagsSchema,
  type Highlight,
  type MalformedRecord,
  EXPORT_FORMATS,
  MAX_IMPORT_CHARS,
  type ExportFile,
  type LibraryFacets,
} from "@/src/contracts/highlight";
import { ANY_CONTEXT, CONTENT_ONLY, EXTENSION_ONLY, type SenderContext } from "../context";
import { UrlSchema } from "@/src/shared/fields";

const Id = v.pipe(v.string(), v.minLength(1), v.maxLength(500));
const Instant = v.pipe(v.number(), v.integer(), v.minValue(0));

export const highlightRequests = {
  /** Store a passage the reader just saved. */
  "highlight.save": HighlightDraftSchema,
  /** Change the reader's note and/or tags. */
  "highlight.update": v.object({
    id: Id,
    note: v.optional(v.pipe(v.string(), v.maxLength(MAX_NOTE_LENGTH))),
    tags: v.optional(TagsSchema),
  }),
  /** Remove one highlight; the answer carries it so the library can undo. */
  "highlight.delete": v.object({ id: Id }),
  /** Put back a highlight exactly as it was (the library's undo). */
  "highlight.restore": v.object({ highlight: HighlightSchema }),
  /** Whether the last visit found the passage (orphans stay, marked). */
  "highlight.setOrphaned": v.object({ id: Id, orphaned: v.boolean() }),
  /** Highlights saved on any of these addresses (the tab's and the canonical one). */
  "highlights.forUrl": v.object({
    urls: v.pipe(v.array(UrlSchema), v.minLength(1), v.maxLength(10)),
  }),
  /** The library: full-text query plus filters, with the facets the filters can offer. */
  "highlights.search": v.object({
    query: v.optional(v.pipe(v.string(), v.maxLength(1000)), ""),
    filters: v.optional(
      v.object({
        entityId: v.optional(Id),
        tag: v.optional(v.pipe(v.string(), v.maxLength(100))),
        site: v.optional(v.pipe(v.string(), v.maxLength(500))),
        from: v.optional(Instant),
        to: v.optional(Instant),
        orphanedOnly: v.optional(v.boolean()),
      }),
      {},
    ),
  }),
  "highlights.export": v.object({ format: v.picklist(EXPORT_FORMATS) }),
  /** A Web Annotation file's text; all or nothing. */
  "highlights.import": v.object({ json: v.pipe(v.string(), v.maxLength(MAX_IMPORT_CHARS)) }),
};

/**
 * A page saves, looks up, reports on and edits the note and tags of passages of its own site only
 * (the handlers check the addresses against the tab's); the library alone searches, deletes,
 * exports and imports the collection.
 */
export const highlightSenders = {
  "highlight.save": CONTENT_ONLY,
  "highlight.update": ANY_CONTEXT,
  "highlight.delete": EXTENSION_ONLY,
  "highlight.restore": EXTENSION_ONLY,
  "highlight.setOrphaned": CONTENT_ONLY,
  // The page restores its own; the popup lists the described tab's (an extension page sees all).
  "highlights.forUrl": ANY_CONTEXT,
  "highlights.search": EXTENSION_ONLY,
  "highlights.export": EXTENSION_ONLY,
  "highlights.import": EXTENSION_ONLY,
} satisfies Record<keyof typeof highlightRequests, readonly SenderContext[]>;

export interface HighlightResponses {
  "highlight.save": { highlight: Highlight };
  "highlight.update": { highlight: Highlight };
  "highlight.delete": { deleted: Highlight | null };
  "highlight.restore": { highlight: Highlight };
  "highlight.setOrphaned": { updated: boolean };
  "highlights.forUrl": { highlights: Highlight[] };
  /** `malformed`: stored records left out because they do not fit the schema. */
  "highlights.search": {
    highlights: Highlight[];
    total: number;
    facets: LibraryFacets;
    malformed: MalformedRecord[];
  };
  /** `skipped`: malformed stored records left out of the file. */
  "highlights.export": ExportFile & { count: number; skipped: number };
  "highlights.import": { added: number; skipped: number };
}
