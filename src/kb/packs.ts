// Installing, updating, exporting and removing knowledge packs. An import is checked completely
// before anything is written and applied in one transaction, so a bad file changes nothing.
import {
  copyFact,
  type EntityRecord,
  type EventRecord,
  type PackRecord,
  type SiyaqDatabase,
} from "./db";
import { aliasKeysOf } from "./alias-keys";
import { markEntitiesChanged } from "./changes";
import { deletedEventKey } from "./events";
import type { PackImportResult } from "@/src/messaging/messages/kb";
import {
  PACK_FORMAT,
  PACK_FORMAT_VERSION,
  PackError,
  checkReferences,
  compareVersions,
  outsideReferences,
  parsePack,
  type Pack,
  type PackEntity,
  type PackEvent,
} from "@/src/contracts/pack-schema";

/** The entity source of everything the user added or edited; packs never overwrite it. */
export const USER_SOURCE = "user";

export interface PackImportOptions {
  /** Re-install even when the same or a newer version is installed. */
  force?: boolean;
  now?: number;
}

/** Validates `json` as a pack and installs it; throws `PackError` (nothing changed) when it is bad. */
export async function importPack(
  db: SiyaqDatabase,
  json: string,
  options: PackImportOptions = {},
): Promise<PackImportResult> {
  return installPack(db, parsePack(json, { knownEntityIds: "any" }), options);
}

/** Installs an already parsed pack in one transaction. */
export async function installPack(
  db: SiyaqDatabase,
  pack: Pack,
  { force = false, now = Date.now() }: PackImportOptions = {},
): Promise<PackImportResult> {
  return db.transaction("rw", [db.entities, db.events, db.packs, db.meta], async () => {
    const installed = await db.packs.get(pack.id);
    const result = {
      id: pack.id,
      version: pack.version,
      entities: 0,
      events: 0,
      kept: 0,
      removed: 0,
    };
    if (installed && !force && compareVersions(pack.version, installed.version) <= 0) {
      const relation =
        compareVersions(pack.version, installed.version) === 0
          ? "the same version"
          : "a newer version";
      return {
        ...result,
        status: "skipped",
        message: `pack "${pack.id}" ${pack.version} not installed: ${relation} (${installed.version}) is already installed`,
      };
    }

    const packEntityIds = new Set(pack.entities.map((entity) => entity.id));
    // Events may point at entities of other installed packs or the user's own.
    const outside = outsideReferences(pack);
    if (outside.length > 0) {
      const found = await db.entities.bulkGet(outside);
      const present = new Set(
        found.filter((entity) => entity !== undefined).map((entity) => entity.id),
      );
      checkReferences(pack, (entityId) => present.has(entityId) || packEntityIds.has(entityId));
    }

    const existing = await db.entities.bulkGet(pack.entities.map((entity) => entity.id));
    const entities: EntityRecord[] = [];
    pack.entities.forEach((entity, rank) => {
      const current = existing[rank];
      if (current && current.source !== pack.id) {
        result.kept++;
        return;
      }
      entities.push(entityRecordFromPack(entity, pack.id, rank, now));
    });

    const staleEntities = await db.entities
      .where("source")
      .equals(pack.id)
      .filter((entity) => !packEntityIds.has(entity.id))
      .primaryKeys();
    const packEventIds = new Set(pack.events.map((event) => event.id));
    const staleEvents = await db.events
      .where("pack")
      .equals(pack.id)
      .filter((event) => !packEventIds.has(event.id))
      .primaryKeys();
    await db.entities.bulkDelete(staleEntities);
    await db.events.bulkDelete(staleEvents);
    result.removed = staleEntities.length + staleEvents.length;

    await db.entities.bulkPut(entities);
    // Events the reader deleted stay deleted through updates of their pack.
    const tombstones = await db.meta.bulkGet(pack.events.map((event) => deletedEventKey(event.id)));
    const events = pack.events.flatMap((event, rank) =>
      tombstones[rank] ? [] : [eventRecordFromPack(event, pack.id, rank, now)],
    );
    await db.events.bulkPut(events);
    result.entities = entities.length;
    result.events = events.length;

    await db.packs.put(packRecordFrom(pack, now, result.entities, result.events));
    await markEntitiesChanged(db);
    return {
      ...result,
      status: installed ? "updated" : "installed",
      message: installed
        ? `pack "${pack.id}" updated from ${installed.version} to ${pack.version}`
        : `pack "${pack.id}" ${pack.version} installed`,
    };
  });
}

