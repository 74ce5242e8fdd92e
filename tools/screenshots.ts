// `npm run screenshots`: pictures of the real extension for the README — the hover card on the
// sample article, the popup (Arabic, and English showing names as the page writes them) and the
// highlights library — written to docs/screenshots/, so they are retaken whenever the UI changes.
import { spawnSync } from "node:child_process";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { CDPSession, Page } from "playwright-core";
import { launchExtension, ROOT, type LaunchedExtension } from "./launch";
import { findChromium, CHROMIUM_MISSING } from "./chromium";
import { markCount, paintedNameCenter, saveHighlightThroughExtension } from "./page-probes";

const OUT = join(ROOT, "docs/screenshots");
const HOVER_NAME = "قاسم سليماني";
/** A passage of the sample article saved as a highlight, so the popup and the library show one. */
const QUOTE = "وأعلن مستشار الأمن القومي العراقي قاسم الأعرجي";

type Box = { x: number; y: number; width: number; height: number };

async function until(
  what: string,
  probe: () => Promise<boolean>,
  timeoutMs = 20_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 250));
  }
}

/** The box of the card inside its closed shadow root, found through DevTools' pierced DOM. */
async function cardBox(cdp: CDPSession): Promise<Box | null> {
  type DomNode = {
    nodeId: number;
    nodeName: string;
    nodeType: number;
    children?: DomNode[];
    shadowRoots?: DomNode[];
  };
  const { root } = (await cdp.send("DOM.getDocument", { depth: -1, pierce: true })) as {
    root: DomNode;
  };
  const find = (node: DomNode): DomNode | undefined => {
    if (node.nodeName === "SIYAQ-CARD") return node;
    for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) {
      const hit = find(child);
      if (hit) return hit;
    }
    return undefined;
  };
  const panel = find(root)?.shadowRoots?.[0]?.children?.find(
    (child) => child.nodeType === 1 && child.nodeName !== "STYLE",
  );
  if (!panel) return null;
  try {
    const { model } = (await cdp.send("DOM.getBoxModel", { nodeId: panel.nodeId })) as {
      model: { border: number[] };
    };
    const xs = model.border.filter((_, i) => i % 2 === 0);
    const ys = model.border.filter((_, i) => i % 2 === 1);
    const box = {
      x: Math.min(...xs),
      y: Math.min(...ys),
      width: Math.max(...xs) - Math.min(...xs),
      height: Math.max(...ys) - Math.min(...ys),
    };
    return box.width > 0 && box.height > 0 ? box : null;
  } catch {
    return null; // not laid out yet
  }
}

async function setLanguage(
  ext: LaunchedExtension,
  uiLanguage: "ar" | "en" | "browser",
): Promise<void> {
  await ext.serviceWorker.evaluate(async (uiLanguage) => {
    const chrome = (
      globalThis as unknown as {
        chrome: {
          storage: {
            local: {
              get(k: string): Promise<Record<string, object | undefined>>;
              set(o: object): Promise<void>;
            };
          };
        };
      }
    ).chrome;
    const stored = (await chrome.storage.local.get("siyaq.settings"))["siyaq.settings"] ?? {};
    await chrome.storage.local.set({ "siyaq.settings": { ...stored, uiLanguage } });
  }, uiLanguage);
}

async function shootPopup(ext: LaunchedExtension, url: string, file: string): Promise<void> {
  const popup = await ext.openPopup(url);
  await popup.setViewportSize({ width: 420, height: 900 });
  await popup.locator('[data-testid="page-entity"]').first().waitFor({ timeout: 20_000 });
  await popup.getByTestId("page-highlights").waitFor({ timeout: 10_000 });
  await popup.getByTestId("shortcuts").waitFor({ timeout: 10_000 });
  // The popup scrolls inside a 600 px frame in the toolbar; show it whole here.
  await popup.addStyleTag({ content: ".siyaq-popup { max-height: none !important; }" });
  await popup.locator("main.siyaq-popup").screenshot({ path: file });
  await popup.close();
}

async function main(): Promise<void> {
  if (!findChromium()) throw new Error(CHROMIUM_MISSING);
  if (!process.env.SIYAQ_SCREENSHOTS_NO_BUILD) {
    const build = spawnSync("npx", ["wxt", "build"], { stdio: "inherit" });
    if (build.status !== 0) throw new Error("the extension did not build");
  }
  await mkdir(OUT, { recursive: true });
  const ext = await launchExtension({ locale: "ar" });
  const written: string[] = [];
  try {
    const url = `${ext.baseUrl}/seed-article.html`;
    const article: Page = await ext.context.newPage();
    await article.setViewportSize({ width: 1000, height: 760 });
    await article.goto(url);
    await until(
      "the article's names to be marked",
      async () => (await markCount(article)) > 20,
      30_000,
    );
    await saveHighlightThroughExtension(ext, {
      url,
      quote: QUOTE,
      note: "أول إعلان رسمي لانتهاء المهام القتالية",
      tags: ["انسحاب", "التحالف"],
      entities: [{ surface: "قاسم الأعرجي", type: "PER" }],
      title: await article.title(),
    });
    await article.reload();
    await until(
      "the article's names to be marked again",
      async () => (await markCount(article)) > 20,
      30_000,
    );

    // The card: hover the name as a reader would, then frame the card and the word.
    await article.bringToFront();
    const word = await paintedNameCenter(article, HOVER_NAME);
    if (!word) throw new Error(`${HOVER_NAME} is not marked on the sample article`);
    await article.mouse.move(word.x - 30, word.y);
    await article.mouse.move(word.x, word.y, { steps: 5 });
    const cdp = await ext.context.newCDPSession(article);
    let card: Box | null = null;
    await until("the card", async () => (card = await cardBox(cdp)) !== null);
    await article.waitForTimeout(600); // events arrive after the card opens
    card = (await cardBox(cdp))!;
    const viewport = article.viewportSize()!;
    const left = Math.max(0, Math.min(card.x, word.x - 80) - 24);
    const top = Math.max(0, Math.min(card.y, word.y - 20) - 24);
    const right = Math.min(viewport.width, Math.max(card.x + card.width, word.x + 80) + 24);
    const bottom = Math.min(viewport.height, Math.max(card.y + card.height, word.y + 20) + 24);
    const cardFile = join(OUT, "card.png");
    await article.screenshot({
      path: cardFile,
      clip: { x: left, y: top, width: right - left, height: bottom - top },
    });
    written.push(cardFile);
    await cdp.detach();

    await setLanguage(ext, "ar");
    await shootPopup(ext, url, join(OUT, "popup.png"));
    written.push(join(OUT, "popup.png"));
    await setLanguage(ext, "en");
    await shootPopup(ext, url, join(OUT, "popup-en.png"));
    written.push(join(OUT, "popup-en.png"));
    await setLanguage(ext, "ar");

    const library = await ext.context.newPage();
    await library.setViewportSize({ width: 1000, height: 640 });
    await library.goto(`chrome-extension://${ext.extensionId}/library.html`);
    await library.locator(".list > *").first().waitFor({ timeout: 15_000 });
    await library.screenshot({ path: join(OUT, "library.png") });
    written.push(join(OUT, "library.png"));
  } finally {
    await ext.close();
  }
  for (const file of written) console.log(file.slice(ROOT.length + 1));
}

await main();
