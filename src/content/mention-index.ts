// The page's recognised mentions, findable from a DOM point (hover hit-test) and in reading order
// (the keyboard's next-mention step). Indexed by Text node so a hover costs a map lookup.
import type { EntityType, Mention } from "@/src/nlp/types";

/** A mention anchored in the live DOM. */
export interface MarkedMention {
  type: EntityType;
  surface: string;
  entityId?: string;
  date?: string;
  confidence: number;
  range: Range;
  /** The Text nodes the range covers, first to last. */
  nodes: Text[];
}

export function toMarkedMention(mention: Mention, range: Range, nodes: Text[]): MarkedMention {
  const { type, surface, entityId, date, confidence } = mention;
  return { type, surface, entityId, date, confidence, range, nodes };
}

export class MentionIndex {
  private readonly byNode = new Map<Text, MarkedMention[]>();
  private readonly mentions = new Set<MarkedMention>();
  private ordered: MarkedMention[] | null = null;

  get size(): number {
    return this.mentions.size;
  }

  add(mention: MarkedMention): void {
    this.mentions.add(mention);
    for (const node of mention.nodes) {
      const list = this.byNode.get(node);
      if (list) list.push(mention);
      else this.byNode.set(node, [mention]);
    }
    this.ordered = null;
  }

  remove(mention: MarkedMention): void {
    if (!this.mentions.delete(mention)) return;
    for (const node of mention.nodes) {
      const list = this.byNode.get(node);
      if (!list) continue;
      const kept = list.filter((m) => m !== mention);
      if (kept.length > 0) this.byNode.set(node, kept);
      else this.byNode.delete(node);
    }
    this.ordered = null;
  }

  /** Removes and returns every mention `predicate` accepts. */
  removeWhere(predicate: (mention: MarkedMention) => boolean): MarkedMention[] {
    const removed = [...this.mentions].filter(predicate);
    for (const mention of removed) this.remove(mention);
    return removed;
  }

  /** Mentions a page re-render has detached: one of their Text nodes left the document. */
  detached(): MarkedMention[] {
    return [...this.mentions].filter((mention) => mention.nodes.some((node) => !node.isConnected));
  }

  /** Mentions already anchored on `node`. */
  onNode(node: Text): readonly MarkedMention[] {
    return this.byNode.get(node) ?? [];
  }

  /**
   * The mention under a caret position. A caret sits between characters, so a point on a word's
   * last character can report the offset just after it: a mention that starts there wins, one that
   * ends there is the fallback.
   */
  at(node: Node, offset: number): MarkedMention | undefined {
    const candidates = this.byNode.get(node as Text);
    if (!candidates) return undefined;
    let endingHere: MarkedMention | undefined;
    for (const mention of candidates) {
      const { range } = mention;
      const afterStart = node !== range.startContainer || offset >= range.startOffset;
      if (!afterStart) continue;
      if (node !== range.endContainer || offset < range.endOffset) return mention;
      if (offset === range.endOffset) endingHere = mention;
    }
    return endingHere;
  }

  /** Every mention in document order. */
  inOrder(): readonly MarkedMention[] {
    this.ordered ??= [...this.mentions].sort((a, b) =>
      a.range.compareBoundaryPoints(Range.START_TO_START, b.range),
    );
    return this.ordered;
  }

  /** The mention after `current` in reading order, wrapping round; the first when `current` is gone. */
  next(current: MarkedMention | undefined): MarkedMention | undefined {
    const ordered = this.inOrder();
    if (ordered.length === 0) return undefined;
    const index = current ? ordered.indexOf(current) : -1;
    return ordered[(index + 1) % ordered.length];
  }

  all(): IterableIterator<MarkedMention> {
    return this.mentions.values();
  }

  clear(): void {
    this.mentions.clear();
    this.byNode.clear();
    this.ordered = null;
  }
}
