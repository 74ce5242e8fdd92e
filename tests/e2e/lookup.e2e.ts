// Lookup on request, end to end in real Chromium: an unknown name on a page gets a card with its
// description and dates from a local fixture server answering like Wikidata and Wikipedia.
// The server is pointed at through `lookup.setEndpoints`, which only extension pages may send and
// which takes loopback addresses only; every other request of the browser stays aborted.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer, type Server } from "node:http";
import type { Page } from "playwright-core";
// Chromium-only harness, like card.e2e.ts, until the card scenarios are ported to the
// browser-neutral one (it needs routing for the fixture server and the service worker).
import { launchExtension, paintedNameCenter, type LaunchedExtension } from "./harness-chromium";
import { cardText } from "../../tools/page-probes";
import { recordedAnswer } from "../fixtures/wikidata/lookup/routes";

/** Answers the recorded responses, with the CORS headers the service worker's fetch needs. */
async function startWikimediaFixture(): Promise<{ base: string; requests: string[]; close(): Promise<void> }> {
  const requests: string[] = [];
  const server: Server = createServer((request, response) => {
    const headers = {
      "access-control-allow-origin": "*",
      "access-control-allow-headers": "Api-User-Agent, Accept",
      "content-type": "application/json; charset=utf-8",
    };
    if (request.method === "OPTIONS") return void response.writeHead(204, headers).end();
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    const params = [...url.searchParams].map(([key, value]) => `${key}=${value}`).join("&");
    requests.push(`${decodeURIComponent(url.pathname)}?${params} ua=${request.headers["api-user-agent"] ?? ""}`);
    const { status, body } = recordedAnswer(url);
    response.writeHead(status, headers).end(JSON.stringify(body));
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("fixture server did not bind");
  return { base: `http://127.0.0.1:${address.port}`, requests, close: () => new Promise((done) => server.close(() => done())) };
}

async function hoverName(page: Page, name: string): Promise<void> {
  let at: { x: number; y: number } | null = null;
  await expect.poll(async () => (at = await paintedNameCenter(page, name)), { timeout: 30_000, interval: 250 }).not.toBeNull();
  const { x, y } = at as unknown as { x: number; y: number };
  await page.mouse.move(x - 20, y);
  await page.mouse.move(x, y, { steps: 4 });
}

describe("lookup on request", () => {
  let ext: LaunchedExtension;
  let fixture: Awaited<ReturnType<typeof startWikimediaFixture>>;
  beforeAll(async () => {
    fixture = await startWikimediaFixture();
    ext = await launchExtension();
    // The harness aborts every request not to its own server; the fixture server is let through too.
    await ext.context.route(`${fixture.base}/**`, (route) => route.continue());
  });
  afterAll(async () => {
    await ext?.close();
    await fixture?.close();
  });

  it("takes test endpoints from an extension page, on the loopback interface only (pages are refused: unit tests)", async () => {
    const popup = await ext.openPopup();
    const refused = await popup.evaluate(() =>
      chrome.runtime.sendMessage({ siyaq: 1, type: "lookup.setEndpoints", payload: { endpoints: { wikidata: "https://evil.example", wikipedia: "https://evil.example" } } }),
    );
    expect(refused).toMatchObject({ ok: false });
    const reply = await popup.evaluate(
      (base) => chrome.runtime.sendMessage({ siyaq: 1, type: "lookup.setEndpoints", payload: { endpoints: { wikidata: base, wikipedia: base } } }),
      fixture.base,
    );
    expect(reply).toEqual({ ok: true, value: { set: true } });
    // Lookups on for every unknown name, as the options switch sets them.
    await ext.serviceWorker.evaluate(async () => {
      const key = "siyaq.settings";
      const stored = ((await chrome.storage.local.get(key))[key] ?? {}) as object;
      await chrome.storage.local.set({ [key]: { ...stored, lookupUnknown: true } });
    });
    await popup.close();
  });

  it("gives an unknown name on a page a card with its description and dates, sending the name only", async () => {
    const page = await ext.context.newPage();
    const article = `${ext.baseUrl}/fixtures/lookup-article.html`;
    await page.goto(article);
    await hoverName(page, "سليم الفارس");
    await expect.poll(() => cardText(page), { timeout: 15_000, interval: 250 }).toContain("دبلوماسي وسياسي");
    const text = await cardText(page);
    expect(text).toContain("1961-04-02");
    expect(text).toContain("وزير الخارجية (2019-01-10 – )");
    expect(text).toContain("يُرسَل الاسم وحده");
    // What reached the fixture server: the name and Wikidata's own ids, nothing of the page.
    expect(fixture.requests.some((r) => r.includes("search=سليم الفارس"))).toBe(true);
    for (const request of fixture.requests) {
      expect(request).not.toContain("lookup-article");
      expect(request).not.toContain("بغداد");
      expect(request).toMatch(/ua=Siyaq\/\S+ \(/);
    }
    await page.close();
  });
});

declare const chrome: {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  storage: { local: { get(key: string): Promise<Record<string, unknown>>; set(items: object): Promise<void> } };
};
