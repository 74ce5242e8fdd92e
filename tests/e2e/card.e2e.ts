// What the reader meets on the page, in real Chromium: the card's "save the sentence" stores the
// whole sentence with the name's entity; a saved highlight shows its note when clicked after a
// reload (and on hover, and from the keyboard); the card's site switch removes the marks at once;
// an unknown name's card links to a web search for the name alone. The card and the highlight
// panel live in closed shadow roots: the test reads and clicks them through the DevTools
// protocol's pierced DOM, as a screen reader or a pointer would reach them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CDPSession, Page } from "playwright-core";
import { launchExtension, type LaunchedExtension } from "./harness-chromium";

type DomNode = {
  nodeId: number;
  nodeName: string;
  nodeType: number;
  nodeValue: string;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: DomNode[];
};

const SOLEIMANI_SENTENCE =
  "وتعترض قوى ومليشيات مسلحة عراقية مقربة من إيران على بقاء تلك القوات، ولجأت إلى تصعيد الهجمات ضد مقارها العسكرية مطلع العام الماضي بعد مقتل قائد فيلق القدس الإيراني قاسم سليماني بغارة جوية أمريكية عند مطار بغداد الدولي.";
/** A sentence of our own with a person the starter pack does not know (found by the title rule). */
const UNKNOWN_SENTENCE = "وقال الخبير الأمني العراقي د. عماد الشمري إن انتهاء المهام القتالية لقوات التحالف الدولي لا يعني انسحابها من العراق.";

function attribute(node: DomNode, name: string): string | undefined {
  const attrs = node.attributes ?? [];
  const at = attrs.indexOf(name);
  return at === -1 ? undefined : attrs[at + 1];
}

function textOf(node: DomNode): string {
  if (node.nodeName === "STYLE") return "";
  if (node.nodeType === 3) return node.nodeValue;
  return [...(node.shadowRoots ?? []), ...(node.children ?? [])].map(textOf).join("");
}

/** Every node under our host element `hostName` (SIYAQ-CARD, SIYAQ-HIGHLIGHT-UI) that `wanted` accepts. */
async function inHost(cdp: CDPSession, hostName: string, wanted: (node: DomNode) => boolean): Promise<DomNode[]> {
  const { root } = (await cdp.send("DOM.getDocument", { depth: -1, pierce: true })) as { root: DomNode };
  const found: DomNode[] = [];
  const walk = (node: DomNode, inside: boolean) => {
    const here = inside || node.nodeName === hostName;
    if (here && wanted(node)) found.push(node);
    for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) walk(child, here);
  };
  walk(root, false);
  return found;
}

const withClass = (tag: string, name: string) => (node: DomNode) =>
  node.nodeName === tag && (attribute(node, "class") ?? "").split(" ").includes(name);
const withText = (tag: string, text: string) => (node: DomNode) => node.nodeName === tag && textOf(node).trim() === text;

async function center(cdp: CDPSession, node: DomNode): Promise<{ x: number; y: number }> {
  // The card scrolls inside its own frame when it is taller than the room beside the word.
  await cdp.send("DOM.scrollIntoViewIfNeeded", { nodeId: node.nodeId });
  const { model } = (await cdp.send("DOM.getBoxModel", { nodeId: node.nodeId })) as { model: { content: number[] } };
  const [x1, y1, , , x3, y3] = model.content as [number, number, number, number, number, number];
  return { x: (x1 + x3) / 2, y: (y1 + y3) / 2 };
}

/** Clicks the first node our UI shows that `wanted` accepts, waiting for it to appear. */
async function clickInHost(page: Page, cdp: CDPSession, hostName: string, wanted: (node: DomNode) => boolean): Promise<void> {
  let node: DomNode | undefined;
  await expect.poll(async () => (node = (await inHost(cdp, hostName, wanted))[0]), { timeout: 10_000 }).toBeDefined();
  const { x, y } = await center(cdp, node!);
  await page.mouse.click(x, y);
}

/** The viewport point in the middle of `text`'s `nth` occurrence on the page, scrolled into view. */
async function pointOf(page: Page, text: string, shift = 0): Promise<{ x: number; y: number }> {
  const point = await page.evaluate(
    ([wanted, by]) => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = (node as Text).data.indexOf(wanted);
        if (at === -1) continue;
        (node.parentElement as Element).scrollIntoView({ block: "center" });
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + wanted.length);
        const box = range.getClientRects()[0]!;
        return { x: box.left + box.width / 2 + by, y: box.top + box.height / 2 };
      }
      return null;
    },
    [text, shift] as const,
  );
  if (!point) throw new Error(`not on the page: ${text}`);
  return point;
}

