// Reads an article's citation metadata from its DOM: canonical URL, title, outlet, author and
// publication date, from Open Graph / article meta tags, JSON-LD and microdata, in that order.
// Used for page events' sources and for highlight citations.

export interface PageMeta {
  /** The canonical URL when the page names one, else the address without its fragment. */
  url: string;
  title: string;
  outlet?: string;
  author?: string;
  /** As the page states it, when it parses as a date (e.g. `2021-12-10T09:00:00+03:00`). */
  publishedAt?: string;
}

type JsonObject = Record<string, unknown>;

const ARTICLE_TYPES = /^(NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|BlogPosting|OpinionNewsArticle|WebPage)$/;

function metaContent(doc: Document, selectors: readonly string[]): string | undefined {
  for (const selector of selectors) {
    for (const element of doc.querySelectorAll(selector)) {
      const value = (element.getAttribute("content") ?? element.getAttribute("datetime") ?? "").trim();
      if (value) return value;
    }
  }
  return undefined;
}

/** Every JSON-LD object on the page, `@graph` members and arrays flattened. Broken blocks are skipped. */
function jsonLdObjects(doc: Document): JsonObject[] {
  const found: JsonObject[] = [];
  const visit = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === "object") {
      found.push(node as JsonObject);
      const graph = (node as JsonObject)["@graph"];
      if (graph) visit(graph);
    }
  };
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      visit(JSON.parse(script.textContent ?? ""));
    } catch {
      // Publishers ship invalid JSON-LD often enough; the other sources still count.
    }
  }
  return found;
}

function typesOf(object: JsonObject): string[] {
  const type = object["@type"];
  return (Array.isArray(type) ? type : [type]).filter((t): t is string => typeof t === "string");
}

/** The article object of the page's JSON-LD, preferring news articles over generic pages. */
function jsonLdArticle(doc: Document): JsonObject | undefined {
  const candidates = jsonLdObjects(doc).filter((o) => typesOf(o).some((t) => ARTICLE_TYPES.test(t)));
  return candidates.find((o) => !typesOf(o).includes("WebPage")) ?? candidates[0];
}

/** Names from a JSON-LD person/organisation value: a string, an object with `name`, or a list. */
function names(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(names);
  if (value && typeof value === "object") {
    const name = (value as JsonObject).name;
    return typeof name === "string" ? [name] : [];
  }
  return [];
}

function text(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() ? value.trim() : undefined;
}

function validDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  return Number.isNaN(Date.parse(value)) ? undefined : value;
}

function looksLikeUrl(value: string): boolean {
  return /^https?:\/\//i.test(value);
}

function absolute(href: string | undefined, base: string): string | undefined {
  if (!href) return undefined;
  try {
    const url = new URL(href, base);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function withoutFragment(address: string): string {
  const hash = address.indexOf("#");
  return hash < 0 ? address : address.slice(0, hash);
}

/** Reads the citation metadata of `doc`; `address` defaults to the document's own URL. */
export function readPageMeta(doc: Document, address: string = doc.location?.href ?? doc.URL): PageMeta {
  const article = jsonLdArticle(doc);
  const canonical = doc.querySelector('link[rel~="canonical"]')?.getAttribute("href") ?? undefined;
  const url = absolute(canonical, address) ?? absolute(metaContent(doc, ['meta[property="og:url"]']), address);

  const title =
    metaContent(doc, ['meta[property="og:title"]', 'meta[name="twitter:title"]']) ??
    text(article?.headline) ??
    text(doc.title) ??
    text(doc.querySelector("h1")?.textContent) ??
    "";

  const outlet =
    metaContent(doc, ['meta[property="og:site_name"]', 'meta[name="application-name"]']) ??
    names(article?.publisher)[0];

  const authorMeta = metaContent(doc, [
    'meta[name="author"]',
    'meta[name="Author"]',
    'meta[property="article:author"]',
    'meta[itemprop="author"]',
  ]);
  const authorLd = names(article?.author).map((n) => n.trim()).filter(Boolean);
  const author =
    (authorLd.length ? authorLd.join("، ") : undefined) ??
    (authorMeta && !looksLikeUrl(authorMeta) ? authorMeta : undefined) ??
    text(doc.querySelector('[rel="author"], [itemprop="author"] [itemprop="name"]')?.textContent);

  const publishedAt =
    validDate(metaContent(doc, ['meta[property="article:published_time"]'])) ??
    validDate(text(article?.datePublished)) ??
    validDate(
      metaContent(doc, [
        '[itemprop="datePublished"]',
        'meta[name="pubdate"]',
        'meta[name="publishdate"]',
        'meta[name="parsely-pub-date"]',
        'meta[name="DC.date.issued"]',
        'meta[name="date"]',
      ]),
    ) ??
    validDate(doc.querySelector("article time[datetime]")?.getAttribute("datetime") ?? undefined);

  return {
    url: url ?? withoutFragment(address),
    title: title.replace(/\s+/g, " ").trim(),
    ...(outlet ? { outlet } : {}),
    ...(author ? { author } : {}),
    ...(publishedAt ? { publishedAt } : {}),
  };
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
