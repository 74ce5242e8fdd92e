// Reads the text a reader sees into one string, with a map from every offset back to its Text node.
// The recognizer works on that string; ranges for painting and hit-testing come back through the map.

/** One Text node's share of the string: `text.slice(start, end)` is the node's data, newlines as spaces. */
export interface TextSegment {
  node: Text;
  start: number;
  end: number;
}

export interface TextMap {
  /** Visible text; block boundaries are "\n", newlines inside a node are spaces (same length). */
  text: string;
  /** In document order, non-overlapping; the gaps between them are block breaks. */
  segments: TextSegment[];
  /** A DOM Range over `text.slice(start, end)`, across nodes; null when it covers no text node. */
  rangeFor(start: number, end: number): Range | null;
  /** The string offset of a point inside a Text node, or null when the node is not in the map. */
  positionOf(node: Text, offset: number): number | null;
  /** The segment that holds `position`, or undefined when it falls on a break or out of range. */
  segmentAt(position: number): TextSegment | undefined;
  /** The Text nodes `text.slice(start, end)` touches, in document order. */
  nodesFor(start: number, end: number): Text[];
}

/** Content a reader does not read as prose: code, form fields, media, and our own UI. */
const SKIPPED_TAGS = new Set([
  "SCRIPT",
  "STYLE",
  "NOSCRIPT",
  "TEMPLATE",
  "CODE",
  "PRE",
  "KBD",
  "SAMP",
  "VAR",
  "TEXTAREA",
  "INPUT",
  "SELECT",
  "OPTION",
  "BUTTON",
  "SVG",
  "MATH",
  "CANVAS",
  "IFRAME",
  "OBJECT",
  "EMBED",
  "VIDEO",
  "AUDIO",
  "IMG",
  "HEAD",
  "TITLE",
  "NAV",
  "MENU",
  "DIALOG",
]);

/** ARIA roles of site chrome rather than the article. */
const CHROME_ROLES = new Set([
  "navigation",
  "menu",
  "menubar",
  "banner",
  "contentinfo",
  "search",
  "toolbar",
  "tablist",
]);

/** Elements that start a new line; text on either side must not glue into one word. */
export const BLOCK_TAGS = new Set([
  "ADDRESS",
  "ARTICLE",
  "ASIDE",
  "BLOCKQUOTE",
  "BODY",
  "BR",
  "CAPTION",
  "DD",
  "DETAILS",
  "DIV",
  "DL",
  "DT",
  "FIELDSET",
  "FIGCAPTION",
  "FIGURE",
  "FOOTER",
  "FORM",
  "H1",
  "H2",
  "H3",
  "H4",
  "H5",
  "H6",
  "HEADER",
  "HGROUP",
  "HR",
  "LI",
  "MAIN",
  "OL",
  "P",
  "SECTION",
  "SUMMARY",
  "TABLE",
  "TBODY",
  "TD",
  "TFOOT",
  "TH",
  "THEAD",
  "TR",
  "UL",
]);

/** Our own elements carry this attribute so a scan never reads the card or the fallback marks' host. */
export const SIYAQ_HOST_ATTRIBUTE = "data-siyaq-host";

/**
 * The one filter of what is read: whether an element's own tag and attributes put its content out
 * of a reading (code, form fields, hidden, navigation chrome, our own UI). `inArticle` says an
 * `<article>` or `<main>` encloses it: a page's own header and footer are chrome, an article's
 * header holds its headline. A closed `<details>` stays readable: it is article text one click
 * away, and its marks are there when the reader opens it.
 */
export function isSkippedElement(element: Element, inArticle: boolean): boolean {
  const tag = element.tagName.toUpperCase();
  if (SKIPPED_TAGS.has(tag)) return true;
  if (!inArticle && (tag === "HEADER" || tag === "FOOTER")) return true;
  if (element.hasAttribute("hidden") || element.hasAttribute(SIYAQ_HOST_ATTRIBUTE)) return true;
  if (element.getAttribute("aria-hidden") === "true") return true;
  const role = element.getAttribute("role");
  if (role && CHROME_ROLES.has(role)) return true;
  const editable = element.getAttribute("contenteditable");
  if (editable !== null && editable !== "false") return true;
  const style = (element as HTMLElement).style;
  if (style && (style.display === "none" || style.visibility === "hidden")) return true;
  return false;
}

