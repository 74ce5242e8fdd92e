// @vitest-environment happy-dom
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { publicationDay, readPageMeta } from "@/src/page/page-meta";
import { describeShared, fromShared, readSharedJson, sharedPath } from "../../shared-data";

// Saved pages link remote styles and embed remote frames; neither carries metadata, so styles count
// as loaded and frames are made inert instead of logging a load failure for each.
(window as unknown as { happyDOM: { settings: { handleDisabledFileLoadingAsSuccess: boolean } } }).happyDOM.settings.handleDisabledFileLoadingAsSuccess = true;
const inertFrames = (html: string) => html.replace(/<(\/?)iframe\b/gi, "<$1x-frame");

const pages = sharedPath("corpora/pages");
const parse = (html: string) => new DOMParser().parseFromString(html, "text/html");
const page = (name: string) => parse(inertFrames(readFileSync(`${pages}/${name}`, "utf8")));
const goldDates = fromShared(() => readSharedJson<Record<string, { url: string; gold_publication_date: string }>>("corpora/pages/gold/publication-dates.json"), {});

describeShared("readPageMeta on real pages", () => {
  it("reads the seed article's Open Graph title, outlet and publication time", () => {
    const doc = parse(readFileSync("demo/seed-article.html", "utf8"));
    const meta = readPageMeta(doc, "http://127.0.0.1:8080/seed-article.html#top");
    expect(meta).toEqual({
      url: "http://127.0.0.1:8080/seed-article.html",
      title: "العراق: التحالف الدولي أبلغنا بعدم وجود وحدات قتالية في البلاد",
      outlet: "الأمصار",
      publishedAt: "2021-12-10T09:00:00+03:00",
    });
    expect(publicationDay(meta.publishedAt)).toBe("2021-12-10");
  });

  it.each(["sputnik-arabic-1.html", "beirutobserver-1.html"])("finds the gold publication date of %s", (name) => {
    const meta = readPageMeta(page(name), "http://127.0.0.1/page.html");
    expect(publicationDay(meta.publishedAt)).toBe(goldDates[name]!.gold_publication_date);
    expect(meta.url).toBe(goldDates[name]!.url);
  });

  it("reads LBCI's JSON-LD NewsArticle and gold title", () => {
    const gold = JSON.parse(readFileSync(`${pages}/gold/lbcgroup-1.fundus-gold.json`, "utf8")).V1 as {
      title: string;
      publishing_date: string;
    };
    const meta = readPageMeta(page("lbcgroup-1.html"), "http://127.0.0.1/lbc.html");
    expect(meta.title).toBe(gold.title);
    expect(Date.parse(meta.publishedAt!)).toBe(Date.parse(gold.publishing_date));
    // The JSON-LD publisher names the outlet better than og:site_name ("LBCIV7").
    expect(meta.outlet).toBe("LBCI Lebanon");
    expect(meta.url.startsWith("https://www.lbcgroup.tv/news/lifestyle/898682/")).toBe(true);
  });

  it("prefers a named author over an author profile URL", () => {
    const meta = readPageMeta(page("beirutobserver-1.html"), "http://127.0.0.1/b.html");
    expect(meta.author).toBe("Ziad Sankary");
    expect(meta.outlet).toBe("Beirut Observer");
  });
});

describe("readPageMeta fallbacks", () => {
  it("uses JSON-LD @graph authors and headline when there are no meta tags", () => {
    const doc = parse(`<html><head><script type="application/ld+json">{"@context":"https://schema.org","@graph":[
      {"@type":"WebPage","name":"ignored"},
      {"@type":"NewsArticle","headline":"مقتل قاسم سليماني","datePublished":"2020-01-03T05:00:00Z",
       "author":[{"@type":"Person","name":"سارة"},{"@type":"Person","name":"علي"}],
       "publisher":{"@type":"Organization","name":"الأمصار"}}]}</script></head><body></body></html>`);
    expect(readPageMeta(doc, "https://example.org/a?x=1#c")).toEqual({
      url: "https://example.org/a?x=1",
      title: "مقتل قاسم سليماني",
      outlet: "الأمصار",
      author: "سارة، علي",
      publishedAt: "2020-01-03T05:00:00Z",
    });
  });

  it("survives broken JSON-LD, bad dates and unsafe canonical links", () => {
    const doc = parse(`<html><head><title>  عنوان
      الصفحة </title><link rel="canonical" href="javascript:alert(1)">
      <meta property="article:published_time" content="not a date">
      <script type="application/ld+json">{ broken</script></head><body><h1>h</h1></body></html>`);
    expect(readPageMeta(doc, "https://example.org/x")).toEqual({ url: "https://example.org/x", title: "عنوان الصفحة" });
  });

  it("resolves a relative canonical link against the page address", () => {
    const doc = parse(`<html><head><link rel="canonical" href="/news/1"></head><body><h1>خبر</h1></body></html>`);
    expect(readPageMeta(doc, "https://example.org/a/b?c")).toMatchObject({ url: "https://example.org/news/1", title: "خبر" });
  });
});

describe("publicationDay", () => {
  it("keeps the publisher's calendar day and rejects garbage", () => {
    expect(publicationDay("2020-11-09T23:34:47-05:00")).toBe("2020-11-09");
    expect(publicationDay("Mon, 09 Nov 2020 18:34:47 GMT")).toBe("2020-11-09");
    expect(publicationDay("soon")).toBeUndefined();
    expect(publicationDay(undefined)).toBeUndefined();
  });
});
