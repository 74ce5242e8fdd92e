// Reads highlights back from a W3C Web Annotation file (ours, or any tool's that carries a quote
// and a position selector). Every record is checked; the first bad one fails the whole file with
// its number and field, so a caller can refuse it before anything is stored.
import * as v from "valibot";
import {
  CitationSchema,
  HighlightEntitySchema,
  HighlightSchema,
  TagSchema,
  TextPositionSelectorSchema,
  TextQuoteSelectorSchema,
  cleanTags,
  linkedEntityIds,
  MAX_IMPORT_CHARS,
  type Highlight,
} from "@/src/contracts/highlight";
import { HttpUrlSchema } from "@/src/shared/fields";
import { SIYAQ_EXTENSION, highlightId } from "./export";
import { foldForMatch } from "./match-normalize";
import { errorText } from "@/src/shared/error-text";

export const MAX_IMPORT_RECORDS = 100_000;

export class ImportError extends Error {
  override name = "ImportError";
}

const BodySchema = v.object({
  type: v.optional(v.string()),
  value: v.optional(v.string()),
  purpose: v.optional(v.string()),
});

const DateTime = v.pipe(
  v.string(),
  v.check((s) => !Number.isNaN(Date.parse(s)), "not a date"),
);

const AnnotationSchema = v.object({
  id: v.pipe(v.string(), v.minLength(1), v.maxLength(500)),
  type: v.literal("Annotation"),
  created: v.optional(DateTime),
  modified: v.optional(DateTime),
  // The list first: an array would also pass as an object with no known fields.
  body: v.optional(v.union([v.array(BodySchema), BodySchema]), []),
  target: v.object({
    source: HttpUrlSchema,
    selector: v.pipe(
      v.array(v.looseObject({ type: v.string() })),
      v.check((list) => list.some((s) => s.type === "TextQuoteSelector"), "no TextQuoteSelector"),
      v.check(
        (list) => list.some((s) => s.type === "TextPositionSelector"),
        "no TextPositionSelector",
      ),
    ),
  }),
  [SIYAQ_EXTENSION]: v.optional(
    v.object({
      url: v.optional(HttpUrlSchema),
      citation: v.optional(CitationSchema),
      entities: v.optional(v.array(HighlightEntitySchema), []),
      orphaned: v.optional(v.boolean(), false),
    }),
  ),
});

type Annotation = v.InferOutput<typeof AnnotationSchema>;

function describeIssue(issues: readonly v.BaseIssue<unknown>[]): string {
  const issue = issues[0]!;
  const path = issue.path?.map((step) => String(step.key)).join(".");
  return `${path || "record"}: ${issue.message}`;
}

/** The annotations inside a parsed file: a collection (with its first page), a page, a list or one. */
function annotationsIn(document: unknown): unknown[] {
  if (Array.isArray(document)) return document;
  if (typeof document === "object" && document !== null) {
    const record = document as Record<string, unknown>;
    if (record.type === "AnnotationCollection") {
      const first = record.first as Record<string, unknown> | undefined;
      if (first && Array.isArray(first.items)) return first.items;
      throw new ImportError("the collection has no first.items list");
    }
    if (record.type === "AnnotationPage" && Array.isArray(record.items)) return record.items;
    if (record.type === "Annotation") return [record];
  }
  throw new ImportError(
    "not a Web Annotation file: expected an annotation, a list of them or an AnnotationCollection",
  );
}

/** Checks the selector of one type, reporting its place in the list when it is wrong. */
function selectorOf<S extends v.GenericSchema>(
  annotation: Annotation,
  type: string,
  schema: S,
): v.InferOutput<S> {
  const index = annotation.target.selector.findIndex((s) => s.type === type);
  const parsed = v.safeParse(schema, annotation.target.selector[index]);
  if (!parsed.success)
    throw new ImportError(`target.selector.${index}.${describeIssue(parsed.issues)}`);
  return parsed.output;
}

function toHighlight(annotation: Annotation, now: number): Highlight {
  const quote = selectorOf(annotation, "TextQuoteSelector", TextQuoteSelectorSchema);
  const position = selectorOf(annotation, "TextPositionSelector", TextPositionSelectorSchema);
  const bodies = Array.isArray(annotation.body) ? annotation.body : [annotation.body];
  const note = bodies
    .filter((body) => body.purpose !== "tagging" && typeof body.value === "string")
    .map((body) => body.value!)
    .join("\n\n");
  const tags = cleanTags(
    bodies
      .filter((body) => body.purpose === "tagging" && body.value)
      .map((body) => v.parse(TagSchema, body.value)),
  );
  const extension = annotation[SIYAQ_EXTENSION];
  const created = annotation.created ? Date.parse(annotation.created) : now;
  const source = annotation.target.source;
  const entities = extension?.entities ?? [];
  const highlight = {
    id: highlightId(annotation.id),
    url: extension?.url ?? source,
    target: { source, selector: [quote, position] as [typeof quote, typeof position] },
    note,
    tags,
    entities,
    entityIds: linkedEntityIds(entities),
    citation: extension?.citation ?? {
      title: "",
      url: source,
      accessedAt: new Date(created).toISOString(),
    },
    createdAt: created,
    updatedAt: annotation.modified ? Date.parse(annotation.modified) : created,
    orphaned: extension?.orphaned ?? false,
  };
  return v.parse(HighlightSchema, highlight) as Highlight;
}

/**
 * Parses and checks a whole file. Throws `ImportError` naming the first bad record (1-based, with
 * its id when it has one) and field; returns the highlights otherwise.
 */
export function parseHighlightFile(json: string, now = Date.now()): Highlight[] {
  if (json.length > MAX_IMPORT_CHARS)
    throw new ImportError(`the file is larger than ${MAX_IMPORT_CHARS} characters`);
  let document: unknown;
  try {
    document = JSON.parse(json.replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new ImportError(`not valid JSON: ${errorText(error)}`);
  }
  const items = annotationsIn(document);
  if (items.length > MAX_IMPORT_RECORDS)
    throw new ImportError(`more than ${MAX_IMPORT_RECORDS} records`);
  return items.map((item, index) => {
    const label = () => {
      const id = (item as { id?: unknown } | null)?.id;
      return `record ${index + 1}${typeof id === "string" ? ` (${id})` : ""}`;
    };
    const parsed = v.safeParse(AnnotationSchema, item);
    if (!parsed.success) throw new ImportError(`${label()}: ${describeIssue(parsed.issues)}`);
    try {
      return toHighlight(parsed.output, now);
    } catch (error) {
      if (error instanceof v.ValiError)
        throw new ImportError(`${label()}: ${describeIssue(error.issues)}`);
      if (error instanceof ImportError) throw new ImportError(`${label()}: ${error.message}`);
      throw error;
    }
  });
}

/** Two highlights are the same passage when they mark the same quote on the same page. */
export function passageKey(highlight: Pick<Highlight, "target">): string {
  const [quote, position] = highlight.target.selector;
  return `${highlight.target.source}\u0000${foldForMatch(quote.exact).text.trim()}\u0000${position.start}`;
}
