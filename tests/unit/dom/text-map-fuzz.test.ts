// @vitest-environment happy-dom
// The text map fuzzed (issue 14): pages built from Arabic text full of the characters that break
// naive offset arithmetic — bidi controls, ZWJ/ZWNJ, soft hyphens, tatweel, combining marks,
// characters outside the BMP (surrogate pairs) — in nested blocks, inline elements and skipped
// content, and a single 1 MB text node. Whatever the page, every offset maps back to the same
// character of the same node, every range stays inside the document and covers the text it was
// asked for, and no recognised name starts or ends between the two halves of a surrogate pair.
// Run counts are sized for CI on 2 cores (the whole file takes a few seconds).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildTextMap, type TextMap } from "@/src/dom/text-map";
import { recognize } from "@/src/nlp/recognize";
import { entriesFromEntities, Lexicon } from "@/src/nlp/lexicon";

const lexicon = Lexicon.build(
  entriesFromEntities([
    { id: "t:1", type: "PER", names: { ar: "قاسم الأعرجي" }, aliases: [] },
    { id: "t:2", type: "LOC", names: { ar: "العراق" }, aliases: [] },
    { id: "t:3", type: "LOC", names: { ar: "بغداد" }, aliases: [] },
    { id: "t:4", type: "ORG", names: { ar: "مجلس النواب" }, aliases: [] },
  ]),
);

/** Whole units only: a surrogate pair is one piece here, so the page text holds no lone halves. */
const troublemakers = [
  "\u200e", // LRM
  "\u200f", // RLM
  "\u061c", // ALM
  "\u202a", // LRE
  "\u202b", // RLE
  "\u202c", // PDF
  "\u202d", // LRO
  "\u202e", // RLO
  "\u2066", // LRI
  "\u2067", // RLI
  "\u2068", // FSI
  "\u2069", // PDI
  "\u200c", // ZWNJ
  "\u200d", // ZWJ
  "\u00ad", // soft hyphen
  "\u0640", // tatweel
  "\u064b", // fathatan
  "\u0650", // kasra
  "\u0651", // shadda
  "\u0670", // superscript alef
  "\u0301", // combining acute
  "\ufeff", // BOM / ZWNBSP
  "\u00a0", // no-break space
  "😀",
  "👨‍👩‍👧",
  "𝐀",
  "\u{1ee01}", // Arabic mathematical beh
  "\n",
  "\t",
  "\r",
];
const words = [
  "قاسم",
  "الأعرجي",
  "العراق",
  "بغداد",
  "مجلس",
  "النواب",
  "وقال",
  "الرئيس",
  "عماد",
  "الشمري",
  "،",
  ".",
  "2021",
  "١٠",
];
const piece = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...words) },
  { weight: 3, arbitrary: fc.constantFrom(...troublemakers) },
  { weight: 3, arbitrary: fc.constant(" ") },
  {
    weight: 1,
    arbitrary: fc.integer({ min: 0x0621, max: 0x064a }).map((c) => String.fromCharCode(c)),
  },
);
const text = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(""));

/** A page: elements (blocks, inline, skipped) with text and children, built without parsing. */
type Tree = { tag: string; children: (Tree | string)[] };
const TAGS = ["p", "div", "span", "b", "li", "h2", "br", "script", "code", "bdi", "a"];
const tree: fc.Arbitrary<Tree> = fc.letrec<{ node: Tree }>((tie) => ({
  node: fc.record({
    tag: fc.constantFrom(...TAGS),
    children: fc.array(
      fc.oneof(
        { depthSize: "small", withCrossShrink: true },
        { weight: 3, arbitrary: text },
        { weight: 1, arbitrary: tie("node") },
      ),
      { maxLength: 4 },
    ),
  }),
})).node;

function build(parent: Node, node: Tree | string): void {
  if (typeof node === "string") {
    parent.appendChild(document.createTextNode(node));
    return;
  }
  const element = document.createElement(node.tag);
  parent.appendChild(element);
  if (node.tag !== "br") for (const child of node.children) build(element, child);
}

function page(trees: Tree[]): HTMLElement {
  document.body.replaceChildren();
  const article = document.createElement("article");
  document.body.appendChild(article);
  for (const t of trees) build(article, t);
  return article;
}

const asRead = (data: string) => data.replace(/[\n\r\t\f]/g, " ");

/** The first broken invariant of the map's own bookkeeping, or undefined (plain checks: fast on 1 MB). */
function brokenSegments(map: TextMap): string | undefined {
  let previousEnd = 0;
  for (const [index, segment] of map.segments.entries()) {
    if (segment.start < previousEnd) return `segment ${index} overlaps the one before`;
    const gap = map.text.slice(previousEnd, segment.start);
    if (gap !== "" && gap !== "\n") return `gap ${JSON.stringify(gap)} before segment ${index}`;
    if (map.text.slice(segment.start, segment.end) !== asRead(segment.node.data))
      return `segment ${index} is not its node's text`;
    if (!segment.node.isConnected || !document.contains(segment.node))
      return `segment ${index} is not in the document`;
    previousEnd = segment.end;
  }
  if (previousEnd > map.text.length) return "segments run past the text";
  return undefined;
}

