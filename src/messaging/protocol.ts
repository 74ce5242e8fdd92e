// The one typed protocol between content scripts, the background and extension pages.
// Each area declares its own requests (payload schemas, checked at the background's door) and
// answer types in ./messages/<area>.ts; this file joins them into one map. Contexts call
// `sendMessage(type, payload)` from ./client and the background implements every entry (./server).
import * as v from "valibot";
import type { Mention } from "@/src/nlp/types";
import { kbRequests, kbSenders, type KbResponses } from "./messages/kb";
import { pageRequests, pageSenders, type PageResponses } from "./messages/page";
import {
  highlightRequests,
  highlightSenders,
  type HighlightResponses,
} from "./messages/highlights";
import { lookupRequests, lookupSenders, type LookupResponses } from "./messages/lookup";
import { ANY_CONTEXT, EXTENSION_ONLY, type SenderContext } from "./context";

const coreRequests = {
  /** Liveness and version: the first thing a content script asks. */
  ping: v.object({}),
  /** Recognise entities in page text (at most 2 MB per call; the content script batches). */
  recognize: v.object({
    text: v.pipe(v.string(), v.maxLength(2_000_000)),
    refDate: v.optional(v.pipe(v.string(), v.isoDate())),
  }),
  /** Counts of what the database holds. */
  "db.stats": v.object({}),
};

const coreSenders = {
  ping: ANY_CONTEXT,
  recognize: ANY_CONTEXT,
  "db.stats": EXTENSION_ONLY,
} satisfies Record<keyof typeof coreRequests, readonly SenderContext[]>;

interface CoreResponses {
  ping: { version: string; ready: boolean };
  recognize: { mentions: Mention[] };
  "db.stats": { entities: number; events: number; mentions: number; highlights: number };
}

/** Payload schemas, one per message type. */
export const requestSchemas = {
  ...coreRequests,
  ...kbRequests,
  ...pageRequests,
  ...highlightRequests,
  ...lookupRequests,
} satisfies Record<string, v.GenericSchema>;

/** Answer types, one per message type. */
export interface ResponseMap
  extends CoreResponses, KbResponses, PageResponses, HighlightResponses, LookupResponses {}

export type MessageType = keyof typeof requestSchemas & keyof ResponseMap;
/**
 * Who may send each type (./context): checked by the dispatcher before the payload. Typed over every
 * message type, so a new type cannot be added without declaring its senders.
 */
export const requestSenders: { readonly [K in MessageType]: readonly SenderContext[] } = {
  ...coreSenders,
  ...kbSenders,
  ...pageSenders,
  ...highlightSenders,
  ...lookupSenders,
};

export type RequestOf<K extends MessageType> = v.InferOutput<(typeof requestSchemas)[K]>;
export type ResponseOf<K extends MessageType> = ResponseMap[K];

/** What travels over `runtime.sendMessage`. */
export interface Envelope<K extends MessageType = MessageType> {
  siyaq: 1;
  type: K;
  payload: RequestOf<K>;
}

/** What comes back: never a thrown error across contexts, always a tagged result. */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

export function isMessageType(type: unknown): type is MessageType {
  return typeof type === "string" && Object.hasOwn(requestSchemas, type);
}
