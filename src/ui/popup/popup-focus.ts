// The hover card's "open in the popup" leaves an entity id in storage; the popup opens that card
// first and clears it, so the next popup shows the page again.
import { browser } from "wxt/browser";
import { POPUP_FOCUS_KEY } from "@/src/messaging/messages/page";

/** A request older than this was not for the popup being opened now. */
export const POPUP_FOCUS_MAX_AGE_MS = 60_000;

export async function takePopupFocus(now = Date.now()): Promise<string | undefined> {
  const stored: unknown = (await browser.storage.local.get(POPUP_FOCUS_KEY))[POPUP_FOCUS_KEY];
  if (stored === undefined) return undefined;
  await browser.storage.local.remove(POPUP_FOCUS_KEY);
  // Either a bare id or `{ entityId, at }` (see PopupFocus in src/messaging/messages/page).
  if (typeof stored === "string") return stored || undefined;
  if (typeof stored !== "object" || stored === null) return undefined;
  const { entityId, at } = stored as { entityId?: unknown; at?: unknown };
  if (typeof entityId !== "string" || !entityId) return undefined;
  if (typeof at === "number" && now - at > POPUP_FOCUS_MAX_AGE_MS) return undefined;
  return entityId;
}
