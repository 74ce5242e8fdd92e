// Highlights on the page: paint the passages saved on this address again on every visit (exact,
// then fuzzy; orphans reported to the library), and save new ones from the button by a selection,
// the context menu or Alt+Shift+S, with a note, tags, the entities inside and a citation. A saved
// highlight speaks: hovering it shows its note and tags, a click opens them for editing, and
// Alt+Shift+H steps through them from the keyboard. Hit-testing uses this module's own index of
// painted ranges, never the page-visible highlight registry.
import { browser } from "wxt/browser";
import { sendMessage } from "@/src/messaging/client";
import { buildTextMap, type TextMap } from "@/src/dom/text-map";
import {
  loadSettings,
  onSettingsChanged,
  shouldRun,
  siteRule,
  type Settings,
} from "@/src/settings/settings";
import { isMostlyArabic, sampleText } from "@/src/dom/language";
import { LABELS } from "@/src/i18n/highlight-labels";
import type { Box, ContentViews, HighlightHost } from "@/src/content/view";
import { cardTranslator } from "@/src/i18n/card-labels";
import { caretAt, isOnRange, nameUnderPoint } from "@/src/content/hover";
import { anchorPassage, preparePageText } from "@/src/highlights/anchor";
import { pageAddress, readCitation } from "@/src/highlights/citation";
import type { Highlight, HighlightDraft, HighlightEntity } from "@/src/contracts/highlight";
import { createSavedHighlightPainter, type SavedHighlightPainter } from "./paint";
import { describePassage } from "@/src/highlights/selectors";
import { passageOfRange, type Passage } from "./selection";
import { sentenceAround } from "@/src/events/sentences";
import * as v from "valibot";
import {
  HIGHLIGHT_PROGRESS_QUERY,
  SAVE_HIGHLIGHT_MESSAGE,
  ShowHighlightMessageSchema,
  type ShowHighlightAnswer,
} from "@/src/messaging/tab-commands";
import { mayClaim } from "@/src/messaging/context";
import { errorText } from "@/src/shared/error-text";

/** Quiet time after the page's last DOM change before saved highlights are anchored again. */
const REANCHOR_DELAY_MS = 1500;
/** How long the "saved" notice stays. */
const NOTICE_MS = 2500;
/** How long the pointer rests on a saved highlight before its note shows. */
const SAVED_DWELL_MS = 400;
/** Time for the pointer to travel from the passage to its note before the note closes. */
const SAVED_CLOSE_GRACE_MS = 350;

export interface SaveOptions {
  note?: string;
  tags?: string[];
}

/**
 * The addresses this page's highlights may be stored under: the tab's, and the canonical one when
 * it is on the page's own origin (a page cannot borrow another site's address; the background
 * checks the same).
 */
function pageAddresses(doc: Document): string[] {
  const here = pageAddress(location.href);
  const canonical = readCitation(doc, location.href, new Date()).url;
  return mayClaim(location.href, canonical) ? [...new Set([here, canonical])] : [here];
}

/** How far the running session got restoring this page's highlights; for the extension's own queries. */
export interface HighlightProgress {
  painted: number;
  saved: number;
}

function boxOf(range: Range): Box | null {
  const rect = range.getBoundingClientRect();
  if (rect.width === 0 && rect.height === 0) return null;
  return { top: rect.top, left: rect.left, width: rect.width, height: rect.height };
}

/**
 * Saves the passage `range` covers, right away, and paints it. Throws when the range holds no page
 * text. The in-page editor calls this with the reader's note and tags.
 */
export async function saveHighlightFromRange(
  range: Range,
  options: SaveOptions = {},
): Promise<Highlight> {
  const doc = range.startContainer.ownerDocument ?? document;
  const map = buildTextMap(doc);
  const passage = passageOfRange(map, range);
  if (!passage) throw new Error(LABELS.noText);
  return savePassage(doc, map, passage, options);
}

/**
 * The card's save: the sentence around the name `range` covers (bounded, see sentenceAround),
 * with the name's entity attached even when the sentence alone would not resolve it (a bare
 * «سليماني» is Qasem Soleimani only by the rest of the article).
 */
