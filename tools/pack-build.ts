// `npm run pack:build -- DUMP [--out FILE] [--id ID] [--version X.Y.Z] [--name-en NAME] [--name-ar NAME]`
// Streams a Wikidata JSON dump (`[`, one entity per line with a trailing comma, `]`; optionally
// gzipped) into a Siyaq knowledge pack: items with an Arabic label whose P31 ("instance of")
// classes make them people, organisations or places. The dump is never loaded whole: lines are read
// one at a time and each entity is written out as soon as it is converted, so memory stays flat as
// the dump grows (only the set of ids already used, one per output entity, is kept).
import {
  createReadStream,
  createWriteStream,
  mkdirSync,
  openSync,
  readSync,
  closeSync,
} from "node:fs";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { createGunzip } from "node:zlib";
import { pathToFileURL } from "node:url";
import type { Readable, Writable } from "node:stream";
import * as v from "valibot";
import {
  PACK_FORMAT,
  PACK_FORMAT_VERSION,
  PACK_LIMITS,
  PackEntitySchema,
  describeIssue,
  type PackEntity,
  type PackEntityType,
} from "@/src/contracts/pack-schema";
import { errorText } from "@/src/shared/error-text";

type PlaceKind = "country" | "city" | "region" | "place";
interface ClassRule {
  type: PackEntityType;
  /** For places: which id prefix the docs' conventions give them. */
  place?: PlaceKind;
  label: string;
}

/**
 * Wikidata classes (P31 values) that make an item worth a card, and what they become. Only direct
 * P31 values count: a streamed dump cannot walk the subclass tree, so common classes are listed.
 * When an item has several, the first matching rule in this table wins (people before places).
 */
export const CLASS_RULES: ReadonlyMap<string, ClassRule> = new Map([
  ["Q5", { type: "PER", label: "human" }],
  ["Q6256", { type: "LOC", place: "country", label: "country" }],
  ["Q3624078", { type: "LOC", place: "country", label: "sovereign state" }],
  ["Q5119", { type: "LOC", place: "city", label: "capital" }],
  ["Q515", { type: "LOC", place: "city", label: "city" }],
  ["Q1549591", { type: "LOC", place: "city", label: "big city" }],
  ["Q1637706", { type: "LOC", place: "city", label: "city with millions of inhabitants" }],
  ["Q200250", { type: "LOC", place: "city", label: "metropolis" }],
  ["Q3957", { type: "LOC", place: "city", label: "town" }],
  ["Q486972", { type: "LOC", place: "place", label: "human settlement" }],
  ["Q532", { type: "LOC", place: "place", label: "village" }],
  [
    "Q10864048",
    { type: "LOC", place: "region", label: "first-level administrative country subdivision" },
  ],
  [
    "Q13220204",
    { type: "LOC", place: "region", label: "second-level administrative country subdivision" },
  ],
  ["Q82794", { type: "LOC", place: "region", label: "geographic region" }],
  ["Q1248784", { type: "LOC", place: "place", label: "airport" }],
  ["Q4022", { type: "LOC", place: "place", label: "river" }],
  ["Q23397", { type: "LOC", place: "place", label: "lake" }],
  ["Q8502", { type: "LOC", place: "place", label: "mountain" }],
  ["Q23442", { type: "LOC", place: "place", label: "island" }],
  ["Q43229", { type: "ORG", label: "organization" }],
  ["Q484652", { type: "ORG", label: "international organization" }],
  ["Q7278", { type: "ORG", label: "political party" }],
  ["Q17149090", { type: "ORG", label: "armed organization" }],
  ["Q327333", { type: "ORG", label: "government agency" }],
  ["Q4830453", { type: "ORG", label: "business" }],
  ["Q783794", { type: "ORG", label: "company" }],
  ["Q163740", { type: "ORG", label: "nonprofit organization" }],
  ["Q3918", { type: "ORG", label: "university" }],
  ["Q11032", { type: "ORG", label: "newspaper" }],
  ["Q1616075", { type: "ORG", label: "television station" }],
  ["Q1002697", { type: "ORG", label: "periodical literature" }],
]);

const ID_PREFIX: Record<"PER" | "ORG", string> = { PER: "per", ORG: "org" };

/** The parts of a Wikidata entity this builder reads. */
interface WikidataEntity {
  type?: string;
  id?: string;
  labels?: Record<string, { value?: unknown }>;
  descriptions?: Record<string, { value?: unknown }>;
  aliases?: Record<string, { value?: unknown }[]>;
  claims?: Record<string, { mainsnak?: { datavalue?: { value?: unknown } }; rank?: string }[]>;
  sitelinks?: Record<string, { title?: unknown }>;
}

export interface BuildStats {
  lines: number;
  entities: number;
  badLines: number;
  noArabicLabel: number;
  unknownClass: number;
  /** Items that converted but failed the pack schema (e.g. a label over the length limit). */
  invalid: number;
  byType: Record<string, number>;
  /** Largest heap after a forced GC, sampled while streaming (only with `--expose-gc`). */
  peakHeapBytes?: number;
}

