// From pointer and keyboard to the card: a dwell over a marked name opens its card, moving away
// closes it (after a grace period to reach the card), Esc closes it, Alt+Shift+N steps through
// the page's names. The name under the pointer comes from the caret API and the mention index.
import type { Translator } from "@/src/i18n/i18n";
import type { Box, CardActions, CardDetails, CardHost } from "./view";
import type { MarkedMention } from "./mention-index";
import { errorText } from "@/src/shared/error-text";

/** Time for the pointer to travel from the word to its card before the card closes. */
export const CLOSE_GRACE_MS = 350;
/** Pixels around a word's box that still count as on it (a pointer rarely rests on a glyph's edge). */
const SLOP = 2;

export interface HoverDeps {
  doc: Document;
  card: CardHost;
  /** The shown mention at a caret position (none when Siyaq is off for the page). */
  mentionAt(node: Node, offset: number): MarkedMention | undefined;
  nextMention(current: MarkedMention | undefined): MarkedMention | undefined;
  dwellMs(): number;
  /** The article's publication day, for the card's choice of events. */
  asOf?(): string | undefined;
  /** The card's words (the UI language). */
  t?(): Translator;
  /** The site the card's switch turns off. */
  host?: string;
  details(mention: MarkedMention): Promise<CardDetails>;
  actions(mention: MarkedMention, close: () => void): Omit<CardActions, "close">;
}

export interface HoverControl {
  /** Opens the card of the next name in reading order, scrolled into view, with keyboard focus. */
  showNext(): void;
  close(): void;
  readonly current: MarkedMention | undefined;
}

/** The DOM point under screen coordinates: the standard API first, Chromium's older one after. */
export function caretAt(
  doc: Document,
  x: number,
  y: number,
): { node: Node; offset: number } | null {
  const caretDoc = doc as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
    caretRangeFromPoint?: (x: number, y: number) => Range | null;
  };
  if (typeof caretDoc.caretPositionFromPoint === "function") {
    const position = caretDoc.caretPositionFromPoint(x, y);
    return position?.offsetNode ? { node: position.offsetNode, offset: position.offset } : null;
  }
  if (typeof caretDoc.caretRangeFromPoint === "function") {
    const range = caretDoc.caretRangeFromPoint(x, y);
    return range ? { node: range.startContainer, offset: range.startOffset } : null;
  }
  return null;
}

/** Whether a point is on one of a mention's line boxes: the caret snaps to the nearest text even from blank space. */
export function isOnMention(mention: MarkedMention, x: number, y: number): boolean {
  return isOnRange(mention.range, x, y);
}

/** Whether a point is on one of a range's line boxes (a name's, a saved passage's). */
export function isOnRange(range: Range, x: number, y: number): boolean {
  for (const rect of range.getClientRects()) {
    if (
      x >= rect.left - SLOP &&
      x <= rect.right + SLOP &&
      y >= rect.top - SLOP &&
      y <= rect.bottom + SLOP
    )
      return true;
  }
  return false;
}

/** The box of the line the pointer is on (a name can wrap), or the whole name's box. */
function wordBox(mention: MarkedMention, point?: { x: number; y: number }): Box {
  const rects = [...mention.range.getClientRects()];
  const hit = point && rects.find((r) => point.y >= r.top - SLOP && point.y <= r.bottom + SLOP);
  const rect = hit ?? mention.range.getBoundingClientRect();
  return { top: rect.top, left: rect.left, width: rect.width, height: rect.height };
}

/** The running hover's name test, so saved highlights give way to the card of a name inside them. */
let namesProbe: ((x: number, y: number) => boolean) | null = null;

/** Whether a marked name (whose card would open) is under this point of the viewport. */
export function nameUnderPoint(x: number, y: number): boolean {
  return namesProbe?.(x, y) ?? false;
}

