// Issue 14 in real Chromium: a hostile page that forges its canonical address, reads the shared
// highlight registry, presses the extension's shortcuts with script and floods it with names gets
// nothing of the reader's and damages nothing. The victim's article and the hostile copies are served
// under their own origins (victim.example, hostile.example) by request interception.
import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { launchExtension, ROOT, type LaunchedExtension } from "./harness-chromium";

const VICTIM = "http://victim.example/news/1";
const HOSTILE_COPY = "http://hostile.example/copy";
const HOSTILE_EMPTY = "http://hostile.example/empty";
const HOSTILE_EVENTS = "http://hostile.example/events";
const HOSTILE_FLOOD = "http://hostile.example/flood?flood";
const QUOTE = "وأعلن مستشار الأمن القومي العراقي قاسم الأعرجي";

declare const chrome: {
  tabs: { sendMessage(tabId: number, message: unknown): Promise<unknown> };
  storage: { local: { getBytesInUse(keys: null): Promise<number> } };
};

/** Restoring progress as the extension sees it (`painted/saved`), asked from the background. */
async function progress(ext: LaunchedExtension, page: Page): Promise<string | null> {
  const answer = (await ext.serviceWorker.evaluate(
    (id) => chrome.tabs.sendMessage(id, { siyaqQuery: "highlight-progress" }).catch(() => null),
    await ext.tabIdOf(page.url()),
  )) as { painted: number; saved: number } | null;
  return answer && `${answer.painted}/${answer.saved}`;
}

/** One table of the extension's database, read in the background. */
function table<T>(ext: LaunchedExtension, name: string): Promise<T[]> {
  return ext.serviceWorker.evaluate(
    (store) =>
      new Promise<T[]>((resolve, reject) => {
        const request = indexedDB.open("siyaq");
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          const all = db.transaction(store).objectStore(store).getAll();
          all.onsuccess = () => {
            resolve(all.result as T[]);
            db.close();
          };
          all.onerror = () => reject(all.error);
        };
      }),
    name,
  );
}

async function select(page: Page, text: string): Promise<void> {
  await page.evaluate((wanted) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = (node as Text).data.indexOf(wanted);
      if (at === -1) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      return;
    }
    throw new Error(`not on the page: ${wanted}`);
  }, text);
}

const entityMarks = (page: Page) =>
  page.evaluate(() => [...CSS.highlights.keys()].filter((name) => /^siyaq-(per|org|loc)$/.test(name)).length);

