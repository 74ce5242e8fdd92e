// The background's answers to highlight requests.
import type { Handlers } from "@/src/messaging/server";
import type { HighlightResponses } from "./messages";

type HighlightHandlers = Pick<Handlers, keyof HighlightResponses>;

export function createHighlightHandlers(): HighlightHandlers {
  return {};
}
