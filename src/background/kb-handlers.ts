// The background's answers to knowledge-base requests: each one a thin call into the module that
// owns the job, run through `withDatabase` (reopen after sleep, quota errors reported).
import type { Handlers } from "@/src/messaging/server";
import { addressFor } from "@/src/messaging/context";
import { withDatabase } from "@/src/kb/db";
import type { KbResponses } from "@/src/messaging/messages/kb";
import { entitiesByIds, entityView, searchEntities, upsertUserEntity } from "@/src/kb/entities";
import { addPageEvents, deleteEvent } from "@/src/kb/events";
import { recordMentions } from "@/src/kb/mentions";
import { exportPack, importPack, listPacks, removePack } from "@/src/kb/packs";
import { exportData, importData, wipeData } from "@/src/kb/data";
import { recordSightings } from "@/src/kb/sightings";
import {
  dismissLearned,
  editLearned,
  learnedAmong,
  learnedView,
  listLearned,
  promoteLearned,
} from "@/src/kb/learned-entities";
import { learnedKey } from "@/src/kb/learned";

type KbHandlers = Pick<Handlers, keyof KbResponses>;

export function createKbHandlers(): KbHandlers {
  return {
    // A page's card gets the entity and its timeline, not the list of articles the reader met it in.
    "entity.get": ({ id }, sender) =>
      withDatabase(async (db) => {
        const view = await entityView(db, id);
        return view && sender.context === "content" ? { ...view, articles: [] } : view;
      }),
    "entities.byIds": ({ ids }) => withDatabase((db) => entitiesByIds(db, ids)),
    "entity.search": ({ query, limit }) => withDatabase((db) => searchEntities(db, query, limit)),
    "entity.upsert": ({ entity }, sender) => {
      // A page may add a new name it found ("add to the knowledge base"), never edit a stored entity.
      if (sender.context === "content" && entity.id !== undefined)
        throw new Error("a page may only add new entities");
      return withDatabase((db) => upsertUserEntity(db, entity));
    },
    "mentions.record": (input, sender) =>
      withDatabase(async (db) => ({
        recorded: await recordMentions(db, { ...input, url: addressFor(sender, input.url) }),
      })),
    "events.addFromPage": (input, sender) =>
      withDatabase(async (db) => ({
        added: await addPageEvents(db, { ...input, url: addressFor(sender, input.url) }),
      })),
    "event.delete": ({ id }) =>
      withDatabase(async (db) => ({ deleted: await deleteEvent(db, id) })),
    "sightings.record": ({ title, publishedAt, names }, sender) =>
      withDatabase(async (db) => {
        if (sender.url === undefined) return { recorded: 0 };
        await recordSightings(
          db,
          { url: sender.url, title, ...(publishedAt ? { publishedAt } : {}) },
          names,
        );
        return { recorded: names.length };
      }),
    // A page hears of a learned name only if it reported that name itself (its own address is
    // among the name's articles): it cannot probe the reader's history for names it never showed.
    "sightings.of": ({ surface }, sender) =>
      withDatabase(async (db) => {
        const here = sender.url ?? "";
        const learned = await learnedView(db, learnedKey(surface));
        if (learned) {
          if (!learned.articles.some((article) => article.url === here)) return { pages: [] };
          const pages = learned.articles.filter((article) => article.url !== here);
          return { pages, learned: { ...learned, articles: pages } };
        }
        // Not learned: met in one article at most, so nothing but this page to tell it about.
        return { pages: [] };
      }),
    "learned.get": ({ surface }) => withDatabase((db) => learnedView(db, learnedKey(surface))),
    "learned.among": ({ surfaces }) => withDatabase((db) => learnedAmong(db, surfaces)),
    "learned.list": () => withDatabase(listLearned),
    "learned.edit": ({ key, edit }) => withDatabase((db) => editLearned(db, key, edit)),
    "learned.dismiss": ({ key }) =>
      withDatabase(async (db) => ({ dismissed: await dismissLearned(db, key) })),
    "learned.promote": ({ key, into }) => withDatabase((db) => promoteLearned(db, key, into)),
    "pack.list": () => withDatabase(listPacks),
    "pack.import": ({ json, force }) => withDatabase((db) => importPack(db, json, { force })),
    "pack.export": ({ id }) =>
      withDatabase(async (db) => ({ json: JSON.stringify(await exportPack(db, id)) })),
    "pack.remove": ({ id }) => withDatabase(async (db) => ({ removed: await removePack(db, id) })),
    "data.export": () =>
      withDatabase(async (db) => {
        const { json, skipped } = await exportData(db);
        return { json, skipped: skipped.length };
      }),
    "data.import": ({ json }) => withDatabase((db) => importData(db, json)),
    "data.wipe": () => withDatabase(async (db) => (await wipeData(db), { wiped: true as const })),
  };
}
