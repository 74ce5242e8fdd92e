// Paints mentions without touching the page's DOM: one CSS Custom Highlight per entity type
// (`siyaq-per`, …; the registry is shared with the page, hence the prefix) and one <style> in the
// page's <head> for their look. Only where the Highlight API is missing do we wrap text in spans.
import type { EntityType } from "@/src/nlp/types";
import type { Settings } from "@/src/settings/settings";
import type { MarkedMention } from "./mention-index";
import { SIYAQ_HOST_ATTRIBUTE } from "@/src/dom/text-map";
import { highlightApi, type HighlightApi, type HighlightLike } from "@/src/dom/highlight-api";

export type MarkStyle = Settings["markStyle"];

export interface PaintOptions {
  types: readonly EntityType[];
  style: MarkStyle;
}

/** The highlight registry name of a type. */
export function highlightName(type: EntityType): string {
  return `siyaq-${type.toLowerCase()}`;
}

/** One colour per type, readable on light and dark pages alike. */
const TYPE_COLORS: Record<EntityType, string> = {
  PER: "#2563eb",
  ORG: "#059669",
  LOC: "#d97706",
  DATE: "#7c3aed",
  EVENT: "#db2777",
  MISC: "#64748b",
};

/**
 * `::highlight()` accepts only colour, background and text-decoration properties: no outline. And
 * Firefox (140) draws only `color` and `background-color` there, not `text-decoration`: so every
 * style also sets one of those, and each stays visible in both browsers.
 */
function declarationsFor(style: MarkStyle, color: string): string {
  switch (style) {
    case "background":
      return `background-color: color-mix(in srgb, ${color} 22%, transparent);`;
    case "outline":
      return `text-decoration: underline dotted ${color} 2px; background-color: color-mix(in srgb, ${color} 10%, transparent);`;
    case "underline":
      return `text-decoration: underline ${color} 2px; text-underline-offset: 3px; color: ${color};`;
  }
}

/** The stylesheet text for the enabled types, for highlights and for the fallback spans. */
export function markStylesheet({ types, style }: PaintOptions): string {
  return types
    .map((type) => {
      const declarations = declarationsFor(style, TYPE_COLORS[type]);
      const name = highlightName(type);
      return `::highlight(${name}) { ${declarations} }\nspan[data-siyaq-mark="${name}"] { ${declarations} }`;
    })
    .join("\n");
}

export interface Painter {
  /** Marks mentions of enabled types; mentions of other types are kept so a settings change can show them. */
  add(mentions: readonly MarkedMention[]): void;
  remove(mentions: readonly MarkedMention[]): void;
  /** Applies new types or style at once. */
  update(options: PaintOptions): void;
  /** Removes every mark and our style element. */
  clear(): void;
  /** How painting is done here: the Highlight API, or spans where it is missing. */
  readonly mode: "highlights" | "spans";
  /**
   * The mention a fallback span wraps: wrapping splits the page's Text nodes, so the index's
   * nodes no longer find it. Undefined with the Highlight API, which leaves nodes alone.
   */
  mentionOf?(element: Element): MarkedMention | undefined;
}

export function createPainter(doc: Document, options: PaintOptions): Painter {
  const api = highlightApi(doc);
  return api ? highlightPainter(doc, api, options) : spanPainter(doc, options);
}

function styleElement(doc: Document): HTMLStyleElement {
  const style = doc.createElement("style");
  style.setAttribute(SIYAQ_HOST_ATTRIBUTE, "marks");
  // Outside <body>: the body's markup stays exactly what the page wrote.
  (doc.head ?? doc.documentElement).appendChild(style);
  return style;
}

