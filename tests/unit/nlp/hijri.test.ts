import { describe, expect, it } from "vitest";
import { fromHijri, toHijri } from "@/src/nlp/hijri";

describe("Hijri dates (Umm al-Qura, from the runtime's calendar data)", () => {
  it("converts known dates both ways", () => {
    expect(fromHijri({ year: 1443, month: 9, day: 1 })).toEqual({ y: 2022, m: 4, d: 2 }); // 1 Ramadan 1443
    expect(fromHijri({ year: 1442, month: 12, day: 10 })).toEqual({ y: 2021, m: 7, d: 20 }); // Eid al-Adha 1442
    expect(fromHijri({ year: 1443, month: 1, day: 1 })).toEqual({ y: 2021, m: 8, d: 9 });
    expect(toHijri({ y: 2021, m: 12, d: 10 })).toEqual({ year: 1443, month: 5, day: 6 });
  });

  it("round-trips every tenth day from 1950 to 2070", () => {
    for (let t = Date.UTC(1950, 0, 1); t < Date.UTC(2070, 0, 1); t += 10 * 86_400_000) {
      const day = new Date(t);
      const g = { y: day.getUTCFullYear(), m: day.getUTCMonth() + 1, d: day.getUTCDate() };
      expect(fromHijri(toHijri(g)!)).toEqual(g);
    }
  });

  it("refuses dates that do not exist or lie outside the calendar's table", () => {
    expect(fromHijri({ year: 1444, month: 9, day: 30 })).toBeUndefined(); // a 29-day Ramadan
    expect(fromHijri({ year: 1443, month: 13, day: 1 })).toBeUndefined();
    expect(fromHijri({ year: 1443, month: 1, day: 0 })).toBeUndefined();
    expect(fromHijri({ year: 900, month: 1, day: 1 })).toBeUndefined();
    expect(fromHijri({ year: 2022, month: 4, day: 2 })).toBeUndefined(); // a Gregorian year
    expect(fromHijri({ year: 1443.5, month: 1, day: 1 })).toBeUndefined();
  });
});
