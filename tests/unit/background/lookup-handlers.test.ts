import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { dispatch, type Handlers } from "@/src/messaging/server";
import type { MessageType, RequestOf, ResponseOf } from "@/src/messaging/protocol";
import { createKbHandlers } from "@/src/background/kb-handlers";
import { createLookupHandlers } from "@/src/background/lookup-handlers";
import { useDatabase, type SiyaqDatabase } from "@/src/kb/db";
import { freshDatabase, samplePack } from "../kb/sample-pack";
import { contentScript, extensionPage } from "../messaging/senders";
import { TEST_ENDPOINTS, fakeWikimedia } from "../lookup/fake-wikimedia";

const EXTENSION = "siyaq-test";
const PAGE = "https://news.example/2025/03/carney-article?id=42";
let db: SiyaqDatabase;
let fake: ReturnType<typeof fakeWikimedia>;
let granted: boolean;
let handlers: Handlers;

async function ask<K extends MessageType>(
  type: K,
  payload: RequestOf<K> | Record<string, unknown>,
  from: "page" | "extension" = "page",
): Promise<ResponseOf<K>> {
  const sender = from === "page" ? contentScript(EXTENSION, 3, PAGE) : extensionPage(EXTENSION);
  const reply = await dispatch(handlers, { siyaq: 1, type, payload }, sender, {
    extensionId: EXTENSION,
    log: () => {},
  });
  if (!reply.ok) throw new Error(reply.error);
  return reply.value as ResponseOf<K>;
}

beforeEach(async () => {
  db = freshDatabase();
  useDatabase(db);
  fake = fakeWikimedia();
  granted = true;
  handlers = {
    ...createKbHandlers(),
    ...createLookupHandlers({
      version: "9.9.9",
      fetch: fake.fetch,
      permitted: async () => granted,
      sleep: async () => {},
    }),
  } as unknown as Handlers;
  await ask("pack.import", { json: JSON.stringify(samplePack()) }, "extension");
  // Point the client at the test hosts the way the e2e test does: from an extension page.
  await db.meta.put({ key: "lookup.endpoints", value: TEST_ENDPOINTS });
});
afterEach(async () => {
  await db.delete();
});

describe("lookup.name", () => {
  it("answers a page's card with the entity, sending the name only, and caches it", async () => {
    const outcome = await ask("lookup.name", { name: "مارك كارني", type: "PER" });
    expect(outcome.status).toBe("found");
    if (outcome.status === "found") expect(outcome.entity.born).toBe("1965-03-16");
    // Nothing of the sender's page (its address, path or query) went out.
    const sent = fake.requests.map((r) => decodeURIComponent(r.url.toString())).join("\n");
    for (const leak of ["news.example", "carney-article", "id=42"])
      expect(sent).not.toContain(leak);
    expect(
      fake.requests.every((r) => r.headers["Api-User-Agent"]?.startsWith("Siyaq/9.9.9 ")),
    ).toBe(true);
    const count = fake.requests.length;
    // The second ask is answered from the cache, with the same answer.
    expect(await ask("lookup.name", { name: "مارك كارني", type: "PER" })).toEqual(outcome);
    expect(fake.requests).toHaveLength(count);
  });

  it("refuses any field besides the name and type, so no page text can ride along", async () => {
    await expect(
      ask("lookup.name", { name: "مارك كارني", type: "PER", url: PAGE }),
    ).rejects.toThrow(/invalid lookup.name payload/);
    await expect(
      ask("lookup.name", { name: "مارك كارني", type: "PER", text: "the article" }),
    ).rejects.toThrow(/invalid lookup.name payload/);
    await expect(ask("lookup.name", { name: "", type: "PER" })).rejects.toThrow(
      /invalid lookup.name payload/,
    );
    expect(fake.requests).toHaveLength(0);
  });

  it("sends nothing and says so until the user grants the host permissions", async () => {
    await db.meta.delete("lookup.endpoints");
    granted = false;
    expect(await ask("lookup.name", { name: "مارك كارني", type: "PER" })).toEqual({
      status: "needs-permission",
    });
    expect(fake.requests).toHaveLength(0);
  });

  it("says `unavailable` when offline and does not cache it", async () => {
    handlers = {
      ...handlers,
      ...createLookupHandlers({
        version: "1",
        fetch: () => Promise.reject(new TypeError("offline")),
        permitted: async () => true,
      }),
    } as unknown as Handlers;
    expect(await ask("lookup.name", { name: "مارك كارني", type: "PER" })).toEqual({
      status: "unavailable",
      reason: "network: offline",
    });
    expect(await db.lookups.count()).toBe(0);
  });
});

describe("lookup.setEndpoints", () => {
  it("is refused to pages and accepts loopback addresses only", async () => {
    const endpoints = { wikidata: "http://127.0.0.1:8123", wikipedia: "http://127.0.0.1:8123" };
    await expect(ask("lookup.setEndpoints", { endpoints })).rejects.toThrow();
    await expect(
      ask(
        "lookup.setEndpoints",
        { endpoints: { ...endpoints, wikidata: "https://evil.example" } },
        "extension",
      ),
    ).rejects.toThrow(/invalid/);
    expect(await ask("lookup.setEndpoints", { endpoints }, "extension")).toEqual({ set: true });
    expect((await db.meta.get("lookup.endpoints"))?.value).toEqual(endpoints);
    expect(await ask("lookup.setEndpoints", { endpoints: null }, "extension")).toEqual({
      set: false,
    });
    expect(await db.meta.get("lookup.endpoints")).toBeUndefined();
  });
});

