// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { hasArabicPassage, isMostlyArabic, sampleText } from "@/src/dom/language";

const QUOTE =
  "وأعلن مستشار الأمن القومي العراقي قاسم الأعرجي انتهاء المهام القتالية لقوات التحالف الدولي في العراق";
const ENGLISH =
  "Iraq's national security adviser said on Thursday that the international coalition had ended its combat mission in the country, after a final round of talks. ".repeat(
    3,
  );

describe("the page's language", () => {
  it("finds an Arabic passage in a mostly English page, and not a lone Arabic name", () => {
    const page = `${ENGLISH} He wrote: “${QUOTE}”. ${ENGLISH}`;
    expect(isMostlyArabic(page)).toBe(false);
    expect(hasArabicPassage(page)).toBe(true);
    expect(hasArabicPassage(`${ENGLISH} (in Arabic: قاسم الأعرجي) ${ENGLISH}`)).toBe(false);
    // Latin letters break a stretch; digits and punctuation do not.
    expect(hasArabicPassage("قاسم الأعرجي x ".repeat(10))).toBe(false);
    expect(hasArabicPassage("في 9 كانون الأول، 2021: " + QUOTE.slice(0, 60))).toBe(true);
  });

  it("samples only the text the text map would read: no code, hidden text or chrome", () => {
    document.body.innerHTML = `<nav>${QUOTE}</nav><script>var q = "${QUOTE}";</script><div hidden><p>${QUOTE}</p></div>
      <div aria-hidden="true">${QUOTE}</div><noscript>${QUOTE}</noscript><p>${ENGLISH}</p>`;
    const sample = sampleText(document);
    expect(sample).toContain("international coalition");
    expect(hasArabicPassage(sample)).toBe(false);
  });
});
