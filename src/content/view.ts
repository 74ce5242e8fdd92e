// What the content script shows on a page, as the content script sees it: the hover card (the
// name, what the knowledge base says, the reader's actions and their outcomes) and the highlight
// panel (what it shows, what the reader chose). The content script owns this contract; the Preact
// views in src/ui implement it and the content entry (entrypoints/content.ts) hands them in, so
// nothing in src/content imports src/ui. Types only.
import type { EntityRecord, EventRecord } from "@/src/contracts/records";
import type { LearnedView } from "@/src/messaging/messages/kb";
import type { LookupOutcome } from "@/src/contracts/lookup";
import type { Translator } from "@/src/i18n/i18n";
import type { EntityType } from "@/src/nlp/types";

/** A box of the page in viewport coordinates (a word, a selection). */
export interface Box {
  top: number;
  left: number;
  width: number;
  height: number;
}

// ---- The hover card

/** The name under the pointer, as the page shows it. */
export interface CardMention {
  surface: string;
  type: EntityType;
  entityId?: string;
  date?: string;
}

/** What the knowledge base says about the name. */
export type CardDetails =
  | { state: "loading" }
  | { state: "known"; entity: EntityRecord; events: EventRecord[]; seenIn: number }
  | {
      state: "unknown";
      seenIn?: number;
      elsewhere?: { url: string; title: string; publishedAt?: string }[];
      /** Met in two articles or more: a name learned from reading (src/kb/learned). */
      learned?: LearnedView;
    }
  | { state: "error"; message: string };

/** The reader's actions; one left out is not offered. Each resolves with a line to show, if any. */
export interface CardActions {
  openInPopup?(): Promise<string | void>;
  saveHighlight?(): Promise<string | void>;
  notAnEntity?(): Promise<string | void>;
  addToKnowledgeBase?(): Promise<string | void>;
  /** Switches Siyaq off for this site (the same setting as the popup's switch). */
  turnOffSite?(): Promise<string | void>;
  /** Looks an unknown name up on Wikidata/Wikipedia (the name only is sent). */
  lookUp?(): Promise<LookupOutcome>;
  /** Look up as soon as the card opens (the reader turned lookups on in the options). */
  lookUpAtOnce?: boolean;
  /** Keeps what the lookup found in the knowledge base. */
  keepFound?(qid: string): Promise<string | void>;
  close(): void;
}

export interface HoverCardProps {
  mention: CardMention;
  details: CardDetails;
  actions: CardActions;
  /** Put keyboard focus in the card when it opens (it was reached by keyboard, not by pointer). */
  takeFocus?: boolean;
  /** The article's publication day: the card's events are centred on it (see eventsAround). */
  asOf?: string;
  /** The site the switch names. */
  host?: string;
  /** The card's words and direction; Arabic by default. */
  t?: Translator;
}

export interface CardHost {
  show(props: HoverCardProps, word: Box): void;
  hide(): void;
  readonly open: boolean;
  /** Whether an event's target is the card (events from a closed root are retargeted to the host). */
  isCard(target: EventTarget | null): boolean;
  destroy(): void;
}

// ---- The highlight panel

export type PanelView =
  | { kind: "button" }
  /** A new passage (no `id`) or a saved one being edited (`id`, with its note and tags). */
  | { kind: "editor"; quote: string; id?: string; note?: string; tags?: readonly string[] }
  /** A saved highlight's note and tags; `focus` when reached by keyboard. */
  | {
      kind: "saved";
      id: string;
      quote: string;
      note: string;
      tags: readonly string[];
      focus?: boolean;
    }
  | { kind: "saving" }
  | { kind: "done"; message: string; error?: boolean };

export interface HighlightPanelProps {
  view: PanelView;
  onOpen(): void;
  onSave(note: string, tags: string[]): void;
  onCancel(): void;
  /** From a saved highlight's view: edit its note and tags (not offered when left out). */
  onEdit?(): void;
  /** The on-page UI's words for the saved-highlight view; Arabic by default. */
  t?: Translator;
}

export interface HighlightHost {
  /** Shows `view` beside `selection` (a viewport box), or at the last place when omitted. */
  show(view: PanelView, selection?: Box): void;
  hide(): void;
  readonly view: PanelView | null;
  /** Whether an event's target is our UI (events from a closed root are retargeted to the host). */
  isOurs(target: EventTarget | null): boolean;
  destroy(): void;
}

// ---- What the content entry hands in

/** The views the content script draws into a page. */
export interface ContentViews {
  createCardHost(doc: Document): CardHost;
  createHighlightHost(doc: Document, handlers: Omit<HighlightPanelProps, "view">): HighlightHost;
}
