// A name learned from reading, as the database stores it and a backup carries it (src/kb/learned.ts
// keeps and changes them): every field checked when a backup is imported.
import * as v from "valibot";
import { ENTITY_TYPES, type EntityType } from "@/src/nlp/types";
import { HttpUrlSchema } from "@/src/shared/fields";

/** Articles kept per learned name (the oldest go first; the count of articles keeps growing). */
export const MAX_LEARNED_ARTICLES = 20;
/** Spellings kept per learned name. */
export const MAX_SPELLINGS = 12;
export const MAX_LEARNED_NAME = 200;
const MAX_URL = 2048;
const MAX_TITLE = 300;
const MAX_NAME = MAX_LEARNED_NAME;
const MAX_NOTE = 600;
export const MAX_LEARNED_KEY = 400;

/** The types a learned name can have (dates are never entities). */
export const LEARNED_TYPES = ENTITY_TYPES.filter((type) => type !== "DATE") as Exclude<
  EntityType,
  "DATE"
>[];

const Text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const Name = v.pipe(v.string(), v.trim(), v.nonEmpty(), v.maxLength(MAX_NAME));

export const LearnedArticleSchema = v.strictObject({
  url: v.pipe(HttpUrlSchema, v.maxLength(MAX_URL)),
  title: Text(MAX_TITLE),
  /** The article's publication day, when the page said it (`YYYY[-MM[-DD]]`). */
  publishedAt: v.optional(Text(64)),
  seenAt: v.pipe(v.number(), v.finite()),
});
export type LearnedArticle = v.InferOutput<typeof LearnedArticleSchema>;

/** A learned name as stored, and as a backup carries it (every field checked on import). */
export const LearnedRecordSchema = v.strictObject({
  key: v.pipe(v.string(), v.nonEmpty(), v.maxLength(MAX_LEARNED_KEY)),
  /** The name shown: the first spelling met, or the reader's edit. */
  name: Name,
  type: v.picklist(LEARNED_TYPES),
  spellings: v.pipe(v.array(Name), v.minLength(1), v.maxLength(MAX_SPELLINGS)),
  /** Oldest first. */
  articles: v.pipe(
    v.array(LearnedArticleSchema),
    v.minLength(1),
    v.maxLength(MAX_LEARNED_ARTICLES),
  ),
  /** Distinct articles it was met in, including those no longer kept in `articles`. */
  seenIn: v.pipe(v.number(), v.integer(), v.minValue(1)),
  /** The reader's note. */
  note: v.optional(Text(MAX_NOTE)),
  /** The reader said it is not worth knowing: kept so it is not learned again, never shown. */
  dismissed: v.optional(v.boolean()),
  /** The reader edited it: never evicted. */
  edited: v.optional(v.boolean()),
  createdAt: v.pipe(v.number(), v.finite()),
  seenAt: v.pipe(v.number(), v.finite()),
});
export type LearnedRecord = v.InferOutput<typeof LearnedRecordSchema>;

/** What the reader may change. */
export const LearnedEditSchema = v.strictObject({
  name: Name,
  type: v.picklist(LEARNED_TYPES),
  spellings: v.pipe(v.array(Name), v.maxLength(MAX_SPELLINGS)),
  note: v.optional(Text(MAX_NOTE)),
});
export type LearnedEdit = v.InferOutput<typeof LearnedEditSchema>;

export type LearnedType = (typeof LEARNED_TYPES)[number];
