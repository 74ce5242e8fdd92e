// Highlights out of the extension: W3C Web Annotation JSON (lossless, what import reads back),
// CSV for spreadsheets (UTF-8 with BOM so Arabic opens right), Markdown for notes, and RIS and
// CSL-JSON for reference managers (one item per cited page, the highlights as its notes). Only
// http(s) addresses ever leave as links; every other scheme is dropped.
import {
  type Citation,
  type ExportFile,
  type ExportFormat,
  type Highlight,
} from "@/src/contracts/highlight";
import { isHttpUrl } from "@/src/shared/web-address";

export const ANNOTATION_CONTEXT = "http://www.w3.org/ns/anno.jsonld";
/** Where Siyaq's own fields (entities, citation, page address) live inside an annotation. */
export const SIYAQ_EXTENSION = "siyaq";

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
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)
    ? URN_UUID + id
    : id;
}

export function highlightId(annotationIdValue: string): string {
  return annotationIdValue.startsWith(URN_UUID)
    ? annotationIdValue.slice(URN_UUID.length)
    : annotationIdValue;
}

export function toWebAnnotation(highlight: Highlight): WebAnnotation {
  const body: TextualBody[] = [];
  if (highlight.note)
    body.push({
      type: "TextualBody",
      value: highlight.note,
      purpose: "commenting",
      format: "text/plain",
    });
  for (const tag of highlight.tags)
    body.push({ type: "TextualBody", value: tag, purpose: "tagging" });
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
  "id",
  "quote",
  "note",
  "tags",
  "title",
  "outlet",
  "author",
  "published",
  "url",
  "accessed",
  "saved",
  "entities",
  "orphaned",
] as const;

/**
 * What a spreadsheet would run as a formula: `= + - @`, tab or CR first, also behind leading
 * spaces, bidi marks (LRM, RLM, ALM, embeddings, isolates), a BOM or zero-width characters, and in
 * their full-width forms (＝ ＋ － ＠), which spreadsheets fold to the ASCII ones.
 */
const FORMULA_START = /^[\s\p{Cf}]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|^[\t\r]/u;

