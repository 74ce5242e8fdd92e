// The starter pack's lexicon, compiled once at build time and shipped (`lexicon/starter.bin`, made
// by the WXT hook in wxt.config.ts): on the first page after install the background loads these
// bytes (a few ms) instead of parsing the 2.5 MB pack and compiling it while the reader waits, and
// fills IndexedDB from the pack meanwhile. The build and the runtime fallback compile through the
// same function here, so the shipped bytes are what the runtime would compile.
// No browser API: wxt.config.ts loads this in Node.
import { parsePack } from "../contracts/pack-schema";
import {
  buildLexicon,
  entriesFromEntities,
  type Lexicon,
  type LexiconSource,
} from "../nlp/lexicon";

/** What the lexicon compiler reads of an entity: its names and every alias, ambiguous ones marked. */
export function lexiconSource(entity: LexiconSource): LexiconSource {
  const source: LexiconSource = {
    id: entity.id,
    type: entity.type,
    names: entity.names,
    aliases: entity.aliases,
  };
  if (entity.ambiguousAliases) source.ambiguousAliases = entity.ambiguousAliases;
  return source;
}

/** Compiles a pack file's entities into a lexicon (how many aliases too). */
export function compilePackLexicon(json: string): { lexicon: Lexicon; entries: number } {
  const entries = entriesFromEntities(
    parsePack(json, { knownEntityIds: "any" }).entities.map(lexiconSource),
  );
  return { lexicon: buildLexicon(entries), entries: entries.length };
}
