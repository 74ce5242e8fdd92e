// What the background answers: every message type of the protocol, joined from each area's
// handlers. Kept apart from the entry point so unit tests can call it directly.
import type { Handlers } from "@/src/messaging/server";
import { withDatabase } from "@/src/kb/db";
import { getRecognizer } from "./recognizer-service";
import { createKbHandlers } from "@/src/kb/handlers";
import { createPageHandlers } from "@/src/page/handlers";
import { createHighlightHandlers } from "@/src/highlights/handlers";

export function createHandlers(version: string): Handlers {
  return {
    ping: () => ({ version, ready: true }),
    // One recognizer over the knowledge base, shared by every tab (./recognizer-service).
    recognize: async ({ text, refDate }) => ({ mentions: (await getRecognizer())(text, refDate) }),
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
  };
}
