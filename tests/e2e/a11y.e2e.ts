// axe-core in real Chromium on the extension's own pages (popup, options, library) in Arabic and
// in English, with content in them, and on the hover card. Serious and critical violations fail;
// the rest are printed for the record.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { launchExtension, markCount, paintedNameCenter, saveHighlightThroughExtension, type LaunchedExtension } from "./harness-chromium";

const require = createRequire(import.meta.url);
const QUOTE = "وأعلن مستشار الأمن القومي العراقي قاسم الأعرجي";

interface Finding {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

let axeSource = "";

/** Runs axe on the page as it is now (evaluated through DevTools, so the extension's CSP allows it). */
async function axe(page: Page): Promise<Finding[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const results = await (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] }> } }).axe.run(
      document,
      { resultTypes: ["violations"] },
    );
    return results.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(" ")) }));
  });
}

function serious(findings: Finding[]): Finding[] {
  return findings.filter((f) => f.impact === "serious" || f.impact === "critical");
}

function report(where: string, findings: Finding[]): void {
  const line = findings.length ? findings.map((f) => `${f.impact}:${f.id}(${f.targets.length})`).join(" ") : "none";
  console.log(`axe ${where}: ${line}`);
}

async function setLanguage(ext: LaunchedExtension, language: "ar" | "en"): Promise<void> {
  await ext.serviceWorker.evaluate(async (uiLanguage) => {
    const stored = (await chrome.storage.local.get("siyaq.settings"))["siyaq.settings"] ?? {};
    await chrome.storage.local.set({ "siyaq.settings": { ...stored, uiLanguage } });
  }, language);
}


