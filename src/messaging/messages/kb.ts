// Knowledge-base requests (entities, events, packs, mentions, the whole database): payload schemas,
// checked at the background's door, and answer types. Implemented in src/background/kb-handlers.ts.
import * as v from "valibot";
import type {
  EntityRecord,
  EventRecord,
  EventSource,
  LocalizedText,
  PackRecord,
  PartialLocalizedText,
  SightingPage,
} from "@/src/contracts/records";
import { LearnedEditSchema, type LearnedArticle, type LearnedType } from "@/src/contracts/learned";
import {
  EntityIdSchema,
  EventDateSchema,
  PACK_LIMITS,
  PackEntitySchema,
} from "@/src/contracts/pack-schema";
import { ENTITY_TYPES, type EntityType } from "@/src/nlp/types";
import { ANY_CONTEXT, CONTENT_ONLY, EXTENSION_ONLY, type SenderContext } from "../context";
import { NonEmptyUrlSchema as Url, PageTitleSchema as PageTitle } from "@/src/shared/fields";

const LearnedKey = v.pipe(v.string(), v.nonEmpty(), v.maxLength(400));
const FileText = v.pipe(v.string(), v.maxLength(PACK_LIMITS.maxFileChars));

/** The most ids one `entities.byIds` call may ask for. */
export const MAX_IDS_PER_REQUEST = 2000;
/** The most events one page may report at a time. */
export const MAX_PAGE_EVENTS = 200;
/** A page event's sentence is cut to this many characters. */
export const MAX_PAGE_EVENT_TEXT = 2000;

/** The most unknown names one `sightings.record` call may carry. */
export const MAX_SIGHTING_NAMES = 200;

/** What the user may set when adding or editing an entity. */
const EditableEntitySchema = v.strictObject({
  id: v.optional(EntityIdSchema),
  type: PackEntitySchema.entries.type,
  names: PackEntitySchema.entries.names,
  aliases: PackEntitySchema.entries.aliases,
  description: PackEntitySchema.entries.description,
  facts: PackEntitySchema.entries.facts,
});
export type EditableEntity = v.InferOutput<typeof EditableEntitySchema>;

const PageEventSchema = v.object({
  date: EventDateSchema,
  /** The sentence that carries the date. */
  text: v.pipe(v.string(), v.nonEmpty(), v.maxLength(MAX_PAGE_EVENT_TEXT)),
  entityIds: v.pipe(
    v.array(EntityIdSchema),
    v.minLength(1),
    v.maxLength(PACK_LIMITS.maxEventEntities),
  ),
});
export type PageEvent = v.InferOutput<typeof PageEventSchema>;

export const kbRequests = {
  /** One entity's card: the entity, its timeline and where the reader met it. */
  "entity.get": v.object({ id: EntityIdSchema }),
  /** Summaries for the entities of a page (popup, hover cards). */
  "entities.byIds": v.object({
    ids: v.pipe(v.array(EntityIdSchema), v.maxLength(MAX_IDS_PER_REQUEST)),
  }),
  /** Entities whose Arabic or English names start with the query, forgiving spelling variants. */
  "entity.search": v.object({
    query: v.pipe(v.string(), v.maxLength(PACK_LIMITS.maxNameLength)),
    limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(200))),
  }),
  /** Adds or edits an entity by hand: it becomes the user's, and packs no longer overwrite it. */
  "entity.upsert": v.object({ entity: EditableEntitySchema }),
  /** Remembers that the reader met these entities in this article (once per entity and URL). */
  "mentions.record": v.object({
    url: Url,
    title: PageTitle,
    entityIds: v.pipe(v.array(EntityIdSchema), v.maxLength(MAX_IDS_PER_REQUEST)),
  }),
  /** Dated sentences with linked entities become events of origin `page`. */
  "events.addFromPage": v.object({
    url: Url,
    title: PageTitle,
    publishedAt: v.optional(v.pipe(v.string(), v.maxLength(64))),
    events: v.pipe(v.array(PageEventSchema), v.maxLength(MAX_PAGE_EVENTS)),
  }),
  "event.delete": v.object({ id: EntityIdSchema }),
  /** Unknown names met on the sender's page (filed under the tab's real address). */
  "sightings.record": v.object({
    title: PageTitle,
    /** The article's publication day, as its metadata says (shown with the article's title). */
    publishedAt: v.optional(v.pipe(v.string(), v.maxLength(64))),
    names: v.pipe(
      v.array(
        v.object({
          surface: v.pipe(v.string(), v.nonEmpty(), v.maxLength(200)),
          type: v.picklist(ENTITY_TYPES),
        }),
      ),
      v.maxLength(MAX_SIGHTING_NAMES),
    ),
  }),
  /**
   * Other articles an unknown name was met in (not the sender's page), and the learned name when it
   * is one. A page learns nothing about a name it did not itself report (src/kb/handlers).
   */
  "sightings.of": v.object({ surface: v.pipe(v.string(), v.maxLength(200)) }),
  /** A learned name's full view (the popup). */
  "learned.get": v.strictObject({ surface: v.pipe(v.string(), v.nonEmpty(), v.maxLength(200)) }),
  /** Which of a page's unlinked names are learned (the popup's list). */
  "learned.among": v.strictObject({
    surfaces: v.pipe(
      v.array(v.pipe(v.string(), v.maxLength(200))),
      v.maxLength(MAX_IDS_PER_REQUEST),
    ),
  }),
  /** Every learned name (the options page). */
  "learned.list": v.strictObject({}),
  "learned.edit": v.strictObject({ key: LearnedKey, edit: LearnedEditSchema }),
  /** Hides a learned name for good. */
  "learned.dismiss": v.strictObject({ key: LearnedKey }),
  /** Makes it a full entity of the reader's, or adds its spellings to the entity `into`. */
  "learned.promote": v.strictObject({ key: LearnedKey, into: v.optional(EntityIdSchema) }),
  "pack.list": v.object({}),
  /** Installs or updates a pack; `force` re-installs the same or an older version. */
  "pack.import": v.object({ json: FileText, force: v.optional(v.boolean()) }),
  "pack.export": v.object({ id: EntityIdSchema }),
  "pack.remove": v.object({ id: EntityIdSchema }),
  /** Everything the database holds (settings live in storage and are not included). */
  "data.export": v.object({}),
  "data.import": v.object({ json: FileText }),
  "data.wipe": v.object({ confirm: v.literal("wipe", 'confirm must be "wipe"') }),
};

