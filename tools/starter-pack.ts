// Assembles the shipped starter pack (public/packs/starter.json) from the authoring files in
// packs/starter/: compact pipe-separated place tables plus JSON record files, merged and checked.
//
// Authoring files (read in name order, so the output is deterministic):
//   places-*.psv   our compact place/event tables; the file name says which table (see PSV_TABLES)
//   *.json         records in the pack's own shape: an array of entities and/or events, or an
//                  object `{ entities?: [...], events?: [...] }` (a record with `date` is an event)
// Country names come from i18n-iso-countries (MIT, © widdix GmbH), credited in the attribution.
//
// Run: npx tsx tools/starter-pack.ts [--out FILE] [--version X.Y.Z] [--skip-invalid]
//   --skip-invalid  skip (with a warning) malformed records of the JSON files instead of stopping
//   --verbose       list every event merged from several files
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import * as v from "valibot";
import { aliasKey } from "@/src/kb/alias-keys";
import {
  checkPack,
  ENTITY_ID_PATTERN,
  EventDateSchema,
  PACK_ENTITY_TYPES,
  PackError,
  QID_PATTERN,
  type Pack as FormatPack,
  type PackEntity as FormatEntity,
  type PackEntityType,
  type PackEvent as FormatEvent,
  type PackFact as FormatFact,
} from "@/src/contracts/pack-schema";
import { STARTER_PACK_FILE } from "@/src/shared/shipped-files";

export const PACK_VERSION = "2026.12.4.1";

// The starter pack's record shapes are the format's (src/contracts/pack-schema.ts), narrowed where the
// starter pack is stricter: the format makes English optional, the starter pack always writes both.
/** Text in both languages. */
export interface Localized {
  ar: string;
  en: string;
}

export type PackFact = Omit<FormatFact, "label" | "value"> & { label: Localized; value: Localized };

export type { PackEntityType };

export type PackEntity = Omit<FormatEntity, "names" | "description" | "facts"> & {
  names: Localized;
  description: Localized;
  facts?: PackFact[];
};

export type PackEvent = Omit<FormatEvent, "title"> & { title: Localized };

export type Pack = Omit<FormatPack, "name" | "description" | "entities" | "events"> & {
  name: Localized;
  description?: Localized;
  entities: PackEntity[];
  events: PackEvent[];
};

/** A problem in the authoring files that stops assembly; `where` names the file and line or record. */
export class AuthoringError extends Error {
  constructor(
    readonly where: string,
    message: string,
  ) {
    super(`${where}: ${message}`);
    this.name = "AuthoringError";
  }
}

// Matching keys are the knowledge base's own (src/kb/alias-keys): spelling variants the
// recognizer folds (أ/ا, ة/ه, ى/ي, diacritics, case) are one alias for the uniqueness rule too.
export { aliasKey };

// ---------------------------------------------------------------------------------------------
// Validation shared by the assembler and the pack test.

// The ids, types and dates the format accepts; the assembler reports every problem with its file.
const ID_PATTERN = ENTITY_ID_PATTERN;
const ENTITY_TYPES: ReadonlySet<string> = new Set(PACK_ENTITY_TYPES);

/** True for an ISO date at year, month or day precision that exists on the calendar (the format's rule). */
export function isIsoDate(date: string): boolean {
  return v.is(EventDateSchema, date);
}

function isLocalized(value: unknown): value is Localized {
  if (typeof value !== "object" || value === null) return false;
  const { ar, en } = value as Record<string, unknown>;
  return typeof ar === "string" && ar.trim() !== "" && typeof en === "string" && en.trim() !== "";
}

/** A role still held: its value ends with an open period, `(2019–)`. Such a fact must say when it was last known true. */
export const OPEN_ROLE = /–\)$/;

/**
 * A name written with a clitic glued to the article: و/ف/ب/ك + ال (`والجزيرة`, `والـ LBCI`) or
 * ل + ال written لل (`للأمم المتحدة`). Such a spelling is a word of running text, not a name: the
 * recognizer strips clitics itself, so the alias would only ever match that one inflected form.
 */
export const GLUED_CLITIC = /^(?:[وفبك]ال|[وف]?لل)/;

/**
 * First words that look like a glued clitic but are names: foreign names beginning Val-, Wal-,
 * Cal-, Pal-, Bal- (فاليتا, كاليفورنيا, بالاو) and Arabic ones such as فالح. Compared by alias key.
 */
export const GLUED_CLITIC_WHITELIST: ReadonlySet<string> = new Set(
  [
    "باليكير",
    "فاليتا",
    "كاليدونيا",
    "بالاو",
    "والس",
    "وال", // وكالة الأنباء الليبية's acronym (وال), and وال ستريت
    "فالح",
    "فاليري",
    "باليكسير",
    "كاليفورنيا",
    "بالتل", // Paltel
    "والت", // Walt (Disney)
  ].map(aliasKey),
);

/** True when `name` starts with a glued clitic + article and its first word is not whitelisted. */
export function hasGluedClitic(name: string): boolean {
  const text = name.trim();
  if (!GLUED_CLITIC.test(text)) return false;
  const firstWord = text.split(/\s+/)[0]!;
  // The article stretched with tatweel before a foreign word (والـ LBCI) is never a name.
  if (/^(?:[وفبك]ال|[وف]?لل)ـ/.test(firstWord)) return true;
  return !GLUED_CLITIC_WHITELIST.has(aliasKey(firstWord));
}