/** One CSV field, quoted when it must be; a leading formula sign is neutralised for spreadsheets. */
export function csvField(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** An address fit to export as a link: http(s) only, normalised; anything else becomes "". */
export function exportableUrl(url: string | undefined): string {
  return url && isHttpUrl(url) ? new URL(url).href : "";
}

/** The address a citation points at: its own, else the page's, if either is http(s). */
function citedUrl(highlight: Highlight): string {
  return exportableUrl(highlight.citation?.url) || exportableUrl(highlight.url);
}

function entityList(highlight: Highlight): string {
  return highlight.entities.map((entity) => `${entity.surface} (${entity.type})`).join("; ");
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
      url: citedUrl(highlight),
      accessed: citation.accessedAt,
      saved: new Date(highlight.createdAt).toISOString(),
      entities: entityList(highlight),
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
  return value
    .replace(/[\\`*_[\]<>|~]/g, (ch) => `\\${ch}`)
    .replace(/^([#>+-])/gm, "\\$1")
    .replace(/^(\d+)\./gm, "$1\\.");
}

/** `markdownText` on one line: a field that must not open a new paragraph or block. */
function markdownInline(value: string): string {
  return markdownText(value.replace(/[\r\n\u2028\u2029]+/g, " "));
}

/** `2021-12-10` from an ISO date or instant; the stored text when it is some other date form. */
function isoDay(value: string | undefined): string {
  if (!value) return "";
  const match = /^\d{4}(?:-\d{2}(?:-\d{2})?)?/.exec(value);
  if (match) return match[0];
  const time = Date.parse(value);
  return Number.isNaN(time) ? value : new Date(time).toISOString().slice(0, 10);
}

/** The article as a reference: author, “title”, outlet, published day, address, accessed day. */
export function citationText(citation: Citation, url: string): string {
  const parts = [
    citation.author,
    citation.title ? `“${citation.title}”` : "",
    citation.outlet,
    isoDay(citation.publishedAt),
    url,
  ].filter(Boolean);
  return `${parts.join(", ")} (accessed ${isoDay(citation.accessedAt)})`;
}

/** Groups highlights by the page they cite, in first-seen order. */
function byCitedPage(highlights: readonly Highlight[]): Highlight[][] {
  const groups = new Map<string, Highlight[]>();
  for (const highlight of highlights) {
    const key = citedUrl(highlight) || `\u0000${highlight.citation.title}`;
    const group = groups.get(key) ?? [];
    group.push(highlight);
    groups.set(key, group);
  }
  return [...groups.values()];
}

export function toMarkdown(highlights: readonly Highlight[]): string {
  const out: string[] = ["# Siyaq highlights", ""];
  for (const group of byCitedPage(highlights)) {
    const first = group[0]!;
    const { citation } = first;
    const url = citedUrl(first);
    const title = markdownInline(citation.title || url || "—");
    // new URL().href has already percent-encoded spaces and angle brackets.
    out.push(url ? `## [${title}](<${url}>)` : `## ${title}`, "");
    const byline = [citation.outlet, citation.author]
      .filter(Boolean)
      .map((s) => markdownInline(s!));
    if (citation.publishedAt)
      byline.push(`published ${markdownInline(isoDay(citation.publishedAt))}`);
    byline.push(`accessed ${markdownInline(isoDay(citation.accessedAt))}`);
    out.push(`*${byline.join(" · ")}*`, "");
    for (const highlight of group) {
      const quote = highlight.target.selector[0].exact
        .trim()
        .split(/\r\n|\r|\n/)
        .map((line) => `> ${markdownText(line)}`);
      out.push(...quote, "");
      if (highlight.note) out.push(...highlight.note.split(/\r\n|\r|\n/).map(markdownText), "");
      if (highlight.entities.length)
        out.push(`- Entities: ${markdownInline(entityList(highlight))}`);
      if (highlight.tags.length) out.push(`- Tags: ${markdownInline(highlight.tags.join(", "))}`);
      out.push(`- Saved: ${new Date(highlight.createdAt).toISOString().slice(0, 10)}`);
      out.push(
        `- Citation: ${markdownInline(citationText(highlight.citation, citedUrl(highlight)))}`,
      );
      if (highlight.orphaned) out.push("- *(not found on the page at the last visit)*");
      out.push("");
    }
  }
  return out.join("\n");
}

/** Arabic script in any of the texts: the item's language for a reference manager. */
function languageOf(group: readonly Highlight[]): string | undefined {
  const arabic = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;
  const texts = group.flatMap((h) => [h.citation.title, h.target.selector[0].exact]);
  return texts.some((text) => arabic.test(text)) ? "ar" : undefined;
}

/** A highlight as the text of a reference manager's note: the quote, the note, tags and entities. */
export function highlightNote(highlight: Highlight): string {
  const lines = [`“${highlight.target.selector[0].exact.trim()}”`];
  if (highlight.note) lines.push("", highlight.note);
  if (highlight.tags.length) lines.push("", `Tags: ${highlight.tags.join(", ")}`);
  if (highlight.entities.length) lines.push(`Entities: ${entityList(highlight)}`);
  return lines.join("\n");
}

/** Tags and linked entity names of a page's highlights, each once: its keywords. */
function keywordsOf(group: readonly Highlight[]): string[] {
  return [
    ...new Set(
      group.flatMap((h) => [
        ...h.tags,
        ...h.entities.filter((e) => e.type !== "DATE").map((e) => e.surface.trim()),
      ]),
    ),
  ].filter(Boolean);
}

/** Authors as the byline writes them: several are separated by `;`, `؛` or ` and `/` و `. */
export function authorsOf(citation: Citation): string[] {
  return (citation.author ?? "")
    .split(/\s*[;؛]\s*|\s+and\s+/)
    .map((name) => name.trim())
    .filter(Boolean);
}

// RIS: `TG  - value` lines. A value is one line, except notes, whose later lines are continuations;
// a continuation that would read as a tag line (`ER  - `) is led by an invisible WORD JOINER, which
// readers do not trim as white space.
const RIS_TAG_LINE = /^\s*[A-Za-z][A-Za-z0-9] {1,2}-/;

function risLine(tag: string, value: string): string {
  return `${tag}  - ${value.replace(/[\r\n\u2028\u2029]+/g, " ").trim()}`;
}

function risNote(value: string): string {
  const lines = value
    .split(/\r\n|\r|\n|\u2028|\u2029/)
    .map((line) => (RIS_TAG_LINE.test(line) ? `\u2060${line}` : line));
  return `N1  - ${lines.join("\r\n")}`;
}

/** `2021/12/10/` from an ISO day, as RIS dates are written (missing parts left empty). */
function risDate(value: string | undefined): string {
  const [year = "", month = "", day = ""] = isoDay(value).split("-");
  return /^\d{4}$/.test(year) ? `${year}/${month}/${day}/` : "";
}

export function toRis(highlights: readonly Highlight[]): string {
  const records = byCitedPage(highlights).map((group) => {
    const { citation } = group[0]!;
    const url = citedUrl(group[0]!);
    const lines = [`TY  - ${citation.outlet ? "NEWS" : "ELEC"}`];
    if (citation.title) lines.push(risLine("TI", citation.title));
    if (citation.outlet) lines.push(risLine("T2", citation.outlet));
    for (const author of authorsOf(citation)) lines.push(risLine("AU", author));
    const published = risDate(citation.publishedAt);
    if (published) lines.push(`PY  - ${published.slice(0, 4)}`, `DA  - ${published}`);
    if (url) lines.push(risLine("UR", url));
    const accessed = risDate(citation.accessedAt);
    if (accessed) lines.push(`Y2  - ${accessed}`);
    const language = languageOf(group);
    if (language) lines.push(`LA  - ${language}`);
    for (const keyword of keywordsOf(group)) lines.push(risLine("KW", keyword));
    for (const highlight of group) lines.push(risNote(highlightNote(highlight)));
    lines.push("ER  - ");
    return lines.join("\r\n");
  });
  return records.map((record) => `${record}\r\n`).join("\r\n");
}

export interface CslName {
  literal?: string;
  family?: string;
  given?: string;
}

export interface CslItem {
  id: string;
  type: "article-newspaper" | "webpage";
  title?: string;
  "container-title"?: string;
  author?: CslName[];
  issued?: { "date-parts": number[][] };
  accessed?: { "date-parts": number[][] };
  URL?: string;
  note?: string;
  keyword?: string;
  language?: string;
}

/** `Family, Given` splits; any other name (Arabic ones included) stays whole as a literal. */
function cslName(name: string): CslName {
  const comma = /^([^,]+),\s*([^,]+)$/.exec(name);
  return comma ? { family: comma[1]!.trim(), given: comma[2]!.trim() } : { literal: name };
}

function cslDate(value: string | undefined): { "date-parts": number[][] } | undefined {
  const parts = isoDay(value).split("-").map(Number);
  if (!parts.length || !/^\d{4}$/.test(String(parts[0])) || parts.some(Number.isNaN))
    return undefined;
  return { "date-parts": [parts] };
}

export function toCslItems(highlights: readonly Highlight[]): CslItem[] {
  return byCitedPage(highlights).map((group, index) => {
    const { citation } = group[0]!;
    const url = citedUrl(group[0]!);
    const authors = authorsOf(citation);
    const issued = cslDate(citation.publishedAt);
    const accessed = cslDate(citation.accessedAt);
    const keywords = keywordsOf(group);
    const language = languageOf(group);
    return {
      id: `siyaq-${index + 1}`,
      type: citation.outlet ? "article-newspaper" : "webpage",
      ...(citation.title ? { title: citation.title } : {}),
      ...(citation.outlet ? { "container-title": citation.outlet } : {}),
      ...(authors.length ? { author: authors.map(cslName) } : {}),
      ...(issued ? { issued } : {}),
      ...(accessed ? { accessed } : {}),
      ...(url ? { URL: url } : {}),
      note: group.map(highlightNote).join("\n\n"),
      ...(keywords.length ? { keyword: keywords.join(", ") } : {}),
      ...(language ? { language } : {}),
    };
  });
}

export function exportHighlights(
  highlights: readonly Highlight[],
  format: ExportFormat,
  now = new Date(),
): ExportFile {
  const stamp = now.toISOString().slice(0, 10);
  switch (format) {
    case "json":
      return {
        filename: `siyaq-highlights-${stamp}.json`,
        mimeType: "application/ld+json",
        content: JSON.stringify(toAnnotationCollection(highlights), null, 2),
      };
    case "csv":
      return {
        filename: `siyaq-highlights-${stamp}.csv`,
        mimeType: "text/csv;charset=utf-8",
        content: toCsv(highlights),
      };
    case "markdown":
      return {
        filename: `siyaq-highlights-${stamp}.md`,
        mimeType: "text/markdown;charset=utf-8",
        content: toMarkdown(highlights),
      };
    case "ris":
      return {
        filename: `siyaq-highlights-${stamp}.ris`,
        mimeType: "application/x-research-info-systems;charset=utf-8",
        content: toRis(highlights),
      };
    case "csl-json":
      return {
        filename: `siyaq-highlights-${stamp}.csl.json`,
        mimeType: "application/vnd.citationstyles.csl+json",
        content: JSON.stringify(toCslItems(highlights), null, 2),
      };
  }
}