export async function saveSentenceAround(
  range: Range,
  entity: HighlightEntity,
  options: SaveOptions = {},
): Promise<Highlight> {
  const doc = range.startContainer.ownerDocument ?? document;
  const map = buildTextMap(doc);
  const name = passageOfRange(map, range);
  if (!name) throw new Error(LABELS.noText);
  return savePassage(doc, map, sentenceAround(map.text, name.start, name.end), options, entity);
}

async function savePassage(
  doc: Document,
  map: TextMap,
  passage: Passage,
  options: SaveOptions,
  entity?: HighlightEntity,
): Promise<Highlight> {
  const selector = describePassage(map.text, passage.start, passage.end);
  const citation = readCitation(doc, location.href, new Date());
  const entities = await entitiesIn(selector[0].exact);
  if (entity && !entities.some((e) => sameEntity(e, entity))) entities.unshift(entity);
  const draft: HighlightDraft = {
    url: pageAddress(location.href),
    target: { source: citation.url, selector },
    note: options.note ?? "",
    tags: options.tags ?? [],
    entities,
    citation,
  };
  const { highlight } = await sendMessage("highlight.save", draft);
  active?.painted(highlight, map.rangeFor(passage.start, passage.end));
  return highlight;
}

function sameEntity(a: HighlightEntity, b: HighlightEntity): boolean {
  return a.entityId || b.entityId
    ? a.entityId === b.entityId
    : a.surface === b.surface && a.type === b.type;
}

/** The entities the recognizer finds in the quote; a highlight is still saved when it cannot answer. */
async function entitiesIn(quote: string): Promise<HighlightEntity[]> {
  try {
    const { mentions } = await sendMessage("recognize", { text: quote });
    return mentions.map(({ surface, type, entityId }) => ({
      surface,
      type,
      ...(entityId ? { entityId } : {}),
    }));
  } catch (error) {
    console.warn("[siyaq] entities of the highlight not recognised:", error);
    return [];
  }
}

/** The running session on this page, so a save from anywhere paints into it. */
let active: {
  painted(highlight: Highlight, range: Range | null): void;
  progress(): HighlightProgress | null;
} | null = null;

/** The running session's progress, or null when none has finished restoring. */
export function highlightProgress(): HighlightProgress | null {
  return active?.progress() ?? null;
}

/** Starts highlights on this page; `createHighlightHost` is the panel's view (handed in by the entry). */
export function startHighlights(
  signal: AbortSignal,
  createHighlightHost: ContentViews["createHighlightHost"],
): void {
  const doc = document;
  let session: HighlightSession | null = null;
  let arabic: boolean | undefined;
  const apply = (settings: Settings) => {
    // Switching the site off turns highlights off too. Otherwise saved passages are painted and
    // the context menu and shortcut work on any page (a researcher asked for them); the button
    // that pops up by every selection only shows where Siyaq itself runs.
    const host = location.hostname;
    const off = siteRule(settings, host)?.enabled === false;
    if (off) {
      session?.stop();
      session = null;
      return;
    }
    const offerButton = shouldRun(settings, host, (arabic ??= isMostlyArabic(sampleText(doc))));
    if (!session && !signal.aborted) {
      session = new HighlightSession(doc, createHighlightHost);
      session
        .restore()
        .catch((error: unknown) =>
          console.warn("[siyaq] saved highlights not restored:", errorText(error)),
        );
    }
    session?.offerButton(offerButton);
  };
  void loadSettings().then(apply);
  const stopListening = onSettingsChanged(apply);
  signal.addEventListener("abort", () => {
    stopListening();
    session?.stop();
    session = null;
  });
}

class HighlightSession {
  private readonly painter: SavedHighlightPainter;
  private readonly host: HighlightHost;
  private readonly stops: (() => void)[] = [];
  private saved: Highlight[] = [];
  private pending: Range | null = null;
  private reanchorTimer: ReturnType<typeof setTimeout> | undefined;
  private noticeTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly painted = new Map<string, Range>();
  /** The saved highlight whose note is shown, and whether the keyboard brought it. */
  private preview: { id: string; byKeyboard: boolean } | null = null;
  /** The saved highlight the editor is changing (null: the editor saves a new passage). */
  private editing: Highlight | null = null;
  private readonly t = cardTranslator();