function isArticleTag(element: Element): boolean {
  const tag = element.tagName.toUpperCase();
  return tag === "ARTICLE" || tag === "MAIN";
}

/**
 * Asks the browser's computed style whether a block is displayed. Off by default: on a large real
 * page (lbcgroup-1) the first call forced a style recalculation that made one slice 240 ms, against
 * about 30 ms for the whole scan without it. Hidden text read by mistake is painted invisibly.
 * happy-dom has no layout, so there it is never asked.
 */
function hiddenByStyle(element: Element): boolean {
  const check = (element as Element & { checkVisibility?: (o?: object) => boolean })
    .checkVisibility;
  if (typeof check !== "function" || isLayoutless(element)) return false;
  return !check.call(element, { visibilityProperty: true });
}

function isLayoutless(element: Element): boolean {
  const view = element.ownerDocument.defaultView as (Window & { happyDOM?: unknown }) | null;
  return !view || "happyDOM" in view;
}

export interface TextMapOptions {
  /** Ask the browser's computed style whether each block is displayed (default: no, see hiddenByStyle). */
  computedVisibility?: boolean;
}

/**
 * Reads `root`'s visible text. Reading a subtree (a part of a split container, or after a mutation)
 * gives offsets relative to that subtree, and nothing when the subtree or one of its ancestors is
 * skipped content (see `isReadable`).
 */
export function buildTextMap(root: Element | Document, options: TextMapOptions = {}): TextMap {
  const start =
    root.nodeType === 9
      ? ((root as Document).body ?? (root as Document).documentElement)
      : (root as Element);
  // A root handed over on its own (a part of a split container, a block a mutation touched) is
  // checked with its ancestors first: a <script> child of a big container reads nothing.
  if (start && root.nodeType !== 9 && !isReadable(start)) return makeTextMap("", []);
  const parts: string[] = [];
  const segments: TextSegment[] = [];
  let length = 0;
  let endsWithBreak = true; // nothing read yet counts as a fresh line: no leading "\n"
  const computed = options.computedVisibility ?? false;

  const lineBreak = () => {
    if (endsWithBreak) return;
    parts.push("\n");
    length += 1;
    endsWithBreak = true;
  };

  // An explicit stack: real pages nest thousands of elements deep enough to worry recursion.
  type Frame = { node: Node; inArticle: boolean; closeBlock: boolean };
  const stack: Frame[] = [];
  if (start)
    stack.push({
      node: start,
      inArticle: start.closest?.("article, main") != null,
      closeBlock: false,
    });

  while (stack.length > 0) {
    const frame = stack.pop()!;
    if (frame.closeBlock) {
      lineBreak();
      continue;
    }
    const node = frame.node;
    if (node.nodeType === 3) {
      const text = node as Text;
      const data = text.data;
      if (data.length === 0) continue;
      // Indentation between blocks is not text a reader sees; it would only pad the string.
      if (endsWithBreak && isBlank(data)) continue;
      parts.push(data.replace(/[\n\r\t\f]/g, " "));
      segments.push({ node: text, start: length, end: length + data.length });
      length += data.length;
      endsWithBreak = false;
      continue;
    }
    if (node.nodeType !== 1) continue;
    const element = node as Element;
    if (element !== start && isSkippedElement(element, frame.inArticle)) continue;
    if (
      element !== start &&
      computed &&
      BLOCK_TAGS.has(element.tagName.toUpperCase()) &&
      hiddenByStyle(element)
    )
      continue;
    const tag = element.tagName.toUpperCase();
    const block = BLOCK_TAGS.has(tag);
    const inArticle = frame.inArticle || isArticleTag(element);
    if (block) {
      lineBreak();
      stack.push({ node: element, inArticle, closeBlock: true });
    }
    const children = element.childNodes;
    for (let i = children.length - 1; i >= 0; i--)
      stack.push({ node: children[i]!, inArticle, closeBlock: false });
  }

  // A closing break with nothing after it separates nothing.
  if (parts[parts.length - 1] === "\n") parts.pop();
  const text = parts.join("");
  return makeTextMap(text, segments);
}