/** Problems with one entity's shape, each naming the field. Empty when the record is sound. */
export function entityShapeProblems(entity: unknown): string[] {
  const problems: string[] = [];
  if (typeof entity !== "object" || entity === null) return ["not an object"];
  const e = entity as Record<string, unknown>;
  if (typeof e.id !== "string" || !ID_PATTERN.test(e.id))
    problems.push(`id: ${JSON.stringify(e.id)} is not a valid id`);
  if (typeof e.type !== "string" || !ENTITY_TYPES.has(e.type))
    problems.push(`type: ${JSON.stringify(e.type)} is not PER/ORG/LOC/MISC/EVENT`);
  if (!isLocalized(e.names)) problems.push("names: needs non-empty ar and en");
  if (!isLocalized(e.description)) problems.push("description: needs non-empty ar and en");
  if (
    !Array.isArray(e.aliases) ||
    e.aliases.some((a) => typeof a !== "string" || a.trim() === "")
  ) {
    problems.push("aliases: must be a list of non-empty strings");
  }
  if (
    e.ambiguousAliases !== undefined &&
    (!Array.isArray(e.ambiguousAliases) || e.ambiguousAliases.some((a) => typeof a !== "string"))
  ) {
    problems.push("ambiguousAliases: must be a list of strings");
  }
  for (const field of ["aliases", "ambiguousAliases"] as const) {
    const values = e[field];
    if (!Array.isArray(values)) continue;
    for (const alias of values)
      if (typeof alias === "string" && hasGluedClitic(alias))
        problems.push(
          `${field}: "${alias}" starts with a clitic glued to the article (و/ف/ب/ك + ال, لل); write the bare name, or whitelist the word in GLUED_CLITIC_WHITELIST`,
        );
  }
  if (e.qid !== undefined && (typeof e.qid !== "string" || !QID_PATTERN.test(e.qid)))
    problems.push(`qid: ${JSON.stringify(e.qid)} is not a Wikidata id`);
  if (e.facts !== undefined) {
    if (!Array.isArray(e.facts)) problems.push("facts: must be a list");
    else
      e.facts.forEach((f, i) => {
        const fact = f as Record<string, unknown> | null;
        if (!fact || !isLocalized(fact.label) || !isLocalized(fact.value))
          problems.push(`facts[${i}]: needs label and value in ar and en`);
        else if (
          fact.asOf !== undefined &&
          (typeof fact.asOf !== "string" || !isIsoDate(fact.asOf))
        )
          problems.push(`facts[${i}].asOf: ${JSON.stringify(fact.asOf)} is not an ISO date`);
        else if (fact.asOf === undefined && OPEN_ROLE.test((fact.value as Localized).en))
          problems.push(
            `facts[${i}]: a current office ("${(fact.value as Localized).en}") needs asOf, the date it is known to hold as of`,
          );
      });
  }
  return problems;
}

/** Problems with one event's shape, each naming the field. Empty when the record is sound. */
export function eventShapeProblems(event: unknown): string[] {
  const problems: string[] = [];
  if (typeof event !== "object" || event === null) return ["not an object"];
  const e = event as Record<string, unknown>;
  if (typeof e.id !== "string" || !ID_PATTERN.test(e.id))
    problems.push(`id: ${JSON.stringify(e.id)} is not a valid id`);
  if (typeof e.date !== "string" || !isIsoDate(e.date))
    problems.push(
      `date: ${JSON.stringify(e.date)} is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)`,
    );
  if (!isLocalized(e.title)) problems.push("title: needs non-empty ar and en");
  if (
    !Array.isArray(e.entityIds) ||
    e.entityIds.length === 0 ||
    e.entityIds.some((id) => typeof id !== "string")
  ) {
    problems.push("entityIds: must be a non-empty list of ids");
  }
  if (e.place !== undefined && typeof e.place !== "string") problems.push("place: must be an id");
  return problems;
}

/** Every alias key of an entity: its names, aliases and ambiguous aliases (all are matched), normalised. */
export function entityKeys(entity: PackEntity): Set<string> {
  const keys = new Set<string>();
  for (const text of [
    entity.names.ar,
    entity.names.en,
    ...entity.aliases,
    ...(entity.ambiguousAliases ?? []),
  ]) {
    const key = aliasKey(text);
    if (key) keys.add(key);
  }
  return keys;
}

/**
 * Everything wrong with an assembled pack: shapes, duplicate ids, dangling references, and aliases
 * shared by two entities without both marking them ambiguous. Empty for a sound pack.
 */
export function packProblems(pack: Pack): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  pack.entities.forEach((entity, i) => {
    const where = `entities[${i}] (${entity?.id ?? "?"})`;
    for (const p of entityShapeProblems(entity)) problems.push(`${where}: ${p}`);
    if (ids.has(entity.id)) problems.push(`${where}: id is used twice`);
    ids.add(entity.id);
  });
  const eventIds = new Set<string>();
  pack.events.forEach((event, i) => {
    const where = `events[${i}] (${event?.id ?? "?"})`;
    for (const p of eventShapeProblems(event)) problems.push(`${where}: ${p}`);
    if (eventIds.has(event.id) || ids.has(event.id)) problems.push(`${where}: id is used twice`);
    eventIds.add(event.id);
    for (const ref of event.entityIds ?? [])
      if (!ids.has(ref)) problems.push(`${where}: entityIds: ${ref} is not in the pack`);
    if (event.place !== undefined && !ids.has(event.place))
      problems.push(`${where}: place: ${event.place} is not in the pack`);
  });
  for (const [coarse, fine] of precisionDuplicates(pack.events)) {
    problems.push(
      `events ${coarse.id} and ${fine.id} are one happening at two date precisions: keep the precise one`,
    );
  }
  for (const clash of aliasClashes(pack.entities)) {
    if (!clash.holders.every((h) => h.marked)) {
      problems.push(
        `alias "${clash.key}" is shared by ${clash.holders.map((h) => h.entity.id).join(", ")} but not marked ambiguous by all of them`,
      );
    }
  }
  return problems;
}

/** The slug of an event id, its `event:<date>-` prefix removed (`event:2024-11-opposition-takes-aleppo` → `opposition-takes-aleppo`). */
export function eventSlug(event: Pick<PackEvent, "id" | "date">): string {
  const prefix = `event:${event.date}-`;
  return event.id.startsWith(prefix) ? event.id.slice(prefix.length) : event.id;
}

/**
 * Pairs of events that differ only in date precision: the same slug, and the one date a prefix
 * of the other (`2024-11` and `2024-11-30`). Each pair is [coarser, finer].
 */
export function precisionDuplicates(events: readonly PackEvent[]): [PackEvent, PackEvent][] {
  const bySlug = new Map<string, PackEvent[]>();
  for (const event of events) {
    const slug = eventSlug(event);
    bySlug.set(slug, [...(bySlug.get(slug) ?? []), event]);
  }
  const pairs: [PackEvent, PackEvent][] = [];
  for (const group of bySlug.values()) {
    for (const a of group) {
      for (const b of group) {
        if (a !== b && a.date.length < b.date.length && b.date.startsWith(`${a.date}-`))
          pairs.push([a, b]);
      }
    }
  }
  return pairs;
}

interface AliasClash {
  key: string;
  holders: { entity: PackEntity; marked: boolean; isName: boolean }[];
}