export function startHover(deps: HoverDeps, signal: AbortSignal): HoverControl {
  const { doc, card } = deps;
  const view = doc.defaultView!;
  let current: MarkedMention | undefined;
  let dwell: ReturnType<typeof setTimeout> | undefined;
  let closing: ReturnType<typeof setTimeout> | undefined;
  let point = { x: -1, y: -1 };
  let shownAt = 0;
  let lastStep = 0;
  /** Bumped per card so details that arrive late for an older card are dropped. */
  let token = 0;

  /** Where keyboard focus was before a card opened by keyboard took it: Esc gives it back. */
  let focusBefore: HTMLElement | null = null;

  const close = () => {
    clearTimeout(closing);
    closing = undefined;
    current = undefined;
    token += 1;
    const hadFocus = card.isCard(doc.activeElement);
    card.hide();
    const back = focusBefore;
    focusBefore = null;
    if (hadFocus && back?.isConnected) back.focus({ preventScroll: true });
  };

  const show = (mention: MarkedMention, box: Box, byKeyboard: boolean) => {
    clearTimeout(closing);
    closing = undefined;
    current = mention;
    shownAt = Date.now();
    if (byKeyboard && !card.isCard(doc.activeElement)) {
      const focused = doc.activeElement;
      focusBefore = focused instanceof HTMLElement ? focused : null;
    }
    const mine = ++token;
    const actions = { ...deps.actions(mention, close), close };
    const render = (details: CardDetails) => {
      if (mine === token)
        card.show(
          {
            mention,
            details,
            actions,
            takeFocus: byKeyboard,
            asOf: deps.asOf?.(),
            host: deps.host,
            t: deps.t?.(),
          },
          box,
        );
    };
    render({ state: "loading" });
    deps
      .details(mention)
      .then(render, (error: unknown) => render({ state: "error", message: errorText(error) }));
  };

  const hitTest = () => {
    dwell = undefined;
    const caret = caretAt(doc, point.x, point.y);
    if (!caret) return;
    const mention = deps.mentionAt(caret.node, caret.offset);
    if (!mention || mention === current || !isOnMention(mention, point.x, point.y)) return;
    show(mention, wordBox(mention, point), false);
  };

  // Only the reader's own input counts: page script can dispatch look-alike events (isTrusted false)
  // to open cards, steal focus or close them.
  const onPointerMove = (event: PointerEvent) => {
    if (!event.isTrusted) return;
    point = { x: event.clientX, y: event.clientY };
    const overCard = card.isCard(event.target);
    clearTimeout(dwell);
    if (!overCard) dwell = setTimeout(hitTest, deps.dwellMs());
    if (!card.open) return;
    if (overCard || (current && isOnMention(current, point.x, point.y))) {
      clearTimeout(closing);
      closing = undefined;
    } else closing ??= setTimeout(close, CLOSE_GRACE_MS);
  };

  const showNext = () => {
    // The browser command and the page key can both report one press: one step per press.
    if (Date.now() - lastStep < 150) return;
    lastStep = Date.now();
    const mention = deps.nextMention(current);
    if (!mention) return;
    const anchor = mention.range.startContainer.parentElement;
    anchor?.scrollIntoView({ block: "center", inline: "nearest" });
    show(mention, wordBox(mention), true);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (!event.isTrusted) return;
    if (event.key === "Escape" && card.open) {
      close();
      return;
    }
    if (event.altKey && event.shiftKey && event.code === "KeyN") {
      event.preventDefault();
      showNext();
    }
  };

  // A scroll moves the word from under the card; a card opened by keyboard survives its own scroll.
  const onScroll = (event: Event) => {
    if (!event.isTrusted) return;
    if (card.open && Date.now() - shownAt > 500) close();
  };

  const probe = (x: number, y: number) => {
    const caret = caretAt(doc, x, y);
    const mention = caret && deps.mentionAt(caret.node, caret.offset);
    return mention ? isOnMention(mention, x, y) : false;
  };
  namesProbe = probe;

  const options = { capture: true, passive: true, signal } as const;
  doc.addEventListener("pointermove", onPointerMove, options);
  doc.addEventListener("keydown", onKeyDown, { capture: true, signal });
  view.addEventListener("scroll", onScroll, options);
  signal.addEventListener("abort", () => {
    clearTimeout(dwell);
    if (namesProbe === probe) namesProbe = null;
    close();
  });

  return {
    showNext,
    close,
    get current() {
      return current;
    },
  };
}
