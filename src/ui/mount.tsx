// Mounts an extension page (popup, options, library): UI language on <html>, the shared and page
// styles, then the page's root component — rendered again in the new language when the reader
// changes it, from this page or any other.
import { Fragment, render, type ComponentChild } from "preact";
import {
  applyLanguage,
  loadUiLanguage,
  onUiLanguageChanged,
  translator,
  uiLanguage,
  type Translator,
  type UiLanguage,
} from "@/src/i18n/i18n";
import { sharedStyles } from "./shared/styles";

export function mountPage(
  pageStyles: string,
  title: (t: Translator) => string,
  view: (t: Translator) => ComponentChild,
): void {
  const style = document.createElement("style");
  style.textContent = `${sharedStyles}\n${pageStyles}`;
  document.head.append(style);
  const app = document.getElementById("app")!;
  const show = (language: UiLanguage) => {
    const t = translator(language);
    applyLanguage(document.documentElement, language);
    document.title = title(t);
    // Keyed by language: the page starts over in the new language rather than mixing two.
    render(<Fragment key={language}>{view(t)}</Fragment>, app);
  };
  const start = (language: UiLanguage) => {
    show(language);
    onUiLanguageChanged(language, show);
  };
  loadUiLanguage().then(start, (error: unknown) => {
    console.error("[siyaq] settings unreadable, following the browser's language:", error);
    start(uiLanguage());
  });
}
