// Issue 14 in Chromium and Firefox: a hostile page that forges its canonical address, reads the
// shared highlight registry, presses the extension's shortcuts with script and floods it with names
// gets nothing of the reader's and damages nothing. The victim's article and the hostile copies are
// served under their own origins (victim.example, hostile.example) by the tab's request interception.
import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  BROWSERS,
  launchExtension,
  ROOT,
  type LaunchedExtension,
  type TestPage,
} from "../../tools/lib/harness";
import { highlightReport, select } from "./marks";

const VICTIM = "http://victim.example/news/1";
const HOSTILE_COPY = "http://hostile.example/copy";
const HOSTILE_EMPTY = "http://hostile.example/empty";
const HOSTILE_EVENTS = "http://hostile.example/events";
const HOSTILE_FLOOD = "http://hostile.example/flood?flood";
const QUOTE = "وأعلن مستشار الأمن القومي العراقي قاسم الأعرجي";

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** One table of the extension's database, read in an extension page (the background's origin). */
function table<T>(ext: LaunchedExtension, name: string): Promise<T[]> {
  return ext.inExtension(
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

/**
 * Bytes the extension keeps in storage.local. Chromium counts them itself (getBytesInUse); Firefox
 * has no storage.local.getBytesInUse, so there it is the same measure Chromium uses: each key and
 * its value as JSON, in UTF-8.
 */
function storageBytes(ext: LaunchedExtension): Promise<number> {
  return ext.inExtension(async () => {
    type Local = {
      get(keys: null): Promise<Record<string, unknown>>;
      getBytesInUse?(keys: null): Promise<number>;
    };
    const api =
      (globalThis as unknown as { browser?: { storage: { local: Local } } }).browser ??
      (globalThis as unknown as { chrome: { storage: { local: Local } } }).chrome;
    const local = api.storage.local;
    if (typeof local.getBytesInUse === "function") return local.getBytesInUse(null);
    const items = await local.get(null);
    const encoder = new TextEncoder();
    return Object.entries(items).reduce(
      (sum, [key, value]) =>
        sum + encoder.encode(key).length + encoder.encode(JSON.stringify(value)).length,
      0,
    );
  }, undefined);
}

const entityMarks = (page: TestPage) =>
  page.evaluate(
    () =>
      [...(CSS as unknown as { highlights: Map<string, unknown> }).highlights.keys()].filter(
        (name) => /^siyaq-(per|org|loc)$/.test(name),
      ).length,
  );

describe.each(BROWSERS)("a hostile page in %s", (browser) => {
  let ext: LaunchedExtension;
  let pages: Record<string, string>;

  /**
   * A new tab showing one of the victim's or hostile pages, in front: a background tab takes no
   * focus (the editor would not get the reader's keys). The harness's own extension tab, opened on
   * the first question to the extension, is opened before, not over it.
   */
  async function open(url: string): Promise<TestPage> {
    const page = await ext.newPage();
    await page.serve(pages);
    await page.goto(url);
    await ext.tabIdOf(url);
    await page.bringToFront();
    return page;
  }

  beforeAll(async () => {
    ext = await launchExtension(browser);
    const seed = await readFile(`${ROOT}/demo/seed-article.html`, "utf8");
    const hostile = await readFile(`${ROOT}/tests/e2e/fixtures/hostile.html`, "utf8");
    const body = seed.slice(
      seed.indexOf("<article>") + "<article>".length,
      seed.indexOf("</article>"),
    );
    pages = {
      [VICTIM]: seed,
      [HOSTILE_COPY]: hostile.replace("<!--ARTICLE-->", body),
      [HOSTILE_EMPTY]: hostile.replace(
        "<!--ARTICLE-->",
        "<p>لا شيء من المقال هنا، فقط عنوان قصير عن العراق.</p>",
      ),
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
  }, 60_000);

  afterAll(() => ext?.close());

  it("(set-up) the reader saves a passage on the victim's article; it is painted there again", async () => {
    const page = await open(VICTIM);
    await expect.poll(() => highlightReport(ext, page), { timeout: 30_000 }).toBe("0/0");
    await select(page, QUOTE);
    await ext.sendToTab(await ext.tabIdOf(VICTIM), { siyaqCommand: "save-highlight" });
    await sleep(500);
    await page.keyboard.press("Control+Enter");
    await expect
      .poll(async () => (await table<{ url: string }>(ext, "highlights")).map((h) => h.url), {
        timeout: 15_000,
      })
      .toEqual([VICTIM]);
    await page.reload();
    await expect.poll(() => highlightReport(ext, page), { timeout: 30_000 }).toBe("1/1");
    await page.close();
  }, 120_000);

  it("that claims the victim's address gets no saved passage, count or attribute", async () => {
    const page = await open(HOSTILE_COPY);
    await expect.poll(() => entityMarks(page), { timeout: 30_000 }).toBeGreaterThan(0);
    await expect.poll(() => highlightReport(ext, page), { timeout: 30_000 }).toBe("0/0");
    const seen = await page.evaluate(() =>
      (window as unknown as { hostile: { probe(): unknown } }).hostile.probe(),
    );
    expect(seen).toMatchObject({ saved: [], attributes: [] });
    expect((seen as { names: string[] }).names).not.toContain("siyaq-highlight");
    await page.close();
  });

  it("without the passage cannot get the reader's highlight marked orphaned", async () => {
    const page = await open(HOSTILE_EMPTY);
    await expect.poll(() => highlightReport(ext, page), { timeout: 30_000 }).toBe("0/0");
    await sleep(1000);
    const [highlight] = await table<{ url: string; orphaned?: boolean }>(ext, "highlights");
    expect(highlight).toMatchObject({ url: VICTIM });
    expect(highlight!.orphaned).not.toBe(true);
    await page.close();
  });

  it("files the events it reports under its own origin, not the victim's", async () => {
    const page = await open(HOSTILE_EVENTS);
    await expect
      .poll(
        async () =>
          (await table<{ origin: string; url?: string }>(ext, "events")).filter(
            (e) => e.origin === "page" && e.url?.startsWith("http://hostile.example/"),
          ).length,
        {
          timeout: 30_000,
        },
      )
      .toBeGreaterThan(0);
    const forged = (
      await table<{ origin: string; url?: string; source?: { url?: string } }>(ext, "events")
    ).filter((e) => e.origin === "page" && e.url?.startsWith("http://hostile.example/") === false);
    // Whatever the victim's own visit added carries the victim's address; nothing of the copy does.
    expect(forged.every((e) => e.url === VICTIM && e.source?.url === VICTIM)).toBe(true);
    await page.close();
  });

  it("cannot open the card or take focus with synthetic Alt+Shift+N; the reader's key still can", async () => {
    const page = await open(HOSTILE_COPY);
    await expect.poll(() => entityMarks(page), { timeout: 30_000 }).toBeGreaterThan(0);
    const focused = await page.evaluate(() =>
      (window as unknown as { hostile: { pressKeys(): string | null } }).hostile.pressKeys(),
    );
    expect(focused).toBe("BODY");
    await sleep(300);
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("BODY");
    await page.keyboard.press("Alt+Shift+N");
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.tagName.toLowerCase()), {
        timeout: 10_000,
      })
      .toMatch(/^siyaq-/);
    await page.close();
  });

  it("full of unknown names fills neither storage.local nor the database past its bound", async () => {
    const before = await storageBytes(ext);
    const page = await open(HOSTILE_FLOOD);
    await expect
      .poll(async () => (await table(ext, "sightings")).length, { timeout: 60_000 })
      .toBeGreaterThan(100);
    await sleep(3000);
    const after = await storageBytes(ext);
    expect(after - before).toBeLessThan(10_000);
    const bytes = (await table<{ bytes: number }>(ext, "sightings")).reduce(
      (sum, s) => sum + s.bytes,
      0,
    );
    expect(bytes).toBeLessThanOrEqual(512 * 1024);
    await page.close();
  }, 120_000);
});
