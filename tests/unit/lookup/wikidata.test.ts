import { describe, expect, it } from "vitest";
import { WikidataClient, wikidataDate } from "@/src/lookup/wikidata";
import { PoliteQueue, retryAfterMs } from "@/src/lookup/queue";
import { TEST_ENDPOINTS, fakeWikimedia } from "./fake-wikimedia";

const UA = "Siyaq-test/1.0 (test)";

function client(fake: ReturnType<typeof fakeWikimedia>, sleeps: number[] = []) {
  return new WikidataClient({
    endpoints: TEST_ENDPOINTS,
    userAgent: UA,
    fetch: fake.fetch,
    sleep: async (ms) => void sleeps.push(ms),
    now: () => 1_000,
  });
}

describe("WikidataClient.lookupName", () => {
  it("finds the person of the right type and reads description, dates, positions, country and extract", async () => {
    const fake = fakeWikimedia();
    const outcome = await client(fake).lookupName("مارك كارني", "PER");
    expect(outcome.status).toBe("found");
    if (outcome.status !== "found") return;
    const { entity } = outcome;
    // The disambiguation page listed first is passed over for the human (P31 = Q5).
    expect(entity.qid).toBe("Q534285");
    expect(entity.typeMatched).toBe(true);
    expect(entity.label).toEqual({ ar: "مارك كارني", en: "Mark Carney" });
    expect(entity.description.ar).toBe("اقتصادي وسياسي كندي");
    expect(entity.born).toBe("1965-03-16");
    expect(entity.died).toBeUndefined();
    // Current office first, then newest first; the deprecated statement is left out.
    expect(entity.positions).toEqual([
      {
        qid: "Q839078",
        label: { ar: "رئيس وزراء كندا", en: "Prime Minister of Canada" },
        start: "2025-03-14",
      },
      {
        qid: "Q1330960",
        label: { ar: "محافظ بنك إنجلترا", en: "Governor of the Bank of England" },
        start: "2013-07-01",
        end: "2020-03-15",
      },
      {
        qid: "Q1423891",
        label: { en: "Governor of the Bank of Canada" },
        start: "2008-02-01",
        end: "2013-06-01",
      },
    ]);
    expect(entity.countries).toEqual([{ qid: "Q16", label: { ar: "كندا", en: "Canada" } }]);
    expect(entity.wikipedia).toEqual({ ar: "مارك كارني", en: "Mark Carney" });
    expect(entity.extract).toMatch(/^مارك كارني اقتصادي/);
  });

  it("sends only the name, with an identifying Api-User-Agent, to the two configured hosts", async () => {
    const fake = fakeWikimedia();
    await client(fake).lookupName("مارك كارني", "PER");
    expect(fake.requests.map((r) => r.url.searchParams.get("action") ?? r.url.pathname)).toEqual([
      "wbsearchentities",
      "wbgetentities",
      "wbgetentities",
      "/api/rest_v1/page/summary/%D9%85%D8%A7%D8%B1%D9%83_%D9%83%D8%A7%D8%B1%D9%86%D9%8A",
    ]);
    const fixed = new Set([
      "ar",
      "item",
      "7",
      "json",
      "*",
      "labels|descriptions|claims|sitelinks",
      "ar|en",
      "arwiki|enwiki",
      "labels",
      "wbsearchentities",
      "wbgetentities",
    ]);
    for (const { url, headers } of fake.requests) {
      expect([
        new URL(TEST_ENDPOINTS.wikidata).host,
        new URL(TEST_ENDPOINTS.wikipedia).host,
      ]).toContain(url.host);
      expect(headers["Api-User-Agent"]).toBe(UA);
      for (const [key, value] of url.searchParams) {
        // The name, QIDs read from Wikidata's own answers, or fixed API parameters: nothing else.
        if (key === "search") expect(value).toBe("مارك كارني");
        else if (key === "ids") expect(value).toMatch(/^Q\d+(\|Q\d+)*$/);
        else expect(fixed.has(value), `${key}=${value}`).toBe(true);
      }
    }
  });

  it("answers not-found when the search finds nothing", async () => {
    const fake = fakeWikimedia();
    expect(await client(fake).lookupName("اسم لا يعرفه أحد", "PER")).toEqual({
      status: "not-found",
      fetchedAt: 1_000,
    });
    expect(fake.requests).toHaveLength(1);
  });

  it("does not take a place or a disambiguation page for a person", async () => {
    const fake = fakeWikimedia();
    // Only the disambiguation page comes back.
    const c = new WikidataClient({
      endpoints: TEST_ENDPOINTS,
      userAgent: UA,
      fetch: async (url, init) => {
        const u = new URL(url);
        if (u.searchParams.get("action") === "wbgetentities")
          u.searchParams.set("ids", "Q110000001");
        return fake.fetch(u.toString(), init);
      },
    });
    expect((await c.lookupName("مارك كارني", "PER")).status).toBe("not-found");
    expect((await c.lookupName("مارك كارني", "LOC")).status).toBe("not-found");
  });

  it("turns an offline network into `unavailable`, never an error", async () => {
    const c = new WikidataClient({
      endpoints: TEST_ENDPOINTS,
      userAgent: UA,
      fetch: () => Promise.reject(new TypeError("Failed to fetch")),
    });
    await expect(c.lookupName("مارك كارني", "PER")).resolves.toEqual({
      status: "unavailable",
      reason: "network: Failed to fetch",
    });
  });

  it("turns a server error into `unavailable`", async () => {
    const fake = fakeWikimedia(() => new Response("oops", { status: 500 }));
    expect(await client(fake).lookupName("مارك كارني", "PER")).toEqual({
      status: "unavailable",
      reason: "HTTP 500",
    });
  });

  it("backs off on 429 as Retry-After says, then succeeds", async () => {
    let refused = 0;
    const fake = fakeWikimedia((url) => {
      if (url.searchParams.get("action") === "wbsearchentities" && refused++ === 0) {
        return new Response("slow down", { status: 429, headers: { "Retry-After": "2" } });
      }
      return undefined;
    });
    const sleeps: number[] = [];
    const outcome = await client(fake, sleeps).lookupName("مارك كارني", "PER");
    expect(outcome.status).toBe("found");
    expect(sleeps).toEqual([2000]);
  });

  it("gives up on 503 after its retries, with growing waits, as `unavailable`", async () => {
    const fake = fakeWikimedia(() => new Response("busy", { status: 503 }));
    const sleeps: number[] = [];
    const outcome = await client(fake, sleeps).lookupName("مارك كارني", "PER");
    expect(outcome).toEqual({ status: "unavailable", reason: "HTTP 503 after 3 retries" });
    expect(sleeps).toEqual([1000, 2000, 4000]);
    expect(fake.requests).toHaveLength(4);
  });
});

