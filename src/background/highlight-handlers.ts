// The background's answers to highlight requests, over the database's `highlights` table.
import type { Handlers } from "@/src/messaging/server";
import { addressFor, mayClaim, type Sender } from "@/src/messaging/context";
import type { EntityTable } from "dexie";
import { withDatabase, type SiyaqDatabase } from "@/src/kb/db";
import type { HighlightResponses } from "@/src/messaging/messages/highlights";
import {
  checkStoredHighlights,
  cleanTags,
  newHighlight,
  type Highlight,
  type MalformedRecord,
} from "@/src/contracts/highlight";
import { libraryFacets, searchHighlights } from "@/src/highlights/library";
import { exportHighlights } from "@/src/highlights/export";
import { parseHighlightFile, passageKey } from "@/src/highlights/import";

type HighlightHandlers = Pick<Handlers, keyof HighlightResponses>;

export interface HighlightHandlerOptions {
  newId?: () => string;
  now?: () => number;
}

/** The table holds records this module wrote or validated on import: typed as such once, here. */
function highlightsOf(db: SiyaqDatabase): EntityTable<Highlight, "id"> {
  return db.highlights as unknown as EntityTable<Highlight, "id">;
}

/**
 * Every stored highlight, checked: a record that does not fit the schema (an old import, a bug) is
 * set aside and reported, so it never breaks the library, an export or an import.
 */
async function all(
  db: SiyaqDatabase,
): Promise<{ highlights: Highlight[]; malformed: MalformedRecord[] }> {
  return checkStoredHighlights(await db.highlights.toArray());
}

/** Whether this sender may see or change highlights stored under `url`: a page only those of its own origin. */
function mayTouch(sender: Sender, url: string): boolean {
  return sender.context !== "content" || (sender.url !== undefined && mayClaim(sender.url, url));
}

export function createHighlightHandlers({
  newId = () => crypto.randomUUID(),
  now = () => Date.now(),
}: HighlightHandlerOptions = {}): HighlightHandlers {
  return {
    "highlight.save": (draft, sender) =>
      withDatabase(async (db) => {
        // Filed under the page's own origin whatever the page claims (its canonical may point elsewhere).
        const own: typeof draft = {
          ...draft,
          url: addressFor(sender, draft.url),
          target: { ...draft.target, source: addressFor(sender, draft.target.source) },
          citation: { ...draft.citation, url: addressFor(sender, draft.citation.url) },
        };
        const highlight = newHighlight(own, newId(), now());
        await db.highlights.add(highlight);
        return { highlight };
      }),

    // A page edits the note of a passage saved on its own origin (the reader clicked it there);
    // another origin's is answered as if it did not exist.
    "highlight.update": ({ id, note, tags }, sender) =>
      withDatabase((db) =>
        db.transaction("rw", db.highlights, async () => {
          const current = await highlightsOf(db).get(id);
          if (!current || !mayTouch(sender, current.url)) throw new Error(`no highlight ${id}`);
          const highlight: Highlight = {
            ...current,
            note: note ?? current.note,
            tags: tags ? cleanTags(tags) : current.tags,
            updatedAt: now(),
          };
          await db.highlights.put(highlight);
          return { highlight };
        }),
      ),

    "highlight.delete": ({ id }) =>
      withDatabase((db) =>
        db.transaction("rw", db.highlights, async () => {
          const deleted = (await highlightsOf(db).get(id)) ?? null;
          if (deleted) await db.highlights.delete(id);
          return { deleted };
        }),
      ),

    "highlight.restore": ({ highlight }) =>
      withDatabase(async (db) => {
        const restored = highlight as Highlight;
        await highlightsOf(db).put(restored);
        return { highlight: restored };
      }),

    // A page can only report on passages saved on its own origin: one that forges its canonical
    // address cannot get another site's highlights marked orphaned.
    "highlight.setOrphaned": ({ id, orphaned }, sender) =>
      withDatabase((db) =>
        db.transaction("rw", db.highlights, async () => {
          const current = await highlightsOf(db).get(id);
          if (!current || !mayTouch(sender, current.url)) return { updated: false };
          return { updated: (await db.highlights.update(id, { orphaned })) === 1 };
        }),
      ),

    "highlights.forUrl": ({ urls }, sender) =>
      withDatabase(async (db) => {
        // A page gets the highlights of its own origin only, whatever addresses it names.
        const allowed = urls.filter((url) => mayTouch(sender, url));
        if (allowed.length === 0) return { highlights: [] };
        // By index only: this runs on every page visit, however large the library grows.
        const { highlights } = checkStoredHighlights(
          await db.highlights.where("url").anyOf(allowed).toArray(),
        );
        return { highlights: highlights.sort((a, b) => a.createdAt - b.createdAt) };
      }),

    "highlights.search": ({ query, filters }) =>
      withDatabase(async (db) => {
        const { highlights: everything, malformed } = await all(db);
        return {
          highlights: searchHighlights(everything, query, filters),
          total: everything.length,
          facets: libraryFacets(everything),
          malformed,
        };
      }),

    "highlights.export": ({ format }) =>
      withDatabase(async (db) => {
        const { highlights, malformed } = await all(db);
        highlights.sort((a, b) => a.createdAt - b.createdAt);
        return {
          ...exportHighlights(highlights, format, new Date(now())),
          count: highlights.length,
          skipped: malformed.length,
        };
      }),

    "highlights.import": ({ json }) => {
      // Parsed and checked in full before the database is touched: a bad file changes nothing.
      const incoming = parseHighlightFile(json, now());
      return withDatabase((db) =>
        db.transaction("rw", db.highlights, async () => {
          const existing = await all(db);
          // A malformed record's id is still taken: the import neither overwrites nor trips on it.
          const ids = new Set([
            ...existing.highlights.map((h) => h.id),
            ...existing.malformed.map((m) => m.id),
          ]);
          const passages = new Set(existing.highlights.map(passageKey));
          const fresh: Highlight[] = [];
          for (const highlight of incoming) {
            const key = passageKey(highlight);
            if (ids.has(highlight.id) || passages.has(key)) continue;
            ids.add(highlight.id);
            passages.add(key);
            fresh.push(highlight);
          }
          await highlightsOf(db).bulkAdd(fresh);
          return { added: fresh.length, skipped: incoming.length - fresh.length };
        }),
      );
    },
  };
}
