// Where the hover card lives on a page: one host element outside <body>, a closed shadow root so
// the page's CSS and scripts cannot reach in, and placement that never covers the word explained.
import { createFloatingPanel } from "@/src/ui/floating-panel";
import type { CardHost } from "@/src/content/view";
import { directionOf } from "@/src/i18n/i18n";
import { HoverCard } from "./HoverCard";
import { CARD_CSS } from "./card-style";

export { placeCard, type Placement } from "@/src/ui/floating-panel";

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