/** Rests the pointer on a point, as a reader does, until the card (or note) opens. */
async function hover(page: Page, at: { x: number; y: number }): Promise<void> {
  await page.mouse.move(at.x - 30, at.y);
  await page.mouse.move(at.x, at.y, { steps: 4 });
}

/** How many entity marks are painted (the page's view of the highlight registry). */
function markCount(page: Page): Promise<number> {
  return page.evaluate(() => {
    const registry = (CSS as unknown as { highlights: Map<string, Iterable<Range>> }).highlights;
    let n = 0;
    for (const [name, highlight] of registry) if (/^siyaq-(per|org|loc|date)$/.test(name)) for (const r of highlight) if (!r.collapsed) n++;
    return n;
  });
}

/** How far the tab got restoring its saved highlights (`painted/saved`), asked by the extension. */
async function progress(ext: LaunchedExtension, page: Page): Promise<string | null> {
  const tabId = await ext.tabIdOf(page.url());
  const answer = (await ext.serviceWorker.evaluate(
    (id) => chrome.tabs.sendMessage(id, { siyaqQuery: "highlight-progress" }).catch(() => null),
    tabId,
  )) as { painted: number; saved: number } | null;
  return answer && `${answer.painted}/${answer.saved}`;
}

async function cardText(cdp: CDPSession): Promise<string> {
  return (await inHost(cdp, "SIYAQ-CARD", (n) => n.nodeName === "ARTICLE")).map(textOf).join(" ");
}

async function openCard(page: Page, cdp: CDPSession, name: string): Promise<void> {
  await expect
    .poll(
      async () => {
        await hover(page, await pointOf(page, name));
        await page.waitForTimeout(600);
        return cardText(cdp);
      },
      { timeout: 30_000, interval: 500 },
    )
    .toContain(name);
}

