// Requests about open pages: what a tab's content script found (for the popup), and the card's
// "open in the popup" action.
import * as v from "valibot";
import { ENTITY_TYPES } from "@/src/nlp/types";
import { CONTENT_ONLY, EXTENSION_ONLY, type SenderContext } from "@/src/messaging/context";
import { PageTitleSchema, UrlSchema } from "@/src/shared/fields";

const EntityId = v.pipe(v.string(), v.minLength(1), v.maxLength(200));

/** One distinct name found on a page, with how often it occurs there. */
const PageEntitySchema = v.object({
  surface: v.pipe(v.string(), v.maxLength(200)),
  type: v.picklist(ENTITY_TYPES),
  entityId: v.optional(EntityId),
  count: v.pipe(v.number(), v.integer(), v.minValue(1)),
  /** Reading order of its first occurrence: salience ties break by it. */
  first: v.pipe(v.number(), v.integer(), v.minValue(0)),
});
export type PageEntity = v.InferOutput<typeof PageEntitySchema>;

/** The most names a page report carries; a page with more is summarised by its most frequent ones. */
export const MAX_REPORTED_ENTITIES = 500;

/** Where the popup looks for the entity the reader asked to open from a card. */
export const POPUP_FOCUS_KEY = "siyaq.popupFocus";
export interface PopupFocus {
  entityId: string;
  /** When it was asked for: the popup ignores a stale focus. */
  at: number;
}

export const pageRequests = {
  /** A page reporting that its content script is active, with what it found. */
  "page.report": v.object({
    url: UrlSchema,
    title: PageTitleSchema,
    mentionCount: v.pipe(v.number(), v.integer(), v.minValue(0)),
    entities: v.optional(v.pipe(v.array(PageEntitySchema), v.maxLength(MAX_REPORTED_ENTITIES))),
    /** False when Siyaq does not run on the page (the report then only carries an offer); true when absent. */
    running: v.optional(v.boolean()),
    /** The page is not mostly Arabic but has Arabic passages: the popup offers to switch the site on. */
    arabicPassages: v.optional(v.boolean()),
  }),
  /** What the content script of a tab last reported. */
  "page.status": v.object({ tabId: v.pipe(v.number(), v.integer()) }),
  /** The card's "open in the popup": remember the entity for the popup and open it where the browser lets us. */
  "page.openInPopup": v.object({ entityId: EntityId }),
  /** The card's "not an entity here": for the sender's own site, written by the background alone. */
  "suppression.add": v.object({ surface: v.pipe(v.string(), v.nonEmpty(), v.maxLength(200)) }),
};

/** A tab reports about itself only; what a tab reported is for the popup only. */
export const pageSenders = {
  "page.report": CONTENT_ONLY,
  "page.status": EXTENSION_ONLY,
  "page.openInPopup": CONTENT_ONLY,
  "suppression.add": CONTENT_ONLY,
} satisfies Record<keyof typeof pageRequests, readonly SenderContext[]>;

export interface PageResponses {
  "page.report": { recorded: boolean };
  /**
   * The tab's page, its frames' reports joined (names counted over all of them); null when no
   * frame of the tab reported. `running` false: Siyaq is off there, and `arabicPassages` says why
   * the popup may offer it.
   */
  "page.status": {
    url: string;
    title: string;
    mentionCount: number;
    entities: PageEntity[];
    reportedAt: number;
    running: boolean;
    arabicPassages: boolean;
  } | null;
  "page.openInPopup": { opened: boolean };
  "suppression.add": { added: boolean };
}
