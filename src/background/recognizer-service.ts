// The one recognizer in memory for every tab: the knowledge base's aliases compiled into a lexicon
// (cached serialised in the database, so a waking service worker loads bytes instead of
// recompiling), plus the learned tagger when its weights ship. Rebuilt when the entities change.
import { browser } from "wxt/browser";
import type { Mention } from "@/src/nlp/types";
import { recognize, type SpanTagger } from "@/src/nlp/recognize";
import {
  buildLexicon,
  entriesFromEntities,
  loadLexicon,
  serializeLexicon,
  type Lexicon,
} from "@/src/nlp/lexicon";
import { loadTagger } from "@/src/nlp/tagger";
import { withDatabase, type SiyaqDatabase } from "@/src/kb/db";
import { entitiesRevision, onEntitiesChanged } from "@/src/kb/changes";
import { ensureStarterPack, bundledStarterPack, type PackLoader } from "@/src/kb/starter";
import { STARTER_LEXICON_PATH, TAGGER_PATH } from "@/src/shared/shipped-files";
import { compilePackLexicon, lexiconSource } from "@/src/kb/starter-lexicon";
import { timed } from "@/src/shared/timing";

export type Recognizer = (text: string, refDate?: string) => Mention[];

const LEXICON_CACHE_KEY = "lexicon";

interface CachedLexicon {
  revision: string;
  bytes: Uint8Array;
}

export interface RecognizerServiceOptions {
  /** The tagger's weights file, or null when none ships. */
  loadTaggerBytes?: () => Promise<Uint8Array | null>;
  /** The bundled starter pack, installed on first use when the database is empty. */
  loadStarterPack?: PackLoader;
  /**
   * The starter pack's lexicon compiled at build time (null when the build has none): what the
   * first page after install is recognised with while the database is filled.
   */
  loadStarterLexicon?: () => Promise<Uint8Array | null>;
  log?: (message: string, error?: unknown) => void;
}

export interface RecognizerService {
  getRecognizer(): Promise<Recognizer>;
  /** How the current lexicon was obtained: for tests and the benchmark. */
  lastLoad(): LexiconLoad | undefined;
  /** Settles when the first-use starter-pack install (if one was needed) has finished. */
  starterReady(): Promise<void>;
  /** Stops listening for entity changes. */
  dispose(): void;
}

export interface LexiconLoad {
  /**
   * While the database was still being filled: `prebuilt`, the compiled starter lexicon shipped
   * with the extension; `pack`, compiled here from the bundled pack file (a build without one).
   */
  from: "cache" | "build" | "pack" | "prebuilt";
  /** Aliases compiled (only known when built). */
  entries?: number;
  milliseconds: number;
}

export { lexiconSource } from "@/src/kb/starter-lexicon";

/** Compiles the database's entities into a lexicon (what a cold start without cache costs). */
export async function buildLexiconFromDatabase(
  db: SiyaqDatabase,
): Promise<{ lexicon: Lexicon; entries: number }> {
  const entities = await db.entities.toArray();
  return timed("siyaq:lexicon", () => {
    const entries = entriesFromEntities(entities.map(lexiconSource));
    return { lexicon: buildLexicon(entries), entries: entries.length };
  });
}

