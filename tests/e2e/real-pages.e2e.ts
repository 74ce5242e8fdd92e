// Only what a reader reads is marked, in Chromium and Firefox, on every saved real news page and
// inside frames: no mark lies in page code (script, style, noscript, template) or in hidden text, and
// the Arabic prose of an article does carry marks. Marks are read back from each frame's CSS
// highlight registry.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Frame } from "puppeteer-core";
import {
  BROWSERS,
  launchExtension,
  type LaunchedExtension,
  type TestPage,
} from "../../tools/lib/harness";
import { describeShared, realPageNames } from "../shared-data";

interface Audit {
  /** Painted, non-collapsed marks. */
  marks: number;
  surfaces: string[];
  /** "TAG: text" of each mark inside page code. */
  inCode: string[];
  /** "how: text" of each mark inside hidden text. */
  hidden: string[];
  /** Visible leaf blocks with at least PROSE_LETTERS Arabic letters, outside code and site chrome (menus, page header and footer). */
  prose: number;
  /** How many of those hold at least one mark. */
  markedProse: number;
  /** The start of each prose block with no mark, with its path (for a failure's message). */
  unmarkedProse: string[];
}

/** Arabic letters that make a block a paragraph of prose rather than a caption or a link. */
const PROSE_LETTERS = 150;

/**
 * Runs in a frame. Kept as source text: the test's compiler must not rewrite what the browser runs.
 * A closed `<details>` is article text the reader opens with a click, so it is read (and not
 * counted as hidden); everything else that `checkVisibility` says is not rendered is hidden.
 */
const AUDIT = `(() => {
  const CODE = "script, style, noscript, template";
  const BLOCKS = "p, li, h1, h2, h3, h4, h5, h6, td, th, dd, dt, blockquote, figcaption, div, section, article";
  const CHROME = "nav, menu, [role=navigation], [role=menu], [role=menubar], [role=banner], [role=contentinfo]";
  const arabicLetters = (text) => (text.match(/[\\u0621-\\u064A]/g) || []).length;
  const out = { marks: 0, surfaces: [], inCode: [], hidden: [], prose: 0, markedProse: 0, unmarkedProse: [] };
  const ranges = [];
  for (const [name, highlight] of CSS.highlights) {
    if (!/^siyaq-(per|org|loc|date|event|misc)$/.test(name)) continue;
    for (const range of highlight) if (!range.collapsed) ranges.push(range);
  }
  for (const range of ranges) {
    out.marks += 1;
    const node = range.commonAncestorContainer;
    const element = node.nodeType === 1 ? node : node.parentElement;
    const text = range.toString();
    out.surfaces.push(text);
    if (!element) continue;
    const code = element.closest(CODE);
    if (code) { out.inCode.push(code.tagName + ": " + text); continue; }
    const marked = element.closest("[hidden], [aria-hidden='true']");
    if (marked) { out.hidden.push((marked.hasAttribute("hidden") ? "hidden" : "aria-hidden") + ": " + text); continue; }
    if (!element.checkVisibility({ visibilityProperty: true }) && !element.closest("details:not([open])")) out.hidden.push("style: " + text);
  }
  const body = document.body;
  if (body) {
    for (const block of body.querySelectorAll(BLOCKS)) {
      if (block.querySelector(BLOCKS) || block.closest(CODE) || block.closest(CHROME)) continue;
      const edge = block.closest("header, footer");
      if (edge && !edge.closest("article, main")) continue;
      if (!block.checkVisibility({ visibilityProperty: true })) continue;
      if (arabicLetters(block.textContent || "") < ${PROSE_LETTERS}) continue;
      out.prose += 1;
      if (ranges.some((range) => block.contains(range.startContainer))) out.markedProse += 1;
      else {
        const path = [];
        for (let e = block; e && e !== body; e = e.parentElement) path.unshift(e.tagName.toLowerCase() + (e.id ? "#" + e.id : ""));
        out.unmarkedProse.push(path.join(">") + ": " + (block.textContent || "").trim().slice(0, 80));
      }
    }
  }
  return out;
})()`;

