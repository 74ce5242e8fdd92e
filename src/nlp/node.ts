// Node-side loading of what the recognizer needs — the starter pack's aliases and, when its
// weights are there, the learned tagger — for the CLI, evaluation and benchmark (never the product
// bundle: it reads files).
import { existsSync, readFileSync } from "node:fs";
import { Lexicon, entriesFromEntities, type LexiconSource } from "./lexicon";
import { ENTITY_TYPES } from "./types";
import type { SpanTagger } from "./recognize";
import { errorText } from "@/src/shared/error-text";
import { STARTER_PACK_FILE, TAGGER_FILE } from "@/src/shared/shipped-files";

/** The entities of a pack file that have what the lexicon needs; malformed ones are skipped. */
export function packEntities(path = STARTER_PACK_FILE): LexiconSource[] {
  if (!existsSync(path)) return [];
  const pack = JSON.parse(readFileSync(path, "utf8")) as { entities?: unknown };
  if (!Array.isArray(pack.entities)) throw new Error(`${path}: no "entities" array`);
  return pack.entities.filter(
    (e): e is LexiconSource =>
      typeof e === "object" &&
      e !== null &&
      typeof e.id === "string" &&
      ENTITY_TYPES.includes(e.type) &&
      typeof e.names?.ar === "string" &&
      Array.isArray(e.aliases),
  );
}

/** The starter pack compiled, or undefined when there is no pack (the rules still work). */
export function loadPackLexicon(path = STARTER_PACK_FILE): Lexicon | undefined {
  const entities = packEntities(path);
  return entities.length > 0 ? Lexicon.build(entriesFromEntities(entities)) : undefined;
}

/**
 * The shipped tagger, or undefined when its weights file is not there. A file that does not load
 * (corrupt, or from another version of the tagger) is reported through `warn` and skipped: the
 * lexicon and rules still answer.
 */
export async function loadShippedTagger(
  path = TAGGER_FILE,
  warn: (message: string) => void = (m) => process.stderr.write(`${m}\n`),
): Promise<SpanTagger | undefined> {
  if (!existsSync(path)) return undefined;
  const { loadTaggerFromFile } = await import("./tagger/node");
  try {
    return loadTaggerFromFile(path) ?? undefined;
  } catch (error) {
    warn(`tagger not loaded from ${path}: ${errorText(error)}`);
    return undefined;
  }
}
