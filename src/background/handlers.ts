// What the background answers: every message type of the protocol, joined from each area's
// handlers. Kept apart from the entry point so unit tests can call it directly.
import type { Handlers } from "@/src/messaging/server";
import { withDatabase } from "@/src/kb/db";
import { getRecognizer } from "./recognizer-service";
import { timed } from "@/src/shared/timing";
import { RECOGNIZE_LIMIT, rateLimiter, type RateLimit } from "./rate-limit";
import { createKbHandlers } from "@/src/background/kb-handlers";
import { createPageHandlers } from "@/src/background/page-handlers";
import { createHighlightHandlers } from "@/src/background/highlight-handlers";
import { createLookupHandlers, type LookupDeps } from "@/src/background/lookup-handlers";

export function createHandlers(
  version: string,
  {
    recognizeLimit = RECOGNIZE_LIMIT,
    lookup = {},
  }: { recognizeLimit?: RateLimit; lookup?: Omit<LookupDeps, "version"> } = {},
): Handlers {
  const takeRecognizeBudget = rateLimiter("recognize", recognizeLimit);
  return {
    ping: () => ({ version, ready: true }),
    // One recognizer over the knowledge base, shared by every tab (./recognizer-service): each tab
    // gets its share, not all of it.
    recognize: async ({ text, refDate }, sender) => {
      if (sender.context === "content" && sender.tabId !== undefined)
        takeRecognizeBudget(sender.tabId, text.length);
      const recognizer = await getRecognizer();
      return { mentions: timed("siyaq:recognize", () => recognizer(text, refDate)) };
    },
    "db.stats": () =>
      withDatabase(async (db) => ({
        entities: await db.entities.count(),
        events: await db.events.count(),
        mentions: await db.mentions.count(),
        highlights: await db.highlights.count(),
      })),
    ...createKbHandlers(),
    ...createPageHandlers(),
    ...createHighlightHandlers(),
    ...createLookupHandlers({ version, ...lookup }),
  };
}
