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
  "SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "CODE", "PRE", "KBD", "SAMP", "VAR",
  "TEXTAREA", "INPUT", "SELECT", "OPTION", "BUTTON",
  "SVG", "MATH", "CANVAS", "IFRAME", "OBJECT", "EMBED", "VIDEO", "AUDIO", "IMG", "HEAD", "TITLE",
  "NAV", "MENU", "DIALOG",
]);

/** ARIA roles of site chrome rather than the article. */
const CHROME_ROLES = new Set(["navigation", "menu", "menubar", "banner", "contentinfo", "search", "toolbar", "tablist"]);

/** Elements that start a new line; text on either side must not glue into one word. */
export const BLOCK_TAGS = new Set([
  "ADDRESS", "ARTICLE", "ASIDE", "BLOCKQUOTE", "BODY", "BR", "CAPTION", "DD", "DETAILS", "DIV", "DL", "DT",
  "FIELDSET", "FIGCAPTION", "FIGURE", "FOOTER", "FORM", "H1", "H2", "H3", "H4", "H5", "H6", "HEADER", "HGROUP",
  "HR", "LI", "MAIN", "OL", "P", "SECTION", "SUMMARY", "TABLE", "TBODY", "TD", "TFOOT", "TH", "THEAD", "TR", "UL",
]);

/** Our own elements carry this attribute so a scan never reads the card or the fallback marks' host. */
export const SIYAQ_HOST_ATTRIBUTE = "data-siyaq-host";

type Verdict = "skip" | "read";

/**
 * Whether an element's content is out of a reading. `inArticle` says an `<article>` or `<main>`
 * encloses it: a page's own header and footer are chrome, an article's header holds its headline.
 */
function verdictFor(element: Element, inArticle: boolean): Verdict {
  const tag = element.tagName.toUpperCase();
  if (SKIPPED_TAGS.has(tag)) return "skip";
  if (!inArticle && (tag === "HEADER" || tag === "FOOTER")) return "skip";
  if (element.hasAttribute("hidden") || element.hasAttribute(SIYAQ_HOST_ATTRIBUTE)) return "skip";
  if (element.getAttribute("aria-hidden") === "true") return "skip";
  const role = element.getAttribute("role");
  if (role && CHROME_ROLES.has(role)) return "skip";
  const editable = element.getAttribute("contenteditable");
  if (editable !== null && editable !== "false") return "skip";
  const style = (element as HTMLElement).style;
  if (style && (style.display === "none" || style.visibility === "hidden")) return "skip";
  return "read";
}

/**
 * Asks the browser's computed style whether a block is displayed. Off by default: on a large real
 * page (lbcgroup-1) the first call forced a style recalculation that made one slice 240 ms, against
 * about 30 ms for the whole scan without it. Hidden text read by mistake is painted invisibly.
 * happy-dom has no layout, so there it is never asked.
 */
function hiddenByStyle(element: Element): boolean {
  const check = (element as Element & { checkVisibility?: (o?: object) => boolean }).checkVisibility;
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
 * Reads `root`'s visible text. Reading a subtree (after a mutation) gives offsets relative to that
 * subtree; use `isReadable` first to know the subtree is not inside skipped content.
 */
export function buildTextMap(root: Element | Document, options: TextMapOptions = {}): TextMap {
  const start = root.nodeType === 9 ? ((root as Document).body ?? (root as Document).documentElement) : (root as Element);
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
  if (start) stack.push({ node: start, inArticle: start.closest?.("article, main") != null, closeBlock: false });

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
    if (element !== start && verdictFor(element, frame.inArticle) === "skip") continue;
    if (element !== start && computed && BLOCK_TAGS.has(element.tagName.toUpperCase()) && hiddenByStyle(element)) continue;
    const tag = element.tagName.toUpperCase();
    const block = BLOCK_TAGS.has(tag);
    const inArticle = frame.inArticle || tag === "ARTICLE" || tag === "MAIN";
    if (block) {
      lineBreak();
      stack.push({ node: element, inArticle, closeBlock: true });
    }
    const children = element.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, inArticle, closeBlock: false });
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
 * Whether text under `node` would be read at all: false inside skipped content (a script, a form
 * field, hidden or navigation chrome, our own UI). For re-scanning a subtree a mutation touched.
 */
export function isReadable(node: Node): boolean {
  let element: Element | null = node.nodeType === 1 ? (node as Element) : node.parentElement;
  if (!element || !element.isConnected) return false;
  for (; element; element = element.parentElement) {
    const tag = element.tagName.toUpperCase();
    if (tag === "BODY" || tag === "HTML") return true;
    if (verdictFor(element, element.closest("article, main") != null) === "skip") return false;
  }
  return true;
}
