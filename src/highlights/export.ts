// Highlights out of the extension: W3C Web Annotation JSON (lossless, what import reads back),
// CSV for spreadsheets (UTF-8 with BOM so Arabic opens right) and Markdown for notes.
import type { Highlight } from "./highlight";

export const ANNOTATION_CONTEXT = "http://www.w3.org/ns/anno.jsonld";
/** Where Siyaq's own fields (entities, citation, page address) live inside an annotation. */
export const SIYAQ_EXTENSION = "siyaq";

export type ExportFormat = "json" | "csv" | "markdown";

export interface ExportFile {
  filename: string;
  mimeType: string;
  content: string;
}

export interface TextualBody {
  type: "TextualBody";
  value: string;
  purpose: "commenting" | "tagging";
  format?: "text/plain";
}

export interface WebAnnotation {
  "@context": typeof ANNOTATION_CONTEXT;
  id: string;
  type: "Annotation";
  motivation: "highlighting" | "commenting";
  created: string;
  modified: string;
  body: TextualBody[];
  target: Highlight["target"];
  [SIYAQ_EXTENSION]: {
    url: string;
    citation: Highlight["citation"];
    entities: Highlight["entities"];
    orphaned: boolean;
  };
}

export interface AnnotationCollection {
  "@context": typeof ANNOTATION_CONTEXT;
  type: "AnnotationCollection";
  label: string;
  total: number;
  first: { type: "AnnotationPage"; items: WebAnnotation[] };
}

const URN_UUID = "urn:uuid:";

/** Our ids are UUIDs: as an annotation they become `urn:uuid:` IRIs. */
export function annotationId(id: string): string {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id) ? URN_UUID + id : id;
}

export function highlightId(annotationIdValue: string): string {
  return annotationIdValue.startsWith(URN_UUID) ? annotationIdValue.slice(URN_UUID.length) : annotationIdValue;
}

export function toWebAnnotation(highlight: Highlight): WebAnnotation {
  const body: TextualBody[] = [];
  if (highlight.note) body.push({ type: "TextualBody", value: highlight.note, purpose: "commenting", format: "text/plain" });
  for (const tag of highlight.tags) body.push({ type: "TextualBody", value: tag, purpose: "tagging" });
  return {
    "@context": ANNOTATION_CONTEXT,
    id: annotationId(highlight.id),
    type: "Annotation",
    motivation: highlight.note ? "commenting" : "highlighting",
    created: new Date(highlight.createdAt).toISOString(),
    modified: new Date(highlight.updatedAt).toISOString(),
    body,
    target: highlight.target,
    [SIYAQ_EXTENSION]: {
      url: highlight.url,
      citation: highlight.citation,
      entities: highlight.entities,
      orphaned: highlight.orphaned,
    },
  };
}

export function toAnnotationCollection(highlights: readonly Highlight[]): AnnotationCollection {
  const items = highlights.map(toWebAnnotation);
  return {
    "@context": ANNOTATION_CONTEXT,
    type: "AnnotationCollection",
    label: "Siyaq highlights",
    total: items.length,
    first: { type: "AnnotationPage", items },
  };
}

const CSV_COLUMNS = [
  "id", "quote", "note", "tags", "title", "outlet", "author", "published", "url", "accessed", "saved", "entities", "orphaned",
] as const;

/** One CSV field, quoted when it must be; a leading formula sign is neutralised for spreadsheets. */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function toCsv(highlights: readonly Highlight[]): string {
  const rows = highlights.map((highlight) => {
    const { citation } = highlight;
    const row: Record<(typeof CSV_COLUMNS)[number], string> = {
      id: highlight.id,
      quote: highlight.target.selector[0].exact,
      note: highlight.note,
      tags: highlight.tags.join("; "),
      title: citation.title,
      outlet: citation.outlet ?? "",
      author: citation.author ?? "",
      published: citation.publishedAt ?? "",
      url: citation.url,
      accessed: citation.accessedAt,
      saved: new Date(highlight.createdAt).toISOString(),
      entities: highlight.entities.map((entity) => `${entity.surface} (${entity.type})`).join("; "),
      orphaned: highlight.orphaned ? "yes" : "no",
    };
    return CSV_COLUMNS.map((column) => csvField(row[column])).join(",");
  });
  // BOM so spreadsheet programs read UTF-8; CRLF line ends as RFC 4180 asks.
  return "\uFEFF" + [CSV_COLUMNS.join(","), ...rows].join("\r\n") + "\r\n";
}

/** Markdown that renders the page's strings as text: no link or HTML can be smuggled in. */
function markdownText(value: string): string {
  // Brackets and angle brackets are what links and HTML need; emphasis marks would garble text.
  return value.replace(/[\\`*_[\]<>|~]/g, (ch) => `\\${ch}`).replace(/^([#>+-])/gm, "\\$1");
}

export function toMarkdown(highlights: readonly Highlight[]): string {
  const byArticle = new Map<string, Highlight[]>();
  for (const highlight of highlights) {
    const group = byArticle.get(highlight.citation.url) ?? [];
    group.push(highlight);
    byArticle.set(highlight.citation.url, group);
  }
  const out: string[] = ["# Siyaq highlights", ""];
  for (const [url, group] of byArticle) {
    const { citation } = group[0]!;
    out.push(`## [${markdownText(citation.title || url)}](<${url.replace(/[<>\s]/g, encodeURIComponent)}>)`, "");
    const byline = [citation.outlet, citation.author, citation.publishedAt?.slice(0, 10)].filter(Boolean).map((s) => markdownText(s!));
    byline.push(`accessed ${citation.accessedAt.slice(0, 10)}`);
    out.push(`*${byline.join(" · ")}*`, "");
    for (const highlight of group) {
      const quote = highlight.target.selector[0].exact.trim().split(/\r?\n/).map((line) => `> ${markdownText(line)}`);
      out.push(...quote, "");
      if (highlight.note) out.push(markdownText(highlight.note), "");
      if (highlight.tags.length) out.push(`Tags: ${highlight.tags.map((tag) => `\`${tag.replaceAll("`", "'")}\``).join(" ")}`, "");
      if (highlight.orphaned) out.push("*(not found on the page at the last visit)*", "");
    }
  }
  return out.join("\n");
}

export function exportHighlights(highlights: readonly Highlight[], format: ExportFormat, now = new Date()): ExportFile {
  const stamp = now.toISOString().slice(0, 10);
  switch (format) {
    case "json":
      return {
        filename: `siyaq-highlights-${stamp}.json`,
        mimeType: "application/ld+json",
        content: JSON.stringify(toAnnotationCollection(highlights), null, 2),
      };
    case "csv":
      return { filename: `siyaq-highlights-${stamp}.csv`, mimeType: "text/csv;charset=utf-8", content: toCsv(highlights) };
    case "markdown":
      return { filename: `siyaq-highlights-${stamp}.md`, mimeType: "text/markdown;charset=utf-8", content: toMarkdown(highlights) };
  }
}
