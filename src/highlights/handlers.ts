// The background's answers to highlight requests, over the database's `highlights` table.
import type { Handlers } from "@/src/messaging/server";
import type { EntityTable } from "dexie";
import { withDatabase, type SiyaqDatabase } from "@/src/kb/db";
import type { HighlightResponses } from "./messages";
import { cleanTags, newHighlight, type Highlight } from "./highlight";
import { libraryFacets, searchHighlights } from "./library";
import { exportHighlights } from "./export";
import { parseHighlightFile, passageKey } from "./import";

type HighlightHandlers = Pick<Handlers, keyof HighlightResponses>;

export interface HighlightHandlerOptions {
  newId?: () => string;
  now?: () => number;
}

/** The table holds only records this module wrote or validated on import: typed as such once, here. */
function highlightsOf(db: SiyaqDatabase): EntityTable<Highlight, "id"> {
  return db.highlights as unknown as EntityTable<Highlight, "id">;
}

function all(db: SiyaqDatabase): Promise<Highlight[]> {
  return highlightsOf(db).toArray();
}

export function createHighlightHandlers({
  newId = () => crypto.randomUUID(),
  now = () => Date.now(),
}: HighlightHandlerOptions = {}): HighlightHandlers {
  return {
    "highlight.save": (draft) =>
      withDatabase(async (db) => {
        const highlight = newHighlight(draft, newId(), now());
        await db.highlights.add(highlight);
        return { highlight };
      }),

    "highlight.update": ({ id, note, tags }) =>
      withDatabase((db) =>
        db.transaction("rw", db.highlights, async () => {
          const current = await highlightsOf(db).get(id);
          if (!current) throw new Error(`no highlight ${id}`);
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

    "highlight.setOrphaned": ({ id, orphaned }) =>
      withDatabase(async (db) => ({ updated: (await db.highlights.update(id, { orphaned })) === 1 })),

    "highlights.forUrl": ({ urls }) =>
      withDatabase(async (db) => {
        // By index only: this runs on every page visit, however large the library grows.
        const found = await highlightsOf(db).where("url").anyOf(urls).toArray();
        return { highlights: found.sort((a, b) => a.createdAt - b.createdAt) };
      }),

    "highlights.search": ({ query, filters }) =>
      withDatabase(async (db) => {
        const everything = await all(db);
        return {
          highlights: searchHighlights(everything, query, filters),
          total: everything.length,
          facets: libraryFacets(everything),
        };
      }),

    "highlights.export": ({ format }) =>
      withDatabase(async (db) => {
        const highlights = (await all(db)).sort((a, b) => a.createdAt - b.createdAt);
        return { ...exportHighlights(highlights, format, new Date(now())), count: highlights.length };
      }),

    "highlights.import": ({ json }) => {
      // Parsed and checked in full before the database is touched: a bad file changes nothing.
      const incoming = parseHighlightFile(json, now());
      return withDatabase((db) =>
        db.transaction("rw", db.highlights, async () => {
          const existing = await all(db);
          const ids = new Set(existing.map((h) => h.id));
          const passages = new Set(existing.map(passageKey));
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
