// Month and weekday names as Arabic news writes them, in every system in common use. Spellings
// are written naturally; the date recogniser normalises them when it loads.

export type Calendar = "gregorian" | "hijri";

export interface MonthName {
  /** The name, one or more words. */
  name: string;
  /** 1–12. */
  month: number;
  calendar: Calendar;
  /**
   * True when the word is also an everyday word or a person's name (`مارس` "practised", `صفر`
   * "zero", `رجب`, `آب` "father"): it only counts as a month next to a number, a year, `شهر`, or
   * a qualifier such as `الماضي`.
   */
  ambiguous?: boolean;
}

export const MONTH_NAMES: readonly MonthName[] = [
  // Syriac names, used in Iraq, Syria, Lebanon, Jordan and Palestine.
  { name: "كانون الثاني", month: 1, calendar: "gregorian" },
  { name: "شباط", month: 2, calendar: "gregorian" },
  { name: "آذار", month: 3, calendar: "gregorian" },
  { name: "نيسان", month: 4, calendar: "gregorian", ambiguous: true },
  { name: "أيار", month: 5, calendar: "gregorian" },
  { name: "حزيران", month: 6, calendar: "gregorian" },
  { name: "تموز", month: 7, calendar: "gregorian" },
  { name: "آب", month: 8, calendar: "gregorian", ambiguous: true },
  { name: "أيلول", month: 9, calendar: "gregorian" },
  { name: "تشرين الأول", month: 10, calendar: "gregorian" },
  { name: "تشرين الثاني", month: 11, calendar: "gregorian" },
  { name: "كانون الأول", month: 12, calendar: "gregorian" },
  // Names borrowed from the Latin months, used in Egypt, the Gulf and most pan-Arab media.
  { name: "يناير", month: 1, calendar: "gregorian" },
  { name: "فبراير", month: 2, calendar: "gregorian" },
  { name: "مارس", month: 3, calendar: "gregorian", ambiguous: true },
  { name: "أبريل", month: 4, calendar: "gregorian" },
  { name: "إبريل", month: 4, calendar: "gregorian" },
  { name: "ابريل", month: 4, calendar: "gregorian" },
  { name: "مايو", month: 5, calendar: "gregorian" },
  { name: "مايس", month: 5, calendar: "gregorian" },
  { name: "يونيو", month: 6, calendar: "gregorian" },
  { name: "يونيه", month: 6, calendar: "gregorian" },
  { name: "يوليو", month: 7, calendar: "gregorian" },
  { name: "يوليه", month: 7, calendar: "gregorian" },
  { name: "أغسطس", month: 8, calendar: "gregorian" },
  { name: "سبتمبر", month: 9, calendar: "gregorian" },
  { name: "أكتوبر", month: 10, calendar: "gregorian" },
  { name: "نوفمبر", month: 11, calendar: "gregorian" },
  { name: "ديسمبر", month: 12, calendar: "gregorian" },
  // French-derived names of the Maghreb.
  { name: "جانفي", month: 1, calendar: "gregorian" },
  { name: "فيفري", month: 2, calendar: "gregorian" },
  { name: "أفريل", month: 4, calendar: "gregorian" },
  { name: "ماي", month: 5, calendar: "gregorian", ambiguous: true },
  { name: "جوان", month: 6, calendar: "gregorian", ambiguous: true },
  { name: "جويلية", month: 7, calendar: "gregorian" },
  { name: "أوت", month: 8, calendar: "gregorian", ambiguous: true },
  // Hijri months.
  { name: "محرم", month: 1, calendar: "hijri", ambiguous: true },
  { name: "صفر", month: 2, calendar: "hijri", ambiguous: true },
  { name: "ربيع الأول", month: 3, calendar: "hijri" },
  { name: "ربيع الثاني", month: 4, calendar: "hijri" },
  { name: "ربيع الآخر", month: 4, calendar: "hijri" },
  { name: "جمادى الأولى", month: 5, calendar: "hijri" },
  { name: "جمادى الأول", month: 5, calendar: "hijri" },
  { name: "جمادى الآخرة", month: 6, calendar: "hijri" },
  { name: "جمادى الثانية", month: 6, calendar: "hijri" },
  { name: "رجب", month: 7, calendar: "hijri", ambiguous: true },
  { name: "شعبان", month: 8, calendar: "hijri", ambiguous: true },
  { name: "رمضان", month: 9, calendar: "hijri", ambiguous: true },
  { name: "شوال", month: 10, calendar: "hijri" },
  { name: "ذو القعدة", month: 11, calendar: "hijri" },
  { name: "ذي القعدة", month: 11, calendar: "hijri" },
  { name: "ذو الحجة", month: 12, calendar: "hijri" },
  { name: "ذي الحجة", month: 12, calendar: "hijri" },
];

