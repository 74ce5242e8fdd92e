// Shapes the recognizer exchanges with the rest of the product. Pure data: no DOM, no browser API.

export const ENTITY_TYPES = ["PER", "ORG", "LOC", "DATE", "EVENT", "MISC"] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/**
 * The tagger's hint for a token a rule guessed rather than the lexicon matched: the type marked
 * as a guess (`~PER` after a title, `~ORG` after an organisation's head noun). The recognizer
 * writes these hints and the tagger's features read them, so both take the mark from here.
 */
export const guessHint = (type: EntityType): string => `~${type}`;

/** One recognised mention; offsets are UTF-16 indices into the original text, `end` exclusive. */
export interface Mention {
  start: number;
  end: number;
  type: EntityType;
  /** Always `text.slice(start, end)`. */
  surface: string;
  /** The knowledge-base entity this mention is linked to, when known. */
  entityId?: string;
  /** 0..1: how sure the recognizer is. */
  confidence: number;
  /** ISO date (`2014`, `2014-06`, `2021-12-09`) for DATE mentions that resolve. */
  date?: string;
}

/** One alias of a knowledge-base entity, as fed to the lexicon compiler. */
export interface LexiconEntry {
  alias: string;
  entityId: string;
  type: EntityType;
}