export function createRecognizerService({
  loadTaggerBytes = bundledTaggerBytes,
  loadStarterPack = bundledStarterPack,
  loadStarterLexicon = bundledStarterLexicon,
  log = (message, error) => console.warn(`[siyaq] ${message}`, error ?? ""),
}: RecognizerServiceOptions = {}): RecognizerService {
  let lexicon: Promise<Lexicon> | undefined;
  let tagger: Promise<SpanTagger | undefined> | undefined;
  let starter: Promise<StarterState> | undefined;
  let fromPackFile: Promise<Lexicon> | undefined;
  let load: LexiconLoad | undefined;

  const stop = onEntitiesChanged(() => {
    lexicon = undefined;
  });

  /**
   * Whether the database was empty (first install, or after a wipe) and, if so, the install of the
   * starter pack. Writing thousands of records takes seconds (2.3 s measured in Firefox), so
   * recognition does not wait for it: until it settles, the lexicon is compiled straight from the
   * pack file, which is what the database will hold.
   */
  interface StarterState {
    installing: boolean;
    done: Promise<void>;
  }
  const starterState = (): Promise<StarterState> =>
    (starter ??= withDatabase(
      async (db) => (await db.packs.count()) === 0 && (await db.entities.count()) === 0,
    ).then(
      (empty) => {
        if (!empty) return { installing: false, done: Promise.resolve() };
        const state: StarterState = { installing: true, done: Promise.resolve() };
        state.done = withDatabase((db) => ensureStarterPack(db, loadStarterPack)).then(
          () => {
            state.installing = false;
            fromPackFile = undefined;
          },
          (error) => {
            state.installing = false;
            log("could not install the starter pack", error);
          },
        );
        return state;
      },
      (error) => {
        log("could not read the database to install the starter pack", error);
        return { installing: false, done: Promise.resolve() };
      },
    ));

  /** The shipped compiled lexicon when there is one, else the pack file compiled here. */
  const lexiconFromPackFile = (): Promise<Lexicon> => {
    const pending = (fromPackFile ??= (async () => {
      const started = performance.now();
      const bytes = await loadStarterLexicon().catch((error: unknown) => {
        log("no prebuilt starter lexicon; compiling the pack", error);
        return null;
      });
      if (bytes) {
        try {
          const loaded = timed("siyaq:lexicon", () => loadLexicon(bytes));
          load = { from: "prebuilt", milliseconds: performance.now() - started };
          return loaded;
        } catch (error) {
          log("prebuilt starter lexicon unreadable; compiling the pack", error);
        }
      }
      const json = await loadStarterPack();
      const built = timed("siyaq:lexicon", () => compilePackLexicon(json));
      load = { from: "pack", entries: built.entries, milliseconds: performance.now() - started };
      return built.lexicon;
    })());
    pending.catch(() => {
      if (fromPackFile === pending) fromPackFile = undefined;
    });
    return pending;
  };

  const currentLexicon = (): Promise<Lexicon> => {
    const pending = (lexicon ??= withDatabase(lexiconFor));
    // A failed build is not cached: the next request tries again.
    pending.catch(() => {
      if (lexicon === pending) lexicon = undefined;
    });
    return pending;
  };

  async function lexiconFor(db: SiyaqDatabase): Promise<Lexicon> {
    const started = performance.now();
    const revision = await entitiesRevision(db);
    const cached = (await db.meta.get(LEXICON_CACHE_KEY))?.value as CachedLexicon | undefined;
    if (
      revision !== undefined &&
      cached?.revision === revision &&
      cached.bytes instanceof Uint8Array
    ) {
      try {
        const bytes = cached.bytes;
        const loaded = timed("siyaq:lexicon", () => loadLexicon(bytes));
        load = { from: "cache", milliseconds: performance.now() - started };
        return loaded;
      } catch (error) {
        log("cached lexicon unreadable; rebuilding", error);
      }
    }
    const built = await buildLexiconFromDatabase(db);
    load = { from: "build", entries: built.entries, milliseconds: performance.now() - started };
    if (revision !== undefined) {
      // Only a cache: failing to store it (quota) must not fail recognition.
      try {
        await db.meta.put({
          key: LEXICON_CACHE_KEY,
          value: { revision, bytes: serializeLexicon(built.lexicon) },
        });
      } catch (error) {
        log("could not cache the lexicon", error);
      }
    }
    return built.lexicon;
  }

  const currentTagger = (): Promise<SpanTagger | undefined> =>
    (tagger ??= loadTaggerBytes()
      .then(
        (bytes) => (bytes ? timed("siyaq:tagger", () => loadTagger(bytes)) : undefined),
        (error) => {
          log("no tagger weights; recognising with the lexicon and rules only", error);
          return undefined;
        },
      )
      .catch((error) => {
        log("tagger weights unreadable; recognising with the lexicon and rules only", error);
        return undefined;
      }));

  return {
    async getRecognizer() {
      const state = await starterState();
      const lexiconNow = state.installing
        ? lexiconFromPackFile().catch((error: unknown) => {
            log("could not compile the bundled pack; waiting for its install", error);
            return state.done.then(currentLexicon);
          })
        : currentLexicon();
      const [compiled, learned] = await Promise.all([lexiconNow, currentTagger()]);
      return (text, refDate) =>
        recognize(text, {
          lexicon: compiled,
          ...(refDate ? { refDate } : {}),
          ...(learned ? { tagger: learned } : {}),
        });
    },
    lastLoad: () => load,
    starterReady: async () => (await starterState()).done,
    dispose: stop,
  };
}

/** The starter lexicon compiled at build time, or null when the build has none. */
async function bundledStarterLexicon(): Promise<Uint8Array | null> {
  const response = await fetch(browser.runtime.getURL(STARTER_LEXICON_PATH as "/"));
  if (!response.ok) return null;
  return new Uint8Array(await response.arrayBuffer());
}

/** The tagger weights shipped in the extension, or null when the build has none. */
async function bundledTaggerBytes(): Promise<Uint8Array | null> {
  const response = await fetch(browser.runtime.getURL(TAGGER_PATH as "/"));
  if (!response.ok) return null;
  return new Uint8Array(await response.arrayBuffer());
}

let shared: RecognizerService | undefined;

/** The background's recognizer service, created on first use. */
export function recognizerService(): RecognizerService {
  shared ??= createRecognizerService();
  return shared;
}

/** The recognizer over the current knowledge base, ready to call for any tab. */
export function getRecognizer(): Promise<Recognizer> {
  return recognizerService().getRecognizer();
}