/** Weekdays, Sunday = 0 as in `Date.getUTCDay()`. */
export interface WeekdayName {
  name: string;
  day: number;
  /** Also an ordinary word (`الاثنين` "the two", `الأحد` "the one", `الجمعة` "the congregation"). */
  ambiguous?: boolean;
}

export const WEEKDAY_NAMES: readonly WeekdayName[] = [
  { name: "الأحد", day: 0, ambiguous: true },
  { name: "الاثنين", day: 1, ambiguous: true },
  { name: "الإثنين", day: 1, ambiguous: true },
  { name: "الثلاثاء", day: 2 },
  { name: "الأربعاء", day: 3 },
  { name: "الخميس", day: 4 },
  { name: "الجمعة", day: 5, ambiguous: true },
  { name: "السبت", day: 6 },
];

/** Words after a month, year or weekday that place it relative to the publication date. */
export type Relation = "past" | "current" | "next";

export const RELATION_WORDS: Readonly<Record<string, Relation>> = {
  الماضي: "past",
  الماضية: "past",
  المنصرم: "past",
  المنصرمة: "past",
  الفائت: "past",
  الفائتة: "past",
  السابق: "past",
  الحالي: "current",
  الحالية: "current",
  الجاري: "current",
  الجارية: "current",
  المقبل: "next",
  المقبلة: "next",
  القادم: "next",
  القادمة: "next",
};

/** Words that name a part of a period and belong to the date span (`مطلع العام الماضي`). */
export const PERIOD_PARTS: readonly string[] = [
  "مطلع",
  "بداية",
  "أوائل",
  "أواخر",
  "منتصف",
  "أواسط",
  "نهاية",
];

/** Words that introduce a year number (`عام 2011`, `سنة 2014`). */
export const YEAR_WORDS: readonly string[] = ["عام", "العام", "سنة", "السنة"];

/** Words that introduce a month name and make an ambiguous one safe (`شهر رمضان`). */
export const MONTH_WORDS: readonly string[] = ["شهر"];

/** Relative days: offset in days from the publication date. */
export const RELATIVE_DAYS: ReadonlyArray<{ words: string; days: number }> = [
  { words: "أمس الأول", days: -2 },
  { words: "أول أمس", days: -2 },
  { words: "أمس", days: -1 },
  { words: "الأمس", days: -1 },
  { words: "البارحة", days: -1 },
  { words: "غدا", days: 1 },
  { words: "غداً", days: 1 },
  { words: "بعد غد", days: 2 },
];

/** Periods with a relation word: `العام الماضي`, `الشهر المقبل`, `هذا العام`. */
export const PERIOD_WORDS: ReadonlyArray<{ word: string; unit: "year" | "month" | "week" }> = [
  { word: "العام", unit: "year" },
  { word: "السنة", unit: "year" },
  { word: "الشهر", unit: "month" },
  // A week has no ISO date at day, month or year precision: the span is kept, unresolved.
  { word: "الأسبوع", unit: "week" },
];

/**
 * Parts of a day before a weekday (`ليل الجمعة`, `صباح الأحد`): like `يوم`, they make an
 * ambiguous weekday name (`الجمعة` "the assembly", `الأحد` "anyone") the day.
 */
export const DAY_PARTS: readonly string[] = [
  "يوم",
  "ليل",
  "ليلة",
  "صباح",
  "مساء",
  "فجر",
  "ظهر",
  "عصر",
  "نهار",
  "ظهيرة",
];

/** Marks an explicit Hijri or Gregorian year: `1443 هـ`, `2021 م`. */
export const ERA_MARKS: Readonly<Record<string, "hijri" | "gregorian">> = {
  هـ: "hijri",
  ه: "hijri",
  م: "gregorian",
};
