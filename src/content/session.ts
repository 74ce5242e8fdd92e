// One page while Siyaq is on for it: scans, paints, follows changes, records what was read, and
// answers "which mention is here?" for the hover card. `stop()` takes every mark away at once.
import type { EntityType, Mention } from "@/src/nlp/types";
import type { Settings } from "@/src/settings/settings";
import { idleScheduler, promptScheduler, type SliceScheduler } from "@/src/dom/idle";
import { MentionIndex, type MarkedMention } from "./mention-index";
import { watchPage, type PageWatch } from "./observer";
import { createPainter, type PaintOptions, type Painter } from "./paint";
import {
  blockAround,
  onFirstScreen,
  partitionRoots,
  scanRoots,
  worthFirstScreen,
  type RecognizeText,
} from "./scanner";
import { viewportGate, type ViewportGate } from "@/src/dom/viewport";
import { MAX_REPORTED_ENTITIES, type PageEntity } from "@/src/messaging/messages/page";
import { timed } from "@/src/shared/timing";

export interface SessionDeps {
  document: Document;
  recognize: RecognizeText;
  /** Records linked entities read on this page; called with ids not recorded before. */
  recordEntities(entityIds: string[]): Promise<void>;
  /** Records names the knowledge base does not know (no entity id), each once per page. */
  recordUnknown?(names: { surface: string; type: EntityType }[]): Promise<void>;
  /** Tells the background what this page holds (for the popup). */
  report(mentionCount: number, entities: PageEntity[]): Promise<void>;
  /** Whether a recognised name was marked "not an entity here". */
  isSuppressed(surface: string): boolean;
  schedulers?: { prompt: SliceScheduler; idle: SliceScheduler };
  /** Where the near-viewport test comes from (tests pass a fake; default: IntersectionObserver). */
  viewportGate?: (onChange: (entered: Element[], left: Element[]) => void) => ViewportGate;
  /** Overrides PAINT_ALL_UP_TO (tests). */
  paintAllUpTo?: number;
}

/**
 * Up to this many names every mark is painted; beyond it, only those near the viewport (see
 * ./viewport). A long article has a few hundred; a heavy page of 200 stories had 13,000, and
 * painting them all cost seconds of rendering in Chromium.
 */
export const PAINT_ALL_UP_TO = 1500;

/**
 * Names inside a single text node longer than this are found and hoverable but not painted: Chromium
 * lays out every highlight range of a node against the whole node, and painting the names of a 1 MB
 * text node was one 4.6 s task. Articles split their text into paragraphs far below this; a node
 * this long is a log, a data dump or a page built to stall the extension.
 */
export const MAX_PAINTED_NODE_CHARS = 100_000;

function inHugeNode(mention: MarkedMention): boolean {
  return mention.nodes.some((node) => node.data.length > MAX_PAINTED_NODE_CHARS);
}

export function paintOptions(settings: Settings): PaintOptions {
  return { types: settings.markTypes, style: settings.markStyle };
}

/**
 * Timings of the first scan, for the page bench: the page can read them as `siyaq:*` measures.
 * Only the first scan is measured, so a long-lived page does not collect entries.
 */
function measure(name: string, options: string | { start: number; duration: number }): void {
  try {
    performance.measure(name, options as PerformanceMeasureOptions);
  } catch {
    // A page that cleared our start mark loses a measurement, nothing else.
  }
}

export class PageSession {
  readonly index = new MentionIndex();
  private readonly painter: Painter;
  private readonly controller = new AbortController();
  private watch: PageWatch | null = null;
  private readonly recorded = new Set<string>();
  private readonly recordedUnknown = new Set<string>();
  private readonly schedulers: { prompt: SliceScheduler; idle: SliceScheduler };
  /** Bumped per rescan of the whole page so a stale scan's results are dropped. */
  private generation = 0;
  private reportTimer: ReturnType<typeof setTimeout> | undefined;
  private reported = false;
  /** Each mention's block and each block's mentions: the unit of near-viewport painting. */
  private readonly blockOf = new Map<MarkedMention, Element>();
  private readonly byBlock = new Map<Element, Set<MarkedMention>>();
  private readonly gate: ViewportGate;
  /** Whether only blocks near the viewport are painted (the page passed PAINT_ALL_UP_TO). */
  private nearOnly = false;
  /** Whether the first marks were painted (the `siyaq:first-marks` measure, once per page). */
  private firstMarks = false;

