// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { render } from "preact";
import { placeCard } from "@/src/ui/card/card-host";
import { HoverCard, latestEvents, type CardDetails } from "@/src/ui/card/HoverCard";
import { seenInLabel } from "@/src/ui/card/labels";
import type { EntityRecord, EventRecord } from "@/src/kb/db";

const overlaps = (a: { top: number; bottom: number }, b: { top: number; bottom: number }) => a.top < b.bottom && b.top < a.bottom;

describe("placeCard", () => {
  it("never covers the word and stays inside the viewport, whatever the sizes", () => {
    fc.assert(
      fc.property(
        fc.record({ vw: fc.integer({ min: 320, max: 2000 }), vh: fc.integer({ min: 200, max: 1400 }) }),
        fc.record({ x: fc.double({ min: 0, max: 1, noNaN: true }), y: fc.double({ min: 0, max: 1, noNaN: true }), w: fc.integer({ min: 10, max: 300 }), h: fc.integer({ min: 12, max: 40 }) }),
        fc.record({ w: fc.integer({ min: 200, max: 400 }), h: fc.integer({ min: 50, max: 900 }) }),
        ({ vw, vh }, word, cardSize) => {
          const box = { left: word.x * (vw - word.w), top: word.y * (vh - word.h), width: word.w, height: word.h };
          const at = placeCard(box, { width: cardSize.w, height: cardSize.h }, { width: vw, height: vh });
          const height = Math.min(cardSize.h, at.maxHeight);
          expect(overlaps({ top: at.top, bottom: at.top + height }, { top: box.top, bottom: box.top + box.height })).toBe(false);
          expect(at.left).toBeGreaterThanOrEqual(0);
          expect(at.left + Math.min(cardSize.w, vw - 16)).toBeLessThanOrEqual(vw);
          expect(at.top).toBeGreaterThanOrEqual(0);
          expect(at.top + height).toBeLessThanOrEqual(vh);
        },
      ),
    );
  });

  it("goes below the word when there is room, above when there is not", () => {
    const viewport = { width: 1000, height: 800 };
    expect(placeCard({ left: 500, top: 100, width: 80, height: 20 }, { width: 340, height: 300 }, viewport).side).toBe("below");
    expect(placeCard({ left: 500, top: 700, width: 80, height: 20 }, { width: 340, height: 300 }, viewport).side).toBe("above");
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
  ({ id, date, title: { ar: title }, entityIds: [SOLEIMANI.id], origin: "pack", createdAt: 0 }) as EventRecord;

function show(details: CardDetails, surface = "قاسم سليماني") {
  const root = document.createElement("div");
  render(<HoverCard mention={{ surface, type: "PER", entityId: SOLEIMANI.id }} details={details} actions={{ close: () => {}, notAnEntity: async () => {} }} />, root);
  return root;
}

describe("HoverCard", () => {
  it("shows names, type, description, facts, the three latest events, seen-in and a Wikidata link", () => {
    const events = [event("a", "2019-05", "حدث قديم"), event("b", "2020-01-03", "مقتله قرب مطار بغداد"), event("c", "2011", "أقدم"), event("d", "2018-02-01", "حدث آخر")];
    const root = show({ state: "known", entity: SOLEIMANI, events, seenIn: 3 });
    const text = root.textContent!;
    for (const part of ["قاسم سليماني", "Qasem Soleimani", "شخص", "قائد فيلق القدس", "الميلاد", "1957", seenInLabel(3)]) expect(text).toContain(part);
    expect([...root.querySelectorAll("ol.events time")].map((t) => t.getAttribute("datetime"))).toEqual(["2020-01-03", "2019-05", "2018-02-01"]);
    expect(root.querySelector("a")!.getAttribute("href")).toBe("https://www.wikidata.org/wiki/Q1055393");
    expect(root.querySelector("[role=dialog]")!.getAttribute("dir")).toBe("rtl");
  });

  it("renders page and pack strings as text, never as markup", () => {
    const hostile = '<img src=x onerror="alert(1)">';
    const root = show({ state: "known", entity: { ...SOLEIMANI, names: { ar: hostile }, description: { ar: hostile } }, events: [event("x", "2020", hostile)], seenIn: 0 }, hostile);
    expect(root.querySelector("img")).toBeNull();
    expect(root.textContent).toContain(hostile);
  });

  it("offers adding an unknown name to the knowledge base, and no popup link without an entity", () => {
    const root = document.createElement("div");
    render(
      <HoverCard
        mention={{ surface: "رائد العزاوي", type: "PER" }}
        details={{ state: "unknown" }}
        actions={{ close: () => {}, addToKnowledgeBase: async () => "ok", openInPopup: async () => {} }}
      />,
      root,
    );
    const buttons = [...root.querySelectorAll("footer button")].map((b) => b.textContent);
    expect(buttons).toEqual(["أضف إلى قاعدة معرفتي"]);
  });

  it("lists the latest events up to the article's day, or the latest of all when none is that old", () => {
    const events = [event("a", "2024-01-03", ""), event("b", "2020-01-03", ""), event("c", "2020-01-08", ""), event("d", "2019", "")];
    expect(latestEvents(events, 3, "2021-12-10").map((e) => e.date)).toEqual(["2020-01-08", "2020-01-03", "2019"]);
    expect(latestEvents(events, 3).map((e) => e.date)).toEqual(["2024-01-03", "2020-01-08", "2020-01-03"]);
    expect(latestEvents(events, 3, "2010-01-01").map((e) => e.date)).toEqual(["2024-01-03", "2020-01-08", "2020-01-03"]);
  });

  it("orders events newest first across date precisions", () => {
    expect(latestEvents([event("a", "2014", ""), event("b", "2014-06-10", ""), event("c", "2021-12", "")]).map((e) => e.date)).toEqual(["2021-12", "2014-06-10", "2014"]);
  });
});
