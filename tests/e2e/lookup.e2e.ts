// Lookup on request, end to end in Chromium and Firefox: an unknown name on a page gets a card with
// its description and dates from a local fixture server answering like Wikidata and Wikipedia.
// The server is pointed at through `lookup.setEndpoints`, which only extension pages may send and
// which takes loopback addresses only. The harness sends every other request of the browser to a
// dead proxy; loopback bypasses it, so the extension reaches the fixture server in both browsers.
// No host permission is granted: test endpoints stand in for the optional Wikidata/Wikipedia ones
// (src/background/lookup-handlers.ts), so Firefox MV2's `optional_permissions` needs no user gesture here.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer, type Server } from "node:http";
import {
  BROWSERS,
  launchExtension,
  waitUntil,
  type LaunchedExtension,
  type TestPage,
} from "../../tools/lib/harness";
import { cardText, markCenter } from "./marks";
import { recordedAnswer } from "../fixtures/wikidata/lookup/routes";

/** Answers the recorded responses, with the CORS headers the service worker's fetch needs. */
async function startWikimediaFixture(): Promise<{
  base: string;
  requests: string[];
  close(): Promise<void>;
}> {
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
    requests.push(
      `${decodeURIComponent(url.pathname)}?${params} ua=${request.headers["api-user-agent"] ?? ""}`,
    );
    const { status, body } = recordedAnswer(url);
    response.writeHead(status, headers).end(JSON.stringify(body));
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("fixture server did not bind");
  return {
    base: `http://127.0.0.1:${address.port}`,
    requests,
    close: () => new Promise((done) => server.close(() => done())),
  };
}

async function hoverName(page: TestPage, name: string): Promise<void> {
  const { x, y } = (await waitUntil(() => markCenter(page, "PER", name), {
    timeout: 30_000,
    interval: 250,
  }))!;
  await page.mouse.move(x - 20, y);
  await page.mouse.move(x, y, { steps: 4 });
}

interface Runtime {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  storage: {
    local: {
      get(key: string): Promise<Record<string, unknown>>;
      set(items: object): Promise<void>;
    };
  };
}

/** Sends `message` to the background from an extension page, as the popup or options page would. */
function sendFromExtensionPage(page: TestPage, message: unknown): Promise<unknown> {
  return page.evaluate((message) => {
    const api =
      (globalThis as unknown as { browser?: Runtime }).browser ??
      (globalThis as unknown as { chrome: Runtime }).chrome;
    return api.runtime.sendMessage(message);
  }, message);
}

describe.each(BROWSERS)("lookup on request in %s", (browser) => {
  let ext: LaunchedExtension;
  let fixture: Awaited<ReturnType<typeof startWikimediaFixture>>;
  beforeAll(async () => {
    fixture = await startWikimediaFixture();
    ext = await launchExtension(browser);
  });
  afterAll(async () => {
    await ext?.close();
    await fixture?.close();
  });

  it("takes test endpoints from an extension page, on the loopback interface only (pages are refused: unit tests)", async () => {
    const popup = await ext.openPopup();
    const setEndpoints = (base: string) => ({
      siyaq: 1,
      type: "lookup.setEndpoints",
      payload: { endpoints: { wikidata: base, wikipedia: base } },
    });
    expect(await sendFromExtensionPage(popup, setEndpoints("https://evil.example"))).toMatchObject({
      ok: false,
    });
    expect(await sendFromExtensionPage(popup, setEndpoints(fixture.base))).toEqual({
      ok: true,
      value: { set: true },
    });
    // Lookups on for every unknown name, as the options switch sets them.
    await ext.inExtension(async () => {
      const api =
        (globalThis as unknown as { browser?: Runtime }).browser ??
        (globalThis as unknown as { chrome: Runtime }).chrome;
      const key = "siyaq.settings";
      const stored = ((await api.storage.local.get(key))[key] ?? {}) as object;
      await api.storage.local.set({ [key]: { ...stored, lookupUnknown: true } });
    }, undefined);
    await popup.close();
  });

  it("gives an unknown name on a page a card with its description and dates, sending the name only", async () => {
    const page = await ext.newPage();
    const article = `${ext.baseUrl}/fixtures/lookup-article.html`;
    await page.goto(article);
    await page.bringToFront();
    await hoverName(page, "سليم الفارس");
    await expect
      .poll(() => cardText(page), { timeout: 15_000, interval: 250 })
      .toContain("دبلوماسي وسياسي");
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