/**
 * Who may send each request. A page's content script gets what its own card needs (`entity.get`,
 * without the reader's article list) and may add a new name to the KB, never edit an existing one;
 * it reports mentions and events of its own page, under the address the browser gives for it.
 * Learned names are the reader's history: a page's card hears of one only when that page itself
 * reported the name (`sightings.of`); listing, editing and promoting them is for extension pages.
 */
export const kbSenders = {
  "entity.get": ANY_CONTEXT,
  "entities.byIds": EXTENSION_ONLY,
  "entity.search": EXTENSION_ONLY,
  "entity.upsert": ANY_CONTEXT,
  "mentions.record": CONTENT_ONLY,
  "events.addFromPage": CONTENT_ONLY,
  "event.delete": EXTENSION_ONLY,
  "sightings.record": CONTENT_ONLY,
  "sightings.of": CONTENT_ONLY,
  "learned.get": EXTENSION_ONLY,
  "learned.among": EXTENSION_ONLY,
  "learned.list": EXTENSION_ONLY,
  "learned.edit": EXTENSION_ONLY,
  "learned.dismiss": EXTENSION_ONLY,
  "learned.promote": EXTENSION_ONLY,
  "pack.list": EXTENSION_ONLY,
  "pack.import": EXTENSION_ONLY,
  "pack.export": EXTENSION_ONLY,
  "pack.remove": EXTENSION_ONLY,
  "data.export": EXTENSION_ONLY,
  "data.import": EXTENSION_ONLY,
  "data.wipe": EXTENSION_ONLY,
} satisfies Record<keyof typeof kbRequests, readonly SenderContext[]>;

/** What lists and cards need of an entity. */
export interface EntitySummary {
  id: string;
  type: EntityType;
  names: LocalizedText;
  description?: PartialLocalizedText;
  qid?: string;
}

/** An event on a timeline; `alsoIn` lists the sources of the near-duplicates folded into it. */
export interface TimelineEvent extends EventRecord {
  alsoIn?: EventSource[];
}

export interface EntityView {
  entity: EntityRecord;
  /** Newest first; pack, page and user events merged, near-duplicates folded. */
  events: TimelineEvent[];
  /** Distinct article URLs the reader met it in. */
  seenIn: number;
  /** The latest 20 of them. */
  articles: { url: string; title: string; seenAt: number }[];
}

/** What `pack.import` answers (src/kb/packs.ts). */
export interface PackImportResult {
  id: string;
  version: string;
  /** Entities and events written by this import. */
  entities: number;
  events: number;
  /** `skipped`: the installed version is the same or newer (import with `force` to replace it). */
  status: "installed" | "updated" | "skipped";
  /** Entities the pack also defines but that the user edited or another pack installed: left alone. */
  kept: number;
  /** Entities and events of the previous version that the new one no longer has. */
  removed: number;
  message: string;
}

/** What `data.import` answers (src/kb/data.ts). */
export interface DataImportCounts {
  entities: number;
  events: number;
  mentions: number;
  highlights: number;
  packs: number;
  sightings: number;
  learned: number;
}

export interface KbResponses {
  "entity.get": EntityView | null;
  "entities.byIds": EntitySummary[];
  "entity.search": EntitySummary[];
  "entity.upsert": EntitySummary;
  "mentions.record": { recorded: number };
  "events.addFromPage": { added: number };
  "event.delete": { deleted: boolean };
  "sightings.record": { recorded: number };
  "sightings.of": { pages: SightingPage[]; learned?: LearnedView };
  "learned.get": LearnedView | null;
  "learned.among": LearnedSummary[];
  "learned.list": LearnedSummary[];
  "learned.edit": LearnedView;
  "learned.dismiss": { dismissed: boolean };
  "learned.promote": EntitySummary;
  "pack.list": PackRecord[];
  "pack.import": PackImportResult;
  "pack.export": { json: string };
  "pack.remove": { removed: boolean };
  /** `skipped`: malformed stored highlights left out of the file. */
  "data.export": { json: string; skipped: number };
  "data.import": DataImportCounts;
  "data.wipe": { wiped: true };
}

/** A known entity met in the same articles, with how many of them. */
export interface CoMention {
  entity: EntitySummary;
  count: number;
}

/** What cards and the popup show of a learned name. */
export interface LearnedView {
  key: string;
  name: string;
  type: LearnedType;
  spellings: string[];
  seenIn: number;
  /** Newest first. */
  articles: LearnedArticle[];
  coMentions: CoMention[];
  note?: string;
}

/** The popup's list: which of a page's names are learned. */
export interface LearnedSummary {
  surface: string;
  key: string;
  name: string;
  seenIn: number;
}