  constructor(
    private readonly doc: Document,
    createHighlightHost: ContentViews["createHighlightHost"],
  ) {
    this.painter = createSavedHighlightPainter(doc);
    this.host = createHighlightHost(doc, {
      onOpen: () => this.openEditor(),
      onSave: (note, tags) => void this.save(note, tags),
      onCancel: () => this.closeEditor(),
      onEdit: () => this.editPreviewed(),
      t: this.t,
    });
    this.watchSelection();
    this.watchSavedHighlights();
    this.listenForCommands();
    this.watchRerenders();
    active = {
      painted: (highlight, range) => this.add(highlight, range),
      progress: () =>
        this.restored ? { painted: this.painted.size, saved: this.saved.length } : null,
    };
  }

  /** Fetches this address's highlights and paints every one that can be found. */
  async restore(): Promise<void> {
    const { highlights } = await sendMessage("highlights.forUrl", {
      urls: pageAddresses(this.doc),
    });
    this.saved = highlights;
    if (highlights.length > 0) await this.anchorAll();
    else this.markProgress();
  }

  private restored = false;

  /**
   * Restoring finished. Kept inside the content script (the extension asks for it with
   * HIGHLIGHT_PROGRESS_QUERY): an attribute on the page would tell any site how many passages the
   * reader saved there.
   */
  private markProgress(): void {
    this.restored = true;
  }

  private async anchorAll(): Promise<void> {
    const map = buildTextMap(this.doc);
    const page = preparePageText(map.text);
    this.painted.clear();
    const reports: Promise<unknown>[] = [];
    for (const highlight of this.saved) {
      const anchor = anchorPassage(page, ...highlight.target.selector);
      const range = anchor ? map.rangeFor(anchor.start, anchor.end) : null;
      if (range) this.painted.set(highlight.id, range);
      const orphaned = range === null;
      if (orphaned !== highlight.orphaned) {
        highlight.orphaned = orphaned;
        reports.push(sendMessage("highlight.setOrphaned", { id: highlight.id, orphaned }));
      }
    }
    this.painter.paint([...this.painted.values()]);
    this.markProgress();
    await Promise.allSettled(reports);
  }

  private add(highlight: Highlight, range: Range | null): void {
    this.saved.push(highlight);
    if (!range) return;
    this.painted.set(highlight.id, range);
    this.painter.add(range);
    this.markProgress();
  }

  private buttonOffered = true;

  /** Whether the save button appears by selections (the editor still opens from the menu and shortcut). */
  offerButton(offered: boolean): void {
    this.buttonOffered = offered;
    if (!offered && this.host.view?.kind === "button") this.host.hide();
  }

  private watchSelection(): void {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const check = () => {
      if (!this.buttonOffered) return;
      const kind = this.host.view?.kind;
      if (kind && kind !== "button" && kind !== "saved") return; // the editor is open
      const range = this.selectedRange();
      const box = range && boxOf(range);
      if (!range || !box) {
        if (kind === "button") this.host.hide();
        return;
      }
      this.preview = null;
      this.host.show({ kind: "button" }, box);
    };
    const onChange = () => {
      clearTimeout(timer);
      timer = setTimeout(check, 200);
    };
    // Escape dismisses the button, as it does the card; the editor handles its own Escape.
    const onKey = (event: KeyboardEvent) => {
      if (!event.isTrusted) return;
      if (event.key === "Escape" && this.host.view?.kind === "button") this.host.hide();
      else if (event.key === "Escape" && this.host.view?.kind === "saved") this.closeEditor();
    };
    this.doc.addEventListener("selectionchange", onChange);
    this.doc.addEventListener("keydown", onKey);
    this.stops.push(() => {
      clearTimeout(timer);
      this.doc.removeEventListener("selectionchange", onChange);
      this.doc.removeEventListener("keydown", onKey);
    });
  }

