// Online lookups (opt-in): payload schemas, senders and answers of the `lookup.*` messages.
// A page's card may ask for a name (the name and its type only: the schemas are strict, so no page
// text or address can ride along) and keep what was found (read back from the cache, so a page
// cannot make an entity up). Refreshing a stored entity edits it: extension pages only, as for
// every edit of a stored entity.
import * as v from "valibot";
import { EntityIdSchema } from "@/src/contracts/pack-schema";
import type { EntitySummary } from "./kb";
import { ANY_CONTEXT, EXTENSION_ONLY, type SenderContext } from "@/src/messaging/context";
import type { LookupOutcome } from "@/src/contracts/lookup";
import type { FactChanges } from "@/src/contracts/lookup";

/** The types a lookup can match against Wikidata's instance-of. */
export const LOOKUP_TYPES = ["PER", "ORG", "LOC"] as const;
const LookupType = v.picklist(LOOKUP_TYPES);
const Name = v.pipe(v.string(), v.trim(), v.nonEmpty(), v.maxLength(200));
const Qid = v.pipe(v.string(), v.regex(/^Q[1-9]\d{0,11}$/, "must be a Wikidata QID such as Q42"));
/** Test-only endpoints: plain http on the loopback interface, nothing else. */
const LoopbackBase = v.pipe(
  v.string(),
  v.regex(/^http:\/\/(127\.0\.0\.1|localhost)(:\d{1,5})?$/, "must be http://127.0.0.1:<port>"),
);

export const lookupRequests = {
  /** Looks a name up on Wikidata/Wikipedia; only `name` is sent out. */
  "lookup.name": v.strictObject({ name: Name, type: LookupType }),
  /** Stores an entity found by `lookup.name` (read back from the cache, not from the sender) under its QID. */
  "lookup.keep": v.strictObject({ qid: Qid, name: v.optional(Name) }),
  /** "Update facts from Wikidata" for a stored entity that has a QID. */
  "lookup.refresh": v.strictObject({ id: EntityIdSchema }),
  /** Points lookups at a local fixture server (end-to-end tests); `null` restores Wikimedia's. */
  "lookup.setEndpoints": v.strictObject({
    endpoints: v.nullable(v.strictObject({ wikidata: LoopbackBase, wikipedia: LoopbackBase })),
  }),
};

export const lookupSenders = {
  "lookup.name": ANY_CONTEXT,
  "lookup.keep": ANY_CONTEXT,
  "lookup.refresh": EXTENSION_ONLY,
  "lookup.setEndpoints": EXTENSION_ONLY,
} satisfies Record<keyof typeof lookupRequests, readonly SenderContext[]>;

export interface LookupResponses {
  "lookup.name": LookupOutcome;
  "lookup.keep": EntitySummary;
  /** `changes`: what the update changed (nothing when Wikidata had nothing new). */
  "lookup.refresh": { outcome: LookupOutcome; entity?: EntitySummary; changes?: FactChanges };
  "lookup.setEndpoints": { set: boolean };
}
