// Reads how to cite the article a highlight comes from: title, outlet, author, published date and
// canonical address, from the page's <meta> tags and JSON-LD. Outlets tag these many ways, so the
// places to look are data tables, tried in order; the first usable value wins.
import type { Citation } from "./highlight";

/** `<meta>` keys (name, property or itemprop), best first. */
const META_KEYS = {
  title: ["og:title", "twitter:title", "dc.title", "headline"],
  outlet: ["og:site_name", "application-name", "publisher", "dc.publisher", "twitter:site"],
  author: ["author", "article:author", "byl", "dc.creator", "parsely-author", "sailthru.author"],
  published: [
    "article:published_time", "datepublished", "pubdate", "publishdate", "publish-date", "date",
    "dc.date.issued", "dc.date", "og:published_time", "sailthru.date", "parsely-pub-date", "datecreated",
  ],
} as const;

/** JSON-LD types that describe the article itself. */
const ARTICLE_TYPES = new Set(["NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle", "BlogPosting", "WebPage", "OpinionNewsArticle"]);

type JsonObject = Record<string, unknown>;

function metaValues(document: Document): Map<string, string> {
  const values = new Map<string, string>();
  for (const meta of document.querySelectorAll("meta[content]")) {
    const key = (meta.getAttribute("property") ?? meta.getAttribute("name") ?? meta.getAttribute("itemprop"))?.toLowerCase();
    const content = meta.getAttribute("content")?.trim();
    if (key && content && !values.has(key)) values.set(key, content);
  }
  return values;
}

/** Every object of the page's JSON-LD, with `@graph` and lists flattened; broken blocks are skipped. */
function jsonLdObjects(document: Document): JsonObject[] {
  const objects: JsonObject[] = [];
  const visit = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === "object") {
      objects.push(value as JsonObject);
      const graph = (value as JsonObject)["@graph"];
      if (graph) visit(graph);
    }
  };
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      visit(JSON.parse(script.textContent ?? ""));
    } catch {
      // Sites ship invalid JSON-LD often enough; the meta tags still apply.
    }
  }
  return objects;
}

function isArticle(object: JsonObject): boolean {
  const type = object["@type"];
  return (Array.isArray(type) ? type : [type]).some((t) => typeof t === "string" && ARTICLE_TYPES.has(t));
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

function clean(value: string | undefined, max: number): string | undefined {
  const text = value?.replace(/\s+/g, " ").trim();
  return text ? text.slice(0, max) : undefined;
}

/** An ISO date-time if the value parses as a date, else undefined. */
function isoDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  // A bare date stays a date: turning it into midnight UTC would invent a time (and a day, by zone).
  if (/^\d{4}-\d{2}-\d{2}$/.test(trimmed)) return trimmed;
  const time = Date.parse(trimmed);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/** An author that is a profile link rather than a name says nothing to a reader of the citation. */
function isName(value: string): boolean {
  return !/^https?:\/\//i.test(value);
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

/** Query parameters that only say how the reader arrived (campaign and click trackers). */
const TRACKING_PARAMETER = /^(utm_\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|ref_src)$/i;

/**
 * The page's own address without fragment or tracking parameters: the key later visits look
 * highlights up by, so arriving from a newsletter or a share link finds the same passages.
 */
export function pageAddress(href: string): string {
  const url = new URL(href);
  url.hash = "";
  for (const name of [...url.searchParams.keys()]) if (TRACKING_PARAMETER.test(name)) url.searchParams.delete(name);
  return url.href;
}

export function readCitation(document: Document, pageUrl: string, now: Date): Citation {
  const meta = metaValues(document);
  const article = jsonLdObjects(document).find(isArticle);
  const fromMeta = (keys: readonly string[], accept: (v: string) => boolean = () => true) =>
    keys.map((key) => meta.get(key)).find((value): value is string => !!value && accept(value));

  const title =
    clean(typeof article?.headline === "string" ? article.headline : undefined, 2000) ??
    clean(fromMeta(META_KEYS.title), 2000) ??
    clean(document.title, 2000) ??
    "";
  const outlet = clean(names(article?.publisher)[0], 500) ?? clean(fromMeta(META_KEYS.outlet, (v) => !v.startsWith("@")), 500);
  const ldAuthors = names(article?.author).filter(isName);
  const author = clean(ldAuthors.length ? ldAuthors.join("، ") : fromMeta(META_KEYS.author, isName), 1000);
  const publishedAt =
    isoDate(typeof article?.datePublished === "string" ? article.datePublished : undefined) ??
    META_KEYS.published.map((key) => isoDate(meta.get(key))).find(Boolean) ??
    isoDate(document.querySelector("article time[datetime], time[pubdate][datetime]")?.getAttribute("datetime") ?? undefined);
  const url =
    httpUrl(document.querySelector('link[rel~="canonical"]')?.getAttribute("href"), pageUrl) ??
    httpUrl(meta.get("og:url"), pageUrl) ??
    pageAddress(pageUrl);

  return {
    title,
    url,
    accessedAt: now.toISOString(),
    ...(outlet ? { outlet } : {}),
    ...(author ? { author } : {}),
    ...(publishedAt ? { publishedAt } : {}),
  };
}
