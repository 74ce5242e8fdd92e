// The Wikidata/Wikipedia client: `wbsearchentities` (Arabic) finds candidates for a name,
// `wbgetentities` reads them (labels, descriptions, P31, P569/P570, P39 with P580/P582, P17/P27,
// sitelinks), and the Arabic Wikipedia REST summary adds a short extract. Only the name is sent.
// Every request goes through a PoliteQueue; failures become `unavailable`, never a thrown error.
import type { EntityType } from "@/src/nlp/types";
import type { PartialLocalizedText } from "@/src/kb/db";
import { PoliteQueue, type FetchLike } from "./queue";
import type { LookupEntity, LookupOutcome, LookupPosition } from "@/src/contracts/lookup";

export const DEFAULT_ENDPOINTS = {
  wikidata: "https://www.wikidata.org",
  wikipedia: "https://ar.wikipedia.org",
} as const;
export type Endpoints = { wikidata: string; wikipedia: string };

/** How many search candidates are read to find one of the right type. */
const CANDIDATES = 7;
const MAX_EXTRACT = 400;
const MAX_POSITIONS = 12;

/** Instance-of (P31) values that match each mention type (no subclass walk: a short, explicit list). */
export const TYPE_CLASSES: Partial<Record<EntityType, ReadonlySet<string>>> = {
  PER: new Set(["Q5"]),
  LOC: new Set([
    "Q6256",
    "Q3624078",
    "Q515",
    "Q1549591",
    "Q5119",
    "Q486972",
    "Q532",
    "Q3957",
    "Q82794",
    "Q10864048",
    "Q1620908",
    "Q13221722",
    "Q2074737",
    "Q23442",
    "Q8502",
    "Q4022",
    "Q165",
    "Q35657",
    "Q15284",
    "Q1637706",
    "Q200250",
    "Q7275",
    "Q123705",
    "Q56061",
    "Q2221906",
    "Q747074",
    "Q1187811",
  ]),
  ORG: new Set([
    "Q43229",
    "Q7278",
    "Q4830453",
    "Q783794",
    "Q327333",
    "Q484652",
    "Q245065",
    "Q2659904",
    "Q17127659",
    "Q11032",
    "Q1002697",
    "Q3918",
    "Q15911314",
    "Q163740",
    "Q1331793",
    "Q6881511",
    "Q891723",
    "Q48204",
    "Q192350",
    "Q1530022",
    "Q7210356",
    "Q1785733",
    "Q14350",
    "Q1616075",
    "Q176799",
    "Q875538",
    "Q8031011",
  ]),
};
const DISAMBIGUATION = "Q4167410";
const HUMAN = "Q5";

export interface WikidataClientOptions {
  endpoints?: Endpoints;
  fetch?: FetchLike;
  userAgent: string;
  queue?: PoliteQueue;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

type Json = Record<string, unknown>;

export class WikidataClient {
  readonly endpoints: Endpoints;
  private readonly queue: PoliteQueue;
  private readonly now: () => number;

  constructor(options: WikidataClientOptions) {
    this.endpoints = options.endpoints ?? { ...DEFAULT_ENDPOINTS };
    this.now = options.now ?? Date.now;
    this.queue =
      options.queue ??
      new PoliteQueue({
        userAgent: options.userAgent,
        fetch: options.fetch,
        sleep: options.sleep,
        now: this.now,
      });
  }

  /** Finds the entity a name of this type most likely refers to. Only `name` leaves the machine. */
  async lookupName(name: string, type: EntityType): Promise<LookupOutcome> {
    const search = await this.api(this.endpoints.wikidata, "/w/api.php", {
      action: "wbsearchentities",
      search: name,
      language: "ar",
      uselang: "ar",
      type: "item",
      limit: String(CANDIDATES),
      format: "json",
      origin: "*",
    });
    if (!search.ok) return { status: "unavailable", reason: search.reason };
    const ids = readSearchIds(search.json);
    if (ids.length === 0) return { status: "not-found", fetchedAt: this.now() };
    const read = await this.readEntities(ids);
    if (!read.ok) return { status: "unavailable", reason: read.reason };
    const chosen = chooseCandidate(ids, read.entities, type);
    if (!chosen) return { status: "not-found", fetchedAt: this.now() };
    return this.complete(chosen.entity, type, chosen.matched);
  }

