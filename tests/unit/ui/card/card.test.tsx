// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { render } from "preact";
import { placeCard } from "@/src/ui/card/card-host";
import { HoverCard, eventsAround } from "@/src/ui/card/HoverCard";
import type { CardDetails } from "@/src/content/view";
import { cardTranslator } from "@/src/i18n/card-labels";
import type { EntityRecord, EventRecord } from "@/src/kb/db";

const overlaps = (a: { top: number; bottom: number }, b: { top: number; bottom: number }) =>
  a.top < b.bottom && b.top < a.bottom;

describe("placeCard", () => {
  it("never covers the word and stays inside the viewport, whatever the sizes", () => {
    fc.assert(
      fc.property(
        fc.record({
          vw: fc.integer({ min: 320, max: 2000 }),
          vh: fc.integer({ min: 200, max: 1400 }),
        }),
        fc.record({
          x: fc.double({ min: 0, max: 1, noNaN: true }),
          y: fc.double({ min: 0, max: 1, noNaN: true }),
          w: fc.integer({ min: 10, max: 300 }),
          h: fc.integer({ min: 12, max: 40 }),
        }),
        fc.record({ w: fc.integer({ min: 200, max: 400 }), h: fc.integer({ min: 50, max: 900 }) }),
        ({ vw, vh }, word, cardSize) => {
          const box = {
            left: word.x * (vw - word.w),
            top: word.y * (vh - word.h),
            width: word.w,
            height: word.h,
          };
          const at = placeCard(
            box,
            { width: cardSize.w, height: cardSize.h },
            { width: vw, height: vh },
          );
          const height = Math.min(cardSize.h, at.maxHeight);
          expect(
            overlaps(
              { top: at.top, bottom: at.top + height },
              { top: box.top, bottom: box.top + box.height },
            ),
          ).toBe(false);
          expect(at.left).toBeGreaterThanOrEqual(0);
          expect(at.left + Math.min(cardSize.w, vw - 16)).toBeLessThanOrEqual(vw);
          expect(at.top).toBeGreaterThanOrEqual(0);
          expect(at.top + height).toBeLessThanOrEqual(vh);
        },
      ),
    );
  });

  it("starts at the word's right edge for an Arabic card and at its left edge for an English one", () => {
    const viewport = { width: 1000, height: 800 };
    const word = { left: 500, top: 100, width: 80, height: 20 };
    expect(placeCard(word, { width: 340, height: 300 }, viewport).left).toBe(580 - 340);
    expect(placeCard(word, { width: 340, height: 300 }, viewport, "ltr").left).toBe(500);
    // Clamped into the viewport either way.
    expect(
      placeCard({ ...word, left: 900 }, { width: 340, height: 300 }, viewport, "ltr").left,
    ).toBe(1000 - 8 - 340);
  });

  it("goes below the word when there is room, above when there is not", () => {
    const viewport = { width: 1000, height: 800 };
    expect(
      placeCard(
        { left: 500, top: 100, width: 80, height: 20 },
        { width: 340, height: 300 },
        viewport,
      ).side,
    ).toBe("below");
    expect(
      placeCard(
        { left: 500, top: 700, width: 80, height: 20 },
        { width: 340, height: 300 },
        viewport,
      ).side,
    ).toBe("above");
  });
});

const SOLEIMANI: EntityRecord = {
  id: "per:qasem-soleimani",
  type: "PER",
  names: { ar: "قاسم سليماني", en: "Qasem Soleimani" },
  aliases: ["سليماني"],
  aliasKeys: [],
  description: { ar: "قائد فيلق القدس في الحرس الثوري الإيراني" },
  facts: [{ label: { ar: "الميلاد" }, value: { ar: "1957" } }],
  qid: "Q1055393",
  source: "starter",
  updatedAt: 0,
};

const event = (id: string, date: string, title: string): EventRecord =>
  ({
    id,
    date,
    title: { ar: title },
    entityIds: [SOLEIMANI.id],
    origin: "pack",
    createdAt: 0,
  }) as EventRecord;

function show(details: CardDetails, surface = "قاسم سليماني") {
  const root = document.createElement("div");
  render(
    <HoverCard
      mention={{ surface, type: "PER", entityId: SOLEIMANI.id }}
      details={details}
      actions={{ close: () => {}, notAnEntity: async () => {} }}
    />,
    root,
  );
  return root;
}

