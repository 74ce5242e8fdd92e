// axe-core in Chromium and Firefox on the extension's own pages (popup, options, library) in Arabic
// and in English, with content in them, and on the hover card. Serious and critical violations
// fail; the rest are printed for the record.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  BROWSERS,
  launchExtension,
  waitUntil,
  type LaunchedExtension,
  type TestPage,
} from "../../tools/lib/harness";
import { importHighlight, markCenter, markCount } from "./marks";

const require = createRequire(import.meta.url);
const QUOTE = "وأعلن مستشار الأمن القومي العراقي قاسم الأعرجي";

interface Finding {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

let axeSource = "";

/** Runs axe on the page as it is now (evaluated by the driver, so the extension's CSP allows it). */
async function axe(page: TestPage): Promise<Finding[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.raw.evaluate(axeSource);
  return page.evaluate(async () => {
    const results = await (
      window as unknown as {
        axe: {
          run(
            context: Document,
            options: object,
          ): Promise<{
            violations: {
              id: string;
              impact: string | null;
              help: string;
              nodes: { target: string[] }[];
            }[];
          }>;
        };
      }
    ).axe.run(document, { resultTypes: ["violations"] });
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(" ")),
    }));
  });
}

function serious(findings: Finding[]): Finding[] {
  return findings.filter((f) => f.impact === "serious" || f.impact === "critical");
}

function report(where: string, findings: Finding[]): void {
  const line = findings.length
    ? findings.map((f) => `${f.impact}:${f.id}(${f.targets.length})`).join(" ")
    : "none";
  console.log(`axe ${where}: ${line}`);
}

function setLanguage(ext: LaunchedExtension, language: "ar" | "en"): Promise<void> {
  return ext.inExtension(async (uiLanguage) => {
    type Storage = {
      local: {
        get(key: string): Promise<Record<string, Record<string, unknown> | undefined>>;
        set(items: object): Promise<void>;
      };
    };
    const api =
      (globalThis as unknown as { browser?: { storage: Storage } }).browser ??
      (globalThis as unknown as { chrome: { storage: Storage } }).chrome;
    const stored = (await api.storage.local.get("siyaq.settings"))["siyaq.settings"] ?? {};
    await api.storage.local.set({ "siyaq.settings": { ...stored, uiLanguage } });
  }, language);
}

