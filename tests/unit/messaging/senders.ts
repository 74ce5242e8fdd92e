// Senders as the browser reports them, for tests that talk to the background's dispatcher.
import { requestSenders, type MessageType } from "@/src/messaging/protocol";
import { dispatch, type Handlers, type SenderInfo } from "@/src/messaging/server";
import type { ResponseOf } from "@/src/messaging/protocol";

/** An extension page (popup, options, library) of extension `id`. */
export function extensionPage(id: string, path = "options.html"): SenderInfo {
  return { id, url: `chrome-extension://${id}/${path}` };
}

/** The top-frame content script of tab `tabId`, showing `url`. */
export function contentScript(id: string, tabId: number, url: string): SenderInfo {
  return { id, tabId, frameId: 0, url };
}

/** Whichever sender the protocol accepts `type` from: an extension page if it may, else a page at `pageUrl`. */
export function senderFor(
  type: string,
  id: string,
  pageUrl = "https://example.org/news/iraq-coalition",
  tabId = 1,
): SenderInfo {
  const allowed = requestSenders[type as MessageType] ?? ["extension"];
  return allowed.includes("extension") ? extensionPage(id) : contentScript(id, tabId, pageUrl);
}

/** The content script of frame `frameId` of tab `tabId`: a document at `url` inside the page at `tabUrl`. */
export function frameScript(
  id: string,
  tabId: number,
  frameId: number,
  url: string,
  tabUrl: string,
  origin?: string,
): SenderInfo {
  return { id, tabId, frameId, url, tabUrl, ...(origin ? { origin } : {}) };
}

/** Sends messages through the real dispatcher as extension `id`: `send` gives the reply, `ok` its value or throws. */
export function messenger(handlers: Handlers, id: string) {
  const send = <K extends MessageType>(sender: SenderInfo, type: K, payload: unknown) =>
    dispatch(handlers, { siyaq: 1, type, payload }, sender, {
      extensionId: id,
      log: () => {},
    }) as Promise<{ ok: true; value: ResponseOf<K> } | { ok: false; error: string }>;
  const ok = async <K extends MessageType>(
    sender: SenderInfo,
    type: K,
    payload: unknown,
  ): Promise<ResponseOf<K>> => {
    const reply = await send(sender, type, payload);
    if (!reply.ok) throw new Error(reply.error);
    return reply.value;
  };
  return { send, ok };
}
