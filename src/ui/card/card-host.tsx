// Where the hover card lives on a page: one host element outside <body>, a closed shadow root so
// the page's CSS and scripts cannot reach in, and placement that never covers the word explained.
import { render } from "preact";
import { SIYAQ_HOST_ATTRIBUTE } from "@/src/page/text-map";
import { HoverCard, type HoverCardProps } from "./HoverCard";
import { CARD_CSS } from "./card-style";

export interface Box {
  top: number;
  left: number;
  width: number;
  height: number;
}

export interface Placement {
  top: number;
  left: number;
  /** The card scrolls inside this height rather than grow over the word. */
  maxHeight: number;
  side: "below" | "above";
}

/** Gap between the word and the card, and between the card and the viewport's edges. */
const GAP = 8;

/**
 * Puts the card below the word when it fits there, else above when it fits, else on the roomier
 * side with its height capped: either way it stays clear of the word's box. Horizontally it starts
 * at the word's right edge (the card reads right to left) and is clamped into the viewport.
 */
export function placeCard(word: Box, card: { width: number; height: number }, viewport: { width: number; height: number }): Placement {
  const below = viewport.height - (word.top + word.height) - 2 * GAP;
  const above = word.top - 2 * GAP;
  let side: Placement["side"];
  if (card.height <= below) side = "below";
  else if (card.height <= above) side = "above";
  else side = below >= above ? "below" : "above";
  const room = Math.max(0, side === "below" ? below : above);
  const height = Math.min(card.height, room);
  const top = side === "below" ? word.top + word.height + GAP : word.top - GAP - height;
  const width = Math.min(card.width, viewport.width - 2 * GAP);
  const right = word.left + word.width;
  const left = Math.min(Math.max(GAP, right - width), Math.max(GAP, viewport.width - GAP - width));
  return { top, left, maxHeight: room, side };
}

export interface CardHost {
  show(props: HoverCardProps, word: Box): void;
  hide(): void;
  readonly open: boolean;
  /** Whether an event's target is the card (events from a closed root are retargeted to the host). */
  isCard(target: EventTarget | null): boolean;
  destroy(): void;
}

export function createCardHost(doc: Document): CardHost {
  const host = doc.createElement("siyaq-card");
  host.setAttribute(SIYAQ_HOST_ATTRIBUTE, "card");
  // The host itself takes no room and no page style: everything visible is inside the shadow.
  host.setAttribute("style", "all: initial; position: fixed; inset: 0 auto auto 0; width: 0; height: 0; z-index: 2147483647;");
  const shadow = host.attachShadow({ mode: "closed" });
  const style = doc.createElement("style");
  style.textContent = CARD_CSS;
  const frame = doc.createElement("div");
  frame.className = "frame";
  frame.hidden = true;
  shadow.append(style, frame);
  let open = false;
  let word: Box | null = null;

  const place = () => {
    if (!open || !word) return;
    const view = doc.defaultView!;
    const rect = frame.getBoundingClientRect();
    // The content's own height, even while capped: resetting the cap here would resize the frame
    // inside its ResizeObserver callback and loop.
    const height = Math.max(rect.height, frame.scrollHeight + (frame.offsetHeight - frame.clientHeight));
    const at = placeCard(word, { width: rect.width, height }, { width: view.innerWidth, height: view.innerHeight });
    frame.style.top = `${at.top}px`;
    frame.style.left = `${at.left}px`;
    frame.style.maxHeight = `${at.maxHeight}px`;
    frame.dataset.side = at.side;
  };
  // The card's content arrives in steps (loading, then details): keep it placed as it grows.
  const resize = typeof ResizeObserver === "function" ? new ResizeObserver(place) : null;
  resize?.observe(frame);

  return {
    show(props, box) {
      // Outside <body>, so the page's body markup stays exactly what the page wrote.
      if (!host.isConnected) doc.documentElement.appendChild(host);
      word = box;
      open = true;
      frame.hidden = false;
      render(<HoverCard {...props} />, frame);
      place();
    },
    hide() {
      if (!open) return;
      open = false;
      frame.hidden = true;
      render(null, frame);
    },
    get open() {
      return open;
    },
    isCard: (target) => target === host,
    destroy() {
      resize?.disconnect();
      render(null, frame);
      host.remove();
      open = false;
    },
  };
}