describe("the card and saved highlights on the page", () => {
  let ext: LaunchedExtension;
  beforeAll(async () => {
    ext = await launchExtension();
  });
  afterAll(() => ext?.close());

  it("saves the whole sentence around a name from its card, with the name's entity", async () => {
    const page = await ext.context.newPage();
    await page.goto(`${ext.baseUrl}/seed-article.html`);
    const cdp = await page.context().newCDPSession(page);
    await openCard(page, cdp, "قاسم سليماني");
    // The card shows the article's date, places events against it, and names its shortcut.
    await expect.poll(() => cardText(cdp), { timeout: 10_000 }).toContain("2021-12-10");
    const text = await cardText(cdp);
    expect(text).toContain("بعد هذا المقال");
    expect(text).toContain("Alt+Shift+N");
    await clickInHost(page, cdp, "SIYAQ-CARD", withText("BUTTON", "احفظ الجملة"));
    await expect.poll(() => cardText(cdp), { timeout: 10_000 }).toContain("حُفظت الجملة");
    await cdp.detach();

    const library = await ext.context.newPage();
    await library.goto(`chrome-extension://${ext.extensionId}/library.html`);
    const item = library.locator("article.highlight");
    await expect.poll(() => item.count(), { timeout: 15_000 }).toBe(1);
    expect(await item.locator(".quote").textContent()).toBe(SOLEIMANI_SENTENCE);
    expect(await item.locator(".entities").textContent()).toContain("قاسم سليماني");
    await library.close();
    await page.close();
  });

  it("after a reload, a click on the saved sentence opens its note; hover and Alt+Shift+H show it too", async () => {
    const note = "مقتل سليماني سبب تصعيد الهجمات";
    const page = await ext.context.newPage();
    await page.goto(`${ext.baseUrl}/seed-article.html`);
    await expect.poll(() => progress(ext, page), { timeout: 30_000 }).toBe("1/1");
    const cdp = await page.context().newCDPSession(page);

    // A click on the saved sentence (on a word that is not a name) opens the editor; the note is saved.
    await page.mouse.click(...xy(await pointOf(page, "ومليشيات")));
    await expect.poll(async () => (await inHost(cdp, "SIYAQ-HIGHLIGHT-UI", withClass("FORM", "editor"))).length, { timeout: 10_000 }).toBe(1);
    await page.keyboard.type(note);
    await page.keyboard.press("Control+Enter");
    await expect
      .poll(async () => (await inHost(cdp, "SIYAQ-HIGHLIGHT-UI", withClass("P", "status"))).map(textOf).join(""), { timeout: 10_000 })
      .toContain("حُدّث الاقتباس");

    await page.reload();
    await expect.poll(() => progress(ext, page), { timeout: 30_000 }).toBe("1/1");

    // Click: the editor opens on the saved note.
    await page.mouse.click(...xy(await pointOf(page, "ومليشيات")));
    let field: DomNode | undefined;
    await expect.poll(async () => (field = (await inHost(cdp, "SIYAQ-HIGHLIGHT-UI", (n) => n.nodeName === "TEXTAREA"))[0]), { timeout: 10_000 }).toBeDefined();
    const { object } = (await cdp.send("DOM.resolveNode", { nodeId: field!.nodeId })) as { object: { objectId: string } };
    const { result } = (await cdp.send("Runtime.callFunctionOn", { objectId: object.objectId, functionDeclaration: "function () { return this.value; }", returnByValue: true })) as {
      result: { value: string };
    };
    expect(result.value).toBe(note);
    await page.keyboard.press("Escape");

    // Hover on the passage: the note shows beside it.
    const shownNote = async () => (await inHost(cdp, "SIYAQ-HIGHLIGHT-UI", withClass("P", "saved-note"))).map(textOf).join("");
    await expect
      .poll(
        async () => {
          await hover(page, await pointOf(page, "بقاء تلك القوات"));
          await page.waitForTimeout(800);
          return shownNote();
        },
        { timeout: 15_000, interval: 500 },
      )
      .toBe(note);
    await page.mouse.move(5, 5);

    // Keyboard: Alt+Shift+H reaches the highlight and focuses its note; Esc closes it.
    await page.keyboard.press("Alt+Shift+H");
    await expect.poll(shownNote, { timeout: 10_000 }).toBe(note);
    expect(await page.evaluate(() => document.activeElement?.localName)).toBe("siyaq-highlight-ui");
    await page.keyboard.press("Escape");
    await expect.poll(async () => (await inHost(cdp, "SIYAQ-HIGHLIGHT-UI", withClass("P", "saved-note"))).length, { timeout: 5_000 }).toBe(0);
    await cdp.detach();
    await page.close();
  });

  it("offers a web search for an unknown name, with only the name in the address", async () => {
    const page = await ext.context.newPage();
    await page.goto(`${ext.baseUrl}/seed-article.html`);
    await page.evaluate((sentence) => {
      const p = document.createElement("p");
      p.textContent = sentence;
      document.querySelector("article")!.appendChild(p);
    }, UNKNOWN_SENTENCE);
    const cdp = await page.context().newCDPSession(page);
    await openCard(page, cdp, "عماد الشمري");
    const [link] = await inHost(cdp, "SIYAQ-CARD", withClass("A", "web-search"));
    expect(link, "the unknown name's card links to a search").toBeDefined();
    const href = new URL(attribute(link!, "href")!);
    expect(href.origin).toBe("https://duckduckgo.com");
    expect([...href.searchParams.entries()]).toEqual([["q", "عماد الشمري"]]);
    expect(attribute(link!, "rel")).toContain("noopener");
    expect(attribute(link!, "title")).toContain("الاسم وحده");
    await cdp.detach();
    await page.close();
  });

  it("turns Siyaq off for the site from the card, removing every mark at once", async () => {
    const page = await ext.context.newPage();
    await page.goto(`${ext.baseUrl}/seed-article.html`);
    await expect.poll(() => markCount(page), { timeout: 30_000 }).toBeGreaterThan(20);
    const cdp = await page.context().newCDPSession(page);
    await openCard(page, cdp, "محمد الحلبوسي");
    const host = new URL(ext.baseUrl).hostname;
    await clickInHost(page, cdp, "SIYAQ-CARD", withText("BUTTON", `أوقف سياق على ${host}`));
    await expect.poll(() => markCount(page), { timeout: 5_000 }).toBe(0);
    // The same setting as the popup's switch, and no card opens on a name any more.
    const stored = await ext.serviceWorker.evaluate(async () => (await chrome.storage.local.get("siyaq.settings"))["siyaq.settings"] as { sites: unknown[] });
    expect(stored.sites).toContainEqual({ host, enabled: false });
    await hover(page, await pointOf(page, "قاسم سليماني"));
    await page.waitForTimeout(1_000);
    expect(await cardText(cdp)).toBe("");
    await cdp.detach();
    await ext.setSiteEnabled(host, true);
    await page.close();
  });
});

function xy(point: { x: number; y: number }): [number, number] {
  return [point.x, point.y];
}

declare const chrome: {
  storage: { local: { get(key: string): Promise<Record<string, unknown>> } };
  tabs: { sendMessage(tabId: number, message: object): Promise<unknown> };
};
