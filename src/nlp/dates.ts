// Finds date expressions in tokens and resolves them to ISO dates (`2014`, `2014-06`,
// `2021-12-09`) against the publication date: both Gregorian month-name systems and their paired
// forms (`يونيو/حزيران 2014`), Hijri months (`15 رمضان 1443 هـ` → 2022-04-16 by the Umm al-Qura
// calendar; a Hijri month alone → the Gregorian month holding its middle), weekdays, `عام 2011`,
// relative periods (`العام الماضي`, `أمس`). Spans leave attached proclitics out.
import { formsWithProclitics, normalizedTokens, type Token } from "./tokenize";
import { fromHijri, toHijri } from "./hijri";
import {
  MONTH_NAMES,
  MONTH_WORDS,
  PERIOD_PARTS,
  PERIOD_WORDS,
  RELATION_WORDS,
  RELATIVE_DAYS,
  WEEKDAY_NAMES,
  YEAR_WORDS,
  DAY_PARTS,
  ERA_MARKS,
  type Calendar,
  type Relation,
} from "./data/months";

export interface DateSpan {
  startToken: number;
  /** Exclusive. */
  endToken: number;
  /** Original-text offsets. */
  start: number;
  end: number;
  /** ISO date at the precision the text gives, when it resolves. */
  date?: string;
}

interface YMD {
  y: number;
  m: number;
  d: number;
}

/** What follows a month name: a year (and its era mark, if any) or a relation word. */
interface AfterMonth {
  end: number;
  year?: number;
  era?: "hijri" | "gregorian";
  relation?: Relation;
}

// The tables, normalised once for lookup.
interface MonthEntry {
  words: string[];
  month: number;
  calendar: Calendar;
  ambiguous: boolean;
}
const monthsByFirst = new Map<string, MonthEntry[]>();
for (const m of MONTH_NAMES) {
  const words = normalizedTokens(m.name);
  const list = monthsByFirst.get(words[0]!) ?? [];
  list.push({ words, month: m.month, calendar: m.calendar, ambiguous: m.ambiguous ?? false });
  list.sort((a, b) => b.words.length - a.words.length); // longest first
  monthsByFirst.set(words[0]!, list);
}
const weekdays = new Map(
  WEEKDAY_NAMES.map((w) => [normalizedTokens(w.name).join(" "), w] as const),
);
const relations = new Map(
  Object.entries(RELATION_WORDS).map(([w, r]) => [normalizedTokens(w).join(" "), r] as const),
);
const periodParts = new Set(PERIOD_PARTS.map((w) => normalizedTokens(w).join(" ")));
const yearWords = new Set(YEAR_WORDS.map((w) => normalizedTokens(w).join(" ")));
const monthWords = new Set(MONTH_WORDS.map((w) => normalizedTokens(w).join(" ")));
const periodWords = new Map(
  PERIOD_WORDS.map((p) => [normalizedTokens(p.word).join(" "), p.unit] as const),
);
const relativeDays = RELATIVE_DAYS.map((r) => ({ words: normalizedTokens(r.words), days: r.days }));
const eraMarks = new Map(
  Object.entries(ERA_MARKS).map(([w, e]) => [normalizedTokens(w).join(" "), e] as const),
);
const THIS = normalizedTokens("هذا")[0]!;
/** Forms a date can start with; any other word is skipped with one lookup. */
const triggers = formsWithProclitics([
  ...monthsByFirst.keys(),
  ...weekdays.keys(),
  ...periodParts,
  ...yearWords,
  ...periodWords.keys(),
  ...relativeDays.map((r) => r.words[0]!),
  THIS,
  "ال",
]);
const dayParts = new Set(DAY_PARTS.map((w) => normalizedTokens(w)[0]!));
const OF = normalizedTokens("من")[0]!;
const ARTICLE = "ال";

