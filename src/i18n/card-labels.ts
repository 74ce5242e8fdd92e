// The hover card's words come from the one string table (src/i18n/strings.ts, keys `hover.*`)
// through a Translator. The card sits on Arabic pages, so it speaks Arabic unless told otherwise:
// `cardTranslator()` is the one place that choice is made.
import { translator, type Translator, type UiLanguage } from "./i18n";
import type { LookupOutcome } from "@/src/contracts/lookup";

/** The card's translator: Arabic by default; a UI-language setting passes its language here. */
export function cardTranslator(language: UiLanguage = "ar"): Translator {
  return translator(language);
}

/** Why a lookup found nothing, in the reader's words (the card, the popup's learned names and refresh). */
export function lookupProblem(
  t: Translator,
  status: Exclude<LookupOutcome["status"], "found">,
): string {
  return t(
    status === "needs-permission"
      ? "hover.lookupNeedsPermission"
      : status === "not-found"
        ? "hover.lookupNotFound"
        : "hover.lookupUnavailable",
  );
}