/** Alias keys held by more than one entity, with whether each holder marks the alias ambiguous. */
export function aliasClashes(entities: readonly PackEntity[]): AliasClash[] {
  const byKey = new Map<string, PackEntity[]>();
  for (const entity of entities) {
    for (const key of entityKeys(entity)) {
      const list = byKey.get(key);
      if (list) list.push(entity);
      else byKey.set(key, [entity]);
    }
  }
  const clashes: AliasClash[] = [];
  for (const [key, holders] of byKey) {
    if (holders.length < 2) continue;
    clashes.push({
      key,
      holders: holders.map((entity) => ({
        entity,
        marked: (entity.ambiguousAliases ?? []).some((a) => aliasKey(a) === key),
        isName: aliasKey(entity.names.ar) === key || aliasKey(entity.names.en) === key,
      })),
    });
  }
  return clashes;
}

// ---------------------------------------------------------------------------------------------
// Pipe-separated tables: one record per line, `|` between columns, `;` between list items,
// `#` starts a comment line. Compact enough to author a thousand places by hand.

interface PsvRow {
  where: string;
  cells: string[];
}

/** `required` lists the columns (by index) that must not be empty. */
export function parsePsv(
  text: string,
  file: string,
  columns: readonly string[],
  required: readonly number[],
): PsvRow[] {
  const rows: PsvRow[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    const trimmed = line.trim();
    if (trimmed === "" || trimmed.startsWith("#")) return;
    const where = `${file}:${index + 1}`;
    const cells = trimmed.split("|").map((c) => c.trim());
    if (cells.length > columns.length) {
      throw new AuthoringError(
        where,
        `has ${cells.length} columns, at most ${columns.length} expected (${columns.join(" | ")})`,
      );
    }
    for (const c of required) {
      if (!cells[c]) throw new AuthoringError(where, `column "${columns[c]}" is empty`);
    }
    rows.push({ where, cells });
  });
  return rows;
}

