// Turns parts of the page into anchored mentions: reads each root's text (one slice per root),
// asks the background to recognise it in batches of at most MAX_BATCH_CHARS, then anchors the
// answers to DOM ranges in slices, handing each slice's mentions on as soon as they exist.
import type { Mention } from "@/src/nlp/types";
import { runInSlices, type SliceScheduler } from "@/src/dom/idle";
import { toMarkedMention, type MarkedMention } from "./mention-index";
import { BLOCK_TAGS, buildTextMap, isSkippedElement, type TextMap } from "@/src/dom/text-map";

/**
 * Characters per recognize message. Small enough that answers stream back batch by batch and no
 * tab holds the shared recognizer for long (the background recognises ~1 MB/s with the tagger);
 * large enough that an article is one message: names are resolved once per message ("one sense per
 * document": a later bare سليماني is the قاسم سليماني named before), so a cut loses some of that.
 */
export const MAX_BATCH_CHARS = 50_000;

/**
 * Whether the roots near the viewport are worth reading and recognising first: only when the page
 * holds more text than one message, so an article that fits one message is never cut in two.
 */
export function worthFirstScreen(body: Element, maxChars = MAX_BATCH_CHARS): boolean {
  return (body.textContent?.length ?? 0) > maxChars;
}

/** Whether a root is on (or within half a screen of) the reader's viewport. */
export function onFirstScreen(root: Element): boolean {
  const view = root.ownerDocument.defaultView;
  const height = view?.innerHeight ?? 0;
  const box = root.getBoundingClientRect();
  return box.bottom >= -height / 2 && box.top <= height * 1.5;
}
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
  /** Roots the reader sees now: read, recognised and painted before the others. */
  firstScreen?(root: Element): boolean;
  /** Overrides MAX_BATCH_CHARS (tests). */
  maxBatchChars?: number;
}

/** Reads, recognises and anchors `roots`. Resolves with the number of mentions anchored. */
export async function scanRoots(roots: readonly Element[], options: ScanOptions): Promise<number> {
  const { scheduler, signal, onSlice } = options;
  // The first screen first: its roots are read, recognised and painted before the rest is read.
  const first = options.firstScreen ? roots.filter(options.firstScreen) : [];
  const groups =
    first.length > 0 ? [first, roots.filter((root) => !first.includes(root))] : [roots];
  let anchored = 0;
  let eager = options.eager;
  for (const group of groups) {
    if (signal.aborted || group.length === 0) continue;
    const maps: TextMap[] = [];
    await runInSlices(group, (root) => maps.push(buildTextMap(root)), scheduler, signal, {
      firstSliceNow: eager,
      onSlice,
      measure: "siyaq:scan",
    });
    eager = false;
    const batches = packBatches(maps, options.maxBatchChars ?? MAX_BATCH_CHARS);
    // One answer in flight ahead: the background recognises the next batch while this one is
    // anchored, so small batches cost no extra waiting.
    let next = batches.length > 0 ? ask(options.recognize, batches[0]!.text) : undefined;
    for (let b = 0; b < batches.length; b++) {
      if (signal.aborted) break;
      const batch = batches[b]!;
      const mentions = await next!.answer();
      next = b + 1 < batches.length ? ask(options.recognize, batches[b + 1]!.text) : undefined;
      if (signal.aborted) break;
      anchored += await anchorBatch(batch, mentions, options);
    }
    // An answer asked ahead and no longer wanted (aborted): its failure is nobody's.
    next?.answer().catch(() => undefined);
  }
  return anchored;
}

/** A recognize request started now, its answer read later (a failure surfaces when read). */
function ask(recognize: RecognizeText, text: string): { answer(): Promise<Mention[]> } {
  const pending = recognize(text);
  pending.catch(() => undefined); // read (and thrown) by answer(); never an unhandled rejection
  return { answer: () => pending };
}

/** Places, anchors and hands over one batch's mentions in slices. Resolves with the count. */
async function anchorBatch(
  batch: Batch,
  mentions: readonly Mention[],
  options: ScanOptions,
): Promise<number> {
  let anchored = 0;
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
    options.scheduler,
    options.signal,
    { firstSliceNow: true, onSlice: options.onSlice, measure: "siyaq:paint" },
  );
  if (chunk.length > 0) {
    anchored += chunk.length;
    options.onMentions(chunk.splice(0));
  }
  return anchored;
}
