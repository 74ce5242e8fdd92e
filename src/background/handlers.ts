// What the background answers: each message type of the protocol, implemented over the database
// and the recognizer. Kept apart from the entry point so unit tests can call it directly.
import type { Handlers } from "@/src/messaging/server";
import type { ResponseOf } from "@/src/messaging/protocol";
import { withDatabase } from "@/src/kb/db";
import { recognize } from "@/src/nlp/recognize";

export function createHandlers(version: string): Handlers {
  // Per-tab page reports live in memory: they describe open tabs, not history.
  const reports = new Map<number, NonNullable<ResponseOf<"page.status">>>();
  return {
    ping: () => ({ version, ready: true }),
    recognize: ({ text, refDate }) => ({ mentions: recognize(text, { refDate }) }),
    "db.stats": () =>
      withDatabase(async (db) => ({
        entities: await db.entities.count(),
        events: await db.events.count(),
        mentions: await db.mentions.count(),
        highlights: await db.highlights.count(),
      })),
    "page.report": ({ url, title, mentionCount }, sender) => {
      if (sender.tabId === undefined) return { recorded: false };
      reports.set(sender.tabId, { url, title, mentionCount, reportedAt: Date.now() });
      return { recorded: true };
    },
    "page.status": ({ tabId }) => reports.get(tabId) ?? null,
  };
}