function list(cell: string | undefined): string[] {
  return (cell ?? "")
    .split(";")
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * An alias cell: `;`-separated, and an item starting with `?` is knowingly shared with another
 * entity (`?طرابلس` on both Tripolis) and goes into ambiguousAliases as well.
 */
function aliasFields(
  names: Localized,
  ...items: string[]
): Pick<PackEntity, "aliases" | "ambiguousAliases"> {
  const ambiguous = items.filter((x) => x.startsWith("?")).map((x) => x.slice(1).trim());
  const plain = items.map((x) => (x.startsWith("?") ? x.slice(1).trim() : x));
  const aliases = distinct(plain, [names.ar, names.en]);
  return ambiguous.length ? { aliases, ambiguousAliases: distinct(ambiguous) } : { aliases };
}

function cell(row: PsvRow, index: number): string {
  return row.cells[index] ?? "";
}

// ---------------------------------------------------------------------------------------------
// Vocabulary the tables refer to by code.

const ZONES: Record<string, Localized> = {
  WAS: { ar: "غرب آسيا", en: "Western Asia" },
  NAF: { ar: "شمال أفريقيا", en: "North Africa" },
  EAF: { ar: "شرق أفريقيا", en: "East Africa" },
  WAF: { ar: "غرب أفريقيا", en: "West Africa" },
  CAF: { ar: "وسط أفريقيا", en: "Central Africa" },
  SAF: { ar: "الجنوب الأفريقي", en: "Southern Africa" },
  CAS: { ar: "آسيا الوسطى", en: "Central Asia" },
  SAS: { ar: "جنوب آسيا", en: "South Asia" },
  EAS: { ar: "شرق آسيا", en: "East Asia" },
  SEA: { ar: "جنوب شرق آسيا", en: "Southeast Asia" },
  NEU: { ar: "شمال أوروبا", en: "Northern Europe" },
  WEU: { ar: "غرب أوروبا", en: "Western Europe" },
  SEU: { ar: "جنوب أوروبا", en: "Southern Europe" },
  EEU: { ar: "شرق أوروبا", en: "Eastern Europe" },
  NAM: { ar: "أمريكا الشمالية", en: "North America" },
  CAM: { ar: "أمريكا الوسطى", en: "Central America" },
  CAR: { ar: "البحر الكاريبي", en: "the Caribbean" },
  SAM: { ar: "أمريكا الجنوبية", en: "South America" },
  OCE: { ar: "أوقيانوسيا", en: "Oceania" },
  ANT: { ar: "أقصى جنوب الكرة الأرضية", en: "the far south of the globe" },
};

/** How each kind of first-level division is called; `null` means the row gives full names. */
const DIVISION_KINDS: Record<
  string,
  { ar: string; en: string; descAr: string; descEn: string } | null
> = {
  gov: { ar: "محافظة", en: "Governorate", descAr: "محافظة في", descEn: "Governorate of" },
  prov: { ar: "محافظة", en: "Province", descAr: "محافظة في", descEn: "Province of" },
  il: { ar: "ولاية", en: "Province", descAr: "ولاية في", descEn: "Province of" },
  reg: { ar: "منطقة", en: "Region", descAr: "منطقة إدارية في", descEn: "Administrative region of" },
  jiha: { ar: "جهة", en: "Region", descAr: "جهة إدارية في", descEn: "Region of" },
  wil: { ar: "ولاية", en: "Province", descAr: "ولاية في", descEn: "Province of" },
  state: { ar: "ولاية", en: "State", descAr: "ولاية في", descEn: "State of" },
  emir: { ar: "إمارة", en: "Emirate", descAr: "إمارة في دولة", descEn: "Emirate of" },
  dist: { ar: "لواء", en: "District", descAr: "لواء (منطقة إدارية) في", descEn: "District of" },
  shab: { ar: "شعبية", en: "District", descAr: "شعبية (منطقة إدارية) في", descEn: "District of" },
  "-": null,
};

const LABELS = {
  capital: { ar: "العاصمة", en: "Capital" },
  country: { ar: "الدولة", en: "Country" },
  division: { ar: "التقسيم الإداري", en: "Administrative division" },
  seat: { ar: "المركز", en: "Seat" },
  iso: { ar: "رمز الدولة", en: "ISO code" },
  arabLeague: { ar: "عضوية جامعة الدول العربية", en: "Arab League member" },
  sovereign: { ar: "تابع لـ", en: "Belongs to" },
  location: { ar: "الموقع", en: "Location" },
  kind: { ar: "النوع", en: "Kind" },
} satisfies Record<string, Localized>;

const PLACE_KINDS: Record<string, Localized> = {
  airport: { ar: "مطار", en: "Airport" },
  crossing: { ar: "منفذ حدودي", en: "Border crossing" },
  strait: { ar: "مضيق", en: "Strait" },
  canal: { ar: "قناة ملاحية", en: "Canal" },
  river: { ar: "نهر", en: "River" },
  sea: { ar: "بحر", en: "Sea" },
  gulf: { ar: "خليج", en: "Gulf" },
  ocean: { ar: "محيط", en: "Ocean" },
  lake: { ar: "بحيرة", en: "Lake" },
  region: { ar: "منطقة جغرافية", en: "Geographic region" },
  mountain: { ar: "جبل أو سلسلة جبلية", en: "Mountain or range" },
  island: { ar: "جزيرة", en: "Island" },
  peninsula: { ar: "شبه جزيرة", en: "Peninsula" },
  desert: { ar: "صحراء", en: "Desert" },
  dam: { ar: "سد", en: "Dam" },
  port: { ar: "ميناء", en: "Port" },
  site: { ar: "موقع", en: "Site" },
  zone: { ar: "منطقة", en: "Area" },
  base: { ar: "قاعدة عسكرية", en: "Military base" },
  field: { ar: "حقل نفطي أو غازي", en: "Oil or gas field" },
  camp: { ar: "مخيم", en: "Camp" },
  "former-state": { ar: "دولة سابقة", en: "Former state" },
  "historic-region": { ar: "إقليم تاريخي", en: "Historic region" },
};

// ---------------------------------------------------------------------------------------------
// Table builders.

interface CountryInfo {
  entity: PackEntity;
  shortAr: string;
  shortEn: string;
}

interface Assembly {
  entities: Map<string, { entity: PackEntity; where: string }>;
  events: Map<string, { event: PackEvent; where: string }>;
  countries: Map<string, CountryInfo>;
  cityRegions: {
    cityId: string;
    regionId: string;
    where: string;
    generic: boolean;
    country: CountryInfo;
  }[];
  warnings: string[];
  /** Same-id events from several files: expected when both halves write one happening, so not warnings. */
  merged: string[];
}

function addEntity(a: Assembly, entity: PackEntity, where: string): void {
  const problems = entityShapeProblems(entity);
  if (problems.length) throw new AuthoringError(where, problems.join("; "));
  const existing = a.entities.get(entity.id);
  if (existing)
    throw new AuthoringError(where, `id ${entity.id} is already defined at ${existing.where}`);
  a.entities.set(entity.id, { entity, where });
}

/**
 * An event id names the happening (`event:<date>-<slug>`), so both halves of the pack may write
 * the same one: the first definition keeps its wording, the links are merged. A second definition
 * with another date is a real conflict.
 */
function addEvent(a: Assembly, event: PackEvent, where: string): void {
  const problems = eventShapeProblems(event);
  if (problems.length) throw new AuthoringError(where, problems.join("; "));
  const existing = a.events.get(event.id);
  if (!existing) {
    a.events.set(event.id, { event, where });
    return;
  }
  if (existing.event.date !== event.date) {
    throw new AuthoringError(
      where,
      `id ${event.id} is already defined at ${existing.where} with date ${existing.event.date}`,
    );
  }
  const merged: PackEvent = {
    ...existing.event,
    entityIds: [...new Set([...existing.event.entityIds, ...event.entityIds])],
  };
  const place = existing.event.place ?? event.place;
  if (place !== undefined) merged.place = place;
  a.events.set(event.id, { event: merged, where: existing.where });
  a.merged.push(
    `${where}: ${event.id} is also defined at ${existing.where}; links merged, wording of the first kept`,
  );
}

/** The preposition ل joined to a name: لفرنسا, and للمملكة المتحدة where the name has the article. */
function withLam(nameAr: string): string {
  return nameAr.startsWith("ال") ? `لل${nameAr.slice(2)}` : `ل${nameAr}`;
}

/** "Capital of the United States", not "of United States": plural and descriptive names take "the". */
function withArticle(nameEn: string): string {
  const takesThe =
    /^(United|Republic|Democratic|Central African|Dominican|Czech Republic|Netherlands|Philippines|Bahamas|Gambia|Maldives|Comoros|Marshall|Solomon|Seychelles|Cayman|Falkland|Faroe|British|U\.S\.|Cook|Cocos|Northern Mariana|Turks|Holy|Vatican)/;
  return takesThe.test(nameEn) ? `the ${nameEn}` : nameEn;
}

function country(a: Assembly, iso: string, where: string): CountryInfo {
  const info = a.countries.get(iso.toLowerCase());
  if (!info)
    throw new AuthoringError(
      where,
      `unknown country code "${iso}" (define it in places-countries.psv first)`,
    );
  return info;
}

function distinct(values: string[], except: string[] = []): string[] {
  const seen = new Set(except.map(aliasKey));
  const out: string[] = [];
  for (const v of values) {
    const k = aliasKey(v);
    if (!k || seen.has(k)) continue;
    seen.add(k);
    out.push(v);
  }
  return out;
}

const COUNTRY_COLUMNS = [
  "iso2",
  "status",
  "zone",
  "qid",
  "aliases",
  "capital slug",
  "capital ar",
  "capital en",
  "capital qid",
  "capital aliases",
  "name ar",
  "name en",
  "short ar",
] as const;

function buildCountries(a: Assembly, text: string, file: string): void {
  const require = createRequire(import.meta.url);
  const arNames = (
    require("i18n-iso-countries/langs/ar.json") as { countries: Record<string, string | string[]> }
  ).countries;
  const enNames = (
    require("i18n-iso-countries/langs/en.json") as { countries: Record<string, string | string[]> }
  ).countries;
  const rows = parsePsv(text, file, COUNTRY_COLUMNS, [0, 1, 2]);
  const capitals: { row: PsvRow; iso: string }[] = [];
  for (const row of rows) {
    const iso = cell(row, 0).toUpperCase();
    const status = cell(row, 1);
    const zone = ZONES[cell(row, 2)];
    if (!/^[A-Z]{2}$/.test(iso))
      throw new AuthoringError(row.where, `"${iso}" is not a two-letter country code`);
    if (!zone)
      throw new AuthoringError(
        row.where,
        `unknown zone "${cell(row, 2)}" (one of ${Object.keys(ZONES).join(", ")})`,
      );
    const packageAr = [arNames[iso] ?? []].flat();
    const packageEn = [enNames[iso] ?? []].flat();
    const nameAr = cell(row, 10) || packageAr[0];
    const nameEn = cell(row, 11) || packageEn.at(-1);
    if (!nameAr || !nameEn)
      throw new AuthoringError(
        row.where,
        `i18n-iso-countries has no name for ${iso}; give "name ar" and "name en"`,
      );
    const shortAr = cell(row, 12) || nameAr;
    // Official-style English forms with commas or brackets ("Moldova, Republic of") never occur in
    // text; `-name` in the alias cell drops a package name that is an everyday word (مالي "financial").
    const dropped = new Set(
      list(cell(row, 4))
        .filter((x) => x.startsWith("-"))
        .map((x) => aliasKey(x.slice(1))),
    );
    const packageAliases = [...packageAr, ...packageEn].filter(
      (n) => !/[,()]/.test(n) && !dropped.has(aliasKey(n)),
    );
    const facts: PackFact[] = [];
    let descAr: string;
    let descEn: string;
    const territoryOf = /^T:([a-z]{2})$/.exec(status);
    if (status === "S" || status === "A" || status === "D") {
      const arab = status === "A";
      descAr = `${arab ? "دولة عربية" : status === "D" ? "دولة ذات اعتراف دولي جزئي أو متنازع عليها" : "دولة"} في ${zone.ar}`;
      descEn = `${arab ? "Arab state" : status === "D" ? "Partially recognised or disputed state" : "Country"} in ${zone.en}`;
      if (arab) facts.push({ label: LABELS.arabLeague, value: { ar: "نعم", en: "Yes" } });
    } else if (territoryOf) {
      const sovereign = country(a, territoryOf[1]!, row.where);
      descAr = `إقليم تابع ${withLam(sovereign.shortAr)} في ${zone.ar}`;
      descEn = `Territory of ${sovereign.shortEn} in ${zone.en}`;
      facts.push({
        label: LABELS.sovereign,
        value: { ar: sovereign.entity.names.ar, en: sovereign.entity.names.en },
      });
    } else if (status === "CD") {
      // Guernsey, Jersey and the Isle of Man belong to the British Crown, not to the United Kingdom.
      descAr = `إقليم تابع للتاج البريطاني في ${zone.ar}`;
      descEn = `British Crown Dependency in ${zone.en}`;
      facts.push({
        label: LABELS.sovereign,
        value: { ar: "التاج البريطاني", en: "The British Crown" },
      });
    } else if (status === "X") {
      descAr = `إقليم في ${zone.ar}`;
      descEn = `Territory in ${zone.en}`;
    } else {
      throw new AuthoringError(row.where, `status "${status}" is not S, A, D, X, CD or T:<iso2>`);
    }
    const capitalSlug = cell(row, 5);
    if (capitalSlug) {
      if (!cell(row, 6) || !cell(row, 7))
        throw new AuthoringError(row.where, "a capital needs its Arabic and English names");
      facts.unshift({ label: LABELS.capital, value: { ar: cell(row, 6), en: cell(row, 7) } });
      descAr += `، عاصمتها ${cell(row, 6)}`;
      descEn += `; capital: ${cell(row, 7)}`;
      capitals.push({ row, iso });
    }
    facts.push({ label: LABELS.iso, value: { ar: iso, en: iso } });
    const entity: PackEntity = {
      id: `country:${iso.toLowerCase()}`,
      type: "LOC",
      names: { ar: nameAr, en: nameEn },
      ...aliasFields(
        { ar: nameAr, en: nameEn },
        ...packageAliases,
        shortAr,
        ...list(cell(row, 4)).filter((x) => !x.startsWith("-")),
      ),
      description: { ar: descAr, en: descEn },
      facts,
      ...(cell(row, 3) ? { qid: cell(row, 3) } : {}),
    };
    addEntity(a, entity, row.where);
    a.countries.set(iso.toLowerCase(), { entity, shortAr, shortEn: withArticle(nameEn) });
  }
  for (const { row, iso } of capitals) {
    const info = country(a, iso, row.where);
    addEntity(
      a,
      {
        id: `city:${cell(row, 5)}`,
        type: "LOC",
        names: { ar: cell(row, 6), en: cell(row, 7) },
        ...aliasFields({ ar: cell(row, 6), en: cell(row, 7) }, ...list(cell(row, 9))),
        description: { ar: `عاصمة ${info.shortAr}`, en: `Capital of ${info.shortEn}` },
        facts: [
          { label: LABELS.country, value: { ar: info.entity.names.ar, en: info.entity.names.en } },
        ],
        ...(cell(row, 8) ? { qid: cell(row, 8) } : {}),
      },
      row.where,
    );
  }
}

const CITY_COLUMNS = [
  "slug",
  "iso2",
  "name ar",
  "name en",
  "aliases",
  "region slug",
  "description ar",
  "description en",
  "qid",
] as const;

function buildCities(a: Assembly, text: string, file: string): void {
  for (const row of parsePsv(text, file, CITY_COLUMNS, [0, 1, 2, 3])) {
    // `-` instead of a country: a city whose sovereignty is contested gets no country fact and
    // must describe itself.
    const contested = cell(row, 1) === "-";
    if (contested && (!cell(row, 6) || !cell(row, 7)))
      throw new AuthoringError(row.where, "a city without a country needs its own description");
    const info = contested ? undefined : country(a, cell(row, 1), row.where);
    const facts: PackFact[] = info
      ? [{ label: LABELS.country, value: { ar: info.entity.names.ar, en: info.entity.names.en } }]
      : [];
    // Regions are built after cities (see PSV_TABLES), so the division fact is filled in later.
    if (cell(row, 5)) {
      a.cityRegions.push({
        cityId: `city:${cell(row, 0)}`,
        regionId: `region:${cell(row, 1)}-${cell(row, 5)}`,
        where: row.where,
        generic: !cell(row, 6),
        country: info!,
      });
    }
    addEntity(
      a,
      {
        id: `city:${cell(row, 0)}`,
        type: "LOC",
        names: { ar: cell(row, 2), en: cell(row, 3) },
        ...aliasFields({ ar: cell(row, 2), en: cell(row, 3) }, ...list(cell(row, 4))),
        description: {
          ar: cell(row, 6) || `مدينة في ${info!.shortAr}`,
          en: cell(row, 7) || `City in ${info!.shortEn}`,
        },
        ...(facts.length ? { facts } : {}),
        ...(cell(row, 8) ? { qid: cell(row, 8) } : {}),
      },
      row.where,
    );
  }
}

const REGION_COLUMNS = [
  "slug",
  "iso2",
  "kind",
  "base ar",
  "base en",
  "aliases",
  "seat city slug",
  "description ar",
  "description en",
] as const;

/**
 * Provinces and governorates. A division named after its seat city does not take the bare name
 * as an alias: in the news the bare name means the city (`الموصل`, `حلب`), so `cityNames` are skipped.
 */
function buildRegions(a: Assembly, text: string, file: string, cityNames: Set<string>): void {
  for (const row of parsePsv(text, file, REGION_COLUMNS, [0, 1, 2, 3, 4])) {
    const iso = cell(row, 1);
    const info = country(a, iso, row.where);
    const kindCode = cell(row, 2);
    if (!(kindCode in DIVISION_KINDS))
      throw new AuthoringError(
        row.where,
        `unknown kind "${kindCode}" (one of ${Object.keys(DIVISION_KINDS).join(", ")})`,
      );
    const kind = DIVISION_KINDS[kindCode];
    const baseAr = cell(row, 3);
    const baseEn = cell(row, 4);
    const names = kind
      ? { ar: `${kind.ar} ${baseAr}`, en: `${baseEn} ${kind.en}` }
      : { ar: baseAr, en: baseEn };
    // A leading `!` in the alias cell keeps the bare name out: `الشرقية`, `البحر الأحمر` are
    // everyday words or other places before they are a governorate.
    const aliasItems = list(cell(row, 5));
    const noBare = aliasItems[0] === "!";
    const bare = kind && !noBare ? [baseAr, baseEn].filter((n) => !cityNames.has(aliasKey(n))) : [];
    const facts: PackFact[] = [
      { label: LABELS.country, value: { ar: info.entity.names.ar, en: info.entity.names.en } },
    ];
    const seat = cell(row, 6);
    if (seat) {
      const city = a.entities.get(`city:${seat}`);
      if (!city) throw new AuthoringError(row.where, `seat city:${seat} is not defined`);
      facts.push({
        label: LABELS.seat,
        value: { ar: city.entity.names.ar, en: city.entity.names.en },
      });
    }
    addEntity(
      a,
      {
        id: `region:${iso}-${cell(row, 0)}`,
        type: "LOC",
        names,
        ...aliasFields(names, ...bare, ...aliasItems.filter((x) => x !== "!")),
        description: {
          ar: cell(row, 7) || `${kind?.descAr ?? "منطقة في"} ${info.shortAr}`,
          en: cell(row, 8) || `${kind?.descEn ?? "Region of"} ${info.shortEn}`,
        },
        facts,
      },
      row.where,
    );
  }
}

const LANDMARK_COLUMNS = [
  "slug",
  "kind",
  "name ar",
  "name en",
  "aliases",
  "countries",
  "description ar",
  "description en",
  "qid",
] as const;

function buildLandmarks(a: Assembly, text: string, file: string): void {
  for (const row of parsePsv(text, file, LANDMARK_COLUMNS, [0, 1, 2, 3, 6, 7])) {
    const kind = PLACE_KINDS[cell(row, 1)];
    if (!kind)
      throw new AuthoringError(
        row.where,
        `unknown kind "${cell(row, 1)}" (one of ${Object.keys(PLACE_KINDS).join(", ")})`,
      );
    const facts: PackFact[] = [{ label: LABELS.kind, value: kind }];
    const where = list(cell(row, 5)).map((iso) => country(a, iso, row.where).entity.names);
    if (where.length) {
      facts.push({
        label: LABELS.location,
        value: { ar: where.map((n) => n.ar).join("، "), en: where.map((n) => n.en).join(", ") },
      });
    }
    addEntity(
      a,
      {
        id: `place:${cell(row, 0)}`,
        type: "LOC",
        names: { ar: cell(row, 2), en: cell(row, 3) },
        ...aliasFields({ ar: cell(row, 2), en: cell(row, 3) }, ...list(cell(row, 4))),
        description: { ar: cell(row, 6), en: cell(row, 7) },
        facts,
        ...(cell(row, 8) ? { qid: cell(row, 8) } : {}),
      },
      row.where,
    );
  }
}

const EVENT_COLUMNS = ["date", "slug", "title ar", "title en", "entity ids", "place"] as const;

/** Entity references in event tables: a bare two-letter code stands for the country. */
function expandRef(ref: string): string {
  return /^[a-z]{2}$/.test(ref) ? `country:${ref}` : ref;
}

function buildEvents(a: Assembly, text: string, file: string): void {
  for (const row of parsePsv(text, file, EVENT_COLUMNS, [0, 1, 2, 3])) {
    const date = cell(row, 0);
    if (!isIsoDate(date))
      throw new AuthoringError(
        row.where,
        `date "${date}" is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)`,
      );
    const place = cell(row, 5) ? expandRef(cell(row, 5)) : undefined;
    const entityIds = [
      ...new Set([...list(cell(row, 4)).map(expandRef), ...(place ? [place] : [])]),
    ];
    addEvent(
      a,
      {
        id: `event:${date}-${cell(row, 1)}`,
        date,
        title: { ar: cell(row, 2), en: cell(row, 3) },
        entityIds,
        ...(place ? { place } : {}),
      },
      row.where,
    );
  }
}

/**
 * Records written by hand elsewhere: a malformed qid is dropped (no id beats a wrong one); any
 * other shape problem stops assembly, or skips the record with a warning under `skipInvalid`.
 */
function readJsonRecords(a: Assembly, text: string, file: string, skipInvalid: boolean): void {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new AuthoringError(file, `is not valid JSON (${(error as Error).message})`);
  }
  const records: unknown[] = Array.isArray(data)
    ? data
    : typeof data === "object" && data !== null
      ? [
          ...((data as { entities?: unknown[] }).entities ?? []),
          ...((data as { events?: unknown[] }).events ?? []),
        ]
      : [];
  records.forEach((raw, i) => {
    const where = `${file} record ${i}`;
    const record = withKnownFields(raw, where, a.warnings);
    try {
      if (typeof record === "object" && record !== null && "date" in record) {
        addEvent(a, record as PackEvent, where);
        return;
      }
      const entity = record as PackEntity;
      if (
        typeof entity === "object" &&
        entity !== null &&
        entity.qid !== undefined &&
        !(typeof entity.qid === "string" && QID_PATTERN.test(entity.qid))
      ) {
        a.warnings.push(
          `${where} (${entity.id}): qid ${JSON.stringify(entity.qid)} is not a Wikidata id; dropped`,
        );
        const { qid: _dropped, ...rest } = entity;
        addEntity(a, rest, where);
      } else {
        addEntity(a, entity, where);
      }
    } catch (error) {
      if (!(skipInvalid && error instanceof AuthoringError)) throw error;
      a.warnings.push(`${error.message}; record skipped`);
    }
  });
}

