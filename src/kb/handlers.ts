// The background's answers to knowledge-base requests.
import type { Handlers } from "@/src/messaging/server";
import type { KbResponses } from "./messages";

type KbHandlers = Pick<Handlers, keyof KbResponses>;

export function createKbHandlers(): KbHandlers {
  return {};
}
