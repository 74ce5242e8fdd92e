// Events read from the seed article must reach العراق's timeline: the knowledge base may fold them
// into the same happening from a pack, but not into an unrelated event of the same month or year.
import { describe, expect, it } from "vitest";
import { isNearDuplicate } from "@/src/kb/events";
import type { EventRecord } from "@/src/kb/db";

const pack = (date: string, ar: string, entityIds: string[]): EventRecord => ({
  id: `event:${date}`,
  date,
  title: { ar },
  entityIds,
  origin: "pack",
  pack: "starter",
  source: { pack: "starter" },
  createdAt: 0,
});
const page = (date: string, ar: string, entityIds: string[]): EventRecord => ({
  id: `page:${date}`,
  date,
  title: { ar },
  entityIds,
  origin: "page",
  source: { url: "http://127.0.0.1/seed-article.html" },
  createdAt: 1,
});

const FALL_OF_CITIES = page(
  "2014-06",
  "وبعد نحو 3 أعوام، عاد جزء من تلك القوات إلى العراق على وقع احتلال داعش للمدن في أحداث يونيو/حزيران 2014، تبعها تشكيل تحالف دولي بقيادة الولايات المتحدة لتولي مهام مواجهة التنظيم.",
  ["country:iq", "org:isis", "country:us"],
);
const WITHDRAWAL = page(
  "2011",
  "وكانت الولايات المتحدة أقدمت على سحب أغلب فرقها القتالية من العراق عام 2011، بعد انتهاء مهمتها في إسقاط النظام العراقي السابق واستكمال بناء القدرات العسكرية للقطعات الأمنية.",
  ["country:us", "country:iq"],
);

describe("folding page events into pack events", () => {
  it("keeps a dated sentence apart from an unrelated event of the same month or year", () => {
    expect(
      isNearDuplicate(
        pack("2014-06", "تأسيس الحشد الشعبي", ["country:iq", "org:pmf"]),
        FALL_OF_CITIES,
      ),
    ).toBe(false);
    expect(
      isNearDuplicate(
        pack("2011", "تولّي فالح الفياض منصب مستشار الأمن القومي العراقي", ["country:iq"]),
        WITHDRAWAL,
      ),
    ).toBe(false);
  });

  it("still folds the same day with an entity in common", () => {
    const end = pack("2021-12-09", "انتهاء المهمة القتالية للتحالف الدولي في العراق", [
      "country:iq",
      "org:coalition",
    ]);
    expect(
      isNearDuplicate(
        end,
        page("2021-12-09", "أكد العراق أن التحالف الدولي أبلغه بعدم وجود وحدات قتالية", [
          "country:iq",
        ]),
      ),
    ).toBe(true);
  });
});
