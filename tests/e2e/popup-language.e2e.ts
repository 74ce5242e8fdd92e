// Issue #12's "done when": in an English browser the real toolbar popup lists the seed article's
// names in Arabic, as the article writes them, with the English name as a second line; and the
// reader's language choice reaches an open popup at once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  BROWSERS,
  launchExtension,
  type LaunchedExtension,
  type TestPage,
} from "../../tools/lib/harness";
import { markCount } from "./marks";

const ARABIC = /[\u0600-\u06FF]/;

/** What the popup shows: `<html lang dir>`, each name's first and second line. */
interface PopupView {
  lang: string;
  dir: string;
  names: { primary: string; secondary: string | null }[];
}
const READ_POPUP = `(() => ({
  lang: document.documentElement.lang,
  dir: document.documentElement.dir,
  names: [...document.querySelectorAll(".siyaq-entity__names")].map((n) => ({
    primary: n.querySelector(".siyaq-entity__name")?.textContent ?? "",
    secondary: n.querySelector(".siyaq-entity__other")?.textContent ?? null,
  })),
}))()`;

type ExtensionApi = {
  i18n: { getUILanguage(): string };
  storage: {
    local: {
      get(key: string): Promise<Record<string, Record<string, unknown> | undefined>>;
      set(items: object): Promise<void>;
    };
  };
};

describe.each(BROWSERS)("the popup in an English %s", (browser) => {
  let ext: LaunchedExtension;
  let article: TestPage;
  let url: string;

  beforeAll(async () => {
    ext = await launchExtension(browser, { locale: "en-US" });
    url = `${ext.baseUrl}/seed-article.html`;
    // The harness's extension page for API calls opens first, so the article is the active tab
    // while it is read. (Seen in Firefox 140 under puppeteer: when that page opened while the
    // article was still loading, the article painted its names but the background held no report
    // for its tab, and the popup said "not read" until a reload. A tab opened in the background
    // with tabs.create({active: false}) is reported fine, so the cause is not settled; this
    // file's subject is the popup's language.)
    await ext.manifest();
    article = await ext.newPage();
    await article.goto(url);
    await article.bringToFront();
  });
  afterAll(() => ext?.close());

  it("is an English browser", async () => {
    const language = await ext.inExtension(() => {
      const api =
        (globalThis as unknown as { browser?: ExtensionApi }).browser ??
        (globalThis as unknown as { chrome: ExtensionApi }).chrome;
      return api.i18n.getUILanguage();
    }, undefined);
    expect(language).toMatch(/^en/);
  });

  // Chromium only. Firefox has browserAction.openPopup(), but its popup is a panel of the browser's
  // own window, not a tab: WebDriver BiDi, the only way a test drives Firefox, lists and reaches
  // tabs and their frames alone, so nothing can read the real popup there. Its content in English
  // is covered in both browsers by the next scenario (popup.html in a tab, the same code).
  it.skipIf(browser === "firefox")(
    "opens the real popup with action.openPopup() and lists the seed's names in Arabic, as written",
    async () => {
      // The popup shows the content script's last report: open it once the page is marked.
      await expect.poll(() => markCount(article), { timeout: 30_000 }).toBeGreaterThan(20);
      await article.bringToFront();
      const raw = article.raw.browser();
      const worker = await (
        await raw.waitForTarget(
          (t) => t.type() === "service_worker" && t.url().startsWith(ext.extensionOrigin),
          { timeout: 10_000 },
        )
      ).worker();
      // The toolbar popup is the one popup.html without a `?tab=` (those are pages in tabs).
      const popupUrl = `${ext.extensionOrigin}/popup.html`;
      let view: PopupView | undefined;
      await expect
        .poll(
          async () => {
            const target = raw.targets().find((t) => t.url() === popupUrl);
            if (!target) {
              await worker!
                .evaluate(() =>
                  (
                    globalThis as unknown as { chrome: { action: { openPopup(): Promise<void> } } }
                  ).chrome.action.openPopup(),
                )
                .catch(() => undefined);
              return 0;
            }
            const session = await target.createCDPSession();
            try {
              const { result } = await session.send("Runtime.evaluate", {
                expression: READ_POPUP,
                returnByValue: true,
              });
              view = result.value as PopupView | undefined;
            } finally {
              await session.detach().catch(() => undefined);
            }
            return view?.names.length ?? 0;
          },
          { timeout: 30_000, interval: 1000 },
        )
        .toBeGreaterThan(15);
      expect([view!.lang, view!.dir]).toEqual(["en", "ltr"]);
      const primaries = view!.names.map((n) => n.primary);
      expect(primaries).toEqual(
        expect.arrayContaining([
          "قاسم سليماني",
          "العراق",
          "بغداد",
          "داعش",
          "التحالف الدولي",
          "جو بايدن",
        ]),
      );
      // Every name is shown as the Arabic article writes it; English only ever as the second line.
      expect(primaries.filter((name) => !ARABIC.test(name))).toEqual([]);
      expect(primaries).not.toContain("Iraq");
      expect(view!.names.find((n) => n.primary === "العراق")?.secondary).toBe("Iraq");
      expect(view!.names.find((n) => n.primary === "قاسم سليماني")?.secondary).toMatch(/Soleimani/);
    },
  );

  it("follows a language chosen in the settings at once, laid out right to left", async () => {
    await expect.poll(() => markCount(article), { timeout: 30_000 }).toBeGreaterThan(20);
    const popup = await ext.openPopup(url);
    await popup.waitFor(".siyaq-entity__name", { timeout: 20_000 });
    expect(
      await popup.evaluate(() => [document.documentElement.lang, document.documentElement.dir]),
    ).toEqual(["en", "ltr"]);
    expect(await popup.text("h2#siyaq-this-page")).toBe("On this page");
    // In English, too, the names are the article's own; English only as the second line.
    const names = await popup.texts(".siyaq-entity__name");
    expect(names).toEqual(expect.arrayContaining(["العراق", "قاسم سليماني"]));
    expect(names.filter((name) => !ARABIC.test(name))).toEqual([]);
    await ext.inExtension(async () => {
      const api =
        (globalThis as unknown as { browser?: ExtensionApi }).browser ??
        (globalThis as unknown as { chrome: ExtensionApi }).chrome;
      const stored = (await api.storage.local.get("siyaq.settings"))["siyaq.settings"] ?? {};
      await api.storage.local.set({ "siyaq.settings": { ...stored, uiLanguage: "ar" } });
    }, undefined);
    await expect
      .poll(() => popup.text("h2#siyaq-this-page"), { timeout: 10_000 })
      .toBe("في هذه الصفحة");
    expect(
      await popup.evaluate(() => [document.documentElement.lang, document.documentElement.dir]),
    ).toEqual(["ar", "rtl"]);
    // The page starts over in the new language: its list loads again.
    await expect
      .poll(() => popup.texts(".siyaq-entity__name"), { timeout: 10_000 })
      .toEqual(expect.arrayContaining(["العراق", "قاسم سليماني"]));
    // The page's summary line says what it counts.
    expect(await popup.text('[data-testid="page-mentions"]')).toMatch(
      /^ذُكرت الأسماء \d+ (مرة|مرات) في هذه الصفحة$/,
    );
    await popup.close();
  });
});
