// The calling side of the protocol, for content scripts and extension pages.
import { browser } from "wxt/browser";
import type { Envelope, MessageType, Reply, RequestOf, ResponseOf } from "./protocol";

export class MessageError extends Error {
  constructor(
    readonly type: MessageType,
    message: string,
  ) {
    super(message);
    this.name = "MessageError";
  }
}

/** Sends one typed request to the background and returns its answer, or throws `MessageError`. */
export async function sendMessage<K extends MessageType>(
  type: K,
  payload: RequestOf<K>,
): Promise<ResponseOf<K>> {
  const envelope: Envelope<K> = { siyaq: 1, type, payload };
  const reply = (await browser.runtime.sendMessage(envelope)) as Reply<ResponseOf<K>> | undefined;
  if (!reply) throw new MessageError(type, `no answer to ${type}`);
  if (!reply.ok) throw new MessageError(type, reply.error);
  return reply.value;
}
