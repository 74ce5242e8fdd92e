// The background's side of the protocol: one listener that checks who is asking and what they
// sent before any handler runs. A rejected message is logged with its reason and answered with an
// error; it never reaches the database.
import * as v from "valibot";
import { originOf, type Sender } from "./context";
import {
  isMessageType,
  requestSchemas,
  requestSenders,
  type MessageType,
  type Reply,
  type RequestOf,
  type ResponseOf,
} from "./protocol";
import { errorText } from "@/src/shared/error-text";

export type Handlers = {
  [K in MessageType]: (
    payload: RequestOf<K>,
    sender: Sender,
  ) => Promise<ResponseOf<K>> | ResponseOf<K>;
};

/** The parts of `runtime.MessageSender` the dispatcher looks at, as the browser filled them in. */
export interface SenderInfo {
  id?: string;
  /** The sending document's address. */
  url?: string;
  tabId?: number;
  /** 0 for a tab's top frame. */
  frameId?: number;
  /** The address of the sender's tab (its top document), for a frame's sender. */
  tabUrl?: string;
  /** The sending document's origin, where the browser gives it (a srcdoc frame has its parent's). */
  origin?: string;
}

export interface DispatchOptions {
  /** This extension's id: messages from any other sender are refused. */
  extensionId: string;
  /**
   * This extension's own pages start with it (`runtime.getURL("")`); defaults to the Chrome form
   * `chrome-extension://<id>/`.
   */
  extensionOrigin?: string;
  log?: (reason: string) => void;
}

/**
 * Tells an extension page from a content script by the address the browser reports for the sending
 * document: our own origin is an extension page; a web page's top frame in a tab is a content script.
 * Anything else (a subframe, a sender without a tab or address) is neither and is refused.
 */
export function senderOf(sender: SenderInfo, extensionOrigin: string): Sender | string {
  const url = sender.url ?? "";
  if (url.startsWith(extensionOrigin)) {
    return { context: "extension", ...(sender.tabId !== undefined ? { tabId: sender.tabId } : {}) };
  }
  if (sender.tabId === undefined || sender.tabId < 0) return "a content script without a tab";
  let address = url;
  const frameId = sender.frameId ?? 0;
  if (frameId !== 0) {
    // A frame of the page's own origin (same-origin or srcdoc) is part of the article, as trusted
    // as the page that could script it, and speaks for its tab's page; any other frame is refused.
    const top = sender.tabUrl === undefined ? undefined : originOf(sender.tabUrl);
    if (top === undefined || (sender.origin ?? originOf(url)) !== top)
      return "a content script in a subframe of another origin";
    address = sender.tabUrl!;
  }
  let page: URL;
  try {
    page = new URL(address);
  } catch {
    return `a sender at ${JSON.stringify(url)}`;
  }
  if (page.protocol !== "http:" && page.protocol !== "https:")
    return `a sender at ${page.protocol}`;
  page.hash = "";
  return {
    context: "content",
    tabId: sender.tabId,
    url: page.href,
    ...(frameId !== 0 ? { frameId } : {}),
  };
}

/**
 * Validates one incoming message and runs its handler. Pure enough to unit-test without a browser:
 * the background wires it to `runtime.onMessage`.
 */
export async function dispatch(
  handlers: Handlers,
  message: unknown,
  sender: SenderInfo,
  {
    extensionId,
    extensionOrigin = `chrome-extension://${extensionId}/`,
    log = (reason) => console.warn(`[siyaq] rejected message: ${reason}`),
  }: DispatchOptions,
): Promise<Reply<unknown>> {
  const reject = (error: string): Reply<never> => {
    log(error);
    return { ok: false, error };
  };
  if (sender.id !== extensionId) return reject(`sender ${String(sender.id)} is not this extension`);
  if (
    typeof message !== "object" ||
    message === null ||
    (message as { siyaq?: unknown }).siyaq !== 1
  ) {
    return reject("not a Siyaq message");
  }
  const { type, payload } = message as { type?: unknown; payload?: unknown };
  if (!isMessageType(type)) return reject(`unknown message type ${JSON.stringify(type)}`);
  const from = senderOf(sender, extensionOrigin);
  if (typeof from === "string") return reject(`${type} from ${from}`);
  if (!requestSenders[type].includes(from.context))
    return reject(
      `${type} is not accepted from a ${from.context === "content" ? "web page's content script" : "extension page"}`,
    );
  const parsed = v.safeParse(requestSchemas[type], payload);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const where = issue.path?.map((p) => String(p.key)).join(".") || "payload";
    return reject(`invalid ${type} payload at ${where}: ${issue.message}`);
  }
  try {
    const handler = handlers[type] as (p: unknown, s: Sender) => unknown;
    return { ok: true, value: await handler(parsed.output, from) };
  } catch (error) {
    const text = errorText(error);
    console.error(`[siyaq] ${type} failed:`, error);
    return { ok: false, error: `${type} failed: ${text}` };
  }
}
