// @vitest-environment happy-dom
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { bylineIn, datelineIn, publicationDay, readPageMeta } from "@/src/dom/page-meta";
import { describeShared, fromShared, readSharedJson, sharedPath } from "../../shared-data";

// Saved pages link remote styles and embed remote frames; neither carries metadata, so styles count
// as loaded and frames are made inert instead of logging a load failure for each.
(
  window as unknown as { happyDOM: { settings: { handleDisabledFileLoadingAsSuccess: boolean } } }
).happyDOM.settings.handleDisabledFileLoadingAsSuccess = true;
const inertFrames = (html: string) => html.replace(/<(\/?)iframe\b/gi, "<$1x-frame");

const pages = sharedPath("corpora/pages");
const parse = (html: string) => new DOMParser().parseFromString(html, "text/html");
const page = (name: string) => parse(inertFrames(readFileSync(`${pages}/${name}`, "utf8")));
const goldDates = fromShared(
  () =>
    readSharedJson<Record<string, { url: string; gold_publication_date: string }>>(
      "corpora/pages/gold/publication-dates.json",
    ),
  {},
);

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

  it.each(["sputnik-arabic-1.html", "beirutobserver-1.html"])(
    "finds the gold publication date of %s",
    (name) => {
      const meta = readPageMeta(page(name), "http://127.0.0.1/page.html");
      expect(publicationDay(meta.publishedAt)).toBe(goldDates[name]!.gold_publication_date);
      expect(meta.url).toBe(goldDates[name]!.url);
    },
  );

  it("reads LBCI's JSON-LD NewsArticle and gold title", () => {
    const gold = JSON.parse(readFileSync(`${pages}/gold/lbcgroup-1.fundus-gold.json`, "utf8"))
      .V1 as {
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

  it("reads the visible dateline when a page has no date in its metadata (gold: almadenahnews 2020-04-24)", () => {
    // "تم نشره الجمعة 24 نيسان / أبريل 2020" under the headline, and no date in meta or JSON-LD.
    const name = "almadenahnews-1.html";
    expect(publicationDay(readPageMeta(page(name), "http://127.0.0.1/a.html").publishedAt)).toBe(
      goldDates[name]!.gold_publication_date,
    );
    // "الأربعاء، 28 آب/اغسطس 2013" under CNN Arabic's headline (its address says 2013/…/8/3, the day it was first filed).
    expect(readPageMeta(page("cnn-arabic-1.html"), "http://127.0.0.1/c.html").publishedAt).toBe(
      "2013-08-28",
    );
  });

  it("reads an RDFa date on an element, not only in <meta>", () => {
    expect(
      publicationDay(readPageMeta(page("assabah-1.html"), "http://127.0.0.1/s.html").publishedAt),
    ).toBe("2019-02-08");
  });

  it("prefers a named author over an author profile URL", () => {
    const meta = readPageMeta(page("beirutobserver-1.html"), "http://127.0.0.1/b.html");
    expect(meta.author).toBe("Ziad Sankary");
    expect(meta.outlet).toBe("Beirut Observer");
  });
});

describe("readPageMeta fallbacks", () => {
  it("uses JSON-LD @graph authors and headline when there are no meta tags", () => {
    const doc =
      parse(`<html><head><script type="application/ld+json">{"@context":"https://schema.org","@graph":[
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
    expect(readPageMeta(doc, "https://example.org/x")).toEqual({
      url: "https://example.org/x",
      title: "عنوان الصفحة",
    });
  });

  it("resolves a relative canonical link against the page address", () => {
    const doc = parse(
      `<html><head><link rel="canonical" href="/news/1"></head><body><h1>خبر</h1></body></html>`,
    );
    expect(readPageMeta(doc, "https://example.org/a/b?c")).toMatchObject({
      url: "https://example.org/news/1",
      title: "خبر",
    });
  });
});

describe("dateline and byline by the headline", () => {
  const article = (inside: string) =>
    parse(
      `<html><head><title>t</title></head><body><nav>الاثنين 1 كانون الثاني 2001</nav><article>${inside}</article></body></html>`,
    );

  it("reads both Gregorian month systems, paired forms and Hijri dates", () => {
    expect(datelineIn("الأربعاء، 28 آب/اغسطس 2013، آخر تحديث 14:00")).toBe("2013-08-28");
    expect(datelineIn("نُشر في 9 ديسمبر 2021")).toBe("2021-12-09");
    expect(datelineIn("الجمعة 8 فيفري 2019")).toBe("2019-02-08");
    expect(datelineIn("15 رمضان 1443 هـ")).toBe("2022-04-16"); // Umm al-Qura: 1 Ramadan 1443 = 2 April 2022
    // A month and year alone is no publication day.
    expect(datelineIn("يونيو/حزيران 2014")).toBeUndefined();
  });

  it("takes the first full date after the headline, never one from a script, hidden text or the menu", () => {
    const doc =
      article(`<h1>العراق: التحالف الدولي أبلغنا</h1><script>var d = "3 كانون الثاني 2020";</script>
      <div hidden>5 حزيران 2010</div><p class="date">الجمعة 10 كانون الأول 2021</p><p>بقلم: رائد العزاوي</p><p>في 9 كانون الأول الماضي</p>`);
    const meta = readPageMeta(doc, "http://127.0.0.1/x.html");
    expect(meta.publishedAt).toBe("2021-12-10");
    expect(meta.author).toBe("رائد العزاوي");
  });

  it("falls back to a dateline just above the headline, and leaves the date out when there is none", () => {
    expect(
      readPageMeta(
        article(`<span>الخميس 3 يناير 2020</span><h1>مقتل قاسم سليماني</h1><p>نص</p>`),
        "http://x.org/",
      ).publishedAt,
    ).toBe("2020-01-03");
    expect(
      readPageMeta(article(`<h1>مقتل قاسم سليماني</h1><p>نص بلا تاريخ</p>`), "http://x.org/")
        .publishedAt,
    ).toBeUndefined();
  });

  it("reads a byline word with the name after it, up to four words", () => {
    expect(bylineIn("كتب - محمد الخطيب\nبيروت")).toBe("محمد الخطيب");
    expect(bylineIn("By Jane Arraf, Baghdad")).toBe("Jane Arraf");
    expect(bylineIn("لا كاتب هنا")).toBeUndefined();
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