/** Offsets map back to the same character of the same node, both ways. */
function brokenOffset(map: TextMap, position: number): string | undefined {
  const segment = map.segmentAt(position);
  if (!segment) return map.text[position] === "\n" ? undefined : `no segment at ${position}`;
  const inNode = position - segment.start;
  if (asRead(segment.node.data)[inNode] !== map.text[position]) return `character at ${position}`;
  if (map.positionOf(segment.node, inNode) !== position) return `positionOf(${position})`;
  return undefined;
}

/** A range for [start, end) lies in the document, inside the map's nodes, and covers exactly that text. */
function brokenRange(map: TextMap, start: number, end: number): string | undefined {
  const range = map.rangeFor(start, end);
  const covered = [...map.text.slice(start, end)].some((c) => c !== "\n");
  if (!range) return covered && start < end ? `no range for ${start}-${end}` : undefined;
  for (const [container, offset] of [
    [range.startContainer, range.startOffset],
    [range.endContainer, range.endOffset],
  ] as const) {
    if (container.nodeType !== 3 || !document.contains(container))
      return `range ${start}-${end} leaves the document's text`;
    if (map.positionOf(container as Text, offset) === null)
      return `range ${start}-${end} ends outside the map`;
    if (offset > (container as Text).data.length) return `range ${start}-${end} past its node`;
  }
  const from = map.positionOf(range.startContainer as Text, range.startOffset)!;
  const to = map.positionOf(range.endContainer as Text, range.endOffset)!;
  if (from < start || to > end || from >= to) return `range ${start}-${end} maps to ${from}-${to}`;
  // Only block breaks (never text) lie between the asked span and the range's ends.
  if (/[^\n]/.test(map.text.slice(start, from) + map.text.slice(to, end)))
    return `range ${start}-${end} drops text`;
  if (
    range.startContainer === range.endContainer &&
    range.toString() !==
      (range.startContainer as Text).data.slice(range.startOffset, range.endOffset)
  )
    return `range ${start}-${end} text`;
  return undefined;
}

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;
/** An offset between the two halves of a surrogate pair. */
const splitsPair = (text: string, at: number) =>
  at > 0 && at < text.length && isHigh(text.charCodeAt(at - 1)) && isLow(text.charCodeAt(at));

describe("the text map, fuzzed", () => {
  it("maps every offset to the same character of the same node, on any page", () => {
    fc.assert(
      fc.property(fc.array(tree, { minLength: 1, maxLength: 5 }), (trees) => {
        const map = buildTextMap(page(trees));
        expect(brokenSegments(map)).toBeUndefined();
        for (let position = 0; position < map.text.length; position++)
          expect(brokenOffset(map, position)).toBeUndefined();
      }),
      { numRuns: 200 },
    );
  });

  it("gives ranges inside the document that cover exactly the span asked for", () => {
    fc.assert(
      fc.property(
        fc.array(tree, { minLength: 1, maxLength: 5 }),
        fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 20 }),
        (trees, spans) => {
          const map = buildTextMap(page(trees));
          const length = map.text.length + 1;
          for (const [a, b] of spans) {
            const [start, end] = [a % length, b % length].sort((x, y) => x - y) as [number, number];
            expect(brokenRange(map, start, end)).toBeUndefined();
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it("recognises names whose spans never split a surrogate pair, and map them to ranges", () => {
    let found = 0;
    fc.assert(
      fc.property(fc.array(tree, { minLength: 1, maxLength: 5 }), (trees) => {
        const map = buildTextMap(page(trees));
        for (const mention of recognize(map.text, { lexicon, refDate: "2021-12-10" })) {
          found++;
          expect(splitsPair(map.text, mention.start), `start of ${mention.surface}`).toBe(false);
          expect(splitsPair(map.text, mention.end), `end of ${mention.surface}`).toBe(false);
          expect(brokenRange(map, mention.start, mention.end)).toBeUndefined();
        }
      }),
      { numRuns: 150 },
    );
    // The pages did hold names: the property was checked, not skipped.
    expect(found).toBeGreaterThan(50);
  });

  it("keeps every property on a single 1 MB text node", () => {
    fc.assert(
      fc.property(
        text.filter((t) => t.length > 0),
        fc.array(fc.nat(), { minLength: 4, maxLength: 8 }),
        (chunk, picks) => {
          // Repeated whole: the node holds no lone surrogate halves either.
          const data = chunk.repeat(Math.ceil(1_000_000 / chunk.length));
          document.body.replaceChildren();
          const p = document.createElement("p");
          p.appendChild(document.createTextNode(data));
          document.body.appendChild(p);
          const map = buildTextMap(document);
          expect(map.segments).toHaveLength(map.text.trim() === "" ? 0 : 1);
          if (map.segments.length === 0) return;
          expect(brokenSegments(map)).toBeUndefined();
          for (const pick of picks) {
            const at = pick % map.text.length;
            expect(brokenOffset(map, at)).toBeUndefined();
            expect(
              brokenRange(map, at, Math.min(map.text.length, at + 1 + (pick % 5000))),
            ).toBeUndefined();
          }
        },
      ),
      { numRuns: 6 },
    );
  });
});
