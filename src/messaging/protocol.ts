// The one typed protocol between content scripts, the background and extension pages.
// Every request is declared here once: its payload schema (checked at the background's door) and
// the type of its answer. Contexts call `sendMessage(type, payload)` from ./client and the
// background implements every entry through ./server.
import * as v from "valibot";
import type { Mention } from "@/src/nlp/types";

const Url = v.pipe(v.string(), v.maxLength(8192));

/** Payload schemas, one per message type. */
export const requestSchemas = {
  /** Liveness and version: the first thing a content script asks. */
  ping: v.object({}),
  /** Recognise entities in page text (at most 2 MB per call; the content script batches). */
  recognize: v.object({
    text: v.pipe(v.string(), v.maxLength(2_000_000)),
    refDate: v.optional(v.pipe(v.string(), v.isoDate())),
  }),
  /** Counts of what the database holds: the popup's proof of life. */
  "db.stats": v.object({}),
  /** A page reporting that its content script is active, with what it found. */
  "page.report": v.object({
    url: Url,
    title: v.pipe(v.string(), v.maxLength(2000)),
    mentionCount: v.pipe(v.number(), v.integer(), v.minValue(0)),
  }),
  /** What the content script of a tab last reported (for the popup). */
  "page.status": v.object({ tabId: v.pipe(v.number(), v.integer()) }),
} satisfies Record<string, v.GenericSchema>;

/** Answer types, one per message type. */
export interface ResponseMap {
  ping: { version: string; ready: boolean };
  recognize: { mentions: Mention[] };
  "db.stats": { entities: number; events: number; mentions: number; highlights: number };
  "page.report": { recorded: boolean };
  "page.status": { url: string; title: string; mentionCount: number; reportedAt: number } | null;
}

export type MessageType = keyof typeof requestSchemas & keyof ResponseMap;
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
