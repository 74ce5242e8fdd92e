// `npm run ner`: the recognizer from the command line (contract 2).
//   npm run --silent ner -- --jsonl        JSON lines {"id","text","refDate"?} in, one line out each
//   npm run ner -- FILE.txt|FILE.html      a readable table of what it finds
// Options: --no-tagger (lexicon and rules only), --ref-date YYYY-MM-DD (for a file).
import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { recognize, type RecognizeOptions } from "@/src/nlp/recognize";
import { loadPackLexicon, loadShippedTagger } from "@/src/nlp/node";
import type { Mention } from "@/src/nlp/types";
import { errorText } from "@/src/shared/error-text";

interface Args {
  jsonl: boolean;
  tagger: boolean;
  refDate?: string;
  files: string[];
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { jsonl: false, tagger: true, files: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--jsonl") args.jsonl = true;
    else if (a === "--no-tagger") args.tagger = false;
    else if (a === "--ref-date") args.refDate = argv[++i];
    else if (a.startsWith("--")) throw new Error(`unknown option ${a}`);
    else args.files.push(a);
  }
  return args;
}

/** The contract's entity shape, fields in the documented order. */
function entityJson(m: Mention): Record<string, unknown> {
  const e: Record<string, unknown> = {
    start: m.start,
    end: m.end,
    type: m.type,
    surface: m.surface,
  };
  if (m.entityId !== undefined) e.entityId = m.entityId;
  e.confidence = Math.round(m.confidence * 1000) / 1000;
  if (m.date !== undefined) e.date = m.date;
  return e;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}/;

/** Reads JSON lines from stdin; a bad line is reported on stderr and the run goes on. */
async function runJsonl(options: RecognizeOptions): Promise<number> {
  let bad = 0;
  let lineNumber = 0;
  const input = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of input) {
    lineNumber++;
    if (line.trim() === "") continue;
    let record: { id?: unknown; text?: unknown; refDate?: unknown };
    try {
      record = JSON.parse(line) as typeof record;
    } catch (error) {
      bad++;
      process.stderr.write(
        `${JSON.stringify({ line: lineNumber, error: `not JSON: ${(error as Error).message}` })}\n`,
      );
      continue;
    }
    const problem =
      typeof record !== "object" || record === null || Array.isArray(record)
        ? "expected an object"
        : typeof record.text !== "string"
          ? '"text" must be a string'
          : record.id === undefined ||
              (typeof record.id !== "string" && typeof record.id !== "number")
            ? '"id" must be a string or number'
            : record.refDate !== undefined &&
                (typeof record.refDate !== "string" || !ISO_DATE.test(record.refDate))
              ? '"refDate" must be an ISO date (YYYY-MM-DD)'
              : undefined;
    if (problem) {
      bad++;
      const id = typeof record === "object" && record !== null ? record.id : undefined;
      process.stderr.write(
        `${JSON.stringify({ line: lineNumber, ...(id !== undefined ? { id } : {}), error: problem })}\n`,
      );
      continue;
    }
    const refDate = (record.refDate as string | undefined) ?? options.refDate;
    const mentions = recognize(record.text as string, {
      ...options,
      ...(refDate ? { refDate } : {}),
    });
    process.stdout.write(
      `${JSON.stringify({ id: record.id, entities: mentions.map(entityJson) })}\n`,
    );
  }
  return bad;
}