const ENTITY_FIELDS = new Set([
  "id",
  "type",
  "names",
  "aliases",
  "ambiguousAliases",
  "description",
  "facts",
  "qid",
  "links",
]);
const EVENT_FIELDS = new Set(["id", "date", "title", "entityIds", "place"]);

/** The pack format is strict about fields, so one a hand-written record invents is dropped, with a warning. */
function withKnownFields(record: unknown, where: string, warnings: string[]): unknown {
  if (typeof record !== "object" || record === null || Array.isArray(record)) return record;
  const known = "date" in record ? EVENT_FIELDS : ENTITY_FIELDS;
  const extra = Object.keys(record).filter((key) => !known.has(key));
  if (extra.length === 0) return record;
  warnings.push(
    `${where}: unknown field${extra.length > 1 ? "s" : ""} ${extra.join(", ")} dropped`,
  );
  return Object.fromEntries(Object.entries(record).filter(([key]) => known.has(key)));
}

// Tables that depend on others come later: capitals before cities, cities before regions (the
// bare-name rule and seats look up cities), everything before events.
const PSV_TABLES: { pattern: RegExp; build: (a: Assembly, text: string, file: string) => void }[] =
  [
    { pattern: /^places-countries.*\.psv$/, build: buildCountries },
    { pattern: /^places-cities.*\.psv$/, build: buildCities },
    {
      pattern: /^places-regions.*\.psv$/,
      build: (a, text, file) => buildRegions(a, text, file, cityNameKeys(a)),
    },
    { pattern: /^places-landmarks.*\.psv$/, build: buildLandmarks },
    { pattern: /^places-events.*\.psv$/, build: buildEvents },
  ];

