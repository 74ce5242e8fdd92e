// A panel floating next to a box of the page (a word, a selection), in a closed shadow root under
// a host element outside <body>: the page's styles cannot reach in, its scripts cannot read it, and
// the body's markup stays exactly what the page wrote. Shared by the hover card and the highlight
// editor.
import { render, type ComponentChild } from "preact";
import { SIYAQ_HOST_ATTRIBUTE } from "@/src/dom/text-map";
import type { Box } from "@/src/content/view";

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
 * where the word starts in the card's reading direction (its right edge for an Arabic card, its
 * left edge for an English one) and is clamped into the viewport.
 */
export function placeCard(
  word: Box,
  card: { width: number; height: number },
  viewport: { width: number; height: number },
  direction: "rtl" | "ltr" = "rtl",
): Placement {
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
  const wanted = direction === "rtl" ? word.left + word.width - width : word.left;
  const left = Math.min(Math.max(GAP, wanted), Math.max(GAP, viewport.width - GAP - width));
  return { top, left, maxHeight: room, side };
}

export interface FloatingPanel {
  /** Renders `content` next to `box`, never over it, and keeps it placed as the content grows. */
  show(content: ComponentChild, box: Box, direction?: "rtl" | "ltr"): void;
  hide(): void;
  /** Whether an event's target is this panel (events from a closed root are retargeted to the host). */
  isOurs(target: EventTarget | null): boolean;
  destroy(): void;
}

export function createFloatingPanel(
  doc: Document,
  options: { tag: string; kind: string; css: string },
): FloatingPanel {
  const host = doc.createElement(options.tag);
  host.setAttribute(SIYAQ_HOST_ATTRIBUTE, options.kind);
  // The host itself takes no room and no page style: everything visible is inside the shadow.
  host.setAttribute(
    "style",
    "all: initial; position: fixed; inset: 0 auto auto 0; width: 0; height: 0; z-index: 2147483647;",
  );
  const shadow = host.attachShadow({ mode: "closed" });
  const style = doc.createElement("style");
  style.textContent = options.css;
  const frame = doc.createElement("div");
  frame.className = "frame";
  frame.hidden = true;
  shadow.append(style, frame);
  let anchor: Box | null = null;
  let direction: "rtl" | "ltr" = "rtl";

  const place = () => {
    if (frame.hidden || !anchor) return;
    const view = doc.defaultView!;
    const rect = frame.getBoundingClientRect();
    // The content's own height, even while capped: resetting the cap here would resize the frame
    // inside its ResizeObserver callback and loop.
    const height = Math.max(
      rect.height,
      frame.scrollHeight + (frame.offsetHeight - frame.clientHeight),
    );
    const at = placeCard(
      anchor,
      { width: rect.width, height },
      { width: view.innerWidth, height: view.innerHeight },
      direction,
    );
    frame.style.top = `${at.top}px`;
    frame.style.left = `${at.left}px`;
    frame.style.maxHeight = `${at.maxHeight}px`;
    frame.dataset.side = at.side;
  };
  // Content arrives in steps (loading, then details): keep it placed as it grows.
  const resize = typeof ResizeObserver === "function" ? new ResizeObserver(place) : null;
  resize?.observe(frame);

  return {
    show(content, box, dir = "rtl") {
      if (!host.isConnected) doc.documentElement.appendChild(host);
      anchor = box;
      direction = dir;
      frame.hidden = false;
      render(content, frame);
      place();
    },
    hide() {
      if (frame.hidden) return;
      frame.hidden = true;
      render(null, frame);
    },
    isOurs: (target) => target === host,
    destroy() {
      resize?.disconnect();
      render(null, frame);
      host.remove();
      frame.hidden = true;
    },
  };
}
