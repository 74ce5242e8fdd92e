// Anchoring baselines on real news pages: each page's saved quotes must re-anchor exactly on the
// page as saved, and still be found on altered copies of it (the way live pages drift).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { anchorPassage, preparePageText } from "@/src/highlights/anchor";
import { foldForMatch } from "@/src/highlights/match-normalize";
import type { TextMap } from "@/src/dom/text-map";
import { BASELINE_PAGES, pageHtml, pageTextMap, parsePage } from "../../fixtures/anchoring/pages";
import type { Baseline, BaselineQuote } from "../../fixtures/anchoring/generate";
import { describeShared } from "../../shared-data";

const BLOCK = "p, div, li, td, h1, h2, h3, h4, h5, h6, article, section, body";
const INSERTED =
  "وفي تحديث لاحق، نشر الموقع فقرة جديدة في أعلى المقال تتضمن تفاصيل إضافية عن الخبر.";
const TASHKEEL = /[\u064B-\u0652\u0670]/g;

function baseline(page: string): Baseline {
  return JSON.parse(
    readFileSync(new URL(`../../fixtures/anchoring/${page}.json`, import.meta.url), "utf8"),
  );
}

function textNodes(document: Document): Text[] {
  const walker = document.createTreeWalker(document.body, 4 /* SHOW_TEXT */);
  const nodes: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  return nodes;
}

function anchorIn(map: TextMap, quote: BaselineQuote) {
  return anchorPassage(preparePageText(map.text), ...quote.selectors);
}

const folded = (text: string) => foldForMatch(text).text.trim();

describeShared("anchoring baselines on the saved real pages", () =>
  describe.each(BASELINE_PAGES)("anchoring baseline %s", (page) => {
    const expected = baseline(page);
    const html = pageHtml(page);
    const fresh = () => {
      const document = parsePage(html);
      return { document, map: pageTextMap(document) };
    };

    it("still reads the page as when the baseline was made", () => {
      // When the text map changes on purpose, regenerate: npx tsx tests/fixtures/anchoring/generate.ts
      expect(fresh().map.text.length, "the page text changed since the baseline was made").toBe(
        expected.textLength,
      );
      expect(expected.quotes.filter((q) => q.kind === "sentence").length).toBeGreaterThanOrEqual(3);
    });

    it("re-anchors every quote exactly on the saved page", () => {
      const { map } = fresh();
      for (const quote of expected.quotes) {
        const [, position] = quote.selectors;
        expect(anchorIn(map, quote)).toMatchObject({
          start: position.start,
          end: position.end,
          method: "exact",
        });
        // Context alone (no position) must pick the same occurrence of a repeated word.
        expect(anchorPassage(map.text, quote.selectors[0])?.start).toBe(position.start);
      }
    });

    it("follows each quote when a paragraph is inserted before it", () => {
      for (const quote of expected.quotes) {
        const { document, map } = fresh();
        const [exact, position] = quote.selectors;
        const range = map.rangeFor(position.start, position.end)!;
        const block = (range.startContainer.parentElement as Element).closest(BLOCK)!;
        const paragraph = document.createElement("p");
        paragraph.textContent = INSERTED;
        block.parentNode!.insertBefore(paragraph, block);
        const changed = pageTextMap(document);
        const anchor = anchorIn(changed, quote);
        expect(anchor?.method).toBe("exact");
        expect(anchor!.start).toBeGreaterThan(position.start);
        expect(changed.text.slice(anchor!.start, anchor!.end)).toBe(exact.exact);
      }
    });

    it("finds every quote when the page's whitespace changes", () => {
      const { document } = fresh();
      for (const node of textNodes(document))
        node.data = node.data.replace(/ /g, (_, at: number) => (at % 3 === 0 ? "\n  " : "  "));
      const changed = pageTextMap(document);
      for (const quote of expected.quotes) {
        const anchor = anchorIn(changed, quote);
        expect(anchor?.method).toBe("exact");
        expect(folded(changed.text.slice(anchor!.start, anchor!.end))).toBe(
          folded(quote.selectors[0].exact),
        );
      }
    });

    it("finds every quote when diacritics are added to the page, and when they are removed", () => {
      const { document } = fresh();
      const nodes = textNodes(document);
      // Vocalise every other Arabic letter, as some outlets do for headlines and names.
      for (const node of nodes)
        node.data = node.data.replace(/([\u0628-\u064A])([\u0628-\u064A])/g, "$1\u064E$2");
      const vocalised = pageTextMap(document);
      for (const node of nodes) node.data = node.data.replace(TASHKEEL, "");
      const stripped = pageTextMap(document);
      for (const map of [vocalised, stripped]) {
        for (const quote of expected.quotes) {
          const anchor = anchorIn(map, quote);
          expect(anchor?.method).toBe("exact");
          expect(folded(map.text.slice(anchor!.start, anchor!.end))).toBe(
            folded(quote.selectors[0].exact),
          );
        }
      }
    });

    it("finds a lightly edited quote by approximate match, in the right place", () => {
      for (const quote of expected.quotes.filter((q) => q.kind === "sentence")) {
        const { document, map } = fresh();
        const [{ exact }, position] = quote.selectors;
        // Edit the word in the middle of the quote, in the DOM: drop it when it is short, otherwise
        // change one of its letters (a typo fixed, a spelling changed).
        let middle = position.start + Math.floor(exact.length / 2);
        while (/\s/.test(map.text[middle]!) && middle < position.end - 1) middle++;
        const segment = map.segmentAt(middle)!;
        const data = segment.node.data;
        const local = middle - segment.start;
        const from = Math.max(data.lastIndexOf(" ", local) + 1, position.start - segment.start);
        const spaceAfter = data.indexOf(" ", local);
        const to = Math.min(
          spaceAfter === -1 ? data.length : spaceAfter + 1,
          position.end - segment.start,
        );
        const short = to - from <= exact.length * 0.15;
        const removed = short ? to - from : 0;
        const replacement = data[local] === "ع" ? "غ" : "ع";
        segment.node.data = short
          ? data.slice(0, from) + data.slice(to)
          : data.slice(0, local) + replacement + data.slice(local + 1);
        const edit = short
          ? `without ${JSON.stringify(data.slice(from, to))}`
          : `with ${replacement} at ${local - from} of ${JSON.stringify(data.slice(from, to))}`;
        const changed = pageTextMap(document);
        const anchor = anchorIn(changed, quote);
        const why = `quote ${JSON.stringify(exact)} ${edit}`;
        expect(anchor, why).not.toBeNull();
        expect(anchor!.method, why).toBe("fuzzy");
        expect(Math.abs(anchor!.start - position.start), why).toBeLessThanOrEqual(2);
        expect(Math.abs(anchor!.end - (position.end - removed))).toBeLessThanOrEqual(2);
      }
    });

    it("orphans a quote whose passage was removed from the page", () => {
      const quote = expected.quotes.find((q) => q.kind === "sentence")!;
      const [{ exact }] = quote.selectors;
      const { document } = fresh();
      for (const node of textNodes(document)) {
        // Remove every word of the quote wherever it occurs: nothing like it is left.
        for (const word of exact.split(/\s+/).filter((w) => w.length > 2))
          node.data = node.data.split(word).join("");
      }
      expect(anchorIn(pageTextMap(document), quote)).toBeNull();
    });
  }),
);