describe("accessibility (axe-core)", () => {
  let ext: LaunchedExtension;
  let article: Page;
  let url: string;

  beforeAll(async () => {
    axeSource = await readFile(require.resolve("axe-core/axe.min.js"), "utf8");
    ext = await launchExtension();
    url = `${ext.baseUrl}/seed-article.html`;
    article = await ext.context.newPage();
    await article.goto(url);
    for (let i = 0; i < 120 && (await markCount(article)) <= 20; i++) await article.waitForTimeout(250);
    // One saved highlight, so the popup's list and the library have something to show.
    await saveHighlightThroughExtension(ext, {
      url,
      quote: QUOTE,
      note: "ملاحظة للاختبار",
      tags: ["انسحاب"],
      entities: [{ surface: "قاسم الأعرجي", type: "PER" }],
      title: "مقال",
    });
  });
  afterAll(() => ext?.close());

  for (const language of ["ar", "en"] as const) {
    describe(`in ${language === "ar" ? "Arabic" : "English"}`, () => {
      beforeAll(() => setLanguage(ext, language));

      it("popup: no serious or critical violations", async () => {
        const popup = await ext.openPopup(url);
        await popup.locator('[data-testid="page-entity"]').first().waitFor({ timeout: 20_000 });
        await popup.getByTestId("page-highlights").waitFor({ timeout: 10_000 });
        await popup.getByTestId("shortcuts").waitFor();
        expect(await popup.evaluate(() => document.documentElement.dir)).toBe(language === "ar" ? "rtl" : "ltr");
        const findings = await axe(popup);
        report(`popup/${language}`, findings);
        expect(serious(findings)).toEqual([]);
        // An entity's full card, too.
        await popup.locator('button[data-entity-id="country:iq"]').click();
        await popup.getByTestId("entity-card").waitFor();
        const card = await axe(popup);
        report(`popup-entity-card/${language}`, card);
        expect(serious(card)).toEqual([]);
        await popup.close();
      });

      it("options: no serious or critical violations", async () => {
        const options = await ext.context.newPage();
        await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
        await options.locator("#siyaq-ui-language").waitFor({ timeout: 15_000 });
        await options.getByTestId("pack-list").waitFor({ timeout: 15_000 });
        const findings = await axe(options);
        report(`options/${language}`, findings);
        expect(serious(findings)).toEqual([]);
        await options.close();
      });

      it("library: no serious or critical violations", async () => {
        const library = await ext.context.newPage();
        await library.goto(`chrome-extension://${ext.extensionId}/library.html`);
        await library.locator("article, .list > *").first().waitFor({ timeout: 15_000 });
        const findings = await axe(library);
        report(`library/${language}`, findings);
        expect(serious(findings)).toEqual([]);
        await library.close();
      });
    });
  }

  it("Tab reaches controls on the three pages and each draws a visible focus ring (names: axe's button-name, label, link-name rules above)", async () => {
    const pages = [await ext.openPopup(url)];
    for (const path of ["options.html", "library.html"]) {
      const page = await ext.context.newPage();
      await page.goto(`chrome-extension://${ext.extensionId}/${path}`);
      pages.push(page);
    }
    await pages[0]!.locator('[data-testid="page-entity"]').first().waitFor({ timeout: 20_000 });
    await pages[1]!.getByTestId("pack-list").waitFor({ timeout: 15_000 });
    await pages[2]!.locator(".list > *").first().waitFor({ timeout: 15_000 });
    for (const page of pages) {
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
          return { what: `${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""}.${el.className}`, ring: ring || labelRing };
        });
        if (state) reached += 1;
        if (state && !state.ring) unringed.push(state.what);
      }
      expect(reached, `Tab presses that reached a control on ${page.url()}`).toBe(8);
      expect(unringed, page.url()).toEqual([]);
    }
    for (const page of pages) await page.close();
  });

  it("hover card: axe on its content (reported; the card is another area's)", async () => {
    await setLanguage(ext, "ar");
    await article.bringToFront();
    const target = await paintedNameCenter(article, "قاسم سليماني");
    expect(target).not.toBeNull();
    await article.mouse.move(target!.x - 20, target!.y);
    await article.mouse.move(target!.x, target!.y, { steps: 4 });
    // The card's root is closed: DevTools reaches it, and its markup (with its styles) is checked
    // by axe in a page of its own, laid out as on the article (rtl). Rules that need the host
    // page's context (landmarks, page title) do not apply to a card and are left out.
    const cdp = await ext.context.newCDPSession(article);
    type DomNode = { nodeName: string; backendNodeId: number; children?: DomNode[]; shadowRoots?: DomNode[] };
    let markup = "";
    await expect
      .poll(
        async () => {
          const { root } = (await cdp.send("DOM.getDocument", { depth: -1, pierce: true })) as { root: DomNode };
          const find = (node: DomNode): DomNode | undefined => {
            if (node.nodeName === "SIYAQ-CARD") return node;
            for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) {
              const hit = find(child);
              if (hit) return hit;
            }
            return undefined;
          };
          const shadow = find(root)?.shadowRoots?.[0];
          if (!shadow) return 0;
          const { object } = (await cdp.send("DOM.resolveNode", { backendNodeId: shadow.backendNodeId })) as { object: { objectId: string } };
          const { result } = (await cdp.send("Runtime.callFunctionOn", {
            objectId: object.objectId,
            functionDeclaration: "function () { return this.innerHTML; }",
            returnByValue: true,
          })) as { result: { value: string } };
          markup = result.value;
          return markup.includes("2020") ? markup.length : 0;
        },
        { timeout: 15_000, interval: 300 },
      )
      .toBeGreaterThan(0);
    await cdp.detach();
    const copy = await ext.context.newPage();
    await copy.goto(`${ext.baseUrl}/seed-article.html`);
    await copy.evaluate((html) => {
      document.head.innerHTML = "<title>card</title>";
      document.body.innerHTML = `<main>${html}</main>`;
    }, markup);
    const findings = (await axe(copy)).filter((f) => !["region", "landmark-one-main", "page-has-heading-one"].includes(f.id));
    report("hover-card/ar", findings);
    expect(serious(findings)).toEqual([]);
    await copy.close();
  });
});

declare const chrome: {
  storage: { local: { get(key: string): Promise<Record<string, Record<string, unknown> | undefined>>; set(items: object): Promise<void> } };
};
