// What a reader sees on the page, in Chromium and Firefox: marks painted with the CSS Custom
// Highlight API (read back from the shared highlight registry), the hover card (read inside its
// closed shadow root), every mark style visibly on screen, the per-site switch, re-rendering and
// infinite-scroll pages, and a large real news page.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MARK_STYLES } from "@/src/settings/settings";
import { hasShared, readSharedJson, SHARED_MISSING } from "../shared-data";
import {
  BROWSERS,
  launchExtension,
  type LaunchedExtension,
  type TestPage,
} from "../../tools/lib/harness";
import { cardText, markCenter, matchedGold, painted, visible, type Painted } from "./marks";

const GOLD = hasShared
  ? readSharedJson<{ entities: { surface: string; type: string }[] }>(
      "fixtures/seed-article.gold.json",
    )
  : { entities: [] };
const GOLD_NAMES = GOLD.entities.filter(
  (e) => e.type === "PER" || e.type === "ORG" || e.type === "LOC",
);

async function waitForMarks(page: TestPage, atLeast = 1): Promise<Painted[]> {
  await expect
    .poll(async () => visible(await painted(page)).length, { timeout: 30_000, interval: 250 })
    .toBeGreaterThanOrEqual(atLeast);
  return painted(page);
}

/** Collects the page's errors: uncaught exceptions and console errors. */
function collectErrors(page: TestPage): string[] {
  const problems: string[] = [];
  page.onConsole((entry) => {
    if (entry.type === "error") problems.push(entry.text);
  });
  page.onPageError((error) => problems.push(error.message));
  return problems;
}

/** Saves the mark style the way the options page does: in the extension's settings. */
async function setMarkStyle(ext: LaunchedExtension, style: string): Promise<void> {
  await ext.inExtension(async (style) => {
    type Api = {
      storage: {
        local: {
          get(key: string): Promise<Record<string, unknown>>;
          set(items: object): Promise<void>;
        };
      };
    };
    const api =
      (globalThis as unknown as { browser?: Api }).browser ??
      (globalThis as unknown as { chrome: Api }).chrome;
    const key = "siyaq.settings";
    const stored = ((await api.storage.local.get(key))[key] ?? {}) as object;
    await api.storage.local.set({ [key]: { ...stored, markStyle: style } });
  }, style);
}

/** A screenshot of the viewport with the entity marks, and one with them taken out of the registry. */
async function withAndWithoutMarks(page: TestPage): Promise<[Buffer, Buffer]> {
  const withMarks = await page.screenshot();
  await page.evaluate(() => {
    const registry = (CSS as unknown as { highlights: Map<string, unknown> }).highlights;
    const kept: [string, unknown][] = [];
    for (const [name, highlight] of registry)
      if (/^siyaq-(per|org|loc)$/.test(name)) kept.push([name, highlight]);
    for (const [name] of kept) registry.delete(name);
    (window as unknown as { keptMarks: [string, unknown][] }).keptMarks = kept;
  });
  const without = await page.screenshot();
  await page.evaluate(() => {
    const registry = (CSS as unknown as { highlights: Map<string, unknown> }).highlights;
    for (const [name, highlight] of (window as unknown as { keptMarks: [string, unknown][] })
      .keptMarks)
      registry.set(name, highlight);
  });
  return [withMarks, without];
}

