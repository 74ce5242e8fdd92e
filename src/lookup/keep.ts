// Turning a found Wikidata entity into knowledge-base records: a new user entity with the QID as
// its id (so its card works offline), or fresh facts for a stored entity ("update from Wikidata").
import type { EntityRecord, Fact, PartialLocalizedText, SiyaqDatabase } from "@/src/kb/db";
import { aliasKeysOf } from "@/src/kb/alias-keys";
import { markEntitiesChanged } from "@/src/kb/changes";
import { summaryOf } from "@/src/kb/entities";
import type { EntitySummary } from "@/src/messaging/messages/kb";
import { USER_SOURCE } from "@/src/kb/packs";
import type { FactChanges, LookupEntity } from "@/src/contracts/lookup";
import { wikipediaHref } from "@/src/kb/entity-links";

const LABELS = {
  born: { ar: "الولادة", en: "Born" },
  died: { ar: "الوفاة", en: "Died" },
  position: { ar: "المنصب", en: "Position" },
  country: { ar: "البلد", en: "Country" },
} as const satisfies Record<string, PartialLocalizedText>;
const WIKIDATA_LABELS: ReadonlySet<string> = new Set(
  Object.values(LABELS).map((label) => label.ar),
);

/** Article addresses from the sitelink titles (the card links to them). */
export function wikipediaUrls(found: LookupEntity): { ar?: string; en?: string } {
  const urls: { ar?: string; en?: string } = {};
  for (const lang of ["ar", "en"] as const) {
    const url = wikipediaHref(found.wikipedia[lang], lang);
    if (url) urls[lang] = url;
  }
  return urls;
}

function both(text: string): PartialLocalizedText {
  return { ar: text, en: text };
}

function span(start?: string, end?: string): string {
  if (!start && !end) return "";
  return ` (${start ?? "…"} – ${end ?? ""})`.replace(/ – \)$/, " –)");
}

/** The entity's facts; a current office carries the day it was read as its `asOf`. */
export function factsOf(entity: LookupEntity, today: string): Fact[] {
  const facts: Fact[] = [];
  if (entity.born) facts.push({ label: { ...LABELS.born }, value: both(entity.born) });
  if (entity.died) facts.push({ label: { ...LABELS.died }, value: both(entity.died) });
  for (const position of entity.positions) {
    const ar = position.label.ar ?? position.label.en;
    if (!ar) continue;
    const when = span(position.start, position.end);
    const fact: Fact = {
      label: { ...LABELS.position },
      value: { ar: ar + when, en: (position.label.en ?? ar) + when },
    };
    if (position.end === undefined) fact.asOf = today;
    facts.push(fact);
  }
  for (const country of entity.countries) {
    const ar = country.label.ar ?? country.label.en;
    if (ar) facts.push({ label: { ...LABELS.country }, value: { ar, en: country.label.en ?? ar } });
  }
  return facts;
}

/**
 * Keeps a found entity: if one with the QID is already stored it is returned unchanged; otherwise a
 * user entity with the QID as id, its labels and the name the reader met as names and aliases.
 */
export async function keepEntity(
  db: SiyaqDatabase,
  found: LookupEntity,
  metName: string | undefined,
  now = Date.now(),
): Promise<EntitySummary> {
  return db.transaction("rw", [db.entities, db.meta], async () => {
    const stored =
      (await db.entities.get(found.qid)) ??
      (await db.entities.where("qid").equals(found.qid).first());
    if (stored) return summaryOf(stored);
    const ar = found.label.ar ?? metName ?? found.label.en ?? found.qid;
    const aliases = [
      ...new Set([metName, found.label.ar].filter((n): n is string => !!n && n !== ar)),
    ];
    const record: EntityRecord = {
      id: found.qid,
      type: found.type,
      names: found.label.en ? { ar, en: found.label.en } : { ar },
      aliases,
      aliasKeys: [],
      facts: factsOf(found, new Date(now).toISOString().slice(0, 10)),
      qid: found.qid,
      source: USER_SOURCE,
      updatedAt: now,
    };
    if (found.description.ar || found.description.en) record.description = { ...found.description };
    if (found.wikipedia.ar || found.wikipedia.en)
      record.links = { wikipedia: wikipediaUrls(found) };
    record.aliasKeys = aliasKeysOf(record);
    await db.entities.put(record);
    await markEntitiesChanged(db);
    return summaryOf(record);
  });
}

/**
 * Refreshes a stored entity from Wikidata: the facts Wikidata gives (birth, death, offices,
 * country) replace the stored ones with the same labels, other facts stay; a missing description
 * is filled in. The entity keeps its source, so a later pack update still applies.
 */
export async function refreshEntity(
  db: SiyaqDatabase,
  id: string,
  found: LookupEntity,
  now = Date.now(),
): Promise<{ entity: EntitySummary; changes: FactChanges } | undefined> {
  return db.transaction("rw", [db.entities, db.meta], async () => {
    const stored = await db.entities.get(id);
    if (!stored) return undefined;
    const fresh = factsOf(found, new Date(now).toISOString().slice(0, 10));
    const kept = (stored.facts ?? []).filter((fact) => !WIKIDATA_LABELS.has(fact.label.ar ?? ""));
    const next: EntityRecord = { ...stored, facts: [...kept, ...fresh], updatedAt: now };
    next.description = { ...found.description, ...stored.description };
    if (!next.description.ar && !next.description.en) delete next.description;
    if (!stored.links?.wikipedia && (found.wikipedia.ar || found.wikipedia.en))
      next.links = { ...stored.links, wikipedia: wikipediaUrls(found) };
    await db.entities.put(next);
    await markEntitiesChanged(db);
    return { entity: summaryOf(next), changes: factChanges(stored, next) };
  });
}

const factLine = (fact: Fact) =>
  `${fact.label.ar ?? ""}|${fact.label.en ?? ""}|${fact.value.ar ?? ""}|${fact.value.en ?? ""}`;

/** The facts `after` has that `before` lacked and the reverse (an `asOf` alone is no change). */
export function factChanges(
  before: Pick<EntityRecord, "facts" | "description">,
  after: Pick<EntityRecord, "facts" | "description">,
): FactChanges {
  const was = new Set((before.facts ?? []).map(factLine));
  const is = new Set((after.facts ?? []).map(factLine));
  const changes: FactChanges = {
    added: (after.facts ?? []).filter((fact) => !was.has(factLine(fact))),
    removed: (before.facts ?? []).filter((fact) => !is.has(factLine(fact))),
  };
  const text = (d?: PartialLocalizedText) => `${d?.ar ?? ""}|${d?.en ?? ""}`;
  if (text(before.description) !== text(after.description))
    changes.description = {
      ...(before.description ? { before: before.description } : {}),
      ...(after.description ? { after: after.description } : {}),
    };
  return changes;
}
