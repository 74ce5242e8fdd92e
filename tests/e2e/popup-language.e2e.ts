// Issue #12's "done when": in an English browser the real toolbar popup lists the seed article's
// names in Arabic, as the article writes them, with the English name as a second line; and the
// reader's language choice reaches an open popup at once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CDPSession, Page } from "playwright-core";
import { launchExtension, markCount, type LaunchedExtension } from "./harness-chromium";

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

/**
 * Evaluates `expression` in the toolbar popup. Playwright does not list an extension's action
 * popup among the context's pages, so the popup's DevTools target is reached through the page's
 * CDP session (Chromium only: Firefox has no action popup target to attach to).
 */
async function evaluateInTarget(cdp: CDPSession, targetId: string, expression: string): Promise<unknown> {
  const { sessionId } = (await cdp.send("Target.attachToTarget", { targetId, flatten: false } as never)) as { sessionId: string };
  const answer = new Promise<unknown>((resolve, reject) => {
    const onMessage = (event: { sessionId: string; message: string }) => {
      if (event.sessionId && event.sessionId !== sessionId) return;
      const reply = JSON.parse(event.message) as { id?: number; result?: { result: { value: unknown } }; error?: { message: string } };
      if (reply.id !== 1) return;
      cdp.off("Target.receivedMessageFromTarget" as never, onMessage as never);
      if (reply.error) reject(new Error(reply.error.message));
      else resolve(reply.result?.result.value);
    };
    cdp.on("Target.receivedMessageFromTarget" as never, onMessage as never);
  });
  const message = { id: 1, method: "Runtime.evaluate", params: { expression, returnByValue: true } };
  await cdp.send("Target.sendMessageToTarget" as never, { sessionId, message: JSON.stringify(message) } as never);
  try {
    return await answer;
  } finally {
    await cdp.send("Target.detachFromTarget" as never, { sessionId } as never).catch(() => undefined);
  }
}

describe("the popup in an English browser", () => {
  let ext: LaunchedExtension;
  let article: Page;
  let url: string;

  beforeAll(async () => {
    ext = await launchExtension({ locale: "en-US" });
    url = `${ext.baseUrl}/seed-article.html`;
    article = await ext.context.newPage();
    await article.goto(url);
    await article.bringToFront();
  });
  afterAll(() => ext?.close());

  it("is an English browser", async () => {
    expect(await ext.serviceWorker.evaluate(() => chrome.i18n.getUILanguage())).toMatch(/^en/);
  });

  it("opens the real popup with action.openPopup() and lists the seed's names in Arabic, as written", async () => {
    // The popup shows the content script's last report: open it once the page is marked.
    await expect.poll(() => markCount(article), { timeout: 30_000 }).toBeGreaterThan(20);
    const cdp = await ext.context.newCDPSession(article);
    let view: PopupView | undefined;
    await expect
      .poll(
        async () => {
          const { targetInfos } = (await cdp.send("Target.getTargets")) as { targetInfos: { targetId: string; url: string }[] };
          let popup = targetInfos.find((target) => target.url.startsWith(`chrome-extension://${ext.extensionId}/popup.html`));
          if (!popup) {
            await ext.serviceWorker.evaluate(() => chrome.action.openPopup());
            return 0;
          }
          view = (await evaluateInTarget(cdp, popup.targetId, READ_POPUP).catch((error: unknown) => {
            console.warn("popup not readable yet:", error);
            return undefined;
          })) as PopupView | undefined;
          if (!view) return 0;
          return view!.names.length;
        },
        { timeout: 30_000, interval: 1000 },
      )
      .toBeGreaterThan(15);
    expect([view!.lang, view!.dir]).toEqual(["en", "ltr"]);
    const primaries = view!.names.map((n) => n.primary);
    expect(primaries).toEqual(expect.arrayContaining(["قاسم سليماني", "العراق", "بغداد", "داعش", "التحالف الدولي", "جو بايدن"]));
    // Every name is shown as the Arabic article writes it; English only ever as the second line.
    expect(primaries.filter((name) => !ARABIC.test(name))).toEqual([]);
    expect(primaries).not.toContain("Iraq");
    expect(view!.names.find((n) => n.primary === "العراق")?.secondary).toBe("Iraq");
    expect(view!.names.find((n) => n.primary === "قاسم سليماني")?.secondary).toMatch(/Soleimani/);
    await cdp.detach();
  });

  it("follows a language chosen in the settings at once, laid out right to left", async () => {
    const popup = await ext.openPopup(url);
    await popup.locator(".siyaq-entity__name").first().waitFor({ timeout: 20_000 });
    expect(await popup.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(["en", "ltr"]);
    expect(await popup.locator("h2#siyaq-this-page").textContent()).toBe("On this page");
    await ext.serviceWorker.evaluate(async () => {
      const stored = (await chrome.storage.local.get("siyaq.settings"))["siyaq.settings"] ?? {};
      await chrome.storage.local.set({ "siyaq.settings": { ...stored, uiLanguage: "ar" } });
    });
    await expect.poll(() => popup.locator("h2#siyaq-this-page").textContent(), { timeout: 10_000 }).toBe("في هذه الصفحة");
    expect(await popup.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(["ar", "rtl"]);
    // The page starts over in the new language: its list loads again.
    await expect
      .poll(() => popup.locator(".siyaq-entity__name").allTextContents(), { timeout: 10_000 })
      .toEqual(expect.arrayContaining(["العراق", "قاسم سليماني"]));
    // The page's summary line says what it counts.
    expect(await popup.getByTestId("page-mentions").textContent()).toMatch(/^ذُكرت الأسماء \d+ (مرة|مرات) في هذه الصفحة$/);
    await popup.close();
  });
});

declare const chrome: {
  i18n: { getUILanguage(): string };
  action: { openPopup(): Promise<void> };
  storage: { local: { get(key: string): Promise<Record<string, Record<string, unknown> | undefined>>; set(items: object): Promise<void> } };
};