describe.each(BROWSERS)("accessibility (axe-core) in %s", (browser) => {
  let ext: LaunchedExtension;
  let article: TestPage;
  let url: string;

  beforeAll(async () => {
    axeSource = await readFile(require.resolve("axe-core/axe.min.js"), "utf8");
    ext = await launchExtension(browser);
    url = `${ext.baseUrl}/seed-article.html`;
    // One saved highlight, so the popup's list and the library have something to show: imported
    // in the library as a reader restores one (saving is the content script's alone).
    await importHighlight(ext, {
      url,
      quote: QUOTE,
      note: "ملاحظة للاختبار",
      tags: ["انسحاب"],
      entities: [{ surface: "قاسم الأعرجي", type: "PER" }],
      title: "مقال",
    });
    article = await ext.newPage();
    await article.goto(url);
    await waitUntil(async () => (await markCount(article)) > 20, { timeout: 30_000 });
  });
  afterAll(() => ext?.close());

  for (const language of ["ar", "en"] as const) {
    describe(`in ${language === "ar" ? "Arabic" : "English"}`, () => {
      beforeAll(() => setLanguage(ext, language));

      it("popup: no serious or critical violations", async () => {
        const popup = await ext.openPopup(url);
        await popup.waitFor('[data-testid="page-entity"]', { timeout: 20_000 });
        await popup.waitFor('[data-testid="page-highlights"]', { timeout: 10_000 });
        await popup.waitFor('[data-testid="shortcuts"]');
        expect(await popup.evaluate(() => document.documentElement.dir)).toBe(
          language === "ar" ? "rtl" : "ltr",
        );
        const findings = await axe(popup);
        report(`${browser}/popup/${language}`, findings);
        expect(serious(findings)).toEqual([]);
        // An entity's full card, too.
        await popup.click('button[data-entity-id="country:iq"]');
        await popup.waitFor('[data-testid="entity-card"]');
        const card = await axe(popup);
        report(`${browser}/popup-entity-card/${language}`, card);
        expect(serious(card)).toEqual([]);
        await popup.close();
      });

      it("options: no serious or critical violations", async () => {
        const options = await ext.openExtensionPage("options.html");
        await options.waitFor("#siyaq-ui-language", { timeout: 15_000 });
        await options.waitFor('[data-testid="pack-list"]', { timeout: 15_000 });
        const findings = await axe(options);
        report(`${browser}/options/${language}`, findings);
        expect(serious(findings)).toEqual([]);
        await options.close();
      });

      it("library: no serious or critical violations", async () => {
        const library = await ext.openExtensionPage("library.html");
        await library.waitFor("article, .list > *", { timeout: 15_000 });
        const findings = await axe(library);
        report(`${browser}/library/${language}`, findings);
        expect(serious(findings)).toEqual([]);
        await library.close();
      });
    });
  }

  it("Tab reaches controls on the three pages and each draws a visible focus ring (names: axe's button-name, label, link-name rules above)", async () => {
    const pages = [
      await ext.openPopup(url),
      await ext.openExtensionPage("options.html"),
      await ext.openExtensionPage("library.html"),
    ];
    await pages[0]!.waitFor('[data-testid="page-entity"]', { timeout: 20_000 });
    await pages[1]!.waitFor('[data-testid="pack-list"]', { timeout: 15_000 });
    await pages[2]!.waitFor(".list > *", { timeout: 15_000 });
    for (const page of pages) {
      // Keys go to the focused tab.
      await page.bringToFront();
      // Tab through the first controls: each focused one draws an outline (focus-visible).
      const unringed: string[] = [];
      let reached = 0;
      for (let i = 0; i < 8; i++) {
        await page.keyboard.press("Tab");
        const state = await page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          if (!el || el === document.body) return null;
          const style = getComputedStyle(el);
          const ring = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2;
          // A file input's label carries the ring (`:focus-within`).
          const labelRing = (() => {
            const label = el.closest("label");
            if (!label) return false;
            const s = getComputedStyle(label);
            return s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2;
          })();
          return {
            what: `${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""}.${el.className}`,
            ring: ring || labelRing,
          };
        });
        if (state) reached += 1;
        if (state && !state.ring) unringed.push(state.what);
      }
      const where = await page.url();
      expect(reached, `Tab presses that reached a control on ${where}`).toBe(8);
      expect(unringed, where).toEqual([]);
    }
    for (const page of pages) await page.close();
  });

  it("hover card: axe on its content (reported; the card is another area's)", async () => {
    await setLanguage(ext, "ar");
    await article.bringToFront();
    const target = await markCenter(article, "PER", "قاسم سليماني");
    expect(target).not.toBeNull();
    await article.mouse.move(target!.x - 20, target!.y);
    await article.mouse.move(target!.x, target!.y, { steps: 4 });
    // The card's root is closed: the harness reads in (as the browser's own tools can), and its
    // markup (with its styles) is checked by axe in a page of its own, laid out as on the article
    // (rtl). Rules that need the host page's context (landmarks, page title) do not apply to a
    // card and are left out.
    let markup = "";
    await expect
      .poll(
        async () => {
          markup = (await article.inShadow("siyaq-card", (root) => root.innerHTML, null)) ?? "";
          return markup.includes("2020") ? markup.length : 0;
        },
        { timeout: 15_000, interval: 300 },
      )
      .toBeGreaterThan(0);
    const copy = await ext.newPage();
    await copy.goto(`${ext.baseUrl}/seed-article.html`);
    await copy.evaluate((html) => {
      document.head.innerHTML = "<title>card</title>";
      document.body.innerHTML = `<main>${html}</main>`;
    }, markup);
    const findings = (await axe(copy)).filter(
      (f) => !["region", "landmark-one-main", "page-has-heading-one"].includes(f.id),
    );
    report(`${browser}/hover-card/ar`, findings);
    expect(serious(findings)).toEqual([]);
    await copy.close();
  });
});
