// What a reader sees on the page, in real Chromium: marks painted with the CSS Custom Highlight API
// (read back from the shared highlight registry), the hover card (read through the DevTools
// protocol, which sees into the closed shadow root without the product opening it), the per-site
// switch, re-rendering and infinite-scroll pages, and a large real news page.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { launchExtension, type LaunchedExtension } from "./harness";
import { fromShared, itShared, readSharedJson } from "../shared-data";

interface Painted {
  type: string;
  surface: string;
  collapsed: boolean;
}

const GOLD = fromShared(() => readSharedJson<{ entities: { surface: string; type: string }[] }>("fixtures/seed-article.gold.json"), { entities: [] });

/** Every range in a `siyaq-<type>` highlight (saved passages use `siyaq-highlight`, not counted). */
function painted(page: Page): Promise<Painted[]> {
  return page.evaluate(() => {
    const out: { type: string; surface: string; collapsed: boolean }[] = [];
    const registry = (CSS as unknown as { highlights: Map<string, Iterable<Range>> }).highlights;
    for (const [name, highlight] of registry) {
      if (!/^siyaq-(per|org|loc|date|event|misc)$/.test(name)) continue;
      for (const range of highlight) out.push({ type: name.slice(6).toUpperCase(), surface: range.toString(), collapsed: range.collapsed });
    }
    return out;
  });
}

const visible = (marks: Painted[]) => marks.filter((m) => !m.collapsed);

/** Gold mentions matched one-to-one by a painted range with the same text and type. */
function matchedGold(marks: Painted[], gold: { surface: string; type: string }[]): number {
  const pool = new Map<string, number>();
  for (const mark of visible(marks)) pool.set(`${mark.type}|${mark.surface}`, (pool.get(`${mark.type}|${mark.surface}`) ?? 0) + 1);
  let matched = 0;
  for (const g of gold) {
    const key = `${g.type}|${g.surface}`;
    const left = pool.get(key) ?? 0;
    if (left > 0) {
      matched += 1;
      pool.set(key, left - 1);
    }
  }
  return matched;
}

/**
 * The card's text. The card lives in a closed shadow root: the page (and playwright's selectors)
 * cannot see in, but the DevTools protocol's pierced DOM can — so the test reads what a screen
 * reader would, and production keeps its root closed.
 */
async function cardText(page: Page, part?: "events"): Promise<string> {
  const cdp = await page.context().newCDPSession(page);
  try {
    type DomNode = {
      nodeName: string;
      nodeType: number;
      nodeValue: string;
      attributes?: string[];
      children?: DomNode[];
      shadowRoots?: DomNode[];
    };
    const { root } = (await cdp.send("DOM.getDocument", { depth: -1, pierce: true })) as { root: DomNode };
    const wanted = (node: DomNode) =>
      part ? node.nodeName === "OL" && (node.attributes ?? []).join(" ").includes(part) : node.nodeName === "SIYAQ-CARD";
    const find = (node: DomNode): DomNode | undefined => {
      if (wanted(node)) return node;
      for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) {
        const hit = find(child);
        if (hit) return hit;
      }
      return undefined;
    };
    const texts: string[] = [];
    const collect = (node: DomNode) => {
      if (node.nodeName === "STYLE") return;
      if (node.nodeType === 3) texts.push(node.nodeValue);
      for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) collect(child);
    };
    const host = find(root);
    if (host) collect(host);
    return texts.join(" ");
  } finally {
    await cdp.detach();
  }
}

async function waitForMarks(page: Page, atLeast = 1): Promise<Painted[]> {
  await expect.poll(async () => visible(await painted(page)).length, { timeout: 30_000, interval: 250 }).toBeGreaterThanOrEqual(atLeast);
  return painted(page);
}