function cityNameKeys(a: Assembly): Set<string> {
  const keys = new Set<string>();
  for (const { entity } of a.entities.values()) {
    if (entity.id.startsWith("city:")) for (const k of entityKeys(entity)) keys.add(k);
  }
  return keys;
}

// ---------------------------------------------------------------------------------------------
// Assembly.

export interface AssemblyResult {
  pack: Pack;
  warnings: string[];
  /** One line per event defined in more than one file (links merged). */
  merged: string[];
}

export interface AuthoringFile {
  name: string;
  text: string;
}

/** Reads every authoring file in `dir` (sorted by name). */
export function readAuthoringFiles(dir: string): AuthoringFile[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith(".json") || name.endsWith(".psv"))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(dir, name), "utf8") }));
}

/**
 * Builds the pack from authoring files. Malformed records, bad dates and duplicate ids throw an
 * AuthoringError naming the file and line; references to entities nobody defined are dropped and
 * clashing aliases resolved, each with a warning, so one half of the pack never blocks the other.
 */
export function assembleStarterPack(
  files: readonly AuthoringFile[],
  { version = PACK_VERSION, skipInvalid = false }: { version?: string; skipInvalid?: boolean } = {},
): AssemblyResult {
  const a: Assembly = {
    entities: new Map(),
    events: new Map(),
    countries: new Map(),
    cityRegions: [],
    warnings: [],
    merged: [],
  };
  for (const table of PSV_TABLES) {
    for (const file of files)
      if (table.pattern.test(file.name)) table.build(a, file.text, file.name);
  }
  for (const { cityId, regionId, where, generic, country } of a.cityRegions) {
    const region = a.entities.get(regionId);
    if (!region)
      throw new AuthoringError(where, `${regionId} is not defined in any places-regions table`);
    const city = a.entities.get(cityId)!.entity;
    city.facts = [...(city.facts ?? []), { label: LABELS.division, value: region.entity.names }];
    // "City in Iraq" says little; the division narrows it down when no description was written.
    if (generic) {
      city.description = {
        ar: `مدينة في ${region.entity.names.ar} في ${country.shortAr}`,
        en: `City in ${region.entity.names.en}, ${country.shortEn}`,
      };
    }
  }
  for (const file of files) {
    if (file.name.endsWith(".psv") && !PSV_TABLES.some((t) => t.pattern.test(file.name))) {
      throw new AuthoringError(
        file.name,
        "is not a known table (places-countries|cities|regions|landmarks|events)",
      );
    }
    if (file.name.endsWith(".json")) readJsonRecords(a, file.text, file.name, skipInvalid);
  }

  const entities = [...a.entities.values()].map(({ entity }) => dropEchoedRoles(entity));
  resolveAliasClashes(entities, a.warnings);
  const ids = new Set(entities.map((e) => e.id));
  const events: PackEvent[] = [];
  for (const { event, where } of a.events.values()) {
    const missing = event.entityIds.filter((id) => !ids.has(id));
    for (const id of missing)
      a.warnings.push(
        `${where}: ${event.id} refers to ${id}, which no file defines; reference dropped`,
      );
    const entityIds = event.entityIds.filter((id) => ids.has(id));
    let place = event.place;
    if (place !== undefined && !ids.has(place)) {
      if (!missing.includes(place))
        a.warnings.push(`${where}: ${event.id} place ${place} is not defined; place dropped`);
      place = undefined;
    }
    if (entityIds.length === 0) {
      a.warnings.push(`${where}: ${event.id} has no known entity left; event dropped`);
      continue;
    }
    const kept: PackEvent = { id: event.id, date: event.date, title: event.title, entityIds };
    if (place !== undefined) kept.place = place;
    events.push(kept);
  }

  warnPossibleDuplicates(events, a.warnings);
  entities.sort((x, y) => compare(x.id, y.id));
  events.sort((x, y) => compare(x.date, y.date) || compare(x.id, y.id));
  const pack: Pack = {
    format: "siyaq-pack",
    formatVersion: 1,
    id: "starter",
    version,
    name: { ar: "حزمة البداية من سياق", en: "Siyaq starter pack" },
    description: {
      ar: "دول العالم وعواصمها، ومحافظات المنطقة ومدنها، وأشخاص ومنظمات وأحداث مؤرخة تتكرر في الأخبار العربية",
      en: "The world's countries and capitals, the region's provinces and cities, and the people, organisations and dated events Arabic news names every day",
    },
    license: "MIT",
    attribution:
      "Written for Siyaq from public knowledge. Arabic and English country names from i18n-iso-countries (MIT License, © widdix GmbH).",
    entities,
    events,
  };
  return { pack, warnings: a.warnings, merged: a.merged };
}

