// What a lookup on Wikidata/Wikipedia gives back. Background-only module; the card receives these
// shapes through the `lookup.*` messages (./messages).
import type { EntityType } from "@/src/nlp/types";
import type { Fact, PartialLocalizedText } from "./records";

export interface LookupPosition {
  qid: string;
  label: PartialLocalizedText;
  /** `YYYY[-MM[-DD]]` from the qualifiers P580 (start) and P582 (end). */
  start?: string;
  end?: string;
}

export interface LookupEntity {
  qid: string;
  type: EntityType;
  label: PartialLocalizedText;
  description: PartialLocalizedText;
  /** Whether an instance-of (P31) value matched the mention's type; false for a looser best guess. */
  typeMatched: boolean;
  /** P569 / P570 */
  born?: string;
  died?: string;
  /** P39, newest first. */
  positions: LookupPosition[];
  /** P17 (country) and P27 (citizenship). */
  countries: { qid: string; label: PartialLocalizedText }[];
  /** Wikipedia article titles from the sitelinks. */
  wikipedia: { ar?: string; en?: string };
  /** A short extract of the Arabic Wikipedia article. */
  extract?: string;
}

export type LookupOutcome =
  | { status: "found"; entity: LookupEntity; fetchedAt: number }
  | { status: "not-found"; fetchedAt: number }
  /** Offline, failing or refused: the card says so; never an error. */
  | { status: "unavailable"; reason: string }
  /** The user has not granted the optional host permissions yet. */
  | { status: "needs-permission" };

/** A cached lookup answer (table `lookups`, src/lookup/cache.ts). */
export type CachedOutcome = Extract<LookupOutcome, { status: "found" | "not-found" }>;

export interface LookupRecord {
  /** `name:<type>:<normalised name>` or `qid:<QID>`. */
  key: string;
  outcome: CachedOutcome;
  expiresAt: number;
  /** The found entity's QID (indexed), so `lookup.keep` reads it from here. */
  qid?: string;
}

/** What an update changed, in the reader's words: facts as "label: value", the description. */
export interface FactChanges {
  added: Fact[];
  removed: Fact[];
  description?: { before?: PartialLocalizedText; after?: PartialLocalizedText };
}