describe("HoverCard", () => {
  it("shows names, type, description, facts, the three latest events, seen-in and a Wikidata link", () => {
    const events = [
      event("a", "2019-05", "حدث قديم"),
      event("b", "2020-01-03", "مقتله قرب مطار بغداد"),
      event("c", "2011", "أقدم"),
      event("d", "2018-02-01", "حدث آخر"),
    ];
    const root = show({ state: "known", entity: SOLEIMANI, events, seenIn: 3 });
    const text = root.textContent!;
    for (const part of [
      "قاسم سليماني",
      "Qasem Soleimani",
      "شخص",
      "قائد فيلق القدس",
      "الميلاد",
      "1957",
      "ورد في 3 مقالات قرأتها",
    ])
      expect(text).toContain(part);
    expect(
      [...root.querySelectorAll("ol.events time")].map((t) => t.getAttribute("datetime")),
    ).toEqual(["2020-01-03", "2019-05", "2018-02-01"]);
    expect(root.querySelector("a")!.getAttribute("href")).toBe(
      "https://www.wikidata.org/wiki/Q1055393",
    );
    expect(root.querySelector("[role=dialog]")!.getAttribute("dir")).toBe("rtl");
  });

  it("renders page and pack strings as text, never as markup", () => {
    const hostile = '<img src=x onerror="alert(1)">';
    const root = show(
      {
        state: "known",
        entity: { ...SOLEIMANI, names: { ar: hostile }, description: { ar: hostile } },
        events: [event("x", "2020", hostile)],
        seenIn: 0,
      },
      hostile,
    );
    expect(root.querySelector("img")).toBeNull();
    expect(root.textContent).toContain(hostile);
  });

  it("offers adding an unknown name to the knowledge base, and no popup link without an entity", () => {
    const root = document.createElement("div");
    render(
      <HoverCard
        mention={{ surface: "رائد العزاوي", type: "PER" }}
        details={{ state: "unknown" }}
        actions={{
          close: () => {},
          addToKnowledgeBase: async () => "ok",
          openInPopup: async () => {},
        }}
      />,
      root,
    );
    const buttons = [...root.querySelectorAll("footer button")].map((b) => b.textContent);
    expect(buttons).toEqual(["أضف إلى قاعدة معرفتي"]);
  });

  it("says a learned name is learned from reading, with the articles and the names met with it, as text", () => {
    const root = document.createElement("div");
    const hostile = '<img src=x onerror="alert(1)">';
    render(
      <HoverCard
        mention={{ surface: "رائد العزاوي", type: "PER" }}
        details={{
          state: "unknown",
          seenIn: 2,
          elsewhere: [{ url: "https://news.example/first", title: hostile }],
          learned: {
            key: "رائد العزاوي",
            name: "رائد العزاوي",
            type: "PER",
            spellings: ["رائد العزاوي"],
            seenIn: 2,
            articles: [
              {
                url: "https://news.example/first",
                title: hostile,
                publishedAt: "2025-11-02",
                seenAt: 1,
              },
              { url: "javascript:alert(1)", title: "x", seenAt: 2 },
            ],
            coMentions: [
              { entity: { id: "country:iq", type: "LOC", names: { ar: "العراق" } }, count: 2 },
            ],
          },
        }}
        actions={{ close: () => {} }}
        t={cardTranslator("en")}
      />,
      root,
    );
    expect(root.querySelector(".learned-from")!.textContent).toBe(
      "Learned from your reading: seen in 2 articles",
    );
    const links = [...root.querySelectorAll<HTMLAnchorElement>(".learned a")];
    expect(links.map((a) => [a.getAttribute("href"), a.textContent])).toEqual([
      ["https://news.example/first", hostile],
    ]);
    expect(root.querySelector(".learned time")!.getAttribute("datetime")).toBe("2025-11-02");
    expect(root.querySelector(".co-mentions")!.textContent).toBe("Mentioned with: العراق (2)");
    expect(root.querySelector("img")).toBeNull();
    // The plain "seen in" line of unknown names gives way to the learned one.
    expect(root.querySelectorAll(".seen")).toHaveLength(1);
  });

  it("centres events on the article's day: the three latest up to it and the nearest after it, each labelled", () => {
    const events = [
      event("a", "2024-01-03", ""),
      event("b", "2020-01-03", ""),
      event("c", "2020-01-08", ""),
      event("d", "2019", ""),
    ];
    const around = (asOf?: string) =>
      eventsAround(events, asOf).map((p) => `${p.event.date}${p.when ? ` ${p.when}` : ""}`);
    expect(around("2021-12-10")).toEqual([
      "2024-01-03 after",
      "2020-01-08 before",
      "2020-01-03 before",
      "2019 before",
    ]);
    expect(around("2020-01-05")).toEqual(["2020-01-08 after", "2020-01-03 before", "2019 before"]);
    // No date: the latest as of today. A date before every event: the nearest ones after it.
    expect(around()).toEqual(["2024-01-03", "2020-01-08", "2020-01-03"]);
    expect(around("2010-01-01")).toEqual(["2020-01-08 after", "2020-01-03 after", "2019 after"]);
    // A year or month event counts as up to a day inside it.
    expect(around("2019-06-01").slice(-1)).toEqual(["2019 before"]);
  });

  it("orders events newest first across date precisions", () => {
    expect(
      eventsAround([
        event("a", "2014", ""),
        event("b", "2014-06-10", ""),
        event("c", "2021-12", ""),
      ]).map((p) => p.event.date),
    ).toEqual(["2021-12", "2014-06-10", "2014"]);
  });

  it("labels events before and after the article's date on the card", () => {
    const root = document.createElement("div");
    const events = [event("a", "2024-01-03", "بعده"), event("b", "2013-05-01", "قبله")];
    render(
      <HoverCard
        mention={{ surface: "قاسم سليماني", type: "PER", entityId: SOLEIMANI.id }}
        details={{ state: "known", entity: SOLEIMANI, events, seenIn: 1 }}
        actions={{ close: () => {} }}
        asOf="2013-06-01"
      />,
      root,
    );
    const rows = [...root.querySelectorAll("ol.events li")].map((li) => [
      li.getAttribute("data-when"),
      li.querySelector(".when")!.textContent,
    ]);
    expect(rows).toEqual([
      ["after", "بعد هذا المقال"],
      ["before", "قبل هذا المقال"],
    ]);
    expect(root.querySelector(".article-date time")!.getAttribute("datetime")).toBe("2013-06-01");
  });

  it("offers an unknown name a web search for the name alone, and shows the keyboard hint", () => {
    const root = document.createElement("div");
    render(
      <HoverCard
        mention={{ surface: "رائد العزاوي", type: "PER" }}
        details={{ state: "unknown" }}
        actions={{ close: () => {} }}
      />,
      root,
    );
    const link = root.querySelector<HTMLAnchorElement>("a.web-search")!;
    expect(new URL(link.href).searchParams.get("q")).toBe("رائد العزاوي");
    expect(new URL(link.href).origin).toBe("https://duckduckgo.com");
    expect(link.getAttribute("rel")).toContain("noopener");
    expect(link.title).toContain("الاسم وحده");
    expect(root.textContent).toContain("Alt+Shift+N");
  });

  it("offers no web search for a known name or a date", () => {
    expect(
      show({ state: "known", entity: SOLEIMANI, events: [], seenIn: 0 }).querySelector(
        "a.web-search",
      ),
    ).toBeNull();
    const root = document.createElement("div");
    render(
      <HoverCard
        mention={{ surface: "2014", type: "DATE", date: "2014" }}
        details={{ state: "unknown" }}
        actions={{ close: () => {} }}
      />,
      root,
    );
    expect(root.querySelector("a.web-search")).toBeNull();
  });

  it("speaks English left to right when given an English translator, with the site switch named", () => {
    const root = document.createElement("div");
    render(
      <HoverCard
        mention={{ surface: "قاسم سليماني", type: "PER", entityId: SOLEIMANI.id }}
        details={{ state: "known", entity: SOLEIMANI, events: [], seenIn: 2 }}
        actions={{ close: () => {}, turnOffSite: async () => {} }}
        host="news.example"
        t={cardTranslator("en")}
      />,
      root,
    );
    const card = root.querySelector("[role=dialog]")!;
    expect([card.getAttribute("dir"), card.getAttribute("lang")]).toEqual(["ltr", "en"]);
    expect(card.getAttribute("aria-label")).toBe("Siyaq card: قاسم سليماني");
    expect(root.textContent).toContain("Seen in 2 articles you read");
    expect([...root.querySelectorAll("footer button")].map((b) => b.textContent)).toEqual([
      "Turn Siyaq off on news.example",
    ]);
    // Every control has a name.
    for (const control of root.querySelectorAll("button, a"))
      expect(control.getAttribute("aria-label") || control.textContent!.trim()).not.toBe("");
  });

  it("links a pack entity that stores a Wikipedia title (as packs from Wikidata do) to its article", () => {
    // The card used to accept full addresses only, so these entities never linked to Wikipedia.
    const fromWikidata = { ...SOLEIMANI, links: { wikipedia: { ar: "قاسم سليماني" } } };
    const root = show({ state: "known", entity: fromWikidata, events: [], seenIn: 0 });
    const link = root.querySelector("a[href*='wikipedia']");
    expect(link?.getAttribute("href")).toBe(
      `https://ar.wikipedia.org/wiki/${encodeURIComponent("قاسم_سليماني")}`,
    );
    expect(link?.textContent).toBe("ويكيبيديا");
  });

  it("never links a pack's non-web address, and falls back to the entity's Wikidata page", () => {
    const hostile = { ...SOLEIMANI, links: { wikipedia: { ar: "javascript://%0aalert(1)" } } };
    const root = show({ state: "known", entity: hostile, events: [], seenIn: 0 });
    expect([...root.querySelectorAll("a")].map((a) => a.getAttribute("href"))).toEqual([
      "https://www.wikidata.org/wiki/Q1055393",
    ]);
  });
});