  /** The page selection when it holds text outside form fields and our own UI. */
  private selectedRange(): Range | null {
    const selection = this.doc.getSelection();
    if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
    if (selection.toString().trim() === "") return null;
    const range = selection.getRangeAt(0);
    const container = range.commonAncestorContainer;
    const element = container.nodeType === 1 ? (container as Element) : container.parentElement;
    if (
      !element ||
      element.closest("input, textarea, [contenteditable]:not([contenteditable='false'])")
    )
      return null;
    if (this.host.isOurs(element)) return null;
    return range.cloneRange();
  }

  /** Where keyboard focus was before the editor took it, to give it back when the editor closes. */
  private focusBefore: HTMLElement | null = null;

  private openEditor(): void {
    const range = this.selectedRange() ?? this.pending;
    if (!range) return;
    this.pending = range;
    this.editing = null;
    this.preview = null;
    const quote = range.toString().trim();
    if (!quote) return;
    if (this.host.view?.kind !== "editor") {
      const focused = this.doc.activeElement;
      this.focusBefore =
        focused instanceof HTMLElement && !this.host.isOurs(focused) ? focused : null;
    }
    this.host.show({ kind: "editor", quote }, boxOf(range) ?? undefined);
  }

  private closeEditor(): void {
    this.editing = null;
    this.preview = null;
    this.host.hide();
    this.returnFocus();
  }

  /** Remembers where keyboard focus is before our UI takes it. */
  private keepFocus(): void {
    const focused = this.doc.activeElement;
    if (focused && this.host.isOurs(focused)) return;
    this.focusBefore = focused instanceof HTMLElement ? focused : null;
  }

  /** The painted saved highlight under a viewport point, from our own index of painted ranges. */
  private highlightAt(x: number, y: number): { highlight: Highlight; range: Range } | null {
    const caret = caretAt(this.doc, x, y);
    if (!caret) return null;
    for (const [id, range] of this.painted) {
      if (range.collapsed || !range.startContainer.isConnected) continue;
      let inside: boolean;
      try {
        inside = range.isPointInRange(caret.node, caret.offset);
      } catch {
        continue; // a caret in another document (an iframe's)
      }
      if (!inside || !isOnRange(range, x, y)) continue;
      const highlight = this.saved.find((h) => h.id === id);
      if (highlight) return { highlight, range };
    }
    return null;
  }

  /** Shows a saved highlight's note and tags beside it; with keyboard focus when the keyboard asked. */
  private showPreview(highlight: Highlight, range: Range, byKeyboard: boolean): void {
    if (byKeyboard) this.keepFocus();
    this.preview = { id: highlight.id, byKeyboard };
    const quote = highlight.target.selector[0].exact;
    this.host.show(
      {
        kind: "saved",
        id: highlight.id,
        quote,
        note: highlight.note,
        tags: highlight.tags,
        ...(byKeyboard ? { focus: true } : {}),
      },
      boxOf(range) ?? undefined,
    );
  }

  /** Opens the editor on a saved highlight's note and tags. */
  private editSaved(highlight: Highlight, range: Range | undefined): void {
    if (this.host.view?.kind !== "editor" && this.host.view?.kind !== "saved") this.keepFocus();
    this.editing = highlight;
    this.pending = null;
    this.preview = null;
    const box = range ? (boxOf(range) ?? undefined) : undefined;
    this.host.show(
      {
        kind: "editor",
        id: highlight.id,
        quote: highlight.target.selector[0].exact,
        note: highlight.note,
        tags: highlight.tags,
      },
      box,
    );
  }

  private editPreviewed(): void {
    const highlight = this.preview && this.saved.find((h) => h.id === this.preview!.id);
    if (highlight) this.editSaved(highlight, this.painted.get(highlight.id));
  }

