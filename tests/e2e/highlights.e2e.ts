// A researcher's round trip in real Chromium: select a passage of the seed article, save it from
// the button by the selection with a note and a tag, reload — the passage is painted again — find
// it in the library, export JSON, and import that file into a fresh profile.
import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CDPSession, Page } from "playwright-core";
import { launchExtension, type LaunchedExtension } from "./harness";
import { describeShared } from "../shared-data";

const QUOTE = "وأعلن مستشار الأمن القومي العراقي قاسم الأعرجي";
const NOTE = "أول إعلان رسمي لانتهاء المهام القتالية";
const TAG = "انسحاب";

/** The text of every range painted as a saved highlight. */
function paintedHighlights(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const registry = (CSS as unknown as { highlights: Map<string, Iterable<Range>> }).highlights;
    return [...(registry.get("siyaq-highlight") ?? [])].map((range) => range.toString());
  });
}

/**
 * How far the tab got restoring its saved highlights (`painted/saved`), asked by the extension: the
 * page itself is told nothing.
 */
async function progress(ext: LaunchedExtension, page: Page): Promise<string | null> {
  const tabId = await ext.tabIdOf(page.url());
  const answer = (await ext.serviceWorker.evaluate(
    (id) => chrome.tabs.sendMessage(id, { siyaqQuery: "highlight-progress" }).catch(() => null),
    tabId,
  )) as { painted: number; saved: number } | null;
  return answer && `${answer.painted}/${answer.saved}`;
}

/** Selects the first occurrence of `text` on the page, as a reader dragging over it would. */
async function select(page: Page, text: string): Promise<void> {
  await page.evaluate((wanted) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = (node as Text).data.indexOf(wanted);
      if (at === -1) continue;
      (node.parentElement as Element).scrollIntoView({ block: "center" });
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      const selection = getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return;
    }
    throw new Error(`not on the page: ${wanted}`);
  }, text);
}

/**
 * The centre of an element inside our closed shadow root. The page cannot see in; the DevTools
 * protocol's pierced DOM can, so the test clicks where a reader would.
 */
async function shadowElementCenter(cdp: CDPSession, nodeName: string, className: string): Promise<{ x: number; y: number } | null> {
  type DomNode = { nodeId: number; nodeName: string; attributes?: string[]; children?: DomNode[]; shadowRoots?: DomNode[] };
  const { root } = (await cdp.send("DOM.getDocument", { depth: -1, pierce: true })) as { root: DomNode };
  const find = (node: DomNode, inHost: boolean): DomNode | undefined => {
    const here = inHost || node.nodeName === "SIYAQ-HIGHLIGHT-UI";
    if (here && node.nodeName === nodeName) {
      const attrs = node.attributes ?? [];
      const classIndex = attrs.indexOf("class");
      if (classIndex !== -1 && attrs[classIndex + 1]?.split(" ").includes(className)) return node;
    }
    for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) {
      const hit = find(child, here);
      if (hit) return hit;
    }
    return undefined;
  };
  const node = find(root, false);
  if (!node) return null;
  const { model } = (await cdp.send("DOM.getBoxModel", { nodeId: node.nodeId })) as { model: { content: number[] } };
  const [x1, y1, , , x3, y3] = model.content as [number, number, number, number, number, number];
  return { x: (x1 + x3) / 2, y: (y1 + y3) / 2 };
}

async function openLibrary(ext: LaunchedExtension): Promise<Page> {
  const library = await ext.context.newPage();
  await library.goto(`chrome-extension://${ext.extensionId}/library.html`);
  return library;
}

