// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import {
  applyLanguage,
  formatIsoDate,
  loadUiLanguage,
  localized,
  onUiLanguageChanged,
  pickLanguage,
  translator,
  uiLanguage,
  type UiLanguage,
} from "@/src/i18n/i18n";
import { saveSettings } from "@/src/settings/settings";
import { mountPage } from "@/src/ui/mount";
import { STRINGS, type StringKey } from "@/src/i18n/strings";

afterEach(() => vi.restoreAllMocks());

describe("choosing the UI language", () => {
  it("speaks Arabic to Arabic locales and English to the rest", () => {
    expect(pickLanguage("ar")).toBe("ar");
    expect(pickLanguage("ar-EG")).toBe("ar");
    expect(pickLanguage("ar_IQ")).toBe("ar");
    expect(pickLanguage("en-US")).toBe("en");
    expect(pickLanguage("fr")).toBe("en");
    expect(pickLanguage("arn")).toBe("en"); // Mapudungun is not Arabic
  });

  it("falls back to Arabic when no language can be read", () => {
    expect(pickLanguage(undefined)).toBe("ar");
    expect(pickLanguage("  ")).toBe("ar");
  });

  it("asks the extension API first", () => {
    vi.spyOn(fakeBrowser.i18n, "getUILanguage").mockReturnValue("en-GB");
    vi.spyOn(navigator, "language", "get").mockReturnValue("ar-SA");
    expect(uiLanguage()).toBe("en");
  });

  it("uses the navigator when the extension API is missing", () => {
    // The fake browser's getUILanguage throws, as an unimplemented API would.
    vi.spyOn(navigator, "language", "get").mockReturnValue("ar-SA");
    expect(uiLanguage()).toBe("ar");
    vi.spyOn(navigator, "language", "get").mockReturnValue("de-DE");
    expect(uiLanguage()).toBe("en");
  });

  it("lets the reader's choice override the browser", () => {
    vi.spyOn(fakeBrowser.i18n, "getUILanguage").mockReturnValue("en-US");
    expect(uiLanguage("browser")).toBe("en");
    expect(uiLanguage("ar")).toBe("ar");
    vi.spyOn(fakeBrowser.i18n, "getUILanguage").mockReturnValue("ar-IQ");
    expect(uiLanguage("en")).toBe("en");
  });

  it("reads the choice from the settings and reports only real changes of language", async () => {
    fakeBrowser.reset();
    vi.spyOn(fakeBrowser.i18n, "getUILanguage").mockReturnValue("en-US");
    expect(await loadUiLanguage()).toBe("en");
    const heard: UiLanguage[] = [];
    const stop = onUiLanguageChanged("en", (language) => heard.push(language));
    await saveSettings({ uiLanguage: "ar" });
    await saveSettings({ hoverDelayMs: 500 }); // not a language change
    await saveSettings({ uiLanguage: "en" });
    stop();
    await saveSettings({ uiLanguage: "ar" });
    expect(heard).toEqual(["ar", "en"]);
    expect(await loadUiLanguage()).toBe("ar");
  });

  it("re-renders a mounted page in the language chosen elsewhere, with lang and dir", async () => {
    fakeBrowser.reset();
    vi.spyOn(fakeBrowser.i18n, "getUILanguage").mockReturnValue("en-US");
    document.body.innerHTML = '<div id="app"></div>';
    mountPage(
      "",
      (t) => t("options.title"),
      (t) => <p id="probe">{t("popup.library")}</p>,
    );
    const probe = async (wanted: string) => {
      for (let i = 0; i < 100 && document.getElementById("probe")?.textContent !== wanted; i++)
        await new Promise((r) => setTimeout(r, 0));
      return document.getElementById("probe")?.textContent;
    };
    expect(await probe("Highlights library")).toBe("Highlights library");
    expect([document.documentElement.lang, document.documentElement.dir, document.title]).toEqual([
      "en",
      "ltr",
      "Siyaq settings",
    ]);
    await saveSettings({ uiLanguage: "ar" });
    expect(await probe("مكتبة الاقتباسات")).toBe("مكتبة الاقتباسات");
    expect([document.documentElement.lang, document.documentElement.dir, document.title]).toEqual([
      "ar",
      "rtl",
      "إعدادات سياق",
    ]);
  });

  it("sets lang and dir on the page", () => {
    applyLanguage(document.documentElement, "ar");
    expect(document.documentElement.getAttribute("dir")).toBe("rtl");
    expect(document.documentElement.lang).toBe("ar");
    applyLanguage(document.documentElement, "en");
    expect(document.documentElement.getAttribute("dir")).toBe("ltr");
  });
});

describe("strings", () => {
  it("has every English key translated to Arabic", () => {
    const missing = (Object.keys(STRINGS.en) as StringKey[]).filter((key) => !(key in STRINGS.ar));
    expect(missing).toEqual([]);
  });

  it("falls back to English for a key Arabic lacks", () => {
    const saved = STRINGS.ar["popup.library"];
    delete STRINGS.ar["popup.library"];
    try {
      expect(translator("ar")("popup.library")).toBe("Highlights library");
    } finally {
      STRINGS.ar["popup.library"] = saved;
    }
  });

  it("fills placeholders and leaves unknown ones visible", () => {
    const t = translator("en");
    expect(t("popup.siteSwitch", { host: "aljazeera.net" })).toBe("Run Siyaq on aljazeera.net");
    expect(t("popup.siteSwitch")).toBe("Run Siyaq on {host}");
  });

  it("uses Arabic plural forms", () => {
    const t = translator("ar");
    expect(t.count("card.seenIn", 0)).toBe("لم يرد بعد فيما قرأت");
    expect(t.count("card.seenIn", 1)).toBe("ورد في مقال واحد قرأته");
    expect(t.count("card.seenIn", 2)).toBe("ورد في مقالين قرأتهما");
    expect(t.count("card.seenIn", 3)).toBe("ورد في 3 مقالات قرأتها");
    expect(t.count("card.seenIn", 11)).toBe("ورد في 11 مقالًا قرأته");
    expect(t.count("card.seenIn", 100)).toBe("ورد في 100 مقال قرأته");
    expect(translator("en").count("card.seenIn", 1)).toBe("Seen in 1 article you read");
    expect(translator("en").count("card.seenIn", 0)).toBe("Seen in 0 articles you read");
  });
});

describe("dates and bilingual text", () => {
  it("formats ISO dates at their precision", () => {
    expect(formatIsoDate("2014", "en")).toBe("2014");
    expect(formatIsoDate("2014-06", "en")).toBe("June 2014");
    expect(formatIsoDate("2020-01-03", "en")).toBe("3 January 2020");
    expect(formatIsoDate("2014-06", "ar")).toBe("يونيو 2014");
    expect(formatIsoDate("2021-12-09", "ar")).toContain("ديسمبر");
    expect(formatIsoDate("soon", "ar")).toBe("soon");
  });

  it("shows the other language when the UI's is missing", () => {
    expect(localized({ ar: "العراق", en: "Iraq" }, "en")).toBe("Iraq");
    expect(localized({ ar: "العراق" }, "en")).toBe("العراق");
    expect(localized({ en: "Iraq", ar: " " }, "ar")).toBe("Iraq");
    expect(localized(undefined, "ar")).toBe("");
  });
});
