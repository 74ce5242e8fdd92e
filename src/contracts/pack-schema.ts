// The knowledge-pack file format (docs/knowledge-pack.md): a valibot schema with limits for hostile
// or oversized files, and `parsePack`, which names the record and field of the first problem found.
import * as v from "valibot";
import { errorText } from "@/src/shared/error-text";

export const PACK_FORMAT = "siyaq-pack";
export const PACK_FORMAT_VERSION = 1;

/** Limits that keep a hostile or runaway file from filling the database or the recognizer. */
export const PACK_LIMITS = {
  /** Characters of JSON text accepted before parsing at all. */
  maxFileChars: 64 * 1024 * 1024,
  maxEntities: 250_000,
  maxEvents: 250_000,
  maxAliases: 100,
  maxFacts: 40,
  maxEventEntities: 100,
  maxIdLength: 128,
  maxNameLength: 200,
  maxDescriptionLength: 600,
  maxFactLength: 300,
  maxTitleLength: 600,
  maxMetaLength: 2_000,
} as const;

export const ENTITY_ID_PATTERN = /^[A-Za-z0-9:._-]+$/;
export const PACK_ID_PATTERN = /^[a-z0-9-]+$/;
export const PACK_VERSION_PATTERN = /^\d{1,9}(?:\.\d{1,9}){0,5}$/;
export const QID_PATTERN = /^Q[1-9]\d{0,11}$/;
/** ISO date at its precision: `2014`, `2014-06` or `2014-06-10`. */
export const EVENT_DATE_PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** The entity types a pack may declare (DATE is only ever recognised, never stored). */
export const PACK_ENTITY_TYPES = ["PER", "ORG", "LOC", "MISC", "EVENT"] as const;

// Control characters have no business in names and would confuse the normaliser and the UI.
// Strings are otherwise kept byte for byte: the UI renders them as text, so markup stays inert.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

function text(maxLength: number) {
  return v.pipe(
    v.string(),
    v.nonEmpty("must not be empty"),
    v.maxLength(maxLength, `longer than ${maxLength} characters`),
    v.check((value) => !CONTROL_CHARACTERS.test(value), "contains control characters"),
  );
}

function id(pattern: RegExp, shape: string) {
  return v.pipe(
    v.string(),
    v.maxLength(PACK_LIMITS.maxIdLength, `longer than ${PACK_LIMITS.maxIdLength} characters`),
    v.regex(pattern, `must match ${shape}`),
  );
}

export const EntityIdSchema = id(ENTITY_ID_PATTERN, "[A-Za-z0-9:._-]+");

export const EventDateSchema = v.pipe(
  v.string(),
  v.regex(EVENT_DATE_PATTERN, "must be YYYY, YYYY-MM or YYYY-MM-DD"),
  v.check(isCalendarDate, "is not a calendar date"),
);

/** Arabic is required (the product reads Arabic news); English is welcome. */
function bilingual(maxLength: number) {
  return v.strictObject({ ar: text(maxLength), en: v.optional(text(maxLength)) });
}

/** Either language may be missing, but not both. */
function eitherLanguage(maxLength: number) {
  return v.pipe(
    v.strictObject({ ar: v.optional(text(maxLength)), en: v.optional(text(maxLength)) }),
    v.check((value) => value.ar !== undefined || value.en !== undefined, "needs ar or en"),
  );
}

export const FactSchema = v.strictObject({
  label: eitherLanguage(PACK_LIMITS.maxFactLength),
  value: eitherLanguage(PACK_LIMITS.maxFactLength),
  /** A time-bound fact (a current office) is known to hold as of this date (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`). */
  asOf: v.optional(EventDateSchema),
});