describe("highlights", () => {
  let ext: LaunchedExtension;
  let fresh: LaunchedExtension | undefined;
  beforeAll(async () => {
    ext = await launchExtension();
  });
  afterAll(async () => {
    await fresh?.close();
    await ext?.close();
  });

  it("saves a selection with a note and tag, paints it again after reload, lists, exports and imports it into a fresh profile", async () => {
    const page = await ext.context.newPage();
    await page.goto(`${ext.baseUrl}/seed-article.html`);
    await expect.poll(() => progress(ext, page), { timeout: 30_000 }).toBe("0/0");

    // The button appears by the selection; the editor opens with the note field focused.
    await select(page, QUOTE);
    const cdp = await page.context().newCDPSession(page);
    let button: { x: number; y: number } | null = null;
    await expect.poll(async () => (button = await shadowElementCenter(cdp, "BUTTON", "save-button")), { timeout: 10_000 }).not.toBeNull();
    const selectionBox = await page.evaluate(() => {
      const rect = getSelection()!.getRangeAt(0).getBoundingClientRect();
      return { top: rect.top, bottom: rect.bottom, left: rect.left, right: rect.right };
    });
    const { x, y } = button!;
    const coversSelection = x >= selectionBox.left && x <= selectionBox.right && y >= selectionBox.top && y <= selectionBox.bottom;
    expect(coversSelection).toBe(false);
    await page.mouse.click(x, y);
    await expect.poll(() => shadowElementCenter(cdp, "FORM", "editor"), { timeout: 10_000 }).not.toBeNull();
    await page.keyboard.type(NOTE);
    await page.keyboard.press("Tab");
    await page.keyboard.type(TAG);
    await page.keyboard.press("Enter");
    await expect.poll(() => paintedHighlights(page), { timeout: 15_000 }).toEqual([QUOTE]);
    await cdp.detach();

    // Every visit paints it again.
    await page.reload();
    await expect.poll(() => progress(ext, page), { timeout: 30_000 }).toBe("1/1");
    expect(await paintedHighlights(page)).toEqual([QUOTE]);

    // Listed in the library, found by a spelling without hamza, with its note, tag and citation.
    const library = await openLibrary(ext);
    const item = library.locator("article.highlight");
    await expect.poll(() => item.count(), { timeout: 15_000 }).toBe(1);
    expect(await item.locator(".quote").textContent()).toBe(QUOTE);
    expect(await item.locator(".note").textContent()).toBe(NOTE);
    expect(await item.locator(".tag").textContent()).toBe(`#${TAG}`);
    await library.fill('input[name="query"]', "الاعرجي");
    await expect.poll(() => library.locator("p.count").textContent()).toBe("الاقتباسات المعروضة: 1 من 1");
    await library.fill('input[name="query"]', "سليماني");
    await expect.poll(() => item.count()).toBe(0);
    await library.fill('input[name="query"]', "");
    await page.close();

    const [download] = await Promise.all([library.waitForEvent("download"), library.click('button[data-export="json"]')]);
    const exported = await readFile((await download.path())!, "utf8");
    const collection = JSON.parse(exported);
    expect(collection.first.items).toHaveLength(1);
    expect(collection.first.items[0]).toMatchObject({
      "@context": "http://www.w3.org/ns/anno.jsonld",
      type: "Annotation",
      target: { selector: [{ type: "TextQuoteSelector", exact: QUOTE }, { type: "TextPositionSelector" }] },
    });
    // Stored with the entities inside the quote and a citation of the article.
    const stored = collection.first.items[0].siyaq;
    expect(stored.entities.map((e: { surface: string }) => e.surface)).toContain("قاسم الأعرجي");
    expect(stored.citation).toMatchObject({ outlet: "الأمصار", publishedAt: "2021-12-10T06:00:00.000Z" });
    expect(stored.citation.title).toContain("التحالف الدولي");
    expect(stored.citation.url).toBe(`${ext.baseUrl}/seed-article.html`);

    // A fresh profile: import the file, the same highlight comes back.
    fresh = await launchExtension();
    const other = await openLibrary(fresh);
    await expect.poll(() => other.locator("p.count").textContent(), { timeout: 15_000 }).toBe("الاقتباسات المعروضة: 0 من 0");
    await other.setInputFiles('input[type="file"]', { name: "highlights.json", mimeType: "application/json", buffer: Buffer.from(exported) });
    const imported = other.locator("article.highlight");
    await expect.poll(() => imported.count(), { timeout: 15_000 }).toBe(1);
    expect(await imported.locator(".quote").textContent()).toBe(QUOTE);
    expect(await imported.locator(".note").textContent()).toBe(NOTE);
    expect(`urn:uuid:${await imported.getAttribute("data-id")}`).toBe(collection.first.items[0].id);
    expect(await imported.locator(".tag").textContent()).toBe(`#${TAG}`);
  });

  it("saves from the context menu / shortcut message too, and lists a passage the page no longer has as orphaned", async () => {
    const url = `${ext.baseUrl}/seed-article.html`;
    const page = await ext.context.newPage();
    await page.goto(url);
    await expect.poll(() => progress(ext, page), { timeout: 30_000 }).toBe("1/1");

    // The background sends this when the context-menu item is clicked or Alt+Shift+S pressed.
    const second = "مقتل قائد فيلق القدس الإيراني قاسم سليماني";
    await select(page, second);
    const tabId = await ext.tabIdOf(url);
    await ext.serviceWorker.evaluate((id) => chrome.tabs.sendMessage(id, { siyaqCommand: "save-highlight" }), tabId);
    const cdp = await page.context().newCDPSession(page);
    await expect.poll(() => shadowElementCenter(cdp, "FORM", "editor"), { timeout: 10_000 }).not.toBeNull();
    await cdp.detach();
    await page.keyboard.type("غارة المطار");
    await page.keyboard.press("Control+Enter");
    await expect.poll(async () => (await paintedHighlights(page)).sort(), { timeout: 15_000 }).toEqual([second, QUOTE].sort());

    // A highlight whose passage is not on the page: imported, then never found on a visit.
    const gone = {
      "@context": "http://www.w3.org/ns/anno.jsonld",
      id: "urn:uuid:6f1f8a52-3f0e-4c1e-9d2a-0c1b2d3e4f50",
      type: "Annotation",
      created: "2026-01-01T00:00:00.000Z",
      body: [{ type: "TextualBody", value: "حُذفت من المقال", purpose: "commenting" }],
      target: {
        source: url,
        selector: [
          { type: "TextQuoteSelector", exact: "فقرة كانت في المقال ثم حذفها المحرر لاحقًا من الصفحة كلها", prefix: "", suffix: "" },
          { type: "TextPositionSelector", start: 10, end: 66 },
        ],
      },
    };
    const library = await openLibrary(ext);
    await library.setInputFiles('input[type="file"]', { name: "gone.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify([gone])) });
    await expect.poll(() => library.locator("article.highlight").count(), { timeout: 15_000 }).toBe(3);

    await page.reload();
    await expect.poll(() => progress(ext, page), { timeout: 30_000 }).toBe("2/3");
    await library.reload();
    await expect.poll(() => library.locator("article.highlight.orphaned").count(), { timeout: 15_000 }).toBe(1);
    expect(await library.locator("article.highlight.orphaned .note").textContent()).toBe("حُذفت من المقال");
    await library.check('input[name="orphaned"]');
    await expect.poll(() => library.locator("article.highlight").count()).toBe(1);
  });
});

describeShared("highlights on a real news page", () => {
  let ext: LaunchedExtension;
  beforeAll(async () => {
    ext = await launchExtension();
  });
  afterAll(() => ext?.close());

  it("saves a passage of the largest saved page and paints it again after reload", async () => {
    // A sentence of the article body from the anchoring baseline of this page.
    const baseline = JSON.parse(await readFile(new URL("../fixtures/anchoring/lbcgroup-1.json", import.meta.url), "utf8"));
    const quote: string = baseline.quotes.find((q: { kind: string; selectors: [{ exact: string }] }) => q.kind === "sentence" && q.selectors[0].exact.startsWith("وخلال")).selectors[0].exact;
    const url = `${ext.baseUrl}/pages/lbcgroup-1.html`;
    const page = await ext.context.newPage();
    await page.goto(url);
    await expect.poll(() => progress(ext, page), { timeout: 30_000 }).toBe("0/0");
    await select(page, quote);
    await ext.serviceWorker.evaluate((id) => chrome.tabs.sendMessage(id, { siyaqCommand: "save-highlight" }), await ext.tabIdOf(url));
    const cdp = await page.context().newCDPSession(page);
    await expect.poll(() => shadowElementCenter(cdp, "FORM", "editor"), { timeout: 10_000 }).not.toBeNull();
    await cdp.detach();
    await page.keyboard.press("Control+Enter");
    await expect.poll(() => paintedHighlights(page), { timeout: 15_000 }).toEqual([quote]);

    await page.reload();
    await expect.poll(() => progress(ext, page), { timeout: 30_000 }).toBe("1/1");
    expect(await paintedHighlights(page)).toEqual([quote]);
  });
});

declare const chrome: { tabs: { sendMessage(tabId: number, message: unknown): Promise<unknown> } };
