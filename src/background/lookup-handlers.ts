// The background's answers to `lookup.*`. Lookups need the optional host permissions (granted from
// the options page or the card's button, a user gesture); without them the answer is
// `needs-permission` and nothing is sent. Test endpoints (loopback only, set from extension pages)
// live in the database's meta table, out of any web page's reach.
import type { Handlers } from "@/src/messaging/server";
import { withDatabase, type SiyaqDatabase } from "@/src/kb/db";
import type { LookupResponses } from "@/src/messaging/messages/lookup";
import { cacheOutcome, cachedEntity, cachedOutcome, nameKey, qidKey } from "@/src/lookup/cache";
import { DEFAULT_ENDPOINTS, WikidataClient, type Endpoints } from "@/src/lookup/wikidata";
import { keepEntity, refreshEntity } from "@/src/lookup/keep";
import type { FetchLike } from "@/src/lookup/queue";
import { hasLookupPermission } from "@/src/lookup/permission";

const ENDPOINTS_KEY = "lookup.endpoints";

export function lookupUserAgent(version: string): string {
  return `Siyaq/${version} (browser extension for Arabic news; looks up a name when the reader asks)`;
}

export interface LookupDeps {
  version: string;
  fetch?: FetchLike;
  sleep?: (ms: number) => Promise<void>;
  /** Whether the user granted the host permissions. */
  permitted?: () => Promise<boolean>;
  now?: () => number;
}

type LookupHandlers = Pick<Handlers, keyof LookupResponses>;

export function createLookupHandlers(deps: LookupDeps): LookupHandlers {
  const { permitted = hasLookupPermission, now = Date.now } = deps;
  const clients = new Map<string, WikidataClient>();
  const clientFor = (endpoints: Endpoints) => {
    const key = `${endpoints.wikidata} ${endpoints.wikipedia}`;
    let client = clients.get(key);
    if (!client) {
      client = new WikidataClient({
        endpoints,
        userAgent: lookupUserAgent(deps.version),
        fetch: deps.fetch,
        sleep: deps.sleep,
        now,
      });
      clients.set(key, client);
    }
    return client;
  };
  /** The client to use, or undefined when the user has not allowed lookups. */
  const ready = async (db: SiyaqDatabase): Promise<WikidataClient | undefined> => {
    const override = (await db.meta.get(ENDPOINTS_KEY))?.value as Endpoints | undefined;
    if (override) return clientFor(override);
    return (await permitted()) ? clientFor({ ...DEFAULT_ENDPOINTS }) : undefined;
  };

  return {
    "lookup.name": ({ name, type }) =>
      withDatabase(async (db) => {
        const client = await ready(db);
        if (!client) return { status: "needs-permission" as const };
        const key = nameKey(name, type);
        const cached = await cachedOutcome(db, key, now());
        if (cached) return cached;
        const outcome = await client.lookupName(name, type);
        await cacheOutcome(db, key, outcome, now());
        return outcome;
      }),
    "lookup.keep": ({ qid, name }) =>
      withDatabase(async (db) => {
        const found = await cachedEntity(db, qid, now());
        if (!found) throw new Error(`nothing found for ${qid} to keep: look the name up first`);
        return keepEntity(db, found, name, now());
      }),
    "lookup.refresh": ({ id }) =>
      withDatabase(async (db) => {
        const stored = await db.entities.get(id);
        if (!stored) throw new Error(`no entity ${id}`);
        if (!stored.qid) throw new Error(`entity ${id} has no Wikidata id to update from`);
        const client = await ready(db);
        if (!client) return { outcome: { status: "needs-permission" as const } };
        const outcome = await client.lookupQid(stored.qid, stored.type);
        await cacheOutcome(db, qidKey(stored.qid), outcome, now());
        if (outcome.status !== "found") return { outcome };
        const refreshed = await refreshEntity(db, id, outcome.entity, now());
        return refreshed ? { outcome, ...refreshed } : { outcome };
      }),
    "lookup.setEndpoints": ({ endpoints }) =>
      withDatabase(async (db) => {
        if (endpoints) await db.meta.put({ key: ENDPOINTS_KEY, value: endpoints });
        else await db.meta.delete(ENDPOINTS_KEY);
        return { set: endpoints !== null };
      }),
  };
}
