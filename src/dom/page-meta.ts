// Reads an article's metadata from its DOM — canonical address, title, outlet, author and
// publication date — from meta tags, JSON-LD and microdata. The one reader behind highlight
// citations, page events' sources and the reference date for relative dates. Outlets tag these many
// ways, so the places to look are data tables, tried in order; the first usable value wins. A page
// without a machine-readable date or author often shows them by its headline: the visible dateline
// (Arabic month names of both Gregorian systems, Hijri dates, read by src/nlp/dates) and byline
// ("بقلم …", "كتب …") are read last.
import { findDates } from "@/src/nlp/dates";
import { tokenize } from "@/src/nlp/tokenize";
import { readableFilter } from "./text-map";

export interface PageMeta {
  /** The canonical URL when the page names one, else the address without fragment or trackers. */
  url: string;
  title: string;
  outlet?: string;
  author?: string;
  /** As the page states it, when it parses as a date (e.g. `2021-12-10T09:00:00+03:00`). */
  publishedAt?: string;
}

/** `<meta>` keys (name, property or itemprop, lower-cased), best first. */
const META_KEYS = {
  title: ["og:title", "twitter:title", "dc.title", "headline"],
  outlet: ["og:site_name", "application-name", "publisher", "dc.publisher", "twitter:site"],
  author: ["author", "article:author", "byl", "dc.creator", "parsely-author", "sailthru.author"],
  published: [
    "article:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "date",
    "dc.date.issued",
    "dc.date",
    "og:published_time",
    "sailthru.date",
    "parsely-pub-date",
    "datecreated",
  ],
} as const;

/** Elements that carry a machine-readable date in an attribute (microdata, RDFa, `<time>`), best first. */
const DATED_ELEMENTS: readonly [selector: string, attribute: string][] = [
  ["[itemprop='datePublished'][datetime]", "datetime"],
  ["[itemprop='datePublished'][content]", "content"],
  [
    "[property='dc:date'][content], [property='dcterms:created'][content], [property='schema:datePublished'][content]",
    "content",
  ],
  ["article time[datetime], time[pubdate][datetime]", "datetime"],
];

/** Words that introduce a byline; the name follows (`بقلم: رائد العزاوي`, `كتب - فلان`). */
const BYLINE_WORDS = [
  "بقلم",
  "كتب",
  "كتبت",
  "كتبه",
  "كتبته",
  "إعداد",
  "اعداد",
  "تحرير",
  "بواسطة",
  "By",
];

/** How much visible text around the headline is searched for a dateline or byline. */
const AFTER_HEADLINE_CHARS = 400;
const BEFORE_HEADLINE_CHARS = 200;

/** JSON-LD types that describe the article itself; a generic WebPage only when nothing better is there. */
const ARTICLE_TYPES = new Set([
  "NewsArticle",
  "Article",
  "ReportageNewsArticle",
  "AnalysisNewsArticle",
  "OpinionNewsArticle",
  "BlogPosting",
  "WebPage",
]);

/** Query parameters that only say how the reader arrived (campaign and click trackers). */
const TRACKING_PARAMETER = /^(utm_\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|ref_src)$/i;

type JsonObject = Record<string, unknown>;

/**
 * The page's own address without fragment or tracking parameters: the key later visits look
 * highlights up by, so arriving from a newsletter or a share link finds the same passages.
 */
export function pageAddress(href: string): string {
  const url = new URL(href);
  url.hash = "";
  // forEach, not `keys()`: in a Firefox content script the iterator it returns crosses an Xray
  // wrapper and is not iterable ("searchParams.keys() is not iterable").
  const tracking: string[] = [];
  url.searchParams.forEach((_value, name) => {
    if (TRACKING_PARAMETER.test(name)) tracking.push(name);
  });
  for (const name of tracking) url.searchParams.delete(name);
  return url.href;
}

