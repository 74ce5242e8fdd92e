// The content script's side of "where else the reader met this unknown name": the background
// keeps them (src/kb/sightings) under the tab's real address.
import { sendMessage } from "@/src/messaging/client";
import type { EntityType } from "@/src/nlp/types";
import { MAX_SIGHTING_NAMES, type KbResponses } from "@/src/messaging/messages/kb";

/** Notes that these unknown names appear on this page (in batches the background accepts). */
export async function recordSightings(
  title: string,
  names: readonly { surface: string; type: EntityType }[],
  publishedAt?: string,
): Promise<void> {
  for (let i = 0; i < names.length; i += MAX_SIGHTING_NAMES) {
    const batch = names
      .slice(i, i + MAX_SIGHTING_NAMES)
      .map(({ surface, type }) => ({ surface: surface.slice(0, 200), type }));
    await sendMessage("sightings.record", {
      title: title.slice(0, 2000),
      names: batch,
      ...(publishedAt ? { publishedAt: publishedAt.slice(0, 64) } : {}),
    });
  }
}

/** The other articles where the reader met this name, most recent first, and what was learned of it. */
export async function sightingsOf(surface: string): Promise<KbResponses["sightings.of"]> {
  return sendMessage("sightings.of", { surface: surface.slice(0, 200) });
}