/** Audits a frame (a puppeteer frame) or a tab's top document. */
function audit(frame: Frame | TestPage): Promise<Audit> {
  return ("raw" in frame ? frame.raw.mainFrame() : frame).evaluate(AUDIT) as Promise<Audit>;
}

/** Waits until the frame's mark count holds still (the scanner works in idle slices), or `quietFor` with none. */
async function settledAudit(frame: Frame | TestPage, quietFor = 6_000): Promise<Audit> {
  const started = Date.now();
  let last = -1;
  let steady = 0;
  for (;;) {
    const { marks } = await audit(frame);
    steady = marks === last ? steady + 1 : 0;
    last = marks;
    if (
      (marks > 0 && steady >= 4) ||
      (marks === 0 && Date.now() - started > quietFor) ||
      Date.now() - started > 40_000
    )
      break;
    await new Promise((done) => setTimeout(done, 300));
  }
  return audit(frame);
}

/** Sends `message` to the background from an extension page, as the popup itself does. */
function ask(extensionPage: TestPage, message: unknown): Promise<unknown> {
  return extensionPage.evaluate((message) => {
    type Runtime = { runtime: { sendMessage(message: unknown): Promise<unknown> } };
    const api =
      (globalThis as unknown as { browser?: Runtime }).browser ??
      (globalThis as unknown as { chrome: Runtime }).chrome;
    return api.runtime.sendMessage(message);
  }, message);
}

/** The names each page's article text is known to carry (read from the pages' gold where there is one). */
const EXPECTED_NAMES: Record<string, string[]> = {
  "lbcgroup-1.html": ["دونالد ترامب", "واشنطن"],
  "cnn-arabic-1.html": ["دمشق", "بشار الأسد"],
};