/** The fact label the record files use for a person's role or occupation. */
const ROLE_LABEL_EN = "Role";

/**
 * A "Role" fact that only repeats the description (in both languages, with no `asOf` of its own)
 * shows the same line twice on the card; it is dropped. A Role fact that says more stays.
 */
export function dropEchoedRoles(entity: PackEntity): PackEntity {
  if (!entity.facts) return entity;
  const echo = (f: PackFact) =>
    f.label.en === ROLE_LABEL_EN &&
    f.asOf === undefined &&
    f.value.en === entity.description.en &&
    f.value.ar === entity.description.ar;
  if (!entity.facts.some(echo)) return entity;
  const facts = entity.facts.filter((f) => !echo(f));
  if (facts.length) return { ...entity, facts };
  const { facts: _dropped, ...rest } = entity;
  return rest;
}

/**
 * Two halves of the pack can describe one happening under two ids (a person's death and the
 * strike that killed them). Same day, a shared person or organisation and a shared place or
 * country is worth a look.
 */
function warnPossibleDuplicates(events: readonly PackEvent[], warnings: string[]): void {
  const byDay = new Map<string, PackEvent[]>();
  for (const event of events) {
    if (event.date.length !== 10) continue;
    byDay.set(event.date, [...(byDay.get(event.date) ?? []), event]);
  }
  for (const sameDay of byDay.values()) {
    for (let i = 0; i < sameDay.length; i++) {
      for (let j = i + 1; j < sameDay.length; j++) {
        const common = sameDay[i]!.entityIds.filter((id) => sameDay[j]!.entityIds.includes(id));
        const shared = common.filter((id) => /^(per|org):/.test(id));
        // Two ISIS attacks on one day in two countries are two events; same actor and same place are not.
        if (shared.length && common.length > shared.length)
          warnings.push(
            `${sameDay[i]!.id} and ${sameDay[j]!.id} share ${shared.join(", ")} on the same day: the same event twice?`,
          );
      }
    }
  }
}

