// A researcher's round trip, in Chromium and Firefox: select a passage of the seed article, save
// it from the button by the selection with a note and a tag, reload — the passage is painted again
// — find it in the library, export JSON, and import that file into a fresh profile. Saving from the
// context menu and the Alt+Shift+S command is driven by the message the background sends for them:
// neither browser lets automation click an extension's menu item or fire its command shortcut.
import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasShared, SHARED_MISSING } from "../shared-data";
import {
  BROWSERS,
  launchExtension,
  type LaunchedExtension,
  type TestPage,
} from "../../tools/lib/harness";
import {
  cardText,
  highlightReport,
  markCount,
  paintedHighlights,
  select,
  selectionUiCenter,
} from "./marks";

const QUOTE = "وأعلن مستشار الأمن القومي العراقي قاسم الأعرجي";
const NOTE = "أول إعلان رسمي لانتهاء المهام القتالية";
const TAG = "انسحاب";
/** What the background sends the tab for the context-menu item and the Alt+Shift+S command. */
const SAVE_COMMAND = { siyaqCommand: "save-highlight" };

const openLibrary = (ext: LaunchedExtension): Promise<TestPage> =>
  ext.openExtensionPage("library.html");

describe.each(BROWSERS)("highlights in %s", (browser) => {
  let ext: LaunchedExtension;
  let fresh: LaunchedExtension | undefined;
  beforeAll(async () => {
    ext = await launchExtension(browser);
  });
  afterAll(async () => {
    await fresh?.close();
    await ext?.close();
  });

  it("saves a selection with a note and tag, paints it again after reload, lists, exports and imports it into a fresh profile", async () => {
    const page = await ext.newPage();
    await page.goto(`${ext.baseUrl}/seed-article.html`);
    await expect.poll(() => highlightReport(ext, page), { timeout: 30_000 }).toBe("0/0");

    // The button appears by the selection; the editor opens with the note field focused.
    await select(page, QUOTE);
    let button: { x: number; y: number } | null = null;
    await expect
      .poll(async () => (button = await selectionUiCenter(page, "button.save-button")), {
        timeout: 10_000,
      })
      .not.toBeNull();
    const selectionBox = await page.evaluate(() => {
      const rect = getSelection()!.getRangeAt(0).getBoundingClientRect();
      return { top: rect.top, bottom: rect.bottom, left: rect.left, right: rect.right };
    });
    const { x, y } = button!;
    const coversSelection =
      x >= selectionBox.left &&
      x <= selectionBox.right &&
      y >= selectionBox.top &&
      y <= selectionBox.bottom;
    expect(coversSelection).toBe(false);
    await page.mouse.click(x, y);
    await expect
      .poll(() => selectionUiCenter(page, "form.editor"), { timeout: 10_000 })
      .not.toBeNull();
    await page.keyboard.type(NOTE);
    await page.keyboard.press("Tab");
    await page.keyboard.type(TAG);
    await page.keyboard.press("Enter");
    await expect.poll(() => paintedHighlights(page), { timeout: 15_000 }).toEqual([QUOTE]);

    // Every visit paints it again.
    await page.reload();
    await expect.poll(() => highlightReport(ext, page), { timeout: 30_000 }).toBe("1/1");
    expect(await paintedHighlights(page)).toEqual([QUOTE]);

    // Listed in the library, found by a spelling without hamza, with its note, tag and citation.
    const library = await openLibrary(ext);
    const item = "article.highlight";
    await expect.poll(() => library.count(item), { timeout: 15_000 }).toBe(1);
    expect(await library.text(`${item} .quote`)).toBe(QUOTE);
    expect(await library.text(`${item} .note`)).toBe(NOTE);
    expect(await library.text(`${item} .tag`)).toBe(`#${TAG}`);
    await library.fill('input[name="query"]', "الاعرجي");
    await expect.poll(() => library.text("p.count")).toMatch(/(^|: ?)1 /);
    await library.fill('input[name="query"]', "سليماني");
    await expect.poll(() => library.count(item)).toBe(0);
    await library.fill('input[name="query"]', "");
    await expect.poll(() => library.count(item)).toBe(1);
    await page.close();

    const { text: exported } = await ext.download(() =>
      library.click('button[data-export="json"]'),
    );
    const collection = JSON.parse(exported);
    expect(collection.first.items).toHaveLength(1);
    expect(collection.first.items[0]).toMatchObject({
      "@context": "http://www.w3.org/ns/anno.jsonld",
      type: "Annotation",
      target: {
        selector: [{ type: "TextQuoteSelector", exact: QUOTE }, { type: "TextPositionSelector" }],
      },
    });
    // Stored with the entities inside the quote and a citation of the article.
    const stored = collection.first.items[0].siyaq;
    expect(stored.entities.map((e: { surface: string }) => e.surface)).toContain("قاسم الأعرجي");
    expect(stored.citation).toMatchObject({
      outlet: "الأمصار",
      publishedAt: "2021-12-10T06:00:00.000Z",
    });
    expect(stored.citation.title).toContain("التحالف الدولي");
    expect(stored.citation.url).toBe(`${ext.baseUrl}/seed-article.html`);

    // A fresh profile: import the file, the same highlight comes back.
    fresh = await launchExtension(browser);
    const other = await openLibrary(fresh);
    await expect.poll(() => other.text("p.count"), { timeout: 15_000 }).toMatch(/(^|: ?)0 /);
    await other.setInputFile('input[type="file"]', {
      name: "highlights.json",
      buffer: Buffer.from(exported),
    });
    await expect.poll(() => other.count(item), { timeout: 15_000 }).toBe(1);
    expect(await other.text(`${item} .quote`)).toBe(QUOTE);
    expect(await other.text(`${item} .note`)).toBe(NOTE);
    expect(`urn:uuid:${await other.attr(item, "data-id")}`).toBe(collection.first.items[0].id);
    expect(await other.text(`${item} .tag`)).toBe(`#${TAG}`);
  });

  it("saves from the context menu / shortcut message too, and lists a passage the page no longer has as orphaned", async () => {
    const url = `${ext.baseUrl}/seed-article.html`;
    const page = await ext.newPage();
    await page.goto(url);
    await expect.poll(() => highlightReport(ext, page), { timeout: 30_000 }).toBe("1/1");

    const second = "مقتل قائد فيلق القدس الإيراني قاسم سليماني";
    await select(page, second);
    await ext.sendToTab(await ext.tabIdOf(url), SAVE_COMMAND);
    await expect
      .poll(() => selectionUiCenter(page, "form.editor"), { timeout: 10_000 })
      .not.toBeNull();
    await page.keyboard.type("غارة المطار");
    await page.keyboard.press("Control+Enter");
    await expect
      .poll(async () => (await paintedHighlights(page)).sort(), { timeout: 15_000 })
      .toEqual([second, QUOTE].sort());

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
          {
            type: "TextQuoteSelector",
            exact: "فقرة كانت في المقال ثم حذفها المحرر لاحقًا من الصفحة كلها",
            prefix: "",
            suffix: "",
          },
          { type: "TextPositionSelector", start: 10, end: 66 },
        ],
      },
    };
    const library = await openLibrary(ext);
    await library.setInputFile('input[type="file"]', {
      name: "gone.json",
      buffer: Buffer.from(JSON.stringify([gone])),
    });
    await expect.poll(() => library.count("article.highlight"), { timeout: 15_000 }).toBe(3);

    await page.reload();
    await expect.poll(() => highlightReport(ext, page), { timeout: 30_000 }).toBe("2/3");
    await library.reload();
    await expect
      .poll(() => library.count("article.highlight.orphaned"), { timeout: 15_000 })
      .toBe(1);
    expect(await library.text("article.highlight.orphaned .note")).toBe("حُذفت من المقال");
    await library.check('input[name="orphaned"]');
    await expect.poll(() => library.count("article.highlight")).toBe(1);
    await library.close();
    await page.close();
  });

  it("steps to the next name's card on the next-mention command's message", async () => {
    // What the background sends the active tab for Alt+Shift+N (the browser command itself cannot
    // be fired from automation; the page's own key handler is tested in page.e2e.ts).
    const url = `${ext.baseUrl}/seed-article.html`;
    const page = await ext.newPage();
    await page.goto(url);
    await expect.poll(() => markCount(page), { timeout: 30_000 }).toBeGreaterThan(20);
    // The command goes to the active tab.
    await page.bringToFront();
    await expect
      .poll(
        async () => {
          await ext.sendToTab(await ext.tabIdOf(url), { siyaqCommand: "next-mention" });
          return cardText(page);
        },
        { timeout: 15_000, interval: 1000 },
      )
      .not.toBe("");
    await page.close();
  });
});

