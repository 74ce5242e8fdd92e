// The plumbing, in each browser: the extension loads with its background, its content script
// reaches the background on a real page, and the popup reads from the database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BROWSERS, launchExtension, type LaunchedExtension } from "../../tools/lib/harness";

describe.each(BROWSERS)("foundation in %s", (browser) => {
  let ext: LaunchedExtension;
  beforeAll(async () => {
    ext = await launchExtension(browser);
  });
  afterAll(() => ext?.close());

  it("loads the extension with its background: a service worker in Chromium, an event page in Firefox", async () => {
    const manifest = await ext.manifest();
    expect(manifest.name).toContain("Siyaq");
    if (browser === "chromium") {
      expect(ext.extensionId).toMatch(/^[a-p]{32}$/);
      expect(manifest.manifest_version).toBe(3);
      expect(await ext.backgroundUrl()).toBe(`${ext.extensionOrigin}/background.js`);
    } else {
      expect(manifest.manifest_version).toBe(2);
      // MV2: a browser_action (Firefox writes the popup's full address into it).
      expect((manifest.browser_action as { default_popup: string }).default_popup).toMatch(
        /\/popup\.html$/,
      );
      expect(manifest.action).toBeUndefined();
      expect(await ext.backgroundUrl()).toMatch(
        /^moz-extension:\/\/[^/]+\/_generated_background_page\.html$/,
      );
    }
  });

  it("runs the content script on the seed article and reaches the background", async () => {
    const page = await ext.newPage();
    const url = `${ext.baseUrl}/seed-article.html`;
    await page.goto(url);
    // The content script reports to the background once it has read the page; the popup for that
    // tab shows the report.
    await expect
      .poll(
        async () => {
          const popup = await ext.openPopup(url);
          // The popup renders after its first answers (the UI language, then the tab's status):
          // give it a moment before counting, or a popup still rendering reads as "not reached".
          let found = 0;
          for (let waited = 0; waited < 3000 && found === 0; waited += 250) {
            found = await popup.count('[data-testid="page-mentions"]');
            if (found === 0) await new Promise((done) => setTimeout(done, 250));
          }
          await popup.close();
          // A tab behind another gets its idle-time work throttled: keep the article in front.
          await page.bringToFront();
          return found;
        },
        // A fresh profile's first page waits for the starter pack and the recognizer's first build.
        { timeout: 45_000, interval: 1000 },
      )
      .toBe(1);
  });

  it("opens the popup, which reads the database through the background", async () => {
    const popup = await ext.openPopup(`${ext.baseUrl}/seed-article.html`);
    await expect
      .poll(() => popup.text('[data-testid="db-stats"]'), { timeout: 15_000 })
      .toMatch(/\d+/);
  });

  it("refuses messages that do not validate, with a reason", async () => {
    const popup = await ext.openPopup();
    // `browser` in Firefox: its `chrome` namespace takes callbacks and returns nothing.
    const send = (message: unknown) =>
      popup.evaluate(
        (m) => ((globalThis as { browser?: RuntimeApi }).browser ?? chrome).runtime.sendMessage(m),
        message,
      );
    const reply = await send({ siyaq: 1, type: "recognize", payload: { text: 42 } });
    expect(reply).toMatchObject({ ok: false, error: expect.stringContaining("recognize") });
    const unknown = await send({ siyaq: 1, type: "drop.tables", payload: {} });
    expect(unknown).toMatchObject({
      ok: false,
      error: expect.stringContaining("unknown message type"),
    });
  });
});

type RuntimeApi = { runtime: { sendMessage(message: unknown): Promise<unknown> } };
declare const chrome: RuntimeApi;
