// Turns parts of the page into anchored mentions: reads each root's text (one slice per root),
// asks the background to recognise it in batches of at most MAX_BATCH_CHARS, then anchors the
// answers to DOM ranges in slices, handing each slice's mentions on as soon as they exist.
import type { Mention } from "@/src/nlp/types";
import { runInSlices, type SliceScheduler } from "@/src/dom/idle";
import { toMarkedMention, type MarkedMention } from "./mention-index";
import { BLOCK_TAGS, buildTextMap, isSkippedElement, type TextMap } from "@/src/dom/text-map";

/** Characters per recognize message: far under the protocol's 2 MB cap, so no page nears it. */
export const MAX_BATCH_CHARS = 500_000;
/** A root with more elements than this is read child by child, one slice each. */
export const MAX_ELEMENTS_PER_ROOT = 500;

export type RecognizeText = (text: string) => Promise<Mention[]>;

/** A stretch of one root's text, placed at `batchStart` in the text sent to the background. */
interface Part {
  map: TextMap;
  /** Where the stretch starts in `map.text`. */
  offset: number;
  length: number;
  batchStart: number;
}

interface Batch {
  text: string;
  parts: Part[];
}

/**
 * Packs texts into batches of at most `maxChars`, joined by "\n" so words of different roots never
 * glue. A text longer than the limit is cut at its own block breaks (or hard, failing those).
 */
export function packBatches(maps: readonly TextMap[], maxChars = MAX_BATCH_CHARS): Batch[] {
  const batches: Batch[] = [];
  let texts: string[] = [];
  let parts: Part[] = [];
  let length = 0;
  const flush = () => {
    if (parts.length > 0) batches.push({ text: texts.join(""), parts });
    texts = [];
    parts = [];
    length = 0;
  };
  const place = (map: TextMap, offset: number, piece: string) => {
    const separator = parts.length > 0 ? 1 : 0;
    if (length + separator + piece.length > maxChars) flush();
    if (parts.length > 0) {
      texts.push("\n");
      length += 1;
    }
    parts.push({ map, offset, length: piece.length, batchStart: length });
    texts.push(piece);
    length += piece.length;
  };
  for (const map of maps) {
    const { text } = map;
    if (text.length === 0) continue;
    let offset = 0;
    while (text.length - offset > maxChars) {
      const limit = offset + maxChars;
      const cut = text.lastIndexOf("\n", limit);
      const end = cut > offset ? cut : limit;
      place(map, offset, text.slice(offset, end));
      offset = text[end] === "\n" ? end + 1 : end;
    }
    place(map, offset, text.slice(offset));
  }
  flush();
  return batches;
}

/** A recognised mention and where it lives: offsets into `map.text`. */
export interface PlacedMention {
  mention: Mention;
  map: TextMap;
  start: number;
  end: number;
}

/** Maps a batch's mentions back to their roots; one that would straddle two roots is dropped. */
export function placeMentions(batch: Batch, mentions: readonly Mention[]): PlacedMention[] {
  const placed: PlacedMention[] = [];
  for (const mention of mentions) {
    const one = placeMention(batch, mention);
    if (one) placed.push(one);
  }
  return placed;
}

/**
 * Where one mention of a batch lives, or null when it straddles two roots. A binary search over
 * the parts (in batch order): a heavy page's batch has thousands of parts and as many names.
 */
export function placeMention(batch: Batch, mention: Mention): PlacedMention | null {
  const { parts } = batch;
  let low = 0;
  let high = parts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (parts[middle]!.batchStart <= mention.start) low = middle;
    else high = middle - 1;
  }
  const part = parts[low];
  if (!part || mention.start < part.batchStart || mention.start >= part.batchStart + part.length)
    return null;
  if (mention.end > part.batchStart + part.length) return null;
  const start = part.offset + (mention.start - part.batchStart);
  return { mention, map: part.map, start, end: start + (mention.end - mention.start) };
}

/**
 * Splits a root into roots small enough to read in one slice: a big container is replaced by
 * its element children, unless it holds text of its own (which would be lost between them).
 * Children that are never read (scripts, hidden parts, chrome) are left out here already;
 * `buildTextMap` checks each root's ancestors again, so a part is never read out of its context.
 */
export function partitionRoots(root: Element, maxElements = MAX_ELEMENTS_PER_ROOT): Element[] {
  const out: Element[] = [];
  const visit = (element: Element, inArticle: boolean) => {
    if (element.getElementsByTagName("*").length <= maxElements || hasOwnText(element)) {
      out.push(element);
      return;
    }
    const tag = element.tagName.toUpperCase();
    const childrenInArticle = inArticle || tag === "ARTICLE" || tag === "MAIN";
    for (const child of element.children)
      if (!isSkippedElement(child, childrenInArticle)) visit(child, childrenInArticle);
  };
  visit(root, root.parentElement?.closest("article, main") != null);
  return out;
}

function hasOwnText(element: Element): boolean {
  for (const node of element.childNodes) {
    if (node.nodeType === 3 && /\S/.test((node as Text).data)) return true;
  }
  return false;
}

/** The nearest block element around a node: the smallest root whose text reads as a unit. */
export function blockAround(node: Node): Element | null {
  let element: Element | null = node.nodeType === 1 ? (node as Element) : node.parentElement;
  while (element && !BLOCK_TAGS.has(element.tagName.toUpperCase())) element = element.parentElement;
  return element;
}

export interface ScanOptions {
  recognize: RecognizeText;
  scheduler: SliceScheduler;
  signal: AbortSignal;
  /** Called once per slice with the mentions anchored in it. */
  onMentions(mentions: MarkedMention[]): void;
  /** Whether to keep a recognised mention (types, suppressions); all kept when absent. */
  accept?(mention: Mention): boolean;
  /** Run the first slice synchronously: the reader is waiting for the first marks. */
  eager?: boolean;
  /** Told how long each slice of our work held the main thread (for the page bench). */
  onSlice?(ms: number): void;
}

/** Reads, recognises and anchors `roots`. Resolves with the number of mentions anchored. */
export async function scanRoots(roots: readonly Element[], options: ScanOptions): Promise<number> {
  const { scheduler, signal } = options;
  const maps: TextMap[] = [];
  const { onSlice } = options;
  await runInSlices(roots, (root) => maps.push(buildTextMap(root)), scheduler, signal, {
    firstSliceNow: options.eager,
    onSlice,
    measure: "siyaq:scan",
  });
  let anchored = 0;
  for (const batch of packBatches(maps)) {
    if (signal.aborted) break;
    const mentions = await options.recognize(batch.text);
    if (signal.aborted) break;
    const chunk: MarkedMention[] = [];
    let seen = 0;
    // Placed, anchored and handed over in slices: a heavy page's answer has thousands of names.
    await runInSlices(
      mentions,
      (mention) => {
        const p = placeMention(batch, mention);
        if (p && (!options.accept || options.accept(mention))) {
          const range = p.map.rangeFor(p.start, p.end);
          if (range) chunk.push(toMarkedMention(mention, range, p.map.nodesFor(p.start, p.end)));
        }
        // Hand over in groups, and the rest with the last mention (inside its slice).
        seen += 1;
        if (chunk.length >= 64 || (seen === mentions.length && chunk.length > 0)) {
          anchored += chunk.length;
          options.onMentions(chunk.splice(0));
        }
      },
      scheduler,
      signal,
      { firstSliceNow: true, onSlice, measure: "siyaq:paint" },
    );
    if (chunk.length > 0) {
      anchored += chunk.length;
      options.onMentions(chunk.splice(0));
    }
  }
  return anchored;
}
