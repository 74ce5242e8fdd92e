// Where the reader met names the knowledge base does not know: the card of an unknown name says
// "also in these articles". Linked entities are counted by the KB's mention records instead; these
// names have no entity id to record, so a small bounded list lives in `storage.local`.
import { browser } from "wxt/browser";
import * as v from "valibot";
import { ENTITY_TYPES, type EntityType } from "@/src/nlp/types";
import { suppressionKey } from "@/src/settings/suppressions";

const KEY = "siyaq.unknownSightings";
/** Names remembered; the least recently seen go first beyond it. */
export const MAX_NAMES = 2000;
/** Articles remembered per name: the card shows a few, not a history. */
export const MAX_PAGES_PER_NAME = 5;

const PageSchema = v.object({ url: v.pipe(v.string(), v.maxLength(8192)), title: v.pipe(v.string(), v.maxLength(2000)), seenAt: v.number() });
const SightingSchema = v.object({
  surface: v.pipe(v.string(), v.maxLength(200)),
  type: v.picklist(ENTITY_TYPES),
  pages: v.array(PageSchema),
});
export type Sighting = v.InferOutput<typeof SightingSchema>;
export type SightingPage = v.InferOutput<typeof PageSchema>;

/** Valid entries only: a damaged entry is dropped alone. */
export function parseSightings(stored: unknown): Map<string, Sighting> {
  const out = new Map<string, Sighting>();
  if (typeof stored !== "object" || stored === null) return out;
  for (const [key, value] of Object.entries(stored)) {
    const parsed = v.safeParse(SightingSchema, value);
    if (parsed.success) out.set(key, parsed.output);
  }
  return out;
}

async function load(): Promise<Map<string, Sighting>> {
  return parseSightings((await browser.storage.local.get(KEY))[KEY]);
}

/** Notes that these unknown names appear on `page`; the same page twice counts once. */
export async function recordSightings(page: { url: string; title: string }, names: readonly { surface: string; type: EntityType }[]): Promise<void> {
  if (names.length === 0) return;
  const all = await load();
  const seenAt = Date.now();
  for (const { surface, type } of names) {
    const key = suppressionKey(surface);
    if (!key) continue;
    const known = all.get(key);
    const pages = (known?.pages ?? []).filter((p) => p.url !== page.url);
    pages.push({ url: page.url.slice(0, 8192), title: page.title.slice(0, 2000), seenAt });
    all.delete(key); // re-inserted last: the map's order is least to most recently seen
    all.set(key, { surface: surface.slice(0, 200), type, pages: pages.slice(-MAX_PAGES_PER_NAME) });
  }
  const kept = [...all].slice(-MAX_NAMES);
  await browser.storage.local.set({ [KEY]: Object.fromEntries(kept) });
}

/** The other articles where the reader met this name, most recent first. */
export async function sightingsOf(surface: string, exceptUrl: string): Promise<SightingPage[]> {
  const known = (await load()).get(suppressionKey(surface));
  return (known?.pages ?? []).filter((p) => p.url !== exceptUrl).reverse();
}
