// The hover card's words come from the one string table (src/i18n/strings.ts, keys `hover.*`)
// through a Translator. The card sits on Arabic pages, so it speaks Arabic unless told otherwise:
// `cardTranslator()` is the one place that choice is made.
import { translator, type Translator, type UiLanguage } from "./i18n";

/** The card's translator: Arabic by default; a UI-language setting passes its language here. */
export function cardTranslator(language: UiLanguage = "ar"): Translator {
  return translator(language);
}
