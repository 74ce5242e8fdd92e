// The background's answers to page requests.
import { browser } from "wxt/browser";
import type { Handlers } from "@/src/messaging/server";
import { POPUP_FOCUS_KEY, type PageResponses, type PopupFocus } from "./messages";

type PageHandlers = Pick<Handlers, keyof PageResponses>;

export function createPageHandlers(): PageHandlers {
  // Per-tab reports live in memory: they describe open tabs, not history.
  const reports = new Map<number, NonNullable<PageResponses["page.status"]>>();
  return {
    "page.report": ({ url, title, mentionCount, entities = [] }, sender) => {
      if (sender.tabId === undefined) return { recorded: false };
      reports.set(sender.tabId, { url, title, mentionCount, entities, reportedAt: Date.now() });
      return { recorded: true };
    },
    "page.status": ({ tabId }) => reports.get(tabId) ?? null,
    "page.openInPopup": async ({ entityId }) => {
      const focus: PopupFocus = { entityId, at: Date.now() };
      await browser.storage.local.set({ [POPUP_FOCUS_KEY]: focus });
      // `action.openPopup` exists in Chrome 127+ and Firefox; it may still refuse without a user gesture.
      const action = browser.action as { openPopup?: () => Promise<void> } | undefined;
      if (typeof action?.openPopup !== "function") return { opened: false };
      try {
        await action.openPopup();
        return { opened: true };
      } catch {
        return { opened: false };
      }
    },
  };
}
