// What the hover card shows for a mention and what it offers: the knowledge base's view of a linked
// entity (or, for an unknown name, where else the reader met it), and the reader's actions.
import { sendMessage } from "@/src/messaging/client";
import { setSiteEnabled } from "@/src/settings/settings";
import type { CardActions, CardDetails } from "./view";
import type { HighlightEntity } from "@/src/contracts/highlight";
import type { Translator } from "@/src/i18n/i18n";
import type { MarkedMention } from "./mention-index";
import { sightingsOf } from "./sightings";
import { LOOKUP_TYPES } from "@/src/messaging/messages/lookup";

function isLookupType(type: string): type is (typeof LOOKUP_TYPES)[number] {
  return (LOOKUP_TYPES as readonly string[]).includes(type);
}

/** How many other articles an unknown name's card lists. */
const ELSEWHERE_SHOWN = 3;

/** The background leaves out the page the card is on: it knows the tab's address. */
export async function cardDetails(mention: MarkedMention): Promise<CardDetails> {
  if (mention.type === "DATE") return { state: "unknown" };
  const view = mention.entityId ? await sendMessage("entity.get", { id: mention.entityId }) : null;
  if (view)
    return { state: "known", entity: view.entity, events: view.events, seenIn: view.seenIn };
  // A name met in two articles or more is learned: the card says so, with what came with it.
  const { pages, learned } = await sightingsOf(mention.surface);
  return {
    state: "unknown",
    seenIn: learned?.seenIn ?? pages.length,
    elsewhere: pages.slice(0, ELSEWHERE_SHOWN),
    ...(learned ? { learned } : {}),
  };
}

/** Saves the sentence around a name as a highlight (the highlights' content side, handed in). */
export type SaveSentence = (range: Range, entity: HighlightEntity) => Promise<unknown>;

export interface ActionContext {
  /** The site "not an entity here" applies to. */
  host: string;
  /** Reads the page again (after the knowledge base learnt a name). */
  rescan(): Promise<void>;
  close(): void;
  /** Saves the sentence round the name: "save highlight" is offered only when given. */
  saveSentence?: SaveSentence;
  /** The card's words (the notices these actions return). */
  t: Translator;
  /** The reader turned on "look up unknown names online": the card looks up as it opens. */
  lookUpAtOnce?: boolean;
}

/** The card's buttons for a mention; each resolves with the line the card shows afterwards, if any. */
export function cardActions(
  mention: MarkedMention,
  { host, rescan, close, t, lookUpAtOnce = false, saveSentence }: ActionContext,
): Omit<CardActions, "close"> {
  const { surface, type, entityId } = mention;
  const actions: Omit<CardActions, "close"> = {
    // The popup's switch writes the same setting; the page hears it and removes every mark at once.
    turnOffSite: async () => {
      await setSiteEnabled(host, false);
      close();
    },
    notAnEntity: async () => {
      // For this site (the background takes it from the tab), through the one writer of the list.
      await sendMessage("suppression.add", { surface: mention.surface.trim().slice(0, 200) });
      close();
    },
  };
  if (saveSentence) {
    actions.saveHighlight = async () => {
      // The sentence the name is in, with the name's entity, as a researcher would quote it.
      await saveSentence(mention.range.cloneRange(), {
        surface,
        type,
        ...(entityId ? { entityId } : {}),
      });
      return t("hover.saved");
    };
  }
  if (entityId) {
    actions.openInPopup = async () => {
      // Where the browser refuses to open the popup from a page, the reader is told to click it.
      const { opened } = await sendMessage("page.openInPopup", { entityId });
      return opened ? undefined : t("hover.openInPopupHint");
    };
  } else if (type !== "DATE") {
    actions.addToKnowledgeBase = async () => {
      const surface = mention.surface.trim();
      await sendMessage("entity.upsert", {
        entity: { type, names: { ar: surface }, aliases: [surface] },
      });
      void rescan();
      return t("hover.added");
    };
    if (isLookupType(type)) {
      // The name and its type only: never the page's text or its address.
      actions.lookUp = () => sendMessage("lookup.name", { name: mention.surface.trim(), type });
      actions.lookUpAtOnce = lookUpAtOnce;
      actions.keepFound = async (qid) => {
        await sendMessage("lookup.keep", { qid, name: mention.surface.trim() });
        void rescan();
        return t("hover.kept");
      };
    }
  }
  return actions;
}
