// The records the extension's database holds (src/kb/db.ts), declared apart from the database
// so the message contracts (src/messaging/messages) can name them without importing storage.
import * as v from "valibot";
import type { EntityType } from "@/src/nlp/types";
import { PageTitleSchema, UrlSchema } from "@/src/shared/fields";

/** Arabic first: the product reads Arabic news. */
export interface LocalizedText {
  ar: string;
  en?: string;
}

/** Descriptions and facts may exist in only one language. */
export interface PartialLocalizedText {
  ar?: string;
  en?: string;
}

export interface Fact {
  label: PartialLocalizedText;
  value: PartialLocalizedText;
  /** The date a time-bound fact (a current office) is known to hold as of: `YYYY[-MM[-DD]]`. */
  asOf?: string;
}

/** A deep copy of a fact, its optional `asOf` kept. */
export function copyFact(fact: Fact): Fact {
  const copy: Fact = { label: { ...fact.label }, value: { ...fact.value } };
  if (fact.asOf !== undefined) copy.asOf = fact.asOf;
  return copy;
}

export interface EntityRecord {
  /** Stable, opaque id such as `country:iq` or `per:qasem-soleimani` (docs/knowledge-pack.md). */
  id: string;
  type: EntityType;
  names: LocalizedText;
  aliases: string[];
  /** Aliases the pack knowingly shares with another entity. */
  ambiguousAliases?: string[];
  /** Matching keys: names and aliases normalised for lookup (multi-entry index). */
  aliasKeys: string[];
  description?: PartialLocalizedText;
  facts?: Fact[];
  qid?: string;
  links?: { wikipedia?: { ar?: string; en?: string } };
  /** The id of the pack that brought it, or `user` once the user added or edited it. */
  source: string;
  /** Position in its pack, so exporting a pack reproduces the file's order. */
  packRank?: number;
  updatedAt: number;
}

export type EventOrigin = "pack" | "page" | "user";

export interface EventSource {
  url?: string;
  title?: string;
  pack?: string;
  publishedAt?: string;
}

export interface EventRecord {
  id: string;
  /** ISO date at its precision: `2014`, `2014-06`, `2014-06-10`. */
  date: string;
  title: LocalizedText;
  entityIds: string[];
  place?: string;
  origin: EventOrigin;
  source?: EventSource;
  /** Since v2: the pack that brought it (indexed; mirrors `source.pack`). */
  pack?: string;
  /** Since v2: the article it was read in (indexed; mirrors `source.url`). */
  url?: string;
  packRank?: number;
  createdAt: number;
}

export interface MentionRecord {
  id?: number;
  entityId: string;
  url: string;
  title: string;
  seenAt: number;
}

export interface PackRecord {
  id: string;
  version: string;
  /** English name (or Arabic when there is none), for lists. */
  name: string;
  installedAt: number;
  entityCount: number;
  eventCount: number;
  /** Since v2: what the file said about itself, so exporting it reproduces the file. */
  names?: LocalizedText;
  description?: PartialLocalizedText;
  license?: string;
  attribution?: string;
}

/** Highlights are stored as W3C-style annotations; their shape belongs to src/highlights. */
export interface HighlightRecord {
  id: string;
  url: string;
  createdAt: number;
  updatedAt: number;
  tags: string[];
  entityIds: string[];
  [key: string]: unknown;
}

/** Small key-value records the background keeps for itself (e.g. the serialised lexicon). */
export interface MetaRecord {
  key: string;
  value: unknown;
}

/** One article an unknown name was seen in (src/kb/sightings.ts). */
export const SightingPageSchema = v.object({
  url: UrlSchema,
  title: PageTitleSchema,
  /** Since v5: the article's publication day, when the page said it. */
  publishedAt: v.optional(v.pipe(v.string(), v.maxLength(64))),
  seenAt: v.number(),
});
export type SightingPage = v.InferOutput<typeof SightingPageSchema>;

export interface SightingRecord {
  /** The name normalised as "not an entity here" keys are, so spelling variants meet. */
  key: string;
  surface: string;
  type: EntityType;
  /** Oldest first. */
  pages: SightingPage[];
  /** When it was last seen (indexed: eviction takes the oldest). */
  seenAt: number;
  /** Its size as stored, counted against MAX_SIGHTINGS_BYTES. */
  bytes: number;
}
