// Where the hover card lives on a page: one host element outside <body>, a closed shadow root so
// the page's CSS and scripts cannot reach in, and placement that never covers the word explained.
import { createFloatingPanel, type Box } from "@/src/ui/floating-panel";
import { directionOf } from "@/src/ui/i18n";
import { HoverCard, type HoverCardProps } from "./HoverCard";
import { CARD_CSS } from "./card-style";

export { placeCard, type Box, type Placement } from "@/src/ui/floating-panel";

export interface CardHost {
  show(props: HoverCardProps, word: Box): void;
  hide(): void;
  readonly open: boolean;
  /** Whether an event's target is the card (events from a closed root are retargeted to the host). */
  isCard(target: EventTarget | null): boolean;
  destroy(): void;
}

export function createCardHost(doc: Document): CardHost {
  const panel = createFloatingPanel(doc, { tag: "siyaq-card", kind: "card", css: CARD_CSS });
  let open = false;
  return {
    show(props, box) {
      open = true;
      panel.show(<HoverCard {...props} />, box, directionOf(props.t?.language ?? "ar"));
    },
    hide() {
      open = false;
      panel.hide();
    },
    get open() {
      return open;
    },
    isCard: (target) => panel.isOurs(target),
    destroy() {
      open = false;
      panel.destroy();
    },
  };
}