function highlightPainter(doc: Document, api: HighlightApi, initial: PaintOptions): Painter {
  let options = initial;
  let style: HTMLStyleElement | null = null;
  const highlights = new Map<EntityType, HighlightLike>();

  const highlightOf = (type: EntityType) => {
    let highlight = highlights.get(type);
    if (!highlight) {
      highlight = api.create();
      highlights.set(type, highlight);
      if (options.types.includes(type)) api.registry.set(highlightName(type), highlight);
    }
    return highlight;
  };

  const register = () => {
    for (const [type, highlight] of highlights) {
      const name = highlightName(type);
      // Never take over a name the page itself registered.
      if (options.types.includes(type)) {
        if (api.registry.get(name) !== highlight) api.registry.set(name, highlight);
      } else if (api.registry.get(name) === highlight) api.registry.delete(name);
    }
    if (!style || !style.isConnected) style = styleElement(doc);
    style.textContent = markStylesheet(options);
  };

  register();
  return {
    mode: "highlights",
    add(mentions) {
      for (const mention of mentions) highlightOf(mention.type).add(mention.range);
    },
    remove(mentions) {
      for (const mention of mentions) highlights.get(mention.type)?.delete(mention.range);
    },
    update(next) {
      options = next;
      register();
    },
    clear() {
      for (const [type, highlight] of highlights) {
        highlight.clear();
        if (api.registry.get(highlightName(type)) === highlight)
          api.registry.delete(highlightName(type));
      }
      highlights.clear();
      style?.remove();
      style = null;
    },
  };
}

/**
 * The fallback: a span around each single-node mention of an enabled type. Mentions crossing
 * nodes stay unpainted (still hoverable through the index) rather than splitting the page's elements.
 */
function spanPainter(doc: Document, initial: PaintOptions): Painter {
  let options = initial;
  let style: HTMLStyleElement | null = styleElement(doc);
  style.textContent = markStylesheet(options);
  const spans = new Map<MarkedMention, HTMLSpanElement>();
  const bySpan = new Map<Element, MarkedMention>();
  const known = new Set<MarkedMention>();

  const wrap = (mention: MarkedMention) => {
    const { range } = mention;
    if (spans.has(mention) || !options.types.includes(mention.type)) return;
    if (range.startContainer !== range.endContainer || range.collapsed) return;
    const span = doc.createElement("span");
    span.setAttribute("data-siyaq-mark", highlightName(mention.type));
    span.setAttribute(SIYAQ_HOST_ATTRIBUTE, "mark");
    range.surroundContents(span);
    spans.set(mention, span);
    bySpan.set(span, mention);
  };
  const unwrap = (mention: MarkedMention) => {
    const span = spans.get(mention);
    if (!span) return;
    spans.delete(mention);
    bySpan.delete(span);
    const parent = span.parentNode;
    if (!parent) return;
    while (span.firstChild) parent.insertBefore(span.firstChild, span);
    span.remove();
    parent.normalize();
  };
  const wrapAll = (mentions: Iterable<MarkedMention>) => {
    // Last first: splitting a node after a range leaves the earlier ranges in it valid.
    const sorted = [...mentions].sort((a, b) =>
      b.range.compareBoundaryPoints(Range.START_TO_START, a.range),
    );
    for (const mention of sorted) wrap(mention);
  };

  return {
    mode: "spans",
    mentionOf: (element) => {
      const span = element.closest("span[data-siyaq-mark]");
      return span ? bySpan.get(span) : undefined;
    },
    add(mentions) {
      for (const mention of mentions) known.add(mention);
      wrapAll(mentions);
    },
    remove(mentions) {
      for (const mention of mentions) {
        known.delete(mention);
        unwrap(mention);
      }
    },
    update(next) {
      options = next;
      for (const mention of [...spans.keys()])
        if (!options.types.includes(mention.type)) unwrap(mention);
      wrapAll(known);
      if (!style || !style.isConnected) style = styleElement(doc);
      style.textContent = markStylesheet(options);
    },
    clear() {
      for (const mention of [...spans.keys()]) unwrap(mention);
      known.clear();
      style?.remove();
      style = null;
    },
  };
}
