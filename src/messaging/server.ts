// The background's side of the protocol: one listener that checks who is asking and what they
// sent before any handler runs. A rejected message is logged with its reason and answered with an
// error; it never reaches the database.
import * as v from "valibot";
import {
  isMessageType,
  requestSchemas,
  type MessageType,
  type Reply,
  type RequestOf,
  type ResponseOf,
} from "./protocol";

export type Handlers = {
  [K in MessageType]: (payload: RequestOf<K>, sender: SenderInfo) => Promise<ResponseOf<K>> | ResponseOf<K>;
};

/** The parts of `runtime.MessageSender` the handlers may look at. */
export interface SenderInfo {
  id?: string;
  url?: string;
  tabId?: number;
}

export interface DispatchOptions {
  /** This extension's id: messages from any other sender are refused. */
  extensionId: string;
  log?: (reason: string) => void;
}

/**
 * Validates one incoming message and runs its handler. Pure enough to unit-test without a browser:
 * the background wires it to `runtime.onMessage`.
 */
export async function dispatch(
  handlers: Handlers,
  message: unknown,
  sender: SenderInfo,
  { extensionId, log = (reason) => console.warn(`[siyaq] rejected message: ${reason}`) }: DispatchOptions,
): Promise<Reply<unknown>> {
  const reject = (error: string): Reply<never> => {
    log(error);
    return { ok: false, error };
  };
  if (sender.id !== extensionId) return reject(`sender ${String(sender.id)} is not this extension`);
  if (typeof message !== "object" || message === null || (message as { siyaq?: unknown }).siyaq !== 1) {
    return reject("not a Siyaq message");
  }
  const { type, payload } = message as { type?: unknown; payload?: unknown };
  if (!isMessageType(type)) return reject(`unknown message type ${JSON.stringify(type)}`);
  const parsed = v.safeParse(requestSchemas[type], payload);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const where = issue.path?.map((p) => String(p.key)).join(".") || "payload";
    return reject(`invalid ${type} payload at ${where}: ${issue.message}`);
  }
  try {
    const handler = handlers[type] as (p: unknown, s: SenderInfo) => unknown;
    return { ok: true, value: await handler(parsed.output, sender) };
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    console.error(`[siyaq] ${type} failed:`, error);
    return { ok: false, error: `${type} failed: ${text}` };
  }
}