describe("page integration", () => {
  let ext: LaunchedExtension;
  beforeAll(async () => {
    ext = await launchExtension();
  });
  afterAll(() => ext?.close());

  itShared("paints at least 40 of the seed article's 45 gold names with the right type, leaving the body's markup as it was", async () => {
    const page = await ext.context.newPage();
    // Runs in the page before any content script (those start at document_idle): the body as the page wrote it.
    await page.addInitScript(() => {
      document.addEventListener("DOMContentLoaded", () => {
        (window as unknown as { bodyBefore: string }).bodyBefore = document.body.outerHTML;
      });
    });
    await page.goto(`${ext.baseUrl}/seed-article.html`);
    const gold = GOLD.entities.filter((e) => e.type === "PER" || e.type === "ORG" || e.type === "LOC");
    expect(gold).toHaveLength(45);
    await expect.poll(async () => matchedGold(await painted(page), gold), { timeout: 30_000, interval: 250 }).toBeGreaterThanOrEqual(40);

    const { before, after } = await page.evaluate(() => ({
      before: (window as unknown as { bodyBefore: string }).bodyBefore,
      after: document.body.outerHTML,
    }));
    expect(before.length).toBeGreaterThan(1000);
    expect(after).toBe(before);
    await page.close();
  });

  it("shows قاسم سليماني's card on hover, with the 2020-01-03 event; Esc closes it", async () => {
    const page = await ext.context.newPage();
    const problems: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(message.text());
    });
    page.on("pageerror", (error) => problems.push(error.message));
    await page.goto(`${ext.baseUrl}/seed-article.html`);
    await waitForMarks(page, 20);
    const target = await page.evaluate((name) => {
      const registry = (CSS as unknown as { highlights: Map<string, Iterable<Range>> }).highlights;
      for (const range of registry.get("siyaq-per") ?? []) {
        if (range.toString() !== name) continue;
        range.startContainer.parentElement?.scrollIntoView({ block: "center" });
        const box = range.getClientRects()[0]!;
        return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
      }
      return null;
    }, "قاسم سليماني");
    expect(target, "قاسم سليماني is painted as a person").not.toBeNull();
    await page.mouse.move(target!.x - 20, target!.y);
    await page.mouse.move(target!.x, target!.y, { steps: 4 });
    // Among the events listed (his death date is also a fact on the card: that would not count).
    await expect.poll(() => cardText(page, "events"), { timeout: 10_000, interval: 250 }).toContain("2020-01-03");
    const text = await cardText(page);
    expect(text).toContain("سليماني");

    await page.keyboard.press("Escape");
    await expect.poll(() => cardText(page), { timeout: 5_000 }).not.toContain("2020-01-03");

    // The keyboard path: Alt+Shift+N opens the first name's card without a mouse.
    await page.keyboard.press("Alt+Shift+N");
    await expect.poll(() => cardText(page), { timeout: 5_000 }).not.toBe("");
    // The seed article is ours: any error on it (a ResizeObserver loop, a render failure) is the card's.
    expect(problems).toEqual([]);
    await page.close();
  });

  it("clears every mark when the site is switched off, keeps them off after reload, and repaints when switched on", async () => {
    const page = await ext.context.newPage();
    await page.goto(`${ext.baseUrl}/seed-article.html`);
    await waitForMarks(page, 20);
    const host = new URL(ext.baseUrl).hostname;

    await ext.setSiteEnabled(host, false);
    await expect.poll(async () => visible(await painted(page)).length, { timeout: 5_000 }).toBe(0);

    await page.reload();
    // Long enough for a content script that wrongly ran to have painted the article.
    await page.waitForTimeout(2_000);
    expect(visible(await painted(page))).toHaveLength(0);

    await ext.setSiteEnabled(host, true);
    await waitForMarks(page, 20);
    await page.close();
  });

  it("gives marks back to text a framework re-renders, and marks what infinite scroll appends", async () => {
    const page = await ext.context.newPage();
    await page.goto(`${ext.baseUrl}/fixtures/page-rerender.html`);
    const before = visible(await waitForMarks(page, 5));
    const replaced = await page.evaluate(() => (window as unknown as { rerender(): number }).rerender());
    expect(replaced).toBeGreaterThan(3);
    // The old ranges collapse with their nodes; the same names must come back on the new nodes.
    await expect
      .poll(async () => visible(await painted(page)).map((m) => `${m.type}|${m.surface}`).sort(), { timeout: 10_000, interval: 250 })
      .toEqual(before.map((m) => `${m.type}|${m.surface}`).sort());

    await page.evaluate(() => (window as unknown as { appendStory(): void }).appendStory());
    await expect
      .poll(async () => visible(await painted(page)).some((m) => m.surface === "قاسم الأعرجي"), { timeout: 10_000, interval: 250 })
      .toBe(true);
    await page.close();
  });

  itShared("marks the largest real news page without errors from the extension", async () => {
    const page = await ext.context.newPage();
    const problems: string[] = [];
    page.on("console", (message) => {
      const fromExtension = message.location().url.startsWith("chrome-extension://") || message.text().includes("[siyaq]");
      if (fromExtension && (message.type() === "error" || message.type() === "warning")) problems.push(message.text());
    });
    page.on("pageerror", (error) => {
      if (String(error.stack).includes("chrome-extension://")) problems.push(error.message);
    });
    await page.goto(`${ext.baseUrl}/pages/lbcgroup-1.html`, { waitUntil: "domcontentloaded" });
    await waitForMarks(page, 10);
    expect(problems).toEqual([]);
    await page.close();
  });
});