export interface BuildOptions {
  id?: string;
  version?: string;
  name?: { ar: string; en?: string };
  /** Called with a message for each bad line (the first 20 are worth printing). */
  warn?: (message: string) => void;
  /** Sample heap use every this many lines (needs `global.gc`). */
  sampleHeapEvery?: number;
}

/** Opens a dump file, gunzipping when it starts with the gzip magic bytes. */
export function openDump(path: string): Readable {
  const head = Buffer.alloc(2);
  const fd = openSync(path, "r");
  try {
    readSync(fd, head, 0, 2, 0);
  } finally {
    closeSync(fd);
  }
  const file = createReadStream(path);
  return head[0] === 0x1f && head[1] === 0x8b ? file.pipe(createGunzip()) : file;
}

/** Streams `input` (dump text) into `output` (pack JSON). Returns what it saw. */
export async function buildPack(
  input: Readable,
  output: Writable,
  options: BuildOptions = {},
): Promise<BuildStats> {
  const {
    id = "wikidata",
    version = todayVersion(),
    name = { ar: "ويكي بيانات", en: "Wikidata" },
    warn = () => {},
  } = options;
  const stats: BuildStats = {
    lines: 0,
    entities: 0,
    badLines: 0,
    noArabicLabel: 0,
    unknownClass: 0,
    invalid: 0,
    byType: {},
  };
  const usedIds = new Set<string>();
  const write = async (chunk: string) => {
    if (!output.write(chunk)) await once(output, "drain");
  };
  const gc = (globalThis as { gc?: () => void }).gc;
  const sample = () => {
    if (!gc) return;
    gc();
    stats.peakHeapBytes = Math.max(stats.peakHeapBytes ?? 0, process.memoryUsage().heapUsed);
  };

  const header = {
    format: PACK_FORMAT,
    formatVersion: PACK_FORMAT_VERSION,
    id,
    version,
    name,
    license: "CC0-1.0 (Wikidata)",
    attribution: "Built from a Wikidata dump with `npm run pack:build`.",
  };
  // The header is the pack object up to its entities array, written before any entity.
  await write(`${JSON.stringify(header).slice(0, -1)},"entities":[`);

  const lines = createInterface({ input, crlfDelay: Infinity });
  for await (const raw of lines) {
    stats.lines++;
    if (options.sampleHeapEvery && stats.lines % options.sampleHeapEvery === 0) sample();
    const line = raw.trim().replace(/,$/, "");
    if (line === "" || line === "[" || line === "]") continue;
    let item: WikidataEntity;
    try {
      item = JSON.parse(line) as WikidataEntity;
      if (typeof item !== "object" || item === null || Array.isArray(item))
        throw new Error("not an entity object");
    } catch (error) {
      stats.badLines++;
      warn(`line ${stats.lines}: skipped, ${errorText(error)}`);
      continue;
    }
    const converted = convertEntity(item, usedIds);
    if (converted === "no-arabic-label") stats.noArabicLabel++;
    else if (converted === "unknown-class") stats.unknownClass++;
    else {
      const checked = v.safeParse(PackEntitySchema, converted);
      if (!checked.success) {
        stats.invalid++;
        warn(`line ${stats.lines} (${item.id}): skipped, ${describeIssue(checked.issues[0])}`);
        continue;
      }
      if (stats.entities >= PACK_LIMITS.maxEntities) {
        warn(
          `line ${stats.lines}: pack is full (${PACK_LIMITS.maxEntities} entities); the rest is ignored`,
        );
        break;
      }
      usedIds.add(converted.id);
      await write(`${stats.entities === 0 ? "\n" : ",\n"}${JSON.stringify(converted)}`);
      stats.entities++;
      stats.byType[converted.type] = (stats.byType[converted.type] ?? 0) + 1;
    }
  }
  await write(`\n],"events":[]}\n`);
  sample();
  return stats;
}

/** One Wikidata item as a pack entity, or why it was left out. */
export function convertEntity(
  item: WikidataEntity,
  usedIds: ReadonlySet<string> = new Set(),
): PackEntity | "no-arabic-label" | "unknown-class" {
  const qid = typeof item.id === "string" && /^Q[1-9]\d*$/.test(item.id) ? item.id : undefined;
  const arabic = textOf(item.labels?.ar);
  if (!arabic || !qid || (item.type !== undefined && item.type !== "item"))
    return "no-arabic-label";
  const rule = classRule(item);
  if (!rule) return "unknown-class";
  const english = textOf(item.labels?.en);

  const names = english ? { ar: arabic, en: english } : { ar: arabic };
  const aliases: string[] = [];
  const seen = new Set([arabic, english]);
  for (const language of ["ar", "en"]) {
    for (const alias of item.aliases?.[language] ?? []) {
      const value = textOf(alias);
      if (!value || seen.has(value) || value.length > PACK_LIMITS.maxNameLength) continue;
      seen.add(value);
      if (aliases.length < PACK_LIMITS.maxAliases) aliases.push(value);
    }
  }
  const entity: PackEntity = {
    id: entityId(rule, item, english, qid, usedIds),
    type: rule.type,
    names,
    aliases,
  };
  const description = {
    ...(textOf(item.descriptions?.ar) ? { ar: clip(textOf(item.descriptions?.ar)!) } : {}),
    ...(textOf(item.descriptions?.en) ? { en: clip(textOf(item.descriptions?.en)!) } : {}),
  };
  if (description.ar || description.en) entity.description = description;
  entity.qid = qid;
  const wikipedia = {
    ...(textOf(item.sitelinks?.arwiki, "title")
      ? { ar: textOf(item.sitelinks?.arwiki, "title")! }
      : {}),
    ...(textOf(item.sitelinks?.enwiki, "title")
      ? { en: textOf(item.sitelinks?.enwiki, "title")! }
      : {}),
  };
  if (wikipedia.ar || wikipedia.en) entity.links = { wikipedia };
  return entity;
}