export const PackEntitySchema = v.strictObject({
  id: EntityIdSchema,
  type: v.picklist(PACK_ENTITY_TYPES, `must be one of ${PACK_ENTITY_TYPES.join(", ")}`),
  names: bilingual(PACK_LIMITS.maxNameLength),
  aliases: v.pipe(
    v.array(text(PACK_LIMITS.maxNameLength)),
    v.maxLength(PACK_LIMITS.maxAliases, `more than ${PACK_LIMITS.maxAliases} aliases`),
  ),
  ambiguousAliases: v.optional(
    v.pipe(
      v.array(text(PACK_LIMITS.maxNameLength)),
      v.maxLength(PACK_LIMITS.maxAliases, `more than ${PACK_LIMITS.maxAliases} aliases`),
    ),
  ),
  description: v.optional(eitherLanguage(PACK_LIMITS.maxDescriptionLength)),
  facts: v.optional(
    v.pipe(
      v.array(FactSchema),
      v.maxLength(PACK_LIMITS.maxFacts, `more than ${PACK_LIMITS.maxFacts} facts`),
    ),
  ),
  qid: v.optional(v.pipe(v.string(), v.regex(QID_PATTERN, "must look like Q123"))),
  links: v.optional(
    v.strictObject({
      wikipedia: v.optional(
        v.strictObject({
          ar: v.optional(text(PACK_LIMITS.maxNameLength)),
          en: v.optional(text(PACK_LIMITS.maxNameLength)),
        }),
      ),
    }),
  ),
});

export const PackEventSchema = v.strictObject({
  id: EntityIdSchema,
  date: EventDateSchema,
  title: bilingual(PACK_LIMITS.maxTitleLength),
  entityIds: v.pipe(
    v.array(EntityIdSchema),
    v.maxLength(PACK_LIMITS.maxEventEntities, `more than ${PACK_LIMITS.maxEventEntities} entities`),
  ),
  place: v.optional(EntityIdSchema),
});

export const PackSchema = v.strictObject({
  format: v.literal(PACK_FORMAT, `must be "${PACK_FORMAT}"`),
  formatVersion: v.literal(
    PACK_FORMAT_VERSION,
    `must be ${PACK_FORMAT_VERSION} (this version of Siyaq reads format 1)`,
  ),
  id: id(PACK_ID_PATTERN, "[a-z0-9-]+"),
  version: v.pipe(
    v.string(),
    v.regex(PACK_VERSION_PATTERN, "must be dotted numbers such as 2026.11.29"),
  ),
  name: bilingual(PACK_LIMITS.maxNameLength),
  description: v.optional(eitherLanguage(PACK_LIMITS.maxMetaLength)),
  license: v.optional(text(PACK_LIMITS.maxMetaLength)),
  attribution: v.optional(text(PACK_LIMITS.maxMetaLength)),
  entities: v.pipe(
    v.array(PackEntitySchema),
    v.maxLength(PACK_LIMITS.maxEntities, `more than ${PACK_LIMITS.maxEntities} entities`),
  ),
  events: v.pipe(
    v.array(PackEventSchema),
    v.maxLength(PACK_LIMITS.maxEvents, `more than ${PACK_LIMITS.maxEvents} events`),
  ),
});

export type Pack = v.InferOutput<typeof PackSchema>;
export type PackEntity = v.InferOutput<typeof PackEntitySchema>;
export type PackEvent = v.InferOutput<typeof PackEventSchema>;
export type PackFact = v.InferOutput<typeof FactSchema>;
export type PackEntityType = (typeof PACK_ENTITY_TYPES)[number];

/** A pack that cannot be used, with the record and field at fault in `message`. */
export class PackError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PackError";
  }
}

export interface ParsePackOptions {
  /**
   * Entity ids already installed by other packs or the user, which events may point at; `"any"`
   * defers that check to the caller (the importer looks them up in the database).
   */
  knownEntityIds?: ReadonlySet<string> | "any";
}

/**
 * Parses and checks a pack file: JSON syntax, the schema, unique ids and every event's entities.
 * Throws `PackError` naming the first problem, e.g. `entities[17].names.ar: expected string`.
 */