  /** Reads one entity by its QID ("update facts from Wikidata"). */
  async lookupQid(qid: string, type: EntityType): Promise<LookupOutcome> {
    const read = await this.readEntities([qid]);
    if (!read.ok) return { status: "unavailable", reason: read.reason };
    const entity = read.entities.get(qid);
    if (!entity) return { status: "not-found", fetchedAt: this.now() };
    return this.complete(entity, type, matchesType(entity, type));
  }

  private async complete(raw: Json, type: EntityType, matched: boolean): Promise<LookupOutcome> {
    const entity = parseEntity(raw, type, matched);
    // Labels of the positions and countries it refers to (one more request, labels only).
    const refs = [
      ...new Set([...entity.positions.map((p) => p.qid), ...entity.countries.map((c) => c.qid)]),
    ].slice(0, 50);
    if (refs.length > 0) {
      const labels = await this.api(this.endpoints.wikidata, "/w/api.php", {
        action: "wbgetentities",
        ids: refs.join("|"),
        props: "labels",
        languages: "ar|en",
        format: "json",
        origin: "*",
      });
      if (labels.ok) {
        const byId = readEntityMap(labels.json);
        for (const item of [...entity.positions, ...entity.countries]) {
          const found = byId.get(item.qid);
          if (found) item.label = localized(found.labels);
        }
      }
    }
    if (entity.wikipedia.ar) {
      const title = entity.wikipedia.ar.replace(/ /g, "_");
      const summary = await this.queue.getJson(
        `${this.endpoints.wikipedia}/api/rest_v1/page/summary/${encodeURIComponent(title)}`,
      );
      if (summary.ok) {
        const extract = (summary.json as Json | null)?.extract;
        if (typeof extract === "string" && extract.trim())
          entity.extract = shorten(extract.trim(), MAX_EXTRACT);
      }
    }
    return { status: "found", entity, fetchedAt: this.now() };
  }

  private async readEntities(
    ids: string[],
  ): Promise<{ ok: true; entities: Map<string, Json> } | { ok: false; reason: string }> {
    const got = await this.api(this.endpoints.wikidata, "/w/api.php", {
      action: "wbgetentities",
      ids: ids.join("|"),
      props: "labels|descriptions|claims|sitelinks",
      languages: "ar|en",
      sitefilter: "arwiki|enwiki",
      format: "json",
      origin: "*",
    });
    return got.ok ? { ok: true, entities: readEntityMap(got.json) } : got;
  }

