import { describe, expect, it, vi } from "vitest";
import * as v from "valibot";
import { pageAddress, readCitation } from "@/src/highlights/citation";
import { CitationSchema } from "@/src/contracts/highlight";
import { pageHtml, parsePage } from "../../fixtures/anchoring/pages";
import { describeShared } from "../../shared-data";

const NOW = new Date("2026-11-29T12:00:00.000Z");
const cite = (page: string, url = "https://example.org/article#top") => {
  const citation = readCitation(parsePage(pageHtml(page)), url, NOW);
  expect(v.safeParse(CitationSchema, citation).success).toBe(true);
  return citation;
};

describeShared("readCitation on real pages", () => {
  it("reads LBCI's title, date and outlet from meta and JSON-LD", () => {
    const citation = cite("lbcgroup-1");
    expect(citation.title).toContain("لغز لون شعر دونالد ترامب");
    expect(citation.publishedAt).toBe("2026-01-08T11:42:50.000Z");
    expect(citation.outlet).toBeTruthy();
    expect(citation.url).toMatch(/^https:\/\/www\.lbcgroup\.tv\/news\/lifestyle\/898682\//);
    expect(citation.accessedAt).toBe("2026-11-29T12:00:00.000Z");
  });

  it("reads publication dates where the page declares them", () => {
    expect(cite("sputnik-arabic-1").publishedAt?.slice(0, 10)).toBe("2020-03-17");
    expect(cite("beirutobserver-1").publishedAt?.slice(0, 10)).toBe("2020-11-09");
  });

  it("prefers a named author and never cites a profile link as one", () => {
    // Its article:author is a Facebook profile link; the named author comes from elsewhere.
    expect(cite("beirutobserver-1").author).toBe("Ziad Sankary");
    expect(cite("almadenahnews-1").author).toBe("المدينة نيوز");
  });

  it("cites the canonical address, and the page address without fragment when there is none", () => {
    expect(cite("beirutobserver-1").url).toBe("https://www.beirutobserver.com/2020/11/2338761/");
    expect(cite("cnn-arabic-1").outlet).toBe("CNNArabic");
    const bare = readCitation(
      parsePage("<html><head><title> عنوان  الصفحة </title></head><body></body></html>"),
      "https://example.org/a?b=1#c",
      NOW,
    );
    expect(bare).toEqual({
      title: "عنوان الصفحة",
      url: "https://example.org/a?b=1",
      accessedAt: NOW.toISOString(),
    });
  });

  it("reads JSON-LD NewsArticle author and publisher, skipping broken blocks", () => {
    const html = `<html><head>
      <script type="application/ld+json">{broken</script>
      <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"x"},
        {"@type":"NewsArticle","headline":"العراق: التحالف الدولي أبلغنا","datePublished":"2021-12-10T08:00:00+03:00",
         "author":[{"@type":"Person","name":"رائد العزاوي"},{"@type":"Person","name":"كاتب ثان"}],
         "publisher":{"@type":"Organization","name":"الأمصار"}}]}</script>
      <meta property="og:site_name" content="Other"></head><body></body></html>`;
    expect(readCitation(parsePage(html), "https://example.org/x", NOW)).toMatchObject({
      title: "العراق: التحالف الدولي أبلغنا",
      author: "رائد العزاوي، كاتب ثان",
      outlet: "الأمصار",
      publishedAt: "2021-12-10T05:00:00.000Z",
    });
  });
});

describe("pageAddress", () => {
  it("drops the fragment and tracking parameters, keeping what selects the article", () => {
    expect(
      pageAddress("https://example.org/news?id=7&utm_source=x&UTM_Medium=y&fbclid=z#para-3"),
    ).toBe("https://example.org/news?id=7");
    expect(pageAddress("https://example.org/%D8%A7%D9%84%D8%B9%D8%B1%D8%A7%D9%82")).toBe(
      "https://example.org/%D8%A7%D9%84%D8%B9%D8%B1%D8%A7%D9%82",
    );
  });

  it("works where URLSearchParams iterators are not iterable (a Firefox content script's Xray view)", () => {
    // Firefox hands content scripts the page's URLSearchParams through an Xray wrapper: `keys()`
    // returns an object with `next` but no `Symbol.iterator`, so spreading it throws.
    const RealURL = URL;
    class XrayURL extends RealURL {
      constructor(href: string) {
        super(href);
        const params = this.searchParams;
        for (const method of ["keys", "values", "entries"] as const) {
          const real = params[method].bind(params);
          Object.defineProperty(params, method, {
            value: () => ({ next: () => (real() as Iterator<unknown>).next() }),
          });
        }
      }
    }
    vi.stubGlobal("URL", XrayURL);
    try {
      expect(pageAddress("https://example.org/news?utm_source=x&id=7&gclid=1")).toBe(
        "https://example.org/news?id=7",
      );
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