  constructor(
    private readonly deps: SessionDeps,
    private settings: Settings,
  ) {
    this.painter = createPainter(deps.document, paintOptions(settings));
    this.schedulers = deps.schedulers ?? { prompt: promptScheduler(), idle: idleScheduler() };
    this.gate = (deps.viewportGate ?? viewportGate)((entered, left) => {
      if (!this.nearOnly) return;
      timed("siyaq:paint", () => {
        this.painter.remove(left.flatMap((block) => [...(this.byBlock.get(block) ?? [])]));
        this.painter.add(entered.flatMap((block) => [...(this.byBlock.get(block) ?? [])]));
      });
    });
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Scans the whole page, then follows its changes. Resolves when the first scan is painted. */
  async start(): Promise<void> {
    const body = this.deps.document.body;
    if (!body) return;
    performance.mark("siyaq:scan-start");
    const started = performance.now();
    let busy = 0;
    let longest = 0;
    const onSlice = (ms: number) => {
      busy += ms;
      longest = Math.max(longest, ms);
    };
    // Measured when the marks are painted, before recording what was read (another round trip).
    const onPainted = () => {
      measure("siyaq:first-paint", "siyaq:scan-start");
      measure("siyaq:marked", "siyaq:start");
      // Durations carried as measures: total main-thread time of our slices, and the longest one.
      measure("siyaq:main-thread", { start: started, duration: busy });
      measure("siyaq:longest-slice", { start: started, duration: longest });
    };
    // Watch before the first read: a framework that re-renders while we read or record would
    // otherwise drop its marks (their ranges collapse with the old nodes) with nothing to restore them.
    this.watch = watchPage(body, {
      scheduler: this.schedulers.idle,
      signal: this.signal,
      onChange: (changed, removed) => void this.rescan(changed, removed),
    });
    const firstScreen = worthFirstScreen(body) ? onFirstScreen : undefined;
    await this.scan(
      partitionRoots(body),
      this.schedulers.prompt,
      true,
      onSlice,
      onPainted,
      firstScreen,
    );
  }

  /** Removes every mark and stops following the page. */
  stop(): void {
    this.controller.abort();
    this.watch?.stop();
    this.gate.disconnect();
    clearTimeout(this.reportTimer);
    this.painter.clear();
    this.index.clear();
    this.blockOf.clear();
    this.byBlock.clear();
  }

  /** New types, style or hover delay: marks change at once, no rescan needed. */
  applySettings(settings: Settings): void {
    this.settings = settings;
    this.painter.update(paintOptions(settings));
  }

  /** Suppressions changed: drops marks now suppressed; names no longer suppressed come back by a full rescan. */
  async applySuppressions(restored: boolean): Promise<void> {
    this.forget(this.index.removeWhere((m) => this.deps.isSuppressed(m.surface)));
    if (restored) await this.rescanAll();
    else this.scheduleReport();
  }

  /**
   * A single-page app moved to another article without a reload: what was recorded belongs to
   * the old address, so the new one is read and recorded afresh.
   */
  async newArticle(): Promise<void> {
    this.recorded.clear();
    this.recordedUnknown.clear();
    await this.rescanAll();
  }

  /** Reads the whole page again, e.g. after the knowledge base learnt a name. */
  async rescanAll(): Promise<void> {
    const body = this.deps.document.body;
    if (!body || this.signal.aborted) return;
    this.generation += 1;
    this.forget(this.index.removeWhere(() => true));
    await this.scan(partitionRoots(body), this.schedulers.idle, false);
  }

  /** Whether a mention is shown to the reader: its type is on and it is still in the page. */
  isVisible(mention: MarkedMention): boolean {
    return (
      this.settings.markTypes.includes(mention.type) &&
      mention.nodes.every((node) => node.isConnected)
    );
  }

  /** The shown mention at a caret position, if any. */
  mentionAt(node: Node, offset: number): MarkedMention | undefined {
    const element = node.nodeType === 1 ? (node as Element) : node.parentElement;
    const mention =
      this.index.at(node, offset) ?? (element ? this.painter.mentionOf?.(element) : undefined);
    return mention && this.isVisible(mention) ? mention : undefined;
  }

  /** The next shown mention in reading order after `current`. */
  nextMention(current: MarkedMention | undefined): MarkedMention | undefined {
    const ordered = this.index.inOrder().filter((m) => this.isVisible(m));
    if (ordered.length === 0) return undefined;
    const at = current ? ordered.indexOf(current) : -1;
    return ordered[(at + 1) % ordered.length];
  }

  private async rescan(changed: Element[], removed: boolean): Promise<void> {
    // Marks on text that left the page, or on blocks about to be read again, go first. The blocks'
    // own text nodes lead to their marks, so the cost follows the change, not the page's size.
    const rereading = new Set<MarkedMention>();
    for (const root of changed) {
      const walker = this.deps.document.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const mention of this.index.onNode(node as Text)) rereading.add(mention);
      }
    }
    this.forget(
      this.index.removeWhere((m) => rereading.has(m) || m.nodes.some((node) => !node.isConnected)),
    );
    if (changed.length > 0) await this.scan(changed, this.schedulers.idle, false);
    else if (removed) this.scheduleReport();
  }

  private async scan(
    roots: Element[],
    scheduler: SliceScheduler,
    eager: boolean,
    onSlice?: (ms: number) => void,
    onPainted?: () => void,
    firstScreen?: (root: Element) => boolean,
  ): Promise<void> {
    const generation = this.generation;
    const fresh: MarkedMention[] = [];
    await scanRoots(roots, {
      recognize: this.deps.recognize,
      scheduler,
      signal: this.signal,
      eager,
      onSlice,
      ...(firstScreen ? { firstScreen } : {}),
      accept: (mention: Mention) => !this.deps.isSuppressed(mention.surface),
      onMentions: (mentions) => {
        if (generation !== this.generation) return;
        this.keep(mentions);
        fresh.push(...mentions);
        // The fallback painter writes to the DOM; those writes are not page changes.
        if (this.painter.mode === "spans") this.watch?.discardPending();
      },
    });
    if (this.signal.aborted || generation !== this.generation) return;
    onPainted?.();
    // The popup may open any moment now: tell it what the page holds before recording the reading.
    this.scheduleReport();
    await this.record(fresh);
  }

  /** Indexes and paints new mentions (near the viewport only, past the threshold). */
  private keep(mentions: readonly MarkedMention[]): void {
    const body = this.deps.document.body;
    const paintable: MarkedMention[] = [];
    for (const mention of mentions) {
      this.index.add(mention);
      if (inHugeNode(mention)) continue; // indexed for hover, never painted (nor observed)
      paintable.push(mention);
      const block = blockAround(mention.nodes[0]!) ?? body;
      this.blockOf.set(mention, block);
      let members = this.byBlock.get(block);
      if (!members) {
        members = new Set();
        this.byBlock.set(block, members);
        this.gate.observe(block);
      }
      members.add(mention);
    }
    // Counted over the names that can be painted (those in huge nodes never are).
    if (!this.nearOnly && this.blockOf.size > (this.deps.paintAllUpTo ?? PAINT_ALL_UP_TO)) {
      this.nearOnly = true;
      this.painter.remove(
        [...this.index.all()].filter(
          (m) => this.blockOf.has(m) && !this.gate.isNear(this.blockOf.get(m)!),
        ),
      );
    }
    const painting = this.nearOnly
      ? paintable.filter((m) => this.gate.isNear(this.blockOf.get(m)!))
      : paintable;
    this.painter.add(painting);
    if (!this.firstMarks && painting.length > 0) {
      this.firstMarks = true;
      // From the content script's start to the first marks the reader sees.
      measure("siyaq:first-marks", "siyaq:start");
    }
  }

  /** Unpaints and forgets mentions already taken out of the index. */
  private forget(mentions: readonly MarkedMention[]): void {
    this.painter.remove(mentions);
    for (const mention of mentions) {
      const block = this.blockOf.get(mention);
      this.blockOf.delete(mention);
      const members = block && this.byBlock.get(block);
      if (!members) continue;
      members.delete(mention);
      if (members.size === 0) {
        this.byBlock.delete(block);
        this.gate.unobserve(block);
      }
    }
  }

  private async record(mentions: readonly MarkedMention[]): Promise<void> {
    const ids = new Set<string>();
    for (const mention of mentions) {
      if (mention.entityId && !this.recorded.has(mention.entityId)) ids.add(mention.entityId);
    }
    await this.recordUnknown(mentions);
    if (ids.size === 0) return;
    for (const id of ids) this.recorded.add(id);
    try {
      await this.deps.recordEntities([...ids]);
    } catch (error) {
      // Not recorded this time: let a later scan try again.
      for (const id of ids) this.recorded.delete(id);
      console.warn("[siyaq] could not record what this page mentions:", error);
    }
  }

  private async recordUnknown(mentions: readonly MarkedMention[]): Promise<void> {
    if (!this.deps.recordUnknown) return;
    const names = new Map<string, { surface: string; type: EntityType }>();
    for (const { entityId, type, surface } of mentions) {
      const key = `${type}:${surface.trim()}`;
      if (entityId || type === "DATE" || this.recordedUnknown.has(key)) continue;
      names.set(key, { surface: surface.trim(), type });
    }
    if (names.size === 0) return;
    for (const key of names.keys()) this.recordedUnknown.add(key);
    try {
      await this.deps.recordUnknown([...names.values()]);
    } catch (error) {
      console.warn("[siyaq] could not remember this page's unknown names:", error);
    }
  }

  /**
   * The first report goes at once; later ones are coalesced: an infinite-scroll page changes
   * often, and the popup needs the latest only.
   */
  private scheduleReport(): void {
    clearTimeout(this.reportTimer);
    const delay = this.reported ? 150 : 0;
    this.reported = true;
    this.reportTimer = setTimeout(() => {
      if (this.signal.aborted) return;
      // Insertion order is reading order for the first scan; sorting 10k ranges would be a long task.
      this.deps
        .report(this.index.size, summarise([...this.index.all()]))
        .catch((error: unknown) => {
          console.warn("[siyaq] could not report this page:", error);
        });
    }, delay);
  }
}

/**
 * Distinct names on the page with their counts and first appearance in reading order (the popup
 * ranks them). Past the report's limit the most frequent are kept.
 */
export function summarise(mentions: readonly MarkedMention[]): PageEntity[] {
  const rows = new Map<string, PageEntity>();
  mentions.forEach((mention, order) => {
    const surface = mention.surface.trim().replace(/\s+/g, " ");
    const key = mention.entityId
      ? `id:${mention.entityId}`
      : mention.type === "DATE" && mention.date
        ? `date:${mention.date}`
        : `${mention.type}:${surface}`;
    const row = rows.get(key);
    if (row) row.count += 1;
    else {
      rows.set(key, {
        ...(mention.entityId ? { entityId: mention.entityId } : {}),
        surface: surface.slice(0, 200),
        type: mention.type,
        count: 1,
        first: order,
      });
    }
  });
  const all = [...rows.values()];
  if (all.length <= MAX_REPORTED_ENTITIES) return all;
  return all
    .sort((a, b) => b.count - a.count || a.first - b.first)
    .slice(0, MAX_REPORTED_ENTITIES)
    .sort((a, b) => a.first - b.first);
}