export function parsePack(json: string, options: ParsePackOptions = {}): Pack {
  if (json.length > PACK_LIMITS.maxFileChars) {
    throw new PackError(
      `file too large: ${json.length} characters (at most ${PACK_LIMITS.maxFileChars})`,
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    const reason = errorText(error);
    throw new PackError(`not valid JSON (truncated or malformed file?): ${reason}`);
  }
  return checkPack(data, options);
}

/** `parsePack` for data already parsed from JSON. */
export function checkPack(
  data: unknown,
  { knownEntityIds = new Set() }: ParsePackOptions = {},
): Pack {
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    throw new PackError(`pack: expected an object, got ${kindOf(data)}`);
  }
  // Counted before the schema walks every record, so a runaway file fails fast.
  for (const [field, limit] of [
    ["entities", PACK_LIMITS.maxEntities],
    ["events", PACK_LIMITS.maxEvents],
  ] as const) {
    const records = (data as Record<string, unknown>)[field];
    if (Array.isArray(records) && records.length > limit) {
      throw new PackError(`${field}: more than ${limit} ${field} (${records.length})`);
    }
  }
  const parsed = v.safeParse(PackSchema, data);
  if (!parsed.success) throw new PackError(describeIssue(parsed.issues[0]));
  const pack = parsed.output;

  const entityIds = new Set<string>();
  pack.entities.forEach((entity, index) => {
    if (entityIds.has(entity.id))
      throw new PackError(`entities[${index}].id: duplicate id "${entity.id}"`);
    entityIds.add(entity.id);
  });
  const eventIds = new Set<string>();
  pack.events.forEach((event, index) => {
    if (eventIds.has(event.id))
      throw new PackError(`events[${index}].id: duplicate id "${event.id}"`);
    eventIds.add(event.id);
  });
  if (knownEntityIds !== "any") {
    checkReferences(pack, (entityId) => entityIds.has(entityId) || knownEntityIds.has(entityId));
  }
  return pack;
}

/** Entity ids the pack's events point at that the pack itself does not define. */
export function outsideReferences(pack: Pack): string[] {
  const own = new Set(pack.entities.map((entity) => entity.id));
  const outside = new Set<string>();
  for (const event of pack.events) {
    for (const entityId of event.entityIds) if (!own.has(entityId)) outside.add(entityId);
    if (event.place !== undefined && !own.has(event.place)) outside.add(event.place);
  }
  return [...outside];
}

/** Throws `PackError` at the first event that points at an entity `exists` does not know. */
export function checkReferences(pack: Pack, exists: (entityId: string) => boolean): void {
  pack.events.forEach((event, index) => {
    event.entityIds.forEach((entityId, position) => {
      if (!exists(entityId)) {
        throw new PackError(
          `events[${index}].entityIds[${position}]: unknown entity "${entityId}"`,
        );
      }
    });
    if (event.place !== undefined && !exists(event.place)) {
      throw new PackError(`events[${index}].place: unknown entity "${event.place}"`);
    }
  });
}

/** `entities[17].names.ar: expected string, got number` from a valibot issue. */
export function describeIssue(issue: v.BaseIssue<unknown>): string {
  const where = formatPath(issue.path) || "pack";
  if (issue.kind === "schema" && issue.type === "strict_object" && issue.expected === "never") {
    return `${where}: unknown field`;
  }
  if (
    issue.kind === "schema" &&
    issue.expected &&
    issue.type !== "picklist" &&
    issue.type !== "literal"
  ) {
    if (issue.received === "undefined") return `${where}: missing`;
    return `${where}: expected ${issue.expected}, got ${kindOf(issue.input)}`;
  }
  return `${where}: ${issue.message}`;
}

function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

function formatPath(path: v.BaseIssue<unknown>["path"]): string {
  let out = "";
  for (const item of path ?? []) {
    const key = item.key;
    if (typeof key === "number") out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

/** Whether `2014-02-30`-style dates exist (years and months alone only need a valid month). */
export function isCalendarDate(date: string): boolean {
  const match = EVENT_DATE_PATTERN.exec(date);
  if (!match) return false;
  const [, year, month, day] = match;
  if (month === undefined) return true;
  const monthNumber = Number(month);
  if (monthNumber < 1 || monthNumber > 12) return false;
  if (day === undefined) return true;
  const dayNumber = Number(day);
  const daysInMonth = new Date(Date.UTC(Number(year), monthNumber, 0)).getUTCDate();
  return dayNumber >= 1 && dayNumber <= daysInMonth;
}

/**
 * Orders dotted numeric versions (`2026.11.29` < `2026.12.1`); missing segments count as 0.
 * Returns a negative number, zero or a positive number like `Array.prototype.sort` wants.
 */
export function compareVersions(a: string, b: string): number {
  const left = a.split(".").map(Number);
  const right = b.split(".").map(Number);
  for (let index = 0; index < Math.max(left.length, right.length); index++) {
    const difference = (left[index] ?? 0) - (right[index] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}