/** The installed pack as a pack file: importing it again gives back the same records. */
export async function exportPack(db: SiyaqDatabase, id: string): Promise<Pack> {
  return db.transaction("r", [db.entities, db.events, db.packs], async () => {
    const record = await db.packs.get(id);
    if (!record) throw new PackError(`no installed pack "${id}"`);
    const entities = await db.entities.where("source").equals(id).toArray();
    const events = await db.events.where("pack").equals(id).toArray();
    const byRank = (a: { packRank?: number; id: string }, b: { packRank?: number; id: string }) =>
      (a.packRank ?? Infinity) - (b.packRank ?? Infinity) || a.id.localeCompare(b.id);
    const pack: Pack = {
      format: PACK_FORMAT,
      formatVersion: PACK_FORMAT_VERSION,
      id: record.id,
      version: record.version,
      name: record.names ?? { ar: record.name },
      entities: entities.sort(byRank).map(packEntityFromRecord),
      events: events.sort(byRank).map(packEventFromRecord),
    };
    if (record.description) pack.description = record.description;
    if (record.license !== undefined) pack.license = record.license;
    if (record.attribution !== undefined) pack.attribution = record.attribution;
    return pack;
  });
}

/** Removes a pack with its entities and events; entities the user edited stay. */
export async function removePack(db: SiyaqDatabase, id: string): Promise<boolean> {
  return db.transaction("rw", [db.entities, db.events, db.packs, db.meta], async () => {
    const record = await db.packs.get(id);
    if (!record) return false;
    await db.entities.where("source").equals(id).delete();
    await db.events.where("pack").equals(id).delete();
    await db.packs.delete(id);
    await markEntitiesChanged(db);
    return true;
  });
}

export async function listPacks(db: SiyaqDatabase): Promise<PackRecord[]> {
  return db.packs.orderBy("id").toArray();
}

export function entityRecordFromPack(
  entity: PackEntity,
  source: string,
  rank: number | undefined,
  now: number,
): EntityRecord {
  const record: EntityRecord = {
    id: entity.id,
    type: entity.type,
    names: { ...entity.names },
    aliases: [...entity.aliases],
    aliasKeys: aliasKeysOf(entity),
    source,
    updatedAt: now,
  };
  if (rank !== undefined) record.packRank = rank;
  if (entity.ambiguousAliases) record.ambiguousAliases = [...entity.ambiguousAliases];
  if (entity.description) record.description = { ...entity.description };
  if (entity.facts) record.facts = entity.facts.map(copyFact);
  if (entity.qid !== undefined) record.qid = entity.qid;
  if (entity.links) record.links = structuredClone(entity.links);
  return record;
}

function eventRecordFromPack(
  event: PackEvent,
  pack: string,
  rank: number,
  now: number,
): EventRecord {
  const record: EventRecord = {
    id: event.id,
    date: event.date,
    title: { ...event.title },
    entityIds: [...event.entityIds],
    origin: "pack",
    source: { pack },
    pack,
    packRank: rank,
    createdAt: now,
  };
  if (event.place !== undefined) record.place = event.place;
  return record;
}

/** The pack-file view of a stored entity: the database's own fields left out. */
export function packEntityFromRecord(record: EntityRecord): PackEntity {
  const entity: PackEntity = {
    id: record.id,
    type: record.type as PackEntity["type"],
    names: { ...record.names },
    aliases: [...record.aliases],
  };
  if (record.ambiguousAliases) entity.ambiguousAliases = [...record.ambiguousAliases];
  if (record.description) entity.description = { ...record.description };
  if (record.facts) entity.facts = record.facts.map(copyFact);
  if (record.qid !== undefined) entity.qid = record.qid;
  if (record.links) entity.links = structuredClone(record.links);
  return entity;
}

function packEventFromRecord(record: EventRecord): PackEvent {
  const event: PackEvent = {
    id: record.id,
    date: record.date,
    title: { ...record.title },
    entityIds: [...record.entityIds],
  };
  if (record.place !== undefined) event.place = record.place;
  return event;
}

function packRecordFrom(
  pack: Pack,
  now: number,
  entityCount: number,
  eventCount: number,
): PackRecord {
  const record: PackRecord = {
    id: pack.id,
    version: pack.version,
    name: pack.name.en ?? pack.name.ar,
    names: { ...pack.name },
    installedAt: now,
    entityCount,
    eventCount,
  };
  if (pack.description) record.description = { ...pack.description };
  if (pack.license !== undefined) record.license = pack.license;
  if (pack.attribution !== undefined) record.attribution = pack.attribution;
  return record;
}