/** Parses the publication date (`2021-12-10`, or a full ISO timestamp); undefined if unusable. */
export function parseRefDate(refDate: string | undefined): YMD | undefined {
  if (!refDate) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(refDate);
  if (!m) return undefined;
  const ymd = { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
  return isValidDay(ymd.y, ymd.m, ymd.d) ? ymd : undefined;
}

function isValidDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

function iso(y: number, m?: number, d?: number): string | undefined {
  if (y < 1 || y > 9999) return undefined;
  if (m === undefined) return pad(y, 4);
  if (d === undefined) return `${pad(y, 4)}-${pad(m)}`;
  return isValidDay(y, m, d) ? `${pad(y, 4)}-${pad(m)}-${pad(d)}` : undefined;
}

function addDays(ref: YMD, days: number): string {
  const t = new Date(Date.UTC(ref.y, ref.m - 1, ref.d + days));
  return iso(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate())!;
}

/** Reads tokens one by one; a date word may carry proclitics on the first token only. */
class DateReader {
  constructor(
    private readonly tokens: readonly Token[],
    private readonly ref: YMD | undefined,
  ) {}

  norm(i: number): string | undefined {
    return this.tokens[i]?.norm;
  }

  /** Whether token i reads as `word`, as written or with proclitics peeled; the stem offset. */
  firstWord(
    i: number,
    accept: (form: string) => boolean,
    conjunctionOnly = false,
  ): number | undefined {
    const t = this.tokens[i];
    if (!t || t.kind !== "word") return undefined;
    if (accept(t.norm)) return 0;
    for (const s of t.stems) {
      // Where a word could be a name with a preposition-like first letter (`باول أمس` is Powell
      // and "yesterday", not `ب` + `أول أمس`), only a conjunction or the article counts.
      if (conjunctionOnly && !s.strong && s.clitics !== "و" && s.clitics !== "ف") continue;
      if (accept(s.form)) return s.offset;
    }
    return undefined;
  }

  number(i: number): number | undefined {
    const t = this.tokens[i];
    if (!t || t.kind !== "number" || !/^\d{1,4}$/.test(t.norm)) return undefined;
    return Number(t.norm);
  }

  /** A month name starting at token i (first word may carry proclitics): its entry and end. */
  month(i: number): { entry: MonthEntry; end: number; offset: number } | undefined {
    const t = this.tokens[i];
    if (!t || t.kind !== "word") return undefined;
    const readings: Array<[string, number]> = [
      [t.norm, 0],
      ...t.stems.map((s) => [s.form, s.offset] as [string, number]),
    ];
    for (const [form, offset] of readings) {
      for (const entry of monthsByFirst.get(form) ?? []) {
        let ok = true;
        for (let k = 1; k < entry.words.length; k++) {
          if (this.norm(i + k) !== entry.words[k]) {
            ok = false;
            break;
          }
        }
        if (ok) return { entry, end: i + entry.words.length, offset };
      }
    }
    return undefined;
  }

  /** A year number at token i (optionally followed by an era mark `هـ` / `م`). */
  year(i: number): { year: number; end: number; era?: "hijri" | "gregorian" } | undefined {
    const n = this.number(i);
    if (n === undefined || n < 1000 || n > 2200) {
      // Hijri years 1300–1500 need their mark; they fall in the range above anyway.
      return undefined;
    }
    const era = eraMarks.get(this.norm(i + 1) ?? "");
    const adjacent = era !== undefined && this.tokens[i + 1]!.start - this.tokens[i]!.end <= 1;
    return adjacent ? { year: n, end: i + 2, era } : { year: n, end: i + 1 };
  }

  relation(i: number): Relation | undefined {
    return relations.get(this.norm(i) ?? "");
  }

  /** The token ends right where the next begins: `الـ31` is two tokens. */
  touching(i: number): boolean {
    const a = this.tokens[i];
    const b = this.tokens[i + 1];
    return a !== undefined && b !== undefined && a.end === b.start;
  }

  span(startToken: number, offset: number, endToken: number, date: string | undefined): DateSpan {
    const span: DateSpan = {
      startToken,
      endToken,
      start: this.tokens[startToken]!.start + offset,
      end: this.tokens[endToken - 1]!.end,
    };
    if (date !== undefined) span.date = date;
    return span;
  }

  // --- expressions ------------------------------------------------------------------------

  /** Any date expression starting at token i. */
  at(i: number): DateSpan | undefined {
    return (
      this.numeric(i) ??
      this.periodPart(i) ??
      this.weekday(i) ??
      this.dayMonth(i) ??
      this.monthYear(i) ??
      this.yearExpr(i) ??
      this.relativeDay(i)
    );
  }

  /**
   * Numeric dates of bylines and listings, written without spaces: year first with `-` or `/`
   * (`2025-11-20`, `2019/02/09`), or day first as the Arab world writes them (`12/3/2024`,
   * `12-03-2024`: 12 March). Both separators must be the same; an impossible day keeps no span.
   */
  private numeric(i: number): DateSpan | undefined {
    const t = this.tokens[i];
    if (!t || t.kind !== "number" || !/^\d{1,4}$/.test(t.norm)) return undefined;
    const sep = this.norm(i + 1);
    if ((sep !== "-" && sep !== "/") || this.norm(i + 3) !== sep) return undefined;
    for (let k = i; k < i + 4; k++) if (!this.touching(k)) return undefined;
    const b = this.tokens[i + 2]!;
    const c = this.tokens[i + 4];
    if (b.kind !== "number" || c?.kind !== "number" || !/^\d{1,2}$/.test(b.norm)) return undefined;
    // A fourth number glued on (`1/2/3/4`, `2024-03-12-5`) is no date.
    const next = this.tokens[i + 5];
    if (next && next.start === c.end && (this.norm(i + 5) === sep || next.kind === "number"))
      return undefined;
    let date: string | undefined;
    if (/^\d{4}$/.test(t.norm) && /^\d{1,2}$/.test(c.norm))
      date = iso(Number(t.norm), Number(b.norm), Number(c.norm));
    else if (/^\d{1,2}$/.test(t.norm) && /^\d{4}$/.test(c.norm))
      date = iso(Number(c.norm), Number(b.norm), Number(t.norm));
    if (!date || Number(date.slice(0, 4)) < 1800) return undefined;
    return this.span(i, 0, i + 5, date);
  }

  /** `مطلع العام الماضي`, `أواخر يونيو`: the part word joins the span, the date is the period's. */
  private periodPart(i: number): DateSpan | undefined {
    const offset = this.firstWord(i, (f) => periodParts.has(f));
    if (offset === undefined) return undefined;
    const inner = this.monthYear(i + 1) ?? this.yearExpr(i + 1);
    if (!inner) return undefined;
    return this.span(i, offset, inner.endToken, inner.date);
  }

  /** `الخميس`, `الخميس الماضي`, `الخميس 9 كانون الأول 2021`. */
  private weekday(i: number): DateSpan | undefined {
    let name: (typeof WEEKDAY_NAMES)[number] | undefined;
    const offset = this.firstWord(i, (f) => (name = weekdays.get(f)) !== undefined);
    if (offset === undefined || !name) return undefined;
    const relation = this.relation(i + 1);
    const end = relation ? i + 2 : i + 1;
    // A full date right after the weekday joins it: `الخميس 9 كانون الأول`, `الخميس، 9 …`.
    const following = relation ? undefined : this.dayMonth(this.norm(end) === "،" ? end + 1 : end);
    if (following) return this.span(i, offset, following.endToken, following.date);
    const afterDayWord = dayParts.has(this.norm(i - 1) ?? "");
    if (name.ambiguous && !relation && !afterDayWord) return undefined;
    let date: string | undefined;
    if (this.ref) {
      const refDay = new Date(Date.UTC(this.ref.y, this.ref.m - 1, this.ref.d)).getUTCDay();
      const back = (refDay - name.day + 7) % 7;
      if (relation === "next") date = addDays(this.ref, (name.day - refDay + 7) % 7 || 7);
      else if (relation === "past") date = addDays(this.ref, -(back || 7));
      else date = addDays(this.ref, -back);
    }
    return this.span(i, offset, end, date);
  }

  /** `9 كانون الأول الماضي`, `الـ31 من ديسمبر الحالي`, `10 حزيران 2014`. */
  private dayMonth(i: number): DateSpan | undefined {
    let j = i;
    // `الـ31`: the article written with tatweel, glued to the number.
    if (this.norm(i) === ARTICLE && this.touching(i)) j = i + 1;
    else if (this.tokens[i]?.kind === "word") return undefined;
    const day = this.number(j);
    if (day === undefined || day < 1 || day > 31) return undefined;
    j++;
    if (this.norm(j) === OF) j++;
    const month = this.month(j);
    if (!month || month.offset !== 0) return undefined;
    const rest = this.afterMonth(this.pairedEnd(month.end, month.entry.month));
    return this.span(i, 0, rest.end, this.resolve(month.entry, day, rest));
  }

  /** `يونيو/حزيران 2014`, `يوليو/تموز الماضي`, `ديسمبر 2021`, `رمضان 1443 هـ`. */
  private monthYear(i: number): DateSpan | undefined {
    const month = this.month(i);
    if (!month) return undefined;
    const end = this.pairedEnd(month.end, month.entry.month);
    const paired = end > month.end;
    const rest = this.afterMonth(end);
    const introduced = monthWords.has(this.norm(i - 1) ?? "");
    if (
      month.entry.ambiguous &&
      !paired &&
      !introduced &&
      rest.year === undefined &&
      !rest.relation
    )
      return undefined;
    return this.span(i, month.offset, rest.end, this.resolve(month.entry, undefined, rest));
  }

  /**
   * Past the second name of a paired form (`يوليو/تموز`, `مارس/ آذار`, `يونيو (حزيران)`) when one
   * starts at token i and names the same month; otherwise i.
   */
  private pairedEnd(i: number, month: number): number {
    const mark = this.norm(i);
    if (mark !== "/" && mark !== "(") return i;
    const other = this.month(i + 1);
    if (!other || other.offset !== 0 || other.entry.month !== month) return i;
    return mark === "(" && this.norm(other.end) === ")" ? other.end + 1 : other.end;
  }

  /** What may follow a month name: a year (with its era mark) or a relation word. */
  private afterMonth(i: number): AfterMonth {
    const year = this.year(i);
    if (year) return { end: year.end, year: year.year, ...(year.era ? { era: year.era } : {}) };
    const relation = this.relation(i);
    if (relation) return { end: i + 1, relation };
    return { end: i };
  }

  /** The ISO date of a month name with an optional day and what follows it, in its calendar. */
  private resolve(
    month: MonthEntry,
    day: number | undefined,
    rest: AfterMonth,
  ): string | undefined {
    if (month.calendar === "gregorian") {
      // A year marked Hijri is never mixed into a Gregorian month.
      if (rest.era === "hijri") return undefined;
      const year = rest.year ?? this.yearOf(this.ref, month.month, day, rest.relation);
      return year === undefined ? undefined : iso(year, month.month, day);
    }
    if (rest.era === "gregorian") return undefined;
    const hijriRef = this.ref ? toHijri(this.ref) : undefined;
    const ref = hijriRef ? { y: hijriRef.year, m: hijriRef.month, d: hijriRef.day } : undefined;
    const year = rest.year ?? this.yearOf(ref, month.month, day, rest.relation);
    if (year === undefined) return undefined;
    // Without a day, the Gregorian month that holds the Hijri month's middle (Ramadan 1443 ran
    // from 2 April to 1 May 2022: `رمضان 1443` → 2022-04).
    const g = fromHijri({ year, month: month.month, day: day ?? 15 });
    if (!g) return undefined;
    return day === undefined ? iso(g.y, g.m) : iso(g.y, g.m, g.d);
  }

  /** The year a month (and day) without one falls in, seen from `ref` in the same calendar. */
  private yearOf(
    ref: YMD | undefined,
    month: number,
    day: number | undefined,
    relation: Relation | undefined,
  ): number | undefined {
    if (!ref) return undefined;
    const isPast = month < ref.m || (month === ref.m && day !== undefined && day <= ref.d);
    if (relation === "past") return isPast ? ref.y : ref.y - 1;
    if (relation === "next")
      return month > ref.m || (month === ref.m && day !== undefined && day > ref.d)
        ? ref.y
        : ref.y + 1;
    return ref.y;
  }

  /** `عام 2011`, `العام الماضي`, `هذا العام`, `السنة المقبلة`, `الشهر الماضي`. */
  private yearExpr(i: number): DateSpan | undefined {
    const yOffset = this.firstWord(i, (f) => yearWords.has(f));
    if (yOffset !== undefined) {
      const year = this.year(i + 1);
      if (year)
        return this.span(i, yOffset, year.end, year.era === "hijri" ? undefined : iso(year.year));
    }
    // `هذا العام`
    if (this.norm(i) === THIS && periodWords.has(this.norm(i + 1) ?? "")) {
      return this.span(
        i,
        0,
        i + 2,
        this.resolvePeriod(periodWords.get(this.norm(i + 1)!)!, "current"),
      );
    }
    let unit: "year" | "month" | "week" | undefined;
    const pOffset = this.firstWord(i, (f) => (unit = periodWords.get(f)) !== undefined);
    if (pOffset === undefined || !unit) return undefined;
    const relation = this.relation(i + 1);
    if (!relation) return undefined;
    return this.span(i, pOffset, i + 2, this.resolvePeriod(unit, relation));
  }

  private resolvePeriod(unit: "year" | "month" | "week", relation: Relation): string | undefined {
    const ref = this.ref;
    if (!ref || unit === "week") return undefined;
    const delta = relation === "past" ? -1 : relation === "next" ? 1 : 0;
    if (unit === "year") return iso(ref.y + delta);
    const t = new Date(Date.UTC(ref.y, ref.m - 1 + delta, 1));
    return iso(t.getUTCFullYear(), t.getUTCMonth() + 1);
  }

  /** `أمس`, `أمس الأول`, `غداً`. */
  private relativeDay(i: number): DateSpan | undefined {
    for (const r of relativeDays) {
      const offset = this.firstWord(i, (f) => f === r.words[0], true);
      if (offset === undefined) continue;
      let ok = true;
      for (let k = 1; k < r.words.length; k++) if (this.norm(i + k) !== r.words[k]) ok = false;
      if (!ok) continue;
      return this.span(
        i,
        offset,
        i + r.words.length,
        this.ref ? addDays(this.ref, r.days) : undefined,
      );
    }
    return undefined;
  }
}

/** Every date expression in the tokens, left to right, non-overlapping. */
export function findDates(tokens: readonly Token[], refDate?: string): DateSpan[] {
  const reader = new DateReader(tokens, parseRefDate(refDate));
  const spans: DateSpan[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind === "punct" || (t.kind === "word" && !triggers.has(t.norm))) continue;
    const span = reader.at(i);
    if (span) {
      spans.push(span);
      i = span.endToken - 1;
    }
  }
  return spans;
}