describe("PoliteQueue", () => {
  it("keeps one request in flight per host, and lets different hosts run side by side", async () => {
    const inFlight = new Map<string, number>();
    let maxSameHost = 0;
    let maxTotal = 0;
    const queue = new PoliteQueue({
      userAgent: UA,
      fetch: async (url) => {
        const host = new URL(url).host;
        inFlight.set(host, (inFlight.get(host) ?? 0) + 1);
        maxSameHost = Math.max(maxSameHost, inFlight.get(host)!);
        maxTotal = Math.max(
          maxTotal,
          [...inFlight.values()].reduce((a, b) => a + b, 0),
        );
        await new Promise((resolve) => setTimeout(resolve, 5));
        inFlight.set(host, inFlight.get(host)! - 1);
        return new Response("{}", { status: 200 });
      },
    });
    const results = await Promise.all([
      queue.getJson("https://a.test/1"),
      queue.getJson("https://a.test/2"),
      queue.getJson("https://b.test/1"),
      queue.getJson("https://a.test/3"),
    ]);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(maxSameHost).toBe(1);
    expect(maxTotal).toBe(2);
  });

  it("reads Retry-After as seconds or as an HTTP date", () => {
    expect(retryAfterMs("5", 0)).toBe(5000);
    expect(retryAfterMs("Thu, 01 Jan 1970 00:00:10 GMT", 4000)).toBe(6000);
    expect(retryAfterMs(null, 0)).toBeUndefined();
    expect(retryAfterMs("soon", 0)).toBeUndefined();
  });
});

describe("wikidataDate", () => {
  it("keeps the precision Wikidata gives", () => {
    expect(wikidataDate({ time: "+1965-03-16T00:00:00Z", precision: 11 })).toBe("1965-03-16");
    expect(wikidataDate({ time: "+1965-03-00T00:00:00Z", precision: 10 })).toBe("1965-03");
    expect(wikidataDate({ time: "+1965-00-00T00:00:00Z", precision: 9 })).toBe("1965");
    expect(wikidataDate({ time: "+1900-00-00T00:00:00Z", precision: 7 })).toBeUndefined();
    expect(wikidataDate({ time: "-0500-00-00T00:00:00Z", precision: 9 })).toBeUndefined();
  });
});
