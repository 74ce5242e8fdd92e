// Mounts an extension page (popup, options): UI language on <html>, the shared and page styles,
// then the page's root component.
import { render, type ComponentChild } from "preact";
import { applyLanguage, translator, uiLanguage, type Translator } from "./i18n";
import { sharedStyles } from "./shared/styles";

export function mountPage(pageStyles: string, title: (t: Translator) => string, view: (t: Translator) => ComponentChild): void {
  const t = translator(uiLanguage());
  applyLanguage(document.documentElement, t.language);
  document.title = title(t);
  const style = document.createElement("style");
  style.textContent = `${sharedStyles}\n${pageStyles}`;
  document.head.append(style);
  render(view(t), document.getElementById("app")!);
}
