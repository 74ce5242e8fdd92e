// What the hover card shows for a mention and what it offers: the knowledge base's view of a linked
// entity (or, for an unknown name, where else the reader met it), and the reader's actions.
import { sendMessage } from "@/src/messaging/client";
import { saveHighlightFromRange } from "@/src/highlights/content";
import { addSuppression } from "@/src/settings/suppressions";
import type { CardActions, CardDetails } from "@/src/ui/card/HoverCard";
import { LABELS } from "@/src/ui/card/labels";
import type { MarkedMention } from "./mention-index";
import { sightingsOf } from "./sightings";

/** How many other articles an unknown name's card lists. */
const ELSEWHERE_SHOWN = 3;

/** The background leaves out the page the card is on: it knows the tab's address. */
export async function cardDetails(mention: MarkedMention): Promise<CardDetails> {
  if (mention.type === "DATE") return { state: "unknown" };
  const view = mention.entityId ? await sendMessage("entity.get", { id: mention.entityId }) : null;
  if (view) return { state: "known", entity: view.entity, events: view.events, seenIn: view.seenIn };
  const elsewhere = await sightingsOf(mention.surface);
  return { state: "unknown", seenIn: elsewhere.length, elsewhere: elsewhere.slice(0, ELSEWHERE_SHOWN) };
}

export interface ActionContext {
  /** The site "not an entity here" applies to. */
  host: string;
  /** Reads the page again (after the knowledge base learnt a name). */
  rescan(): Promise<void>;
  close(): void;
}

/** The card's buttons for a mention; each resolves with the line the card shows afterwards, if any. */
export function cardActions(mention: MarkedMention, { host, rescan, close }: ActionContext): Omit<CardActions, "close"> {
  const actions: Omit<CardActions, "close"> = {
    saveHighlight: async () => {
      await saveHighlightFromRange(mention.range.cloneRange());
      return LABELS.saved;
    },
    notAnEntity: async () => {
      await addSuppression(mention.surface, host);
      close();
    },
  };
  const { entityId, type } = mention;
  if (entityId) {
    actions.openInPopup = async () => {
      // Where the browser refuses to open the popup from a page, the reader is told to click it.
      const { opened } = await sendMessage("page.openInPopup", { entityId });
      return opened ? undefined : LABELS.openInPopupHint;
    };
  } else if (type !== "DATE") {
    actions.addToKnowledgeBase = async () => {
      const surface = mention.surface.trim();
      await sendMessage("entity.upsert", { entity: { type, names: { ar: surface }, aliases: [surface] } });
      void rescan();
      return LABELS.added;
    };
  }
  return actions;
}
