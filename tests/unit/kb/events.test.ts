import { describe, expect, it } from "vitest";
import { datesOverlap, isNearDuplicate, pageEventId, timeline, titleWords } from "@/src/kb/events";
import type { EventRecord } from "@/src/kb/db";

let created = 0;
function event(fields: Partial<EventRecord> & Pick<EventRecord, "id" | "date">): EventRecord {
  return { title: { ar: "حدث" }, entityIds: [], origin: "pack", createdAt: created++, ...fields };
}

const FALL_OF_MOSUL = event({
  id: "event:2014-06-10-fall-of-mosul",
  date: "2014-06-10",
  title: { ar: "سقوط مدينة الموصل بيد تنظيم داعش", en: "Fall of Mosul" },
  entityIds: ["city:mosul", "org:isis"],
  pack: "starter",
  source: { pack: "starter" },
});

describe("near-duplicate events", () => {
  it("folds the same date at the same precision with an entity in common", () => {
    const page = event({
      id: "page:a",
      date: "2014-06-10",
      origin: "page",
      entityIds: ["org:isis"],
      title: { ar: "كلام آخر تماما" },
    });
    expect(isNearDuplicate(FALL_OF_MOSUL, page)).toBe(true);
    expect(isNearDuplicate(FALL_OF_MOSUL, { ...page, entityIds: ["country:us"] })).toBe(false);
    expect(isNearDuplicate(FALL_OF_MOSUL, { ...page, date: "2014-06-11" })).toBe(false);
  });

  it("folds similar titles when one date contains the other, whatever the spelling", () => {
    const page = event({
      id: "page:b",
      date: "2014-06",
      origin: "page",
      entityIds: ["country:iq"],
      title: { ar: "وفي يونيو سقطت الموصل بيد داعش بعد سقوط مدينة الموصل بيد تنظيم داعش الارهابي" },
    });
    expect(isNearDuplicate(FALL_OF_MOSUL, page)).toBe(true);
    expect(isNearDuplicate(FALL_OF_MOSUL, { ...page, date: "2015" })).toBe(false);
    expect(
      isNearDuplicate(FALL_OF_MOSUL, { ...page, title: { ar: "افتتاح جسر جديد في بغداد" } }),
    ).toBe(false);
  });

  it("never folds two events of one pack", () => {
    const sibling = { ...FALL_OF_MOSUL, id: "event:2014-06-10-other" };
    expect(isNearDuplicate(FALL_OF_MOSUL, sibling)).toBe(false);
    const fromAnotherPack: EventRecord = {
      ...sibling,
      pack: "other-pack",
      source: { pack: "other-pack" },
    };
    expect(isNearDuplicate(FALL_OF_MOSUL, fromAnotherPack)).toBe(true);
  });

  it("compares dates by containment and titles by content words", () => {
    expect(datesOverlap("2014", "2014-06-10")).toBe(true);
    expect(datesOverlap("2014-06", "2014-07-01")).toBe(false);
    expect([...titleWords("والموصل بالعراق في")]).toEqual(["موصل", "عراق"]);
  });
});

describe("timeline", () => {
  it("is newest first, keeps the best-sourced event of a group and lists the others' sources", () => {
    const page = event({
      id: "page:c",
      date: "2014-06-10",
      origin: "page",
      entityIds: ["city:mosul"],
      title: { ar: "سقوط الموصل" },
      source: { url: "https://example.com/mosul", title: "الموصل" },
    });
    const user = event({
      id: "user:e",
      date: "2014-06-10",
      origin: "user",
      entityIds: ["city:mosul"],
      title: { ar: "سقوط الموصل (ملاحظتي)" },
    });
    const later = event({
      id: "event:2017-07-10",
      date: "2017-07-10",
      entityIds: ["city:mosul"],
      pack: "starter",
    });
    const yearOnly = event({
      id: "event:2017",
      date: "2017",
      entityIds: ["org:isis"],
      pack: "starter",
    });
    const result = timeline([page, FALL_OF_MOSUL, yearOnly, later, user]);
    expect(result.map((entry) => entry.id)).toEqual(["event:2017-07-10", "event:2017", "user:e"]);
    expect(result[2]!.alsoIn).toEqual([
      { pack: "starter" },
      { url: "https://example.com/mosul", title: "الموصل" },
    ]);
  });
});

describe("page event ids", () => {
  it("are stable for the same sentence and differ for another page", () => {
    const id = pageEventId("https://example.com/a", "2021-12-09", "انتهاء المهام القتالية");
    expect(id).toBe(pageEventId("https://example.com/a", "2021-12-09", "انتهاء المهام القتالية"));
    expect(id).toMatch(/^page:2021-12-09:[a-z0-9]+$/);
    expect(id).not.toBe(
      pageEventId("https://example.com/b", "2021-12-09", "انتهاء المهام القتالية"),
    );
  });
});