/** Text of an HTML page, reasonably: no scripts or styles, block elements on their own lines. */
export function htmlToText(html: string): { text: string; published?: string } {
  const published =
    /<meta[^>]+(?:article:published_time|datePublished|pubdate)[^>]+content=["']([^"']+)/i.exec(
      html,
    )?.[1] ?? /<time[^>]+datetime=["']([^"']+)/i.exec(html)?.[1];
  const body = /<body[\s>][\s\S]*$/i.exec(html)?.[0] ?? html;
  const text = body
    .replace(/<!--[\s\S]*?-->/g, " ")
    .replace(/<(script|style|noscript|template|svg|iframe)[\s\S]*?<\/\1\s*>/gi, " ")
    .replace(
      /<\/?(p|div|br|h[1-6]|li|tr|section|article|header|footer|blockquote|title|td|th|ul|ol|nav|aside|figure|figcaption)\b[^>]*>/gi,
      "\n",
    )
    .replace(/<[^>]*>/g, " ")
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, code: string) => decodeEntity(entity, code))
    .replace(/[ \t\u00a0]+/g, " ")
    .replace(/ *\n[\s]*/g, "\n")
    .trim();
  return published && ISO_DATE.test(published)
    ? { text, published: published.slice(0, 10) }
    : { text };
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
  laquo: "«",
  raquo: "»",
  hellip: "…",
  ndash: "–",
  mdash: "—",
};

function decodeEntity(entity: string, code: string): string {
  if (code.startsWith("#")) {
    const n =
      code[1] === "x" || code[1] === "X"
        ? parseInt(code.slice(2), 16)
        : parseInt(code.slice(1), 10);
    return Number.isFinite(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : entity;
  }
  return NAMED_ENTITIES[code.toLowerCase()] ?? entity;
}

/** Decodes a file, honouring a declared legacy charset (some Arabic sites still use windows-1256). */
function readText(path: string): string {
  const bytes = readFileSync(path);
  const head = bytes.subarray(0, 4096).toString("latin1");
  const charset = /charset=["']?([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
  if (charset && charset !== "utf-8" && charset !== "utf8") {
    try {
      return new TextDecoder(charset).decode(bytes);
    } catch {
      // An unknown label: fall back to UTF-8 below.
    }
  }
  return new TextDecoder("utf-8").decode(bytes);
}

function printTable(
  path: string,
  text: string,
  mentions: readonly Mention[],
  refDate: string | undefined,
): void {
  console.log(
    `${path}: ${text.length} characters, ${mentions.length} entities${refDate ? ` (dates against ${refDate})` : ""}`,
  );
  const rows = [["start", "end", "type", "surface", "entity", "date", "conf"]];
  for (const m of mentions) {
    rows.push([
      String(m.start),
      String(m.end),
      m.type,
      m.surface.replace(/\s+/g, " "),
      m.entityId ?? "",
      m.date ?? "",
      m.confidence.toFixed(2),
    ]);
  }
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  for (const row of rows)
    console.log(
      row
        .map((cell, c) => cell.padEnd(widths[c]!))
        .join("  ")
        .trimEnd(),
    );
  const byType = new Map<string, number>();
  for (const m of mentions) byType.set(m.type, (byType.get(m.type) ?? 0) + 1);
  console.log([...byType].map(([t, n]) => `${t} ${n}`).join(" · "));
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (!args.jsonl && args.files.length === 0) {
    console.error(
      "usage: npm run --silent ner -- --jsonl  |  npm run ner -- FILE.txt|FILE.html [--ref-date YYYY-MM-DD] [--no-tagger]",
    );
    process.exitCode = 2;
    return;
  }
  const lexicon = loadPackLexicon();
  const tagger = args.tagger ? await loadShippedTagger() : undefined;
  const options: RecognizeOptions = {
    ...(lexicon ? { lexicon } : {}),
    ...(tagger ? { tagger } : {}),
    ...(args.refDate ? { refDate: args.refDate } : {}),
  };
  if (args.jsonl) {
    await runJsonl(options);
    return;
  }
  for (const path of args.files) {
    const raw = readText(path);
    const isHtml = /\.x?html?$/i.test(path) || /^\s*(<!doctype|<html|<\?php)/i.test(raw);
    const { text, published } = isHtml ? htmlToText(raw) : { text: raw, published: undefined };
    const refDate = args.refDate ?? published;
    printTable(
      path,
      text,
      recognize(text, { ...options, ...(refDate ? { refDate } : {}) }),
      refDate,
    );
  }
}

main().catch((error: unknown) => {
  console.error(errorText(error));
  process.exit(1);
});
