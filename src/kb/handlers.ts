// The background's answers to knowledge-base requests: each one a thin call into the module that
// owns the job, run through `withDatabase` (reopen after sleep, quota errors reported).
import type { Handlers } from "@/src/messaging/server";
import { withDatabase } from "./db";
import type { KbResponses } from "./messages";
import { entitiesByIds, entityView, searchEntities, upsertUserEntity } from "./entities";
import { addPageEvents, deleteEvent } from "./events";
import { recordMentions } from "./mentions";
import { exportPack, importPack, listPacks, removePack } from "./packs";
import { exportData, importData, wipeData } from "./data";

type KbHandlers = Pick<Handlers, keyof KbResponses>;

export function createKbHandlers(): KbHandlers {
  return {
    "entity.get": ({ id }) => withDatabase((db) => entityView(db, id)),
    "entities.byIds": ({ ids }) => withDatabase((db) => entitiesByIds(db, ids)),
    "entity.search": ({ query, limit }) => withDatabase((db) => searchEntities(db, query, limit)),
    "entity.upsert": ({ entity }) => withDatabase((db) => upsertUserEntity(db, entity)),
    "mentions.record": (input) => withDatabase(async (db) => ({ recorded: await recordMentions(db, input) })),
    "events.addFromPage": (input) => withDatabase(async (db) => ({ added: await addPageEvents(db, input) })),
    "event.delete": ({ id }) => withDatabase(async (db) => ({ deleted: await deleteEvent(db, id) })),
    "pack.list": () => withDatabase(listPacks),
    "pack.import": ({ json, force }) => withDatabase((db) => importPack(db, json, { force })),
    "pack.export": ({ id }) => withDatabase(async (db) => ({ json: JSON.stringify(await exportPack(db, id)) })),
    "pack.remove": ({ id }) => withDatabase(async (db) => ({ removed: await removePack(db, id) })),
    "data.export": () => withDatabase(async (db) => ({ json: await exportData(db) })),
    "data.import": ({ json }) => withDatabase((db) => importData(db, json)),
    "data.wipe": () => withDatabase(async (db) => (await wipeData(db), { wiped: true as const })),
  };
}