function compare(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * Aliases shared without both holders marking them ambiguous: the entity whose name it is keeps
 * it and the others drop it; when it names several (or none), all of them mark it ambiguous.
 */
function resolveAliasClashes(entities: PackEntity[], warnings: string[]): void {
  for (const clash of aliasClashes(entities)) {
    if (clash.holders.every((h) => h.marked)) continue;
    const naming = clash.holders.filter((h) => h.isName);
    const ids = clash.holders.map((h) => h.entity.id).join(", ");
    if (naming.length === 1) {
      for (const h of clash.holders) {
        if (h.isName) continue;
        h.entity.aliases = h.entity.aliases.filter((x) => aliasKey(x) !== clash.key);
        h.entity.ambiguousAliases = h.entity.ambiguousAliases?.filter(
          (x) => aliasKey(x) !== clash.key,
        );
        if (h.entity.ambiguousAliases?.length === 0) delete h.entity.ambiguousAliases;
      }
      warnings.push(
        `alias "${clash.key}" shared by ${ids}: kept by ${naming[0]!.entity.id} (its name), dropped from the others`,
      );
    } else {
      for (const h of clash.holders) {
        if (h.marked) continue;
        const text = [h.entity.names.ar, h.entity.names.en, ...h.entity.aliases].find(
          (x) => aliasKey(x) === clash.key,
        )!;
        h.entity.ambiguousAliases = [...(h.entity.ambiguousAliases ?? []), text];
      }
      warnings.push(
        `alias "${clash.key}" shared by ${ids}: marked ambiguous on all of them (confirm in the source files)`,
      );
    }
  }
}

/** One record per line: readable diffs, and the file stays small enough to ship. */
export function serializePack(pack: Pack): string {
  const { entities, events, ...header } = pack;
  const head = JSON.stringify(header, null, 2).slice(0, -2);
  const lines = (records: unknown[]) => records.map((r) => "    " + JSON.stringify(r)).join(",\n");
  return `${head},\n  "entities": [\n${lines(entities)}\n  ],\n  "events": [\n${lines(events)}\n  ]\n}\n`;
}

function countsLine(pack: Pack): string {
  const byType: Record<string, number> = {};
  for (const e of pack.entities) byType[e.type] = (byType[e.type] ?? 0) + 1;
  const aliases = pack.entities.reduce((n, e) => n + entityKeys(e).size, 0);
  const withQid = pack.entities.filter((e) => e.qid).length;
  return JSON.stringify({
    entities: pack.entities.length,
    events: pack.events.length,
    aliases,
    byType,
    withQid,
  });
}

export interface WriteOutcome {
  written: boolean;
  warnings: string[];
  merged: string[];
  /** Why nothing was written: an authoring error or the problems of the assembled pack. */
  errors: string[];
  pack?: Pack;
}

/**
 * Assembles the authoring files in `dir` and writes the pack to `out` only when it is sound: a
 * broken authoring file leaves the last good pack in place.
 */
export function writeStarterPack(
  dir: string,
  out: string,
  options: { version?: string; skipInvalid?: boolean } = {},
): WriteOutcome {
  let result: AssemblyResult;
  try {
    result = assembleStarterPack(readAuthoringFiles(dir), options);
  } catch (error) {
    if (error instanceof AuthoringError)
      return { written: false, warnings: [], merged: [], errors: [error.message] };
    throw error;
  }
  const problems = packProblems(result.pack);
  // The extension's own import check (limits, strict fields) is the last gate before shipping.
  try {
    checkPack(result.pack);
  } catch (error) {
    if (!(error instanceof PackError)) throw error;
    problems.push(`the extension would refuse this pack: ${error.message}`);
  }
  if (problems.length)
    return {
      written: false,
      warnings: result.warnings,
      merged: result.merged,
      errors: problems,
      pack: result.pack,
    };
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, serializePack(result.pack));
  return {
    written: true,
    warnings: result.warnings,
    merged: result.merged,
    errors: [],
    pack: result.pack,
  };
}

function main(argv: string[]): number {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
  const option = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const out = resolve(root, option("--out") ?? STARTER_PACK_FILE);
  const outcome = writeStarterPack(join(root, "packs/starter"), out, {
    version: option("--version") ?? PACK_VERSION,
    skipInvalid: argv.includes("--skip-invalid"),
  });
  for (const w of outcome.warnings) console.warn(`warning: ${w}`);
  if (argv.includes("--verbose")) for (const m of outcome.merged) console.warn(`merged: ${m}`);
  else if (outcome.merged.length)
    console.warn(
      `${outcome.merged.length} events are written in more than one file; links merged (--verbose lists them)`,
    );
  for (const e of outcome.errors) console.error(`error: ${e}`);
  if (!outcome.written) {
    console.error(`nothing written; ${out} is unchanged`);
    return 1;
  }
  console.log(`wrote ${out} (${outcome.warnings.length} warnings)`);
  console.log(countsLine(outcome.pack!));
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