function metaValues(doc: Document): Map<string, string> {
  const values = new Map<string, string>();
  for (const meta of doc.querySelectorAll("meta[content]")) {
    const key = (
      meta.getAttribute("property") ??
      meta.getAttribute("name") ??
      meta.getAttribute("itemprop")
    )?.toLowerCase();
    const content = meta.getAttribute("content")?.trim();
    if (key && content && !values.has(key)) values.set(key, content);
  }
  return values;
}

/** Every object of the page's JSON-LD, with `@graph` and lists flattened; broken blocks are skipped. */
function jsonLdObjects(doc: Document): JsonObject[] {
  const objects: JsonObject[] = [];
  const visit = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === "object") {
      objects.push(value as JsonObject);
      const graph = (value as JsonObject)["@graph"];
      if (graph) visit(graph);
    }
  };
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      visit(JSON.parse(script.textContent ?? ""));
    } catch {
      // Publishers ship invalid JSON-LD often enough; the meta tags still apply.
    }
  }
  return objects;
}

function typesOf(object: JsonObject): string[] {
  const type = object["@type"];
  return (Array.isArray(type) ? type : [type]).filter((t): t is string => typeof t === "string");
}

/** The article object of the page's JSON-LD, preferring news articles over generic pages. */
function jsonLdArticle(doc: Document): JsonObject | undefined {
  const candidates = jsonLdObjects(doc).filter((o) => typesOf(o).some((t) => ARTICLE_TYPES.has(t)));
  return candidates.find((o) => !typesOf(o).includes("WebPage")) ?? candidates[0];
}

/** A person or organisation in JSON-LD: a name, an object with `name`, or a list of them. */
function names(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(names);
  if (value && typeof value === "object") {
    const name = (value as JsonObject).name;
    return typeof name === "string" ? [name] : [];
  }
  return [];
}

function clean(value: unknown, max = 2000): string | undefined {
  const text = typeof value === "string" ? value.replace(/\s+/g, " ").trim() : "";
  return text ? text.slice(0, max) : undefined;
}

/** An author that is a profile link rather than a name says nothing to a reader. */
function isName(value: string): boolean {
  return !/^https?:\/\//i.test(value.trim());
}

function validDate(value: string | null | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed && !Number.isNaN(Date.parse(trimmed)) ? trimmed : undefined;
}

function httpUrl(value: string | null | undefined, base: string): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value, base);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** Reads the metadata of `doc`; `address` defaults to the document's own URL. */
export function readPageMeta(
  doc: Document,
  address: string = doc.location?.href ?? doc.URL,
): PageMeta {
  const meta = metaValues(doc);
  const article = jsonLdArticle(doc);
  const fromMeta = (keys: readonly string[], accept: (v: string) => boolean = () => true) =>
    keys.map((key) => meta.get(key)).find((value): value is string => !!value && accept(value));

  const title =
    clean(fromMeta(META_KEYS.title)) ??
    clean(article?.headline) ??
    clean(doc.title) ??
    clean(doc.querySelector("h1")?.textContent) ??
    "";
  const outlet =
    clean(names(article?.publisher)[0], 500) ??
    clean(
      fromMeta(META_KEYS.outlet, (v) => !v.startsWith("@")),
      500,
    );
  const ldAuthors = names(article?.author).filter(isName);
  let nearHeadline: { before: string; after: string } | undefined;
  const aroundHeadline = () => (nearHeadline ??= textAroundHeadline(doc));
  const author =
    clean(ldAuthors.length ? ldAuthors.join("، ") : fromMeta(META_KEYS.author, isName), 1000) ??
    clean(
      doc.querySelector('[rel="author"], [itemprop="author"] [itemprop="name"]')?.textContent,
      1000,
    ) ??
    clean(bylineIn(aroundHeadline().after) ?? bylineIn(aroundHeadline().before), 200);
  const publishedAt =
    validDate(meta.get("article:published_time")) ??
    validDate(typeof article?.datePublished === "string" ? article.datePublished : undefined) ??
    META_KEYS.published.map((key) => validDate(meta.get(key))).find(Boolean) ??
    DATED_ELEMENTS.map(([selector, attribute]) =>
      validDate(doc.querySelector(selector)?.getAttribute(attribute)),
    ).find(Boolean) ??
    datelineIn(aroundHeadline().after) ??
    datelineIn(aroundHeadline().before, true);
  const url =
    httpUrl(doc.querySelector('link[rel~="canonical"]')?.getAttribute("href"), address) ??
    httpUrl(meta.get("og:url"), address) ??
    pageAddress(address);

  return {
    url,
    title,
    ...(outlet ? { outlet } : {}),
    ...(author ? { author } : {}),
    ...(publishedAt ? { publishedAt } : {}),
  };
}