  /** Alt+Shift+H: the next saved highlight in reading order, scrolled into view, its note focused. */
  private showNextHighlight(): void {
    const ordered = [...this.painted.entries()]
      .filter(([, range]) => !range.collapsed && range.startContainer.isConnected)
      .sort(([, a], [, b]) => a.compareBoundaryPoints(Range.START_TO_START, b));
    if (ordered.length === 0) return;
    const index = this.preview ? ordered.findIndex(([id]) => id === this.preview!.id) : -1;
    const [id, range] = ordered[(index + 1) % ordered.length]!;
    const highlight = this.saved.find((h) => h.id === id);
    if (!highlight) return;
    range.startContainer.parentElement?.scrollIntoView({ block: "center", inline: "nearest" });
    this.showPreview(highlight, range, true);
  }

  /** Hover shows a saved highlight's note, a click edits it, Alt+Shift+H reaches it by keyboard. */
  private watchSavedHighlights(): void {
    let dwell: ReturnType<typeof setTimeout> | undefined;
    let closing: ReturnType<typeof setTimeout> | undefined;
    const hoverAt = (x: number, y: number) => {
      const kind = this.host.view?.kind;
      if (kind && kind !== "saved") return; // a selection's button, the editor or a notice
      if (this.preview?.byKeyboard) return;
      // A name's own card wins over the passage it sits in.
      if (nameUnderPoint(x, y)) {
        if (kind === "saved") this.closeEditor();
        return;
      }
      const hit = this.highlightAt(x, y);
      if (!hit || this.preview?.id === hit.highlight.id) return;
      this.showPreview(hit.highlight, hit.range, false);
    };
    const onPointerMove = (event: PointerEvent) => {
      if (!event.isTrusted) return;
      const { clientX: x, clientY: y } = event;
      const overPanel = this.host.isOurs(event.target);
      clearTimeout(dwell);
      if (!overPanel) dwell = setTimeout(() => hoverAt(x, y), SAVED_DWELL_MS);
      if (this.host.view?.kind !== "saved" || !this.preview || this.preview.byKeyboard) return;
      const range = this.painted.get(this.preview.id);
      if (overPanel || (range && isOnRange(range, x, y))) {
        clearTimeout(closing);
        closing = undefined;
      } else
        closing ??= setTimeout(() => {
          closing = undefined;
          if (this.host.view?.kind === "saved" && !this.preview?.byKeyboard) this.closeEditor();
        }, SAVED_CLOSE_GRACE_MS);
    };
    const onClick = (event: MouseEvent) => {
      if (
        !event.isTrusted ||
        event.button !== 0 ||
        event.altKey ||
        event.ctrlKey ||
        event.metaKey ||
        event.shiftKey
      )
        return;
      if (this.host.isOurs(event.target)) return;
      // Links and controls inside a passage keep doing what the page made them do.
      const target = event.target as Element | null;
      if (
        target?.closest?.(
          "a[href], button, input, textarea, select, label, summary, [contenteditable]",
        )
      )
        return;
      const selection = this.doc.getSelection();
      if (selection && !selection.isCollapsed) return; // the reader is selecting, not clicking
      const hit = this.highlightAt(event.clientX, event.clientY);
      if (hit) this.editSaved(hit.highlight, hit.range);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (!event.isTrusted) return;
      if (event.altKey && event.shiftKey && event.code === "KeyH") {
        event.preventDefault();
        this.showNextHighlight();
      }
    };
    this.doc.addEventListener("pointermove", onPointerMove, { capture: true, passive: true });
    this.doc.addEventListener("click", onClick, true);
    this.doc.addEventListener("keydown", onKeyDown, true);
    this.stops.push(() => {
      clearTimeout(dwell);
      clearTimeout(closing);
      this.doc.removeEventListener("pointermove", onPointerMove, { capture: true });
      this.doc.removeEventListener("click", onClick, true);
      this.doc.removeEventListener("keydown", onKeyDown, true);
    });
  }

  private returnFocus(): void {
    const target = this.focusBefore;
    this.focusBefore = null;
    if (target?.isConnected) target.focus({ preventScroll: true });
  }

