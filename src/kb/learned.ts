// Names learned from reading (issue 16, part 3): an unknown name met in at least two articles
// becomes a local "learned" entity — its type, the spellings seen, the articles (title, date,
// address) and, read from the mention records of those articles, the known entities mentioned with
// it. It lives in the background's database only, apart from the bounded sightings table (a page
// flooding names evicts sightings, not what the reader has learned), and it is the reader's: it can
// be edited, dismissed (it stays, so it does not come back) or promoted to a full entity.
import type { EntityType } from "@/src/nlp/types";
import { suppressionKey } from "@/src/settings/suppressions";
import {
  MAX_LEARNED_ARTICLES,
  MAX_LEARNED_KEY,
  MAX_LEARNED_NAME,
  MAX_SPELLINGS,
  type LearnedArticle,
  type LearnedRecord,
} from "@/src/contracts/learned";

/** Distinct articles (page addresses) a name must be met in before it is learned. */
export const LEARN_AFTER_ARTICLES = 2;
/** Learned names kept; beyond it the least recently seen that the reader never touched go first. */
export const MAX_LEARNED = 1000;
/** Co-mentioned entities a view lists. */
export const MAX_CO_MENTIONS = 10;

const MAX_URL = 2048;
const MAX_TITLE = 300;
const MAX_NAME = MAX_LEARNED_NAME;

export function learnedKey(surface: string): string {
  return suppressionKey(surface).slice(0, MAX_LEARNED_KEY);
}

function article(page: {
  url: string;
  title: string;
  publishedAt?: string;
  seenAt: number;
}): LearnedArticle {
  const entry: LearnedArticle = {
    url: page.url.slice(0, MAX_URL),
    title: page.title.slice(0, MAX_TITLE),
    seenAt: page.seenAt,
  };
  if (page.publishedAt) entry.publishedAt = page.publishedAt.slice(0, 64);
  return entry;
}

export function withSpelling(spellings: readonly string[], surface: string): string[] {
  const name = surface.trim().slice(0, MAX_NAME);
  if (!name || spellings.includes(name)) return [...spellings];
  return [...spellings, name].slice(-MAX_SPELLINGS);
}

/** A new learned record from the articles a name was met in (at least LEARN_AFTER_ARTICLES). */
export function learnedFrom(
  key: string,
  spellings: readonly string[],
  type: EntityType,
  pages: readonly { url: string; title: string; publishedAt?: string; seenAt: number }[],
  now: number,
): LearnedRecord {
  const names = spellings.reduce<string[]>(withSpelling, []);
  const articles = pages.map(article).slice(-MAX_LEARNED_ARTICLES);
  return {
    key,
    name: names[0]!,
    type: type === "DATE" ? "MISC" : type,
    spellings: names,
    articles,
    seenIn: new Set(pages.map((p) => p.url)).size,
    createdAt: now,
    seenAt: now,
  };
}

/** The sightings (as an older version stored them) met in enough articles to be learned. */
export function learnedFromSightings(
  sightings: readonly {
    key: string;
    surface: string;
    type: EntityType;
    pages: readonly { url: string; title: string; publishedAt?: string; seenAt: number }[];
    seenAt: number;
  }[],
  now: number,
): LearnedRecord[] {
  return sightings.flatMap((sighting) => {
    const pages = sighting.pages.filter((p) => /^https?:\/\//i.test(p.url));
    if (new Set(pages.map((p) => p.url)).size < LEARN_AFTER_ARTICLES) return [];
    const record = learnedFrom(sighting.key, [sighting.surface], sighting.type, pages, now);
    return [{ ...record, createdAt: sighting.seenAt, seenAt: sighting.seenAt }];
  });
}

/** The record after the name was met again on `page` (the same page twice counts once). */
export function learnedSeenAgain(
  record: LearnedRecord,
  surface: string,
  page: { url: string; title: string; publishedAt?: string; seenAt: number },
): LearnedRecord {
  const entry = article(page);
  const again = record.articles.find((a) => a.url === entry.url);
  const articles = record.articles.filter((a) => a !== again);
  if (again?.publishedAt && !entry.publishedAt) entry.publishedAt = again.publishedAt;
  articles.push(entry);
  return {
    ...record,
    spellings: withSpelling(record.spellings, surface),
    articles: articles.slice(-MAX_LEARNED_ARTICLES),
    seenIn: record.seenIn + (again ? 0 : 1),
    seenAt: page.seenAt,
  };
}
