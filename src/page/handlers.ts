// The background's answers to page requests.
import { browser } from "wxt/browser";
import type { Handlers } from "@/src/messaging/server";
import { POPUP_FOCUS_KEY, type PageResponses, type PopupFocus } from "./messages";

type PageHandlers = Pick<Handlers, keyof PageResponses>;

type PageStatus = NonNullable<PageResponses["page.status"]>;

/**
 * Per-tab reports describe open tabs, not history. They are kept in memory and mirrored to
 * `storage.session` (memory-only, gone with the browser session) so the popup still knows the
 * tab's names after the MV3 service worker slept and woke with an empty heap.
 */
function tabReports() {
  const memory = new Map<number, PageStatus>();
  const session = browser.storage.session as typeof browser.storage.local | undefined;
  const key = (tabId: number) => `siyaq.tab.${tabId}`;
  const persist = (work: Promise<unknown> | undefined) =>
    work?.catch((error: unknown) => console.warn("[siyaq] could not keep a tab report across sleeps:", error));
  return {
    async set(tabId: number, report: PageStatus) {
      memory.set(tabId, report);
      await persist(session?.set({ [key(tabId)]: report }));
    },
    async get(tabId: number): Promise<PageStatus | null> {
      const known = memory.get(tabId);
      if (known || !session) return known ?? null;
      const stored = (await session.get(key(tabId)))[key(tabId)] as PageStatus | undefined;
      if (stored) memory.set(tabId, stored);
      return stored ?? null;
    },
    forget(tabId: number) {
      memory.delete(tabId);
      void persist(session?.remove(key(tabId)));
    },
  };
}

export function createPageHandlers(): PageHandlers {
  const reports = tabReports();
  browser.tabs?.onRemoved?.addListener((tabId) => reports.forget(tabId));
  return {
    // A tab reports about itself: its id and address are the browser's, not the payload's.
    "page.report": async ({ title, mentionCount, entities = [] }, sender) => {
      if (sender.tabId === undefined || sender.url === undefined) return { recorded: false };
      await reports.set(sender.tabId, { url: sender.url, title, mentionCount, entities, reportedAt: Date.now() });
      return { recorded: true };
    },
    "page.status": ({ tabId }) => reports.get(tabId),
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