describe("a hostile page", () => {
  let ext: LaunchedExtension;

  beforeAll(async () => {
    ext = await launchExtension();
    const seed = await readFile(`${ROOT}/demo/seed-article.html`, "utf8");
    const hostile = await readFile(`${ROOT}/tests/e2e/fixtures/hostile.html`, "utf8");
    const body = seed.slice(seed.indexOf("<article>") + "<article>".length, seed.indexOf("</article>"));
    const pages: Record<string, string> = {
      [VICTIM]: seed,
      [HOSTILE_COPY]: hostile.replace("<!--ARTICLE-->", body),
      [HOSTILE_EMPTY]: hostile.replace("<!--ARTICLE-->", "<p>لا شيء من المقال هنا، فقط عنوان قصير عن العراق.</p>"),
      [HOSTILE_FLOOD]: hostile.replace("<!--ARTICLE-->", ""),
      // Dated sentences about known names, to be stored as "events" attributed to the victim.
      [HOSTILE_EVENTS]: hostile.replace(
        "<!--ARTICLE-->",
        [
          "<h1>العراق يعلن خطة جديدة</h1>",
          "<p>وفي 12 مارس 2019 أعلنت الحكومة في العراق عن خطة جديدة لإعادة إعمار بغداد بعد سنوات من الحرب.</p>",
          "<p>وفي 3 أبريل 2018 زار وفد من العراق العاصمة بغداد لبحث ملف الكهرباء مع المسؤولين المحليين.</p>",
          "<p>وقالت مصادر في بغداد إن الاجتماعات ستتواصل خلال الأسابيع المقبلة بين الجانبين.</p>",
        ].join("\n"),
      ),
    };
    // Later routes win over the harness's "abort everything else".
    await ext.context.route(/^http:\/\/(victim|hostile)\.example\//, (route) => {
      const html = pages[route.request().url()];
      return html ? route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: html }) : route.abort();
    });
  }, 60_000);

  afterAll(() => ext?.close());

  it("(set-up) the reader saves a passage on the victim's article; it is painted there again", async () => {
    const page = await ext.context.newPage();
    await page.goto(VICTIM);
    await expect.poll(() => progress(ext, page), { timeout: 30_000 }).toBe("0/0");
    await select(page, QUOTE);
    await ext.serviceWorker.evaluate((id) => chrome.tabs.sendMessage(id, { siyaqCommand: "save-highlight" }), await ext.tabIdOf(VICTIM));
    await page.waitForTimeout(500);
    await page.keyboard.press("Control+Enter");
    await expect.poll(async () => (await table<{ url: string }>(ext, "highlights")).map((h) => h.url), { timeout: 15_000 }).toEqual([VICTIM]);
    await page.reload();
    await expect.poll(() => progress(ext, page), { timeout: 30_000 }).toBe("1/1");
    await page.close();
  }, 120_000);

  it("that claims the victim's address gets no saved passage, count or attribute", async () => {
    const page = await ext.context.newPage();
    await page.goto(HOSTILE_COPY);
    await expect.poll(() => entityMarks(page), { timeout: 30_000 }).toBeGreaterThan(0);
    await expect.poll(() => progress(ext, page), { timeout: 30_000 }).toBe("0/0");
    const seen = await page.evaluate(() => (window as unknown as { hostile: { probe(): unknown } }).hostile.probe());
    expect(seen).toMatchObject({ saved: [], attributes: [] });
    expect((seen as { names: string[] }).names).not.toContain("siyaq-highlight");
    await page.close();
  });

  it("without the passage cannot get the reader's highlight marked orphaned", async () => {
    const page = await ext.context.newPage();
    await page.goto(HOSTILE_EMPTY);
    await expect.poll(() => progress(ext, page), { timeout: 30_000 }).toBe("0/0");
    await page.waitForTimeout(1000);
    const [highlight] = await table<{ url: string; orphaned?: boolean }>(ext, "highlights");
    expect(highlight).toMatchObject({ url: VICTIM });
    expect(highlight!.orphaned).not.toBe(true);
    await page.close();
  });

  it("files the events it reports under its own origin, not the victim's", async () => {
    const page = await ext.context.newPage();
    await page.goto(HOSTILE_EVENTS);
    await expect.poll(async () => (await table<{ origin: string; url?: string }>(ext, "events")).filter((e) => e.origin === "page" && e.url?.startsWith("http://hostile.example/")).length, {
      timeout: 30_000,
    }).toBeGreaterThan(0);
    const forged = (await table<{ origin: string; url?: string; source?: { url?: string } }>(ext, "events")).filter(
      (e) => e.origin === "page" && e.url?.startsWith("http://hostile.example/") === false,
    );
    // Whatever the victim's own visit added carries the victim's address; nothing of the copy does.
    expect(forged.every((e) => e.url === VICTIM && e.source?.url === VICTIM)).toBe(true);
    await page.close();
  });

  it("cannot open the card or take focus with synthetic Alt+Shift+N; the reader's key still can", async () => {
    const page = await ext.context.newPage();
    await page.goto(HOSTILE_COPY);
    await expect.poll(() => entityMarks(page), { timeout: 30_000 }).toBeGreaterThan(0);
    const focused = await page.evaluate(() => (window as unknown as { hostile: { pressKeys(): string | null } }).hostile.pressKeys());
    expect(focused).toBe("BODY");
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("BODY");
    await page.keyboard.press("Alt+Shift+N");
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName.toLowerCase()), { timeout: 10_000 }).toMatch(/^siyaq-/);
    await page.close();
  });

  it("full of unknown names fills neither storage.local nor the database past its bound", async () => {
    const before = await ext.serviceWorker.evaluate(() => chrome.storage.local.getBytesInUse(null));
    const page = await ext.context.newPage();
    await page.goto(HOSTILE_FLOOD);
    await expect.poll(async () => (await table(ext, "sightings")).length, { timeout: 60_000 }).toBeGreaterThan(100);
    await page.waitForTimeout(3000);
    const after = await ext.serviceWorker.evaluate(() => chrome.storage.local.getBytesInUse(null));
    expect(after - before).toBeLessThan(10_000);
    const bytes = (await table<{ bytes: number }>(ext, "sightings")).reduce((sum, s) => sum + s.bytes, 0);
    expect(bytes).toBeLessThanOrEqual(512 * 1024);
    await page.close();
  }, 120_000);
});
