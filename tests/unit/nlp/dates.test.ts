import { describe, expect, it } from "vitest";
import { findDates, parseRefDate } from "@/src/nlp/dates";
import { tokenize } from "@/src/nlp/tokenize";

function dates(text: string, refDate?: string): Array<[string, string | undefined]> {
  return findDates(tokenize(text), refDate).map((d) => [text.slice(d.start, d.end), d.date]);
}

describe("date resolution", () => {
  // Publication date: Friday 2021-12-10.
  const ref = "2021-12-10";
  it.each<[string, string, string | undefined]>([
    ["منذ 9 كانون الأول الماضي.", "9 كانون الأول الماضي", "2021-12-09"],
    ["التي جرت في يوليو/تموز الماضي.", "يوليو/تموز الماضي", "2021-07"],
    ["في أحداث يونيو/حزيران 2014، تبعها", "يونيو/حزيران 2014", "2014-06"],
    ["من العراق عام 2011، بعد", "عام 2011", "2011"],
    ["قاسم الأعرجي، الخميس: انتهاء", "الخميس", "2021-12-09"],
    ["في العراق بعد الـ31 من ديسمبر الحالي.", "الـ31 من ديسمبر الحالي", "2021-12-31"],
    ["العسكرية مطلع العام الماضي بعد", "مطلع العام الماضي", "2020"],
    ["في العام المقبل", "العام المقبل", "2022"],
    ["هذا العام", "هذا العام", "2021"],
    ["الشهر الماضي", "الشهر الماضي", "2021-11"],
    ["أعلن أمس أن", "أمس", "2021-12-09"],
    ["أمس الأول", "أمس الأول", "2021-12-08"],
    ["في 3 مارس 2020", "3 مارس 2020", "2020-03-03"],
    ["في تشرين الثاني المقبل", "تشرين الثاني المقبل", "2022-11"],
    ["في يناير المقبل", "يناير المقبل", "2022-01"],
    ["الثلاثاء الماضي", "الثلاثاء الماضي", "2021-12-07"],
    ["السبت المقبل", "السبت المقبل", "2021-12-11"],
    ["يوم الجمعة", "الجمعة", "2021-12-10"],
    ["في ١٥ أيار ٢٠١٨", "١٥ أيار ٢٠١٨", "2018-05-15"],
    ["ولعام 2011", "عام 2011", "2011"],
    ["في 31 فبراير 2020", "31 فبراير 2020", undefined],
    ["في رمضان 1443 هـ", "رمضان 1443 هـ", "2022-04"], // 2 April – 1 May 2022: the month of its middle
    ["في 15 رمضان 1443 هـ", "15 رمضان 1443 هـ", "2022-04-16"],
    ["خلال شهر رمضان الماضي", "رمضان الماضي", "2021-04"], // the ref is in Jumada I 1443: Ramadan 1442
    ["في 10 ذي الحجة 1442", "10 ذي الحجة 1442", "2021-07-20"],
    ["في 30 رمضان 1444 هـ", "30 رمضان 1444 هـ", undefined], // that Ramadan had 29 days
    ["في ديسمبر 1443 هـ", "ديسمبر 1443 هـ", undefined], // a Hijri year never dates a Gregorian month
    ["في 17 مارس/ آذار 2020", "17 مارس/ آذار 2020", "2020-03-17"],
    ["منذ 11 يونيو (حزيران) الماضي", "11 يونيو (حزيران) الماضي", "2021-06-11"],
    ["منتصف ذي الحجة", "منتصف ذي الحجة", "2022-07"], // Dhu al-Hijjah of the current Hijri year, 1443
  ])("%s", (text, surface, date) => {
    expect(dates(text, ref)).toEqual([[surface, date]]);
  });

  it("leaves relative dates unresolved without a publication date, explicit ones resolved", () => {
    expect(dates("العام الماضي وفي عام 2011")).toEqual([
      ["العام الماضي", undefined],
      ["عام 2011", "2011"],
    ]);
  });

  it("a month in the past relation rolls back a year when it has not come yet", () => {
    expect(dates("في ديسمبر الماضي", "2021-06-01")).toEqual([["ديسمبر الماضي", "2020-12"]]);
  });

  it("does not read everyday words as dates", () => {
    expect(dates("مارس الضغط على الاثنين وصفر النتائج، وقال رجب", ref)).toEqual([]);
  });

  it("rejects an unusable publication date instead of guessing", () => {
    expect(parseRefDate("2021-02-30")).toBeUndefined();
    expect(parseRefDate("yesterday")).toBeUndefined();
    expect(dates("العام الماضي", "not a date")).toEqual([["العام الماضي", undefined]]);
  });
});

describe("dates next to names", () => {
  it("does not peel a name's first letter to find a date (`كولن باول أمس`)", () => {
    expect(dates("التقى كولن باول أمس", "2021-12-10")).toEqual([["أمس", "2021-12-09"]]);
  });
});

describe("numeric dates, day parts, weeks", () => {
  const ref = "2021-12-10";
  it.each<[string, string, string | undefined]>([
    ["نُشر بتاريخ 2020/05/17 على الموقع", "2020/05/17", "2020-05-17"],
    ["آخر تحديث 2023-01-09 | 10:15", "2023-01-09", "2023-01-09"],
    ["الموعد يوم 4/11/2022 في القاعة", "4/11/2022", "2022-11-04"], // day first
    ["بتاريخ 07-08-2019 صدر", "07-08-2019", "2019-08-07"],
    ["وصل الوفد بالأمس إلى", "الأمس", "2021-12-09"],
    ["اجتمعوا مساء الأحد في", "الأحد", "2021-12-05"],
    ["وقع الانفجار ليلة الجمعة قرب", "الجمعة", "2021-12-10"],
    ["عقد المؤتمر هذا الأسبوع في", "هذا الأسبوع", undefined],
    ["صدر التقرير الأسبوع الماضي", "الأسبوع الماضي", undefined],
  ])("%s → %s (%s)", (text, surface, date) => {
    expect(dates(text, ref)).toEqual([[surface, date]]);
  });

  it("leaves numbers that are no date alone", () => {
    // An impossible month, mixed separators, a fourth part, spaces, a score and a time.
    expect(
      dates(
        "الرقم 2024-13-40 و 2024/03-12 و 1/2/3/4 و 12 / 3 / 2024 والنتيجة 2-1 والساعة 12:42",
        ref,
      ),
    ).toEqual([]);
  });

  it("still needs context for a weekday that is an everyday word", () => {
    expect(dates("صلاة الجمعة في المسجد", ref)).toEqual([]);
  });
});
