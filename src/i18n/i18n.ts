// The UI speaks Arabic or English: the reader's choice in the settings, or the browser's UI
// language. This module picks the language, sets `lang`/`dir` on a page, and looks strings up
// (with Arabic plural forms). Every surface (popup, options, library, cards) asks it the same way:
// `translator(uiLanguage(settings.uiLanguage))`.
import { browser } from "wxt/browser";
import { loadSettings, onSettingsChanged, type UiLanguageChoice } from "@/src/settings/settings";
import { STRINGS, type PluralForms, type StringKey } from "./strings";

export type UiLanguage = "ar" | "en";

/**
 * Arabic for any Arabic locale, English for every other known language, and Arabic when the
 * language cannot be read at all: Siyaq's readers read Arabic, English is the bridge for the rest.
 */
export function pickLanguage(tag: string | undefined | null): UiLanguage {
  if (!tag || !tag.trim()) return "ar";
  return /^ar(\b|[-_])/i.test(tag.trim()) ? "ar" : "en";
}

/**
 * The language to speak: the reader's choice when it names one, otherwise the browser's UI
 * language (the extension API first, then the navigator).
 */
export function uiLanguage(choice: UiLanguageChoice = "browser"): UiLanguage {
  if (choice === "ar" || choice === "en") return choice;
  return browserLanguage();
}

/** The browser's UI language, as Siyaq speaks it. */
export function browserLanguage(): UiLanguage {
  let tag: string | undefined;
  try {
    tag = browser.i18n.getUILanguage();
  } catch {
    // Not every context (or test double) implements i18n; the navigator knows the same thing.
  }
  if (!tag && typeof navigator !== "undefined") tag = navigator.language;
  return pickLanguage(tag);
}

/** The language from the stored settings (for contexts that do not hold the settings already). */
export async function loadUiLanguage(): Promise<UiLanguage> {
  return uiLanguage((await loadSettings()).uiLanguage);
}

/** Calls `listener` when the language in use changes, whichever context changed the setting. */
export function onUiLanguageChanged(
  current: UiLanguage,
  listener: (language: UiLanguage) => void,
): () => void {
  let last = current;
  return onSettingsChanged((settings) => {
    const next = uiLanguage(settings.uiLanguage);
    if (next === last) return;
    last = next;
    listener(next);
  });
}

export function directionOf(language: UiLanguage): "rtl" | "ltr" {
  return language === "ar" ? "rtl" : "ltr";
}

/** Sets `lang` and `dir` on an extension page's root so screen readers and layout follow the UI. */
export function applyLanguage(root: HTMLElement, language: UiLanguage): void {
  root.lang = language;
  root.dir = directionOf(language);
}

export interface Translator {
  language: UiLanguage;
  /** The string for `key` with `{name}` placeholders filled from `params`. */
  (key: StringKey, params?: Record<string, string | number>): string;
  /** A counted phrase in the right plural form (Arabic has six). */
  count(key: StringKey, n: number, params?: Record<string, string | number>): string;
  /** A date at its ISO precision (`2014`, `2014-06`, `2014-06-10`) in the UI language. */
  date(iso: string): string;
}

const LOCALES: Record<UiLanguage, string> = {
  // Gregorian calendar and Latin digits, as the Arabic news pages Siyaq reads write them.
  ar: "ar-u-ca-gregory-nu-latn",
  en: "en-GB",
};

function fill(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

export function translator(language: UiLanguage): Translator {
  const table = STRINGS[language];
  const rules = new Intl.PluralRules(language);
  const lookup = (key: StringKey): string | PluralForms => table[key] ?? STRINGS.en[key] ?? key;

  const t = ((key: StringKey, params?: Record<string, string | number>) => {
    const value = lookup(key);
    return fill(typeof value === "string" ? value : value.other, params);
  }) as Translator;
  t.language = language;
  t.count = (key, n, params) => {
    const value = lookup(key);
    const form = typeof value === "string" ? value : (value[rules.select(n)] ?? value.other);
    return fill(form, { n: new Intl.NumberFormat(LOCALES[language]).format(n), ...params });
  };
  t.date = (iso) => formatIsoDate(iso, language);
  return t;
}

/** Formats an ISO date of any precision; anything that is not one is shown as it is. */
export function formatIsoDate(iso: string, language: UiLanguage): string {
  const match = /^(-?\d{1,6})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(iso);
  if (!match) return iso;
  const [, year, month, day] = match;
  const when = new Date(
    Date.UTC(Number(year), month ? Number(month) - 1 : 0, day ? Number(day) : 1),
  );
  if (Number.isNaN(when.getTime())) return iso;
  when.setUTCFullYear(Number(year)); // Date.UTC maps years 0–99 to 1900–1999
  const options: Intl.DateTimeFormatOptions = { timeZone: "UTC", year: "numeric" };
  if (month) options.month = "long";
  if (day) options.day = "numeric";
  return new Intl.DateTimeFormat(LOCALES[language], options).format(when);
}

/** Text stored in both languages, shown in the UI language when it exists and in the other otherwise. */
export function localized(
  text: { ar?: string; en?: string } | undefined,
  language: UiLanguage,
): string {
  if (!text) return "";
  const first = language === "ar" ? text.ar : text.en;
  const second = language === "ar" ? text.en : text.ar;
  return (first?.trim() || second?.trim()) ?? "";
}