function isBlank(data: string): boolean {
  for (let i = 0; i < data.length; i++) {
    const c = data.charCodeAt(i);
    if (c !== 32 && c !== 10 && c !== 13 && c !== 9 && c !== 12 && c !== 160) return false;
  }
  return true;
}

function makeTextMap(text: string, segments: TextSegment[]): TextMap {
  const indexOfNode = new Map<Text, number>();
  segments.forEach((segment, index) => indexOfNode.set(segment.node, index));

  /** Index of the last segment starting at or before `position`, or -1. */
  const lastStartingAtOrBefore = (position: number): number => {
    let low = 0;
    let high = segments.length - 1;
    let found = -1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (segments[mid]!.start <= position) {
        found = mid;
        low = mid + 1;
      } else high = mid - 1;
    }
    return found;
  };

  const segmentAt = (position: number): TextSegment | undefined => {
    const index = lastStartingAtOrBefore(position);
    const segment = segments[index];
    return segment && position < segment.end ? segment : undefined;
  };

  const rangeFor = (start: number, end: number): Range | null => {
    if (!(start < end) || segments.length === 0) return null;
    // The first segment that ends after `start` holds the range's start (skipping a break).
    let first = lastStartingAtOrBefore(start);
    if (first === -1 || segments[first]!.end <= start) first += 1;
    // The last segment that starts before `end` holds its end.
    const last = lastStartingAtOrBefore(end - 1);
    if (first >= segments.length || last < first) return null;
    const from = segments[first]!;
    const to = segments[last]!;
    if (!from.node.isConnected || !to.node.isConnected) return null;
    const range = from.node.ownerDocument.createRange();
    range.setStart(from.node, Math.max(0, start - from.start));
    range.setEnd(to.node, Math.min(to.end, end) - to.start);
    return range;
  };

  const positionOf = (node: Text, offset: number): number | null => {
    const index = indexOfNode.get(node);
    if (index === undefined) return null;
    const segment = segments[index]!;
    return segment.start + Math.max(0, Math.min(offset, segment.end - segment.start));
  };

  const nodesFor = (start: number, end: number): Text[] => {
    const nodes: Text[] = [];
    for (let i = Math.max(0, lastStartingAtOrBefore(start)); i < segments.length; i++) {
      const segment = segments[i]!;
      if (segment.start >= end) break;
      if (segment.end > start) nodes.push(segment.node);
    }
    return nodes;
  };

  return { text, segments, rangeFor, positionOf, segmentAt, nodesFor };
}

/**
 * Whether text under `node` would be read at all: false when the node or any ancestor is skipped
 * content (a script, a form field, hidden or navigation chrome, our own UI). The same filter
 * `buildTextMap` applies on its way down, applied on the way up from a root read on its own.
 */
export function isReadable(node: Node): boolean {
  const first: Element | null = node.nodeType === 1 ? (node as Element) : node.parentElement;
  if (!first || !first.isConnected) return false;
  // Ancestors up to (not including) <body>/<html>, innermost first; then judged outermost first,
  // so each knows whether an article encloses it without a lookup per ancestor.
  const chain: Element[] = [];
  for (let element: Element | null = first; element; element = element.parentElement) {
    const tag = element.tagName.toUpperCase();
    if (tag === "BODY" || tag === "HTML") break;
    chain.push(element);
  }
  let inArticle = false;
  for (let i = chain.length - 1; i >= 0; i--) {
    const element = chain[i]!;
    if (isSkippedElement(element, inArticle)) return false;
    inArticle ||= isArticleTag(element);
  }
  return true;
}

/**
 * A TreeWalker filter with the same rules, for readers that only sample the text (the language
 * test): rejects skipped elements with their whole subtree.
 */
export function readableFilter(): { acceptNode(node: Node): number } {
  return {
    acceptNode(node: Node) {
      if (node.nodeType !== 1) return 1; // NodeFilter.FILTER_ACCEPT
      const element = node as Element;
      return isSkippedElement(element, element.parentElement?.closest("article, main") != null)
        ? 2 // NodeFilter.FILTER_REJECT
        : 3; // NodeFilter.FILTER_SKIP: look inside
    },
  };
}