describe.skipIf(!hasShared).each(BROWSERS)(
  `page integration in %s${hasShared ? "" : ` (${SHARED_MISSING})`}`,
  (browser) => {
    let ext: LaunchedExtension;
    beforeAll(async () => {
      ext = await launchExtension(browser);
    });
    afterAll(() => ext?.close());

    it("on the seed article: ≥ 40 of 45 gold names painted with the right type, every mark style visible, no page errors, the DOM unchanged, قاسم سليماني's card on hover", async () => {
      const page = await ext.newPage();
      const problems = collectErrors(page);
      // Runs in the page before any content script (those start at document_idle): the body as the page wrote it.
      await page.addInitScript(() => {
        document.addEventListener("DOMContentLoaded", () => {
          (window as unknown as { bodyBefore: string }).bodyBefore = document.body.outerHTML;
        });
      });
      await page.goto(`${ext.baseUrl}/seed-article.html`);
      expect(GOLD_NAMES).toHaveLength(45);
      await expect
        .poll(async () => matchedGold(await painted(page), GOLD_NAMES), {
          timeout: 30_000,
          interval: 250,
        })
        .toBeGreaterThanOrEqual(40);

      // Visible, in every style the settings offer: taking the marks away changes what is on screen.
      await page.evaluate(() => window.scrollTo(0, 0));
      let sheet = "";
      for (const style of MARK_STYLES) {
        await setMarkStyle(ext, style);
        const previous = sheet;
        await expect
          .poll(async () => (sheet = (await page.text('style[data-siyaq-host="marks"]')) ?? ""), {
            timeout: 10_000,
          })
          .not.toBe(previous);
        const [withMarks, without] = await withAndWithoutMarks(page);
        expect(withMarks.equals(without), `the ${style} style shows on screen`).toBe(false);
      }

      const { before, after } = await page.evaluate(() => ({
        before: (window as unknown as { bodyBefore: string }).bodyBefore,
        after: document.body.outerHTML,
      }));
      expect(before.length).toBeGreaterThan(1000);
      expect(after).toBe(before);

      const target = await markCenter(page, "PER", "قاسم سليماني");
      expect(target, "قاسم سليماني is painted as a person").not.toBeNull();
      await page.mouse.move(target!.x - 20, target!.y);
      await page.mouse.move(target!.x, target!.y, { steps: 4 });
      await expect
        .poll(() => cardText(page), { timeout: 10_000, interval: 250 })
        .toContain("سليماني");
      expect(problems).toEqual([]);
      await page.close();
    });

    it("paints at least 40 of the seed article's 45 gold names with the right type, leaving the body's markup as it was", async () => {
      const page = await ext.newPage();
      await page.addInitScript(() => {
        document.addEventListener("DOMContentLoaded", () => {
          (window as unknown as { bodyBefore: string }).bodyBefore = document.body.outerHTML;
        });
      });
      await page.goto(`${ext.baseUrl}/seed-article.html`);
      await expect
        .poll(async () => matchedGold(await painted(page), GOLD_NAMES), {
          timeout: 30_000,
          interval: 250,
        })
        .toBeGreaterThanOrEqual(40);
      const { before, after } = await page.evaluate(() => ({
        before: (window as unknown as { bodyBefore: string }).bodyBefore,
        after: document.body.outerHTML,
      }));
      expect(before.length).toBeGreaterThan(1000);
      expect(after).toBe(before);
      await page.close();
    });

    it("shows قاسم سليماني's card on hover, with the 2020-01-03 event; Esc closes it", async () => {
      const page = await ext.newPage();
      const problems = collectErrors(page);
      await page.goto(`${ext.baseUrl}/seed-article.html`);
      await waitForMarks(page, 20);
      const target = await markCenter(page, "PER", "قاسم سليماني");
      expect(target, "قاسم سليماني is painted as a person").not.toBeNull();
      await page.mouse.move(target!.x - 20, target!.y);
      await page.mouse.move(target!.x, target!.y, { steps: 4 });
      // Among the events listed (his death date is also a fact on the card: that would not count).
      await expect
        .poll(() => cardText(page, "events"), { timeout: 10_000, interval: 250 })
        .toContain("2020-01-03");
      expect(await cardText(page)).toContain("سليماني");

      await page.keyboard.press("Escape");
      await expect.poll(() => cardText(page), { timeout: 5_000 }).not.toContain("2020-01-03");

      // The keyboard path: Alt+Shift+N opens the first name's card without a mouse. (The page's own
      // key handler; the browser command of the same keys is the "next mention" message, tested in
      // highlights.e2e.ts through the message the background sends.)
      await page.keyboard.press("Alt+Shift+N");
      await expect.poll(() => cardText(page), { timeout: 5_000 }).not.toBe("");
      // The seed article is ours: any error on it (a ResizeObserver loop, a render failure) is the card's.
      expect(problems).toEqual([]);
      await page.close();
    });

    it("clears every mark when the site is switched off, keeps them off after reload, and repaints when switched on", async () => {
      const page = await ext.newPage();
      await page.goto(`${ext.baseUrl}/seed-article.html`);
      await waitForMarks(page, 20);
      const host = new URL(ext.baseUrl).hostname;

      await ext.setSiteEnabled(host, false);
      await expect
        .poll(async () => visible(await painted(page)).length, { timeout: 5_000 })
        .toBe(0);

      await page.reload();
      // Long enough for a content script that wrongly ran to have painted the article.
      await new Promise((done) => setTimeout(done, 2_000));
      expect(visible(await painted(page))).toHaveLength(0);

      await ext.setSiteEnabled(host, true);
      await waitForMarks(page, 20);
      await page.close();
    });

    it("gives marks back to text a framework re-renders, and marks what infinite scroll appends", async () => {
      const page = await ext.newPage();
      await page.goto(`${ext.baseUrl}/fixtures/page-rerender.html`);
      const before = visible(await waitForMarks(page, 5));
      const replaced = await page.evaluate(() =>
        (window as unknown as { rerender(): number }).rerender(),
      );
      expect(replaced).toBeGreaterThan(3);
      // The old ranges collapse with their nodes; the same names must come back on the new nodes.
      await expect
        .poll(
          async () =>
            visible(await painted(page))
              .map((m) => `${m.type}|${m.surface}`)
              .sort(),
          { timeout: 10_000, interval: 250 },
        )
        .toEqual(before.map((m) => `${m.type}|${m.surface}`).sort());

      await page.evaluate(() => (window as unknown as { appendStory(): void }).appendStory());
      await expect
        .poll(async () => visible(await painted(page)).some((m) => m.surface === "قاسم الأعرجي"), {
          timeout: 10_000,
          interval: 250,
        })
        .toBe(true);
      await page.close();
    });

    it("marks the largest real news page without errors from the extension", async () => {
      const page = await ext.newPage();
      const problems: string[] = [];
      page.onConsole((entry) => {
        const fromExtension =
          /^(chrome|moz)-extension:\/\//.test(entry.url) || entry.text.includes("[siyaq]");
        if (fromExtension && (entry.type === "error" || entry.type === "warning"))
          problems.push(entry.text);
      });
      page.onPageError((error) => {
        if (/(chrome|moz)-extension:\/\//.test(error.stack)) problems.push(error.message);
      });
      await page.goto(`${ext.baseUrl}/pages/lbcgroup-1.html`, { waitUntil: "domcontentloaded" });
      await waitForMarks(page, 10);
      expect(problems).toEqual([]);
      await page.close();
    });
  },
);
