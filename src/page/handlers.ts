// The background's answers to page requests.
import type { Handlers } from "@/src/messaging/server";
import type { PageResponses } from "./messages";

type PageHandlers = Pick<Handlers, keyof PageResponses>;

export function createPageHandlers(): PageHandlers {
  // Per-tab reports live in memory: they describe open tabs, not history.
  const reports = new Map<number, NonNullable<PageResponses["page.status"]>>();
  return {
    "page.report": ({ url, title, mentionCount }, sender) => {
      if (sender.tabId === undefined) return { recorded: false };
      reports.set(sender.tabId, { url, title, mentionCount, reportedAt: Date.now() });
      return { recorded: true };
    },
    "page.status": ({ tabId }) => reports.get(tabId) ?? null,
  };
}