describe.each(BROWSERS)("only what a reader reads is marked in %s", (browser) => {
  let ext: LaunchedExtension;
  beforeAll(async () => {
    ext = await launchExtension(browser);
  });
  afterAll(() => ext?.close());

  describeShared("on every saved real news page", () => {
    // One test per page, so a report names the page that fails.
    for (const name of realPageNames()) {
      it(`${name}: no mark in page code or hidden text; the Arabic prose is marked`, async () => {
        const page = await ext.newPage();
        try {
          await page.goto(`${ext.baseUrl}/pages/${name}`, { waitUntil: "domcontentloaded" });
          const result = await settledAudit(page);
          console.log(
            `[real-pages] ${name}: ${result.marks} marks, ${result.inCode.length} in code, ${result.hidden.length} hidden, prose blocks marked ${result.markedProse}/${result.prose}`,
            result.unmarkedProse,
          );
          expect(result.inCode, "marks inside page code").toEqual([]);
          expect(result.hidden, "marks inside hidden text").toEqual([]);
          if (result.prose > 0) {
            expect(result.marks).toBeGreaterThan(0);
            // Nearly every paragraph of Arabic news names someone, somewhere or a date.
            expect(
              result.markedProse / result.prose,
              `unmarked: ${result.unmarkedProse.join(" | ")}`,
            ).toBeGreaterThanOrEqual(0.8);
          }
          for (const expected of EXPECTED_NAMES[name] ?? [])
            expect(result.surfaces).toContain(expected);
        } finally {
          await page.close();
        }
      });
    }
  });

  it("reads a same-origin iframe and a srcdoc iframe by the page's rules, and not their code or hidden text", async () => {
    const page = await ext.newPage();
    try {
      await page.goto(`${ext.baseUrl}/fixtures/iframes.html`);
      const top = await settledAudit(page);
      expect(top.surfaces).toContain("التحالف الدولي");

      const sameOrigin = page.raw
        .frames()
        .find((frame) => frame.url().endsWith("/fixtures/iframe-story.html"));
      const srcdoc = page.raw.frames().find((frame) => frame.url() === "about:srcdoc");
      expect(sameOrigin && srcdoc, "both frames loaded").toBeTruthy();

      const inner = await settledAudit(sameOrigin!);
      expect(inner.surfaces).toContain("قاسم الأعرجي");
      expect(inner.inCode).toEqual([]);
      expect(inner.hidden).toEqual([]);
      expect(inner.surfaces).not.toContain("مقتدى الصدر");

      const doc = await settledAudit(srcdoc!);
      expect(doc.surfaces).toContain("قاسم سليماني");
      expect(doc.inCode).toEqual([]);
      expect(doc.hidden).toEqual([]);

      // The popup's status joins the frames under the page's address; what was read is recorded
      // under the page's address once, however many of its frames name it.
      const url = `${ext.baseUrl}/fixtures/iframes.html`;
      const popup = await ext.openPopup(url);
      const tabId = await ext.tabIdOf(url);
      type Status = { url: string; entities: { surface: string; entityId?: string }[] } | null;
      const status = async () =>
        (await ask(popup, { siyaq: 1, type: "page.status", payload: { tabId } })) as {
          value: Status;
        };
      await expect
        .poll(async () => (await status()).value?.entities.map((e) => e.surface) ?? [], {
          timeout: 10_000,
        })
        .toEqual(expect.arrayContaining(["التحالف الدولي", "قاسم الأعرجي", "قاسم سليماني"]));
      const { value } = await status();
      expect(value!.url).toBe(url);
      const coalition = value!.entities.find((e) => e.surface === "التحالف الدولي")?.entityId;
      expect(coalition, "التحالف الدولي is a known entity").toBeTruthy();
      type View = { value: { seenIn: number; articles: { url: string }[] } | null };
      const view = async (id: string) =>
        (await ask(popup, { siyaq: 1, type: "entity.get", payload: { id } })) as View;
      await expect
        .poll(async () => (await view(coalition!)).value?.seenIn ?? 0, { timeout: 10_000 })
        .toBeGreaterThan(0);
      // Named in the page and in its same-origin frame: one article, the page's own address (other
      // pages of this run may name it too), never the frame's.
      const articles = (await view(coalition!)).value!.articles.map((a) => a.url);
      expect(articles.filter((a) => a === url)).toHaveLength(1);
      expect(articles.filter((a) => a.includes("iframe-story") || a.startsWith("about:"))).toEqual(
        [],
      );
      await popup.close();

      // The card opens in the frame the reader hovers, not in the top document.
      const frameBox = (await (await page.raw.$("#srcdoc"))!.boundingBox())!;
      const target = await srcdoc!.evaluate((name) => {
        for (const range of (
          CSS as unknown as { highlights: Map<string, Iterable<Range>> }
        ).highlights.get("siyaq-per") ?? []) {
          if (range.toString() !== name) continue;
          const box = range.getClientRects()[0]!;
          return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
        }
        return null;
      }, "قاسم سليماني");
      expect(target).not.toBeNull();
      await page.mouse.move(frameBox.x + target!.x - 20, frameBox.y + target!.y);
      await page.mouse.move(frameBox.x + target!.x, frameBox.y + target!.y, { steps: 4 });
      await expect
        .poll(() => srcdoc!.evaluate(() => document.querySelector("siyaq-card") !== null), {
          timeout: 10_000,
        })
        .toBe(true);
      expect(await page.evaluate(() => document.querySelector("siyaq-card") !== null)).toBe(false);

      // One switch for the page and its frames: off clears them all.
      await ext.setSiteEnabled(new URL(ext.baseUrl).hostname, false);
      await expect
        .poll(
          async () =>
            (await audit(sameOrigin!)).marks +
            (await audit(srcdoc!)).marks +
            (await audit(page)).marks,
          { timeout: 5_000 },
        )
        .toBe(0);
      await ext.setSiteEnabled(new URL(ext.baseUrl).hostname, true);
      await expect
        .poll(async () => (await audit(srcdoc!)).marks, { timeout: 15_000 })
        .toBeGreaterThan(0);
    } finally {
      await page.close();
    }
  });
});