describe("lookup.keep", () => {
  it("stores the found entity under its QID with its facts, and the card then works offline", async () => {
    await ask("lookup.name", { name: "مارك كارني", type: "PER" });
    const kept = await ask("lookup.keep", { qid: "Q534285", name: "كارني" });
    expect(kept).toMatchObject({
      id: "Q534285",
      type: "PER",
      names: { ar: "مارك كارني", en: "Mark Carney" },
      qid: "Q534285",
    });
    const before = fake.requests.length;
    const view = await ask("entity.get", { id: "Q534285" });
    expect(fake.requests).toHaveLength(before);
    expect(view?.entity.source).toBe("user");
    expect(view?.entity.aliases).toEqual(["كارني"]);
    expect(view?.entity.description?.ar).toBe("اقتصادي وسياسي كندي");
    expect(view?.entity.links?.wikipedia?.ar).toBe(
      `https://ar.wikipedia.org/wiki/${encodeURIComponent("مارك_كارني")}`,
    );
    const facts = view?.entity.facts ?? [];
    expect(facts.find((f) => f.label.en === "Born")?.value.ar).toBe("1965-03-16");
    const current = facts.find((f) => f.value.en?.startsWith("Prime Minister of Canada"));
    expect(current?.value.ar).toBe("رئيس وزراء كندا (2025-03-14 –)");
    expect(current?.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(
      facts.find((f) => f.value.en?.startsWith("Governor of the Bank of England"))?.asOf,
    ).toBeUndefined();
    // The recognizer's search finds it by the name the reader met.
    expect(
      (await ask("entity.search", { query: "كارني" }, "extension")).map((e) => e.id),
    ).toContain("Q534285");
    // Keeping twice does not duplicate it.
    await ask("lookup.keep", { qid: "Q534285" });
    expect(await db.entities.where("qid").equals("Q534285").count()).toBe(1);
  });

  it("refuses to keep what was not found (a page cannot make up an entity)", async () => {
    await expect(ask("lookup.keep", { qid: "Q999" })).rejects.toThrow(/look the name up first/);
    await expect(ask("lookup.keep", { qid: "Q534285", label: "forged" })).rejects.toThrow(
      /invalid lookup.keep payload/,
    );
    expect(await db.entities.get("Q999")).toBeUndefined();
  });
});

describe("lookup.refresh", () => {
  it("updates a pack entity's Wikidata facts and keeps its other facts", async () => {
    const entity = { ...(await db.entities.toArray()).find((e) => e.qid)! };
    await db.entities.put({
      ...entity,
      qid: "Q534285",
      facts: [
        { label: { ar: "ملاحظة" }, value: { ar: "تبقى" } },
        { label: { ar: "المنصب", en: "Position" }, value: { ar: "قديم" } },
      ],
    });
    await expect(ask("lookup.refresh", { id: entity.id })).rejects.toThrow();
    const {
      outcome,
      entity: summary,
      changes,
    } = await ask("lookup.refresh", { id: entity.id }, "extension");
    expect(outcome.status).toBe("found");
    expect(summary?.id).toBe(entity.id);
    const stored = await db.entities.get(entity.id);
    expect(stored?.source).toBe(entity.source);
    expect(stored?.facts?.map((f) => f.value.ar)).toEqual([
      "تبقى",
      "1965-03-16",
      "رئيس وزراء كندا (2025-03-14 –)",
      "محافظ بنك إنجلترا (2013-07-01 – 2020-03-15)",
      "Governor of the Bank of Canada (2008-02-01 – 2013-06-01)",
      "كندا",
    ]);
    // What the card says changed: the old office went, Wikidata's facts came; the kept one is no change.
    expect(changes?.removed.map((f) => f.value.ar)).toEqual(["قديم"]);
    expect(changes?.added.map((f) => f.value.ar)).toEqual([
      "1965-03-16",
      "رئيس وزراء كندا (2025-03-14 –)",
      "محافظ بنك إنجلترا (2013-07-01 – 2020-03-15)",
      "Governor of the Bank of Canada (2008-02-01 – 2013-06-01)",
      "كندا",
    ]);
    // Asked again, Wikidata has nothing new: no change is reported.
    const again = await ask("lookup.refresh", { id: entity.id }, "extension");
    expect(again.changes).toEqual({ added: [], removed: [] });
  });

  it("says why when the entity has no QID, and loses nothing when offline", async () => {
    const noQid = (await db.entities.toArray()).find((e) => !e.qid)!;
    await expect(ask("lookup.refresh", { id: noQid.id }, "extension")).rejects.toThrow(
      /no Wikidata id/,
    );
    const withQid = (await db.entities.toArray()).find((e) => e.qid)!;
    handlers = {
      ...handlers,
      ...createLookupHandlers({
        version: "1",
        fetch: () => Promise.reject(new TypeError("offline")),
      }),
    } as unknown as Handlers;
    expect((await ask("lookup.refresh", { id: withQid.id }, "extension")).outcome.status).toBe(
      "unavailable",
    );
    expect(await db.entities.get(withQid.id)).toEqual(withQid);
  });
});