  private api(base: string, path: string, params: Record<string, string>) {
    return this.queue.getJson(`${base}${path}?${new URLSearchParams(params).toString()}`);
  }
}

function readSearchIds(json: unknown): string[] {
  const search = (json as Json | null)?.search;
  if (!Array.isArray(search)) return [];
  return search
    .map((hit) => (hit as Json)?.id)
    .filter((id): id is string => typeof id === "string" && /^Q\d+$/.test(id));
}

function readEntityMap(json: unknown): Map<string, Json> {
  const entities = (json as Json | null)?.entities;
  const map = new Map<string, Json>();
  if (typeof entities !== "object" || entities === null) return map;
  for (const [id, entity] of Object.entries(entities as Json)) {
    if (typeof entity === "object" && entity !== null && !("missing" in entity))
      map.set(id, entity as Json);
  }
  return map;
}

function instanceOf(entity: Json): string[] {
  return claimsOf(entity, "P31")
    .map(itemValue)
    .filter((id): id is string => id !== undefined);
}

function matchesType(entity: Json, type: EntityType): boolean {
  const classes = TYPE_CLASSES[type];
  return classes !== undefined && instanceOf(entity).some((id) => classes.has(id));
}

/**
 * The first candidate (in search order) whose P31 matches the type; failing that, for places and
 * organisations, the first one that is neither a person nor a disambiguation page (flagged as such).
 */
export function chooseCandidate(
  ids: string[],
  entities: Map<string, Json>,
  type: EntityType,
): { entity: Json; matched: boolean } | undefined {
  const candidates = ids.map((id) => entities.get(id)).filter((e): e is Json => e !== undefined);
  const exact = candidates.find((entity) => matchesType(entity, type));
  if (exact) return { entity: exact, matched: true };
  if (type !== "ORG" && type !== "LOC") return undefined;
  const loose = candidates.find((entity) => {
    const classes = instanceOf(entity);
    return classes.length > 0 && !classes.includes(HUMAN) && !classes.includes(DISAMBIGUATION);
  });
  return loose ? { entity: loose, matched: false } : undefined;
}

function claimsOf(entity: Json, property: string): Json[] {
  const claims = (entity.claims as Json | undefined)?.[property];
  if (!Array.isArray(claims)) return [];
  return claims.filter(
    (claim): claim is Json =>
      typeof claim === "object" && claim !== null && (claim as Json).rank !== "deprecated",
  );
}

function snakValue(snak: unknown): unknown {
  const s = snak as Json | null;
  if (s?.snaktype !== "value") return undefined;
  return ((s.datavalue as Json | undefined)?.value as unknown) ?? undefined;
}

function itemValue(claim: Json): string | undefined {
  const id = (snakValue(claim.mainsnak) as Json | undefined)?.id;
  return typeof id === "string" ? id : undefined;
}

/** A Wikidata time (`+1964-10-10T00:00:00Z`, precision 9/10/11) as `YYYY[-MM[-DD]]`. */
export function wikidataDate(value: unknown): string | undefined {
  const time = (value as Json | null)?.time;
  const precision = (value as Json | null)?.precision;
  if (typeof time !== "string" || typeof precision !== "number" || precision < 9) return undefined;
  const match = /^\+(\d{4})-(\d{2})-(\d{2})T/.exec(time);
  if (!match) return undefined;
  const [, year, month, day] = match;
  if (precision === 9 || month === "00") return year;
  if (precision === 10 || day === "00") return `${year}-${month}`;
  return `${year}-${month}-${day}`;
}

function dateClaim(entity: Json, property: string): string | undefined {
  const claims = claimsOf(entity, property);
  const preferred = claims.find((c) => c.rank === "preferred") ?? claims[0];
  return preferred ? wikidataDate(snakValue(preferred.mainsnak)) : undefined;
}

function qualifierDate(claim: Json, property: string): string | undefined {
  const qualifiers = (claim.qualifiers as Json | undefined)?.[property];
  if (!Array.isArray(qualifiers)) return undefined;
  for (const snak of qualifiers) {
    const date = wikidataDate(snakValue(snak));
    if (date) return date;
  }
  return undefined;
}

function localized(map: unknown): PartialLocalizedText {
  const text: PartialLocalizedText = {};
  for (const lang of ["ar", "en"] as const) {
    const value = ((map as Json | undefined)?.[lang] as Json | undefined)?.value;
    if (typeof value === "string" && value.trim()) text[lang] = value.trim();
  }
  return text;
}

export function parseEntity(raw: Json, type: EntityType, typeMatched: boolean): LookupEntity {
  const positions: LookupPosition[] = [];
  for (const claim of claimsOf(raw, "P39")) {
    const qid = itemValue(claim);
    if (!qid) continue;
    const position: LookupPosition = { qid, label: {} };
    const start = qualifierDate(claim, "P580");
    const end = qualifierDate(claim, "P582");
    if (start) position.start = start;
    if (end) position.end = end;
    positions.push(position);
  }
  // Current offices first, then by start date, newest first.
  positions.sort(
    (a, b) =>
      Number(a.end !== undefined) - Number(b.end !== undefined) ||
      (b.start ?? "").localeCompare(a.start ?? ""),
  );
  const countries = [
    ...new Set(
      [...claimsOf(raw, "P17"), ...claimsOf(raw, "P27")]
        .map(itemValue)
        .filter((id): id is string => !!id),
    ),
  ].map((qid) => ({ qid, label: {} as PartialLocalizedText }));
  const sitelinks = raw.sitelinks as Json | undefined;
  const title = (site: string) => {
    const t = (sitelinks?.[site] as Json | undefined)?.title;
    return typeof t === "string" && t ? t : undefined;
  };
  const wikipedia: LookupEntity["wikipedia"] = {};
  const ar = title("arwiki");
  const en = title("enwiki");
  if (ar) wikipedia.ar = ar;
  if (en) wikipedia.en = en;
  const entity: LookupEntity = {
    qid: String(raw.id),
    type,
    label: localized(raw.labels),
    description: localized(raw.descriptions),
    typeMatched,
    positions: positions.slice(0, MAX_POSITIONS),
    countries: countries.slice(0, 5),
    wikipedia,
  };
  const born = dateClaim(raw, "P569");
  const died = dateClaim(raw, "P570");
  if (born) entity.born = born;
  if (died) entity.died = died;
  return entity;
}

function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const stop = Math.max(cut.lastIndexOf("."), cut.lastIndexOf("۔"));
  return stop > max / 2 ? cut.slice(0, stop + 1) : `${cut.replace(/\s+\S*$/, "")}…`;
}