function classRule(item: WikidataEntity): ClassRule | undefined {
  const classes = new Set<string>();
  for (const claim of item.claims?.P31 ?? []) {
    if (claim.rank === "deprecated") continue;
    const value = claim.mainsnak?.datavalue?.value as { id?: unknown } | undefined;
    if (typeof value?.id === "string") classes.add(value.id);
  }
  for (const [qid, rule] of CLASS_RULES) if (classes.has(qid)) return rule;
  return undefined;
}

/** Ids follow docs/knowledge-pack.md: `country:<iso2>`, `city:<slug>`, `per:<slug>`, … */
function entityId(
  rule: ClassRule,
  item: WikidataEntity,
  english: string | undefined,
  qid: string,
  used: ReadonlySet<string>,
): string {
  const iso = item.claims?.P297?.[0]?.mainsnak?.datavalue?.value;
  let id: string;
  if (rule.place === "country" && typeof iso === "string" && /^[A-Z]{2}$/.test(iso))
    id = `country:${iso.toLowerCase()}`;
  else {
    const prefix = rule.place ?? ID_PREFIX[rule.type as "PER" | "ORG"];
    // Without an English label there is no readable slug; the item number keeps the id stable.
    id = `${prefix}:${(english && slug(english)) || qid.toLowerCase()}`;
  }
  // Two items with one English label (two cities called Tripoli): the later one adds its number.
  return used.has(id) ? `${id}-${qid.toLowerCase()}` : id;
}

export function slug(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/, "");
}

function textOf(holder: unknown, field = "value"): string | undefined {
  const value = (holder as Record<string, unknown> | undefined)?.[field];
  if (typeof value !== "string") return undefined;
  // Control characters would fail the pack schema; they carry nothing in a label.
  const clean = value.replace(/[\u0000-\u001F\u007F]/g, " ").trim();
  return clean || undefined;
}

function clip(text: string): string {
  return text.length > PACK_LIMITS.maxDescriptionLength
    ? `${text.slice(0, PACK_LIMITS.maxDescriptionLength - 1)}…`
    : text;
}

function todayVersion(): string {
  const now = new Date();
  return `${now.getUTCFullYear()}.${now.getUTCMonth() + 1}.${now.getUTCDate()}`;
}

/** Where a pack goes without `--out` (ignored by git). */
export const PACK_OUTPUT_DIR = "pack-output";

const USAGE =
  "usage: npm run pack:build -- DUMP.json[.gz] [--out FILE] [--id ID] [--version X.Y.Z] [--name-ar NAME] [--name-en NAME]";

async function main(argv: string[]): Promise<number> {
  const options: Record<string, string> = {};
  const files: string[] = [];
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index]!;
    if (arg === "--memory-report") options["memory-report"] = "1";
    else if (arg.startsWith("--")) {
      const value = argv[++index];
      if (value === undefined) {
        console.error(`${arg} needs a value\n${USAGE}`);
        return 2;
      }
      options[arg.slice(2)] = value;
    } else files.push(arg);
  }
  if (files.length !== 1) {
    console.error(USAGE);
    return 2;
  }
  const id = options.id ?? "wikidata";
  // Tool output goes to an ignored folder, never loose into the repository.
  const out = options.out ?? `${PACK_OUTPUT_DIR}/${id}-pack.json`;
  if (!options.out) mkdirSync(PACK_OUTPUT_DIR, { recursive: true });
  let warnings = 0;
  const output = createWriteStream(out);
  const stats = await buildPack(openDump(files[0]!), output, {
    id,
    ...(options.version ? { version: options.version } : {}),
    name: { ar: options["name-ar"] ?? "ويكي بيانات", en: options["name-en"] ?? "Wikidata" },
    warn: (message) => {
      if (++warnings <= 20) console.error(message);
      else if (warnings === 21) console.error("(further warnings not shown)");
    },
    ...(options["memory-report"] ? { sampleHeapEvery: 2000 } : {}),
  });
  output.end();
  await once(output, "finish");
  console.error(JSON.stringify({ out, ...stats }));
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`pack:build failed: ${errorText(error)}`);
      process.exit(1);
    },
  );
}