  private async save(note: string, tags: string[]): Promise<void> {
    if (this.editing) return this.update(this.editing, note, tags);
    const range = this.pending;
    if (!range) return;
    this.host.show({ kind: "saving" });
    try {
      await saveHighlightFromRange(range, { note, tags });
      this.pending = null;
      this.notice(LABELS.saved);
      this.returnFocus();
    } catch (error) {
      this.notice(LABELS.failed.replace("{message}", errorText(error)), true);
    }
  }

  /** Saves a changed note and tags through the existing `highlight.update` message. */
  private async update(highlight: Highlight, note: string, tags: string[]): Promise<void> {
    this.host.show({ kind: "saving" });
    try {
      const { highlight: updated } = await sendMessage("highlight.update", {
        id: highlight.id,
        note,
        tags,
      });
      this.saved = this.saved.map((h) => (h.id === updated.id ? updated : h));
      this.editing = null;
      this.notice(this.t("mark.updated"));
      this.returnFocus();
    } catch (error) {
      this.notice(LABELS.failed.replace("{message}", errorText(error)), true);
    }
  }

  private notice(message: string, error = false): void {
    this.host.show({ kind: "done", message, ...(error ? { error } : {}) });
    clearTimeout(this.noticeTimer);
    this.noticeTimer = setTimeout(() => this.host.hide(), NOTICE_MS);
  }

  /** Scrolls a painted highlight to the middle of the view and flashes it; false when it is not on the page. */
  show(id: string): boolean {
    const range = this.painted.get(id);
    if (!range || range.collapsed || !range.startContainer.isConnected) return false;
    const element =
      range.startContainer.nodeType === 1
        ? (range.startContainer as Element)
        : range.startContainer.parentElement;
    element?.scrollIntoView({ block: "center", inline: "nearest" });
    this.painter.flash(range);
    return true;
  }

  /** The context menu and Alt+Shift+S reach this tab through the background; the popup's highlight list too. */
  private listenForCommands(): void {
    const onMessage = (
      message: unknown,
      sender: { id?: string },
    ): Promise<ShowHighlightAnswer | HighlightProgress | null> | undefined => {
      if (sender.id !== browser.runtime.id) return;
      if (
        (message as { siyaqQuery?: unknown } | null)?.siyaqQuery ===
        HIGHLIGHT_PROGRESS_QUERY.siyaqQuery
      ) {
        return Promise.resolve(highlightProgress());
      }
      const show = v.safeParse(ShowHighlightMessageSchema, message);
      if (show.success) return Promise.resolve({ shown: this.show(show.output.id) });
      if (
        (message as { siyaqCommand?: unknown } | null)?.siyaqCommand !==
        SAVE_HIGHLIGHT_MESSAGE.siyaqCommand
      )
        return;
      this.openEditor();
    };
    browser.runtime.onMessage.addListener(onMessage);
    this.stops.push(() => browser.runtime.onMessage.removeListener(onMessage));
  }

  /** Pages that re-render their article (after hydration, lazy loading) get their highlights re-anchored. */
  private watchRerenders(): void {
    if (typeof MutationObserver !== "function") return;
    const observer = new MutationObserver((records) => {
      if (this.saved.length === 0) return;
      if (records.every((record) => this.host.isOurs(record.target))) return;
      // Only when something painted lost its text, or an orphan may have appeared.
      const broken = [...this.painted.values()].some(
        (range) => range.collapsed || !range.startContainer.isConnected,
      );
      if (!broken && this.painted.size === this.saved.length) return;
      clearTimeout(this.reanchorTimer);
      this.reanchorTimer = setTimeout(
        () =>
          this.anchorAll().catch((error: unknown) =>
            console.warn("[siyaq] highlights not re-anchored:", error),
          ),
        REANCHOR_DELAY_MS,
      );
    });
    observer.observe(this.doc.body ?? this.doc.documentElement, {
      childList: true,
      subtree: true,
      characterData: true,
    });
    this.stops.push(() => {
      observer.disconnect();
      clearTimeout(this.reanchorTimer);
    });
  }

  stop(): void {
    for (const stop of this.stops) stop();
    clearTimeout(this.noticeTimer);
    this.painter.clear();
    this.host.destroy();
    active = null;
  }
}