/**
 * The visible text just after the article's headline (its first `<h1>`, else the first `<h2>`),
 * and just before it: where a dateline and a byline stand. Read by the text map's filter, so a
 * script or a hidden block never lends its date.
 */
function textAroundHeadline(doc: Document): { before: string; after: string } {
  const body = doc.body;
  const headline =
    body?.querySelector("article h1, main h1") ??
    body?.querySelector("h1") ??
    body?.querySelector("article h2, main h2");
  if (!body || !headline) return { before: "", after: "" };
  const walker = doc.createTreeWalker(body, 1 | 4 /* SHOW_ELEMENT | SHOW_TEXT */, readableFilter());
  let before = "";
  const after: string[] = [];
  let afterLength = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType !== 3 || headline.contains(node)) continue;
    const text = (node as Text).data.replace(/\s+/g, " ").trim();
    if (!text) continue;
    if (!(headline.compareDocumentPosition(node) & 4) /* not DOCUMENT_POSITION_FOLLOWING */) {
      before = `${before}\n${text}`.slice(-BEFORE_HEADLINE_CHARS);
      continue;
    }
    after.push(text);
    afterLength += text.length + 1;
    if (afterLength >= AFTER_HEADLINE_CHARS) break;
  }
  return { before, after: after.join("\n").slice(0, AFTER_HEADLINE_CHARS) };
}

/**
 * The first full date (day, month and year) in a dateline, as an ISO day: `الأربعاء، 28 آب/اغسطس
 * 2013` → `2013-08-28`, a Hijri date by the Umm al-Qura calendar. `last` takes the last one
 * instead (for the text before a headline, the date nearest to it).
 */
export function datelineIn(text: string, last = false): string | undefined {
  if (!text) return undefined;
  const days = findDates(tokenize(text))
    .map((span) => span.date)
    .filter((date): date is string => date !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(date));
  return last ? days[days.length - 1] : days[0];
}

const BYLINE = new RegExp(
  `(?:^|[\\s(|])(?:${BYLINE_WORDS.join("|")})\\s*[:：\\-–—]?\\s*([^\\n:،,.|\\-–—()\\d]{3,60})`,
  "u",
);

/** The name after a byline word (`بقلم: رائد العزاوي` → `رائد العزاوي`), up to four words. */
export function bylineIn(text: string): string | undefined {
  const match = BYLINE.exec(text);
  const name = match?.[1]?.trim().split(/\s+/).slice(0, 4).join(" ");
  return name && name.length >= 3 ? name : undefined;
}

/**
 * The calendar day a publication date names, as the publisher wrote it (`2021-12-10T09:00+03:00`
 * → `2021-12-10`): the reference for resolving "last year" or "Thursday" in the article.
 */
export function publicationDay(publishedAt: string | undefined): string | undefined {
  const day = publishedAt?.match(/^(\d{4}-\d{2}-\d{2})/)?.[1];
  if (day) return day;
  const parsed = publishedAt ? Date.parse(publishedAt) : Number.NaN;
  return Number.isNaN(parsed) ? undefined : new Date(parsed).toISOString().slice(0, 10);
}
