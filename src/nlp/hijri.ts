// Hijri ↔ Gregorian dates through the runtime's own calendar data (ICU's Umm al-Qura calendar,
// `Intl.DateTimeFormat` with `ca-islamic-umalqura`: Chrome, Firefox and Node carry it), rather
// than a hand-written table. Where a runtime lacks the calendar, nothing converts and Hijri dates
// stay unresolved. Umm al-Qura is the Saudi civil calendar; a month announced by moon sighting
// elsewhere may start a day apart, which a news reader's day-precision date can carry.

export interface HijriDate {
  year: number;
  month: number;
  day: number;
}

export interface GregorianDate {
  y: number;
  m: number;
  d: number;
}

const DAY_MS = 86_400_000;
/** 1 Muharram 1 AH (16 July 622, Julian) as days since the Unix epoch, and the mean year/month. */
const HIJRI_EPOCH_DAYS = -492_148;
const MEAN_YEAR_DAYS = 354.36667;
const MEAN_MONTH_DAYS = 29.530589;
/** Umm al-Qura data in ICU covers 1300–1600 AH; outside it ICU falls back to arithmetic rules. */
const FIRST_YEAR = 1300;
const LAST_YEAR = 1600;

let formatter: Intl.DateTimeFormat | null | undefined;

function umalqura(): Intl.DateTimeFormat | null {
  if (formatter !== undefined) return formatter;
  try {
    const f = new Intl.DateTimeFormat("en-u-ca-islamic-umalqura-nu-latn", {
      timeZone: "UTC",
      year: "numeric",
      month: "numeric",
      day: "numeric",
    });
    formatter = f.resolvedOptions().calendar === "islamic-umalqura" ? f : null;
  } catch {
    formatter = null;
  }
  return formatter;
}

/** The Hijri date of a day counted from the Unix epoch, or undefined without calendar data. */
function hijriOfDay(days: number): HijriDate | undefined {
  const f = umalqura();
  if (!f) return undefined;
  let year = NaN;
  let month = NaN;
  let day = NaN;
  for (const part of f.formatToParts(new Date(days * DAY_MS))) {
    if (part.type === "year") year = Number.parseInt(part.value, 10);
    else if (part.type === "month") month = Number.parseInt(part.value, 10);
    else if (part.type === "day") day = Number.parseInt(part.value, 10);
  }
  return Number.isFinite(year) && Number.isFinite(month) && Number.isFinite(day)
    ? { year, month, day }
    : undefined;
}

/** The Hijri date of a Gregorian day. */
export function toHijri(date: GregorianDate): HijriDate | undefined {
  return hijriOfDay(Math.floor(Date.UTC(date.y, date.m - 1, date.d) / DAY_MS));
}

/**
 * The Gregorian day of a Hijri date, or undefined when the date does not exist (30 in a 29-day
 * month), lies outside 1300–1600 AH, or the runtime has no Umm al-Qura calendar.
 */
export function fromHijri(date: HijriDate): GregorianDate | undefined {
  const { year, month, day } = date;
  if (!Number.isInteger(year) || year < FIRST_YEAR || year > LAST_YEAR) return undefined;
  if (
    !Number.isInteger(month) ||
    month < 1 ||
    month > 12 ||
    !Number.isInteger(day) ||
    day < 1 ||
    day > 30
  )
    return undefined;
  // Estimate from mean lengths, then walk by the remaining difference (converges in a step or two).
  let days = Math.round(
    HIJRI_EPOCH_DAYS + (year - 1) * MEAN_YEAR_DAYS + (month - 1) * MEAN_MONTH_DAYS + (day - 1),
  );
  for (let step = 0; step < 6; step++) {
    const at = hijriOfDay(days);
    if (!at) return undefined;
    const off = Math.round(
      (year - at.year) * MEAN_YEAR_DAYS + (month - at.month) * MEAN_MONTH_DAYS + (day - at.day),
    );
    if (off === 0) {
      if (at.year !== year || at.month !== month || at.day !== day) return undefined; // day 30 of a 29-day month
      const t = new Date(days * DAY_MS);
      return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
    }
    days += off;
  }
  return undefined;
}