describe.skipIf(!hasShared).each(BROWSERS)(
  `highlights on a real news page in %s${hasShared ? "" : ` (${SHARED_MISSING})`}`,
  (browser) => {
    let ext: LaunchedExtension;
    beforeAll(async () => {
      ext = await launchExtension(browser);
    });
    afterAll(() => ext?.close());

    it("saves a passage of the largest saved page and paints it again after reload", async () => {
      // A sentence of the article body from the anchoring baseline of this page.
      const baseline = JSON.parse(
        await readFile(new URL("../fixtures/anchoring/lbcgroup-1.json", import.meta.url), "utf8"),
      );
      const quote: string = baseline.quotes.find(
        (q: { kind: string; selectors: [{ exact: string }] }) =>
          q.kind === "sentence" && q.selectors[0].exact.startsWith("وخلال"),
      ).selectors[0].exact;
      const url = `${ext.baseUrl}/pages/lbcgroup-1.html`;
      const page = await ext.newPage();
      await page.goto(url);
      await expect.poll(() => highlightReport(ext, page), { timeout: 30_000 }).toBe("0/0");
      await select(page, quote);
      await ext.sendToTab(await ext.tabIdOf(url), SAVE_COMMAND);
      await expect
        .poll(() => selectionUiCenter(page, "form.editor"), { timeout: 10_000 })
        .not.toBeNull();
      await page.keyboard.press("Control+Enter");
      await expect.poll(() => paintedHighlights(page), { timeout: 15_000 }).toEqual([quote]);

      await page.reload();
      await expect.poll(() => highlightReport(ext, page), { timeout: 30_000 }).toBe("1/1");
      expect(await paintedHighlights(page)).toEqual([quote]);
    });
  },
);
