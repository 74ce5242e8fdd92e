// The plumbing: the extension loads, its content script reaches the background on a real page,
// and the popup reads from the database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchExtension, type LaunchedExtension } from "./harness";

describe("foundation", () => {
  let ext: LaunchedExtension;
  beforeAll(async () => {
    ext = await launchExtension();
  });
  afterAll(() => ext?.close());

  it("loads the extension with its service worker", async () => {
    expect(ext.extensionId).toMatch(/^[a-p]{32}$/);
    const manifest = await ext.serviceWorker.evaluate(() => chrome.runtime.getManifest());
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.name).toContain("Siyaq");
  });

  it("runs the content script on the seed article and reaches the background", async () => {
    const page = await ext.context.newPage();
    const url = `${ext.baseUrl}/seed-article.html`;
    await page.goto(url);
    // The content script reports to the background once it has read the page; the popup for that
    // tab shows the report.
    await expect
      .poll(
        async () => {
          const popup = await ext.openPopup(url);
          const found = await popup.getByTestId("page-mentions").count();
          await popup.close();
          return found;
        },
        { timeout: 20_000, interval: 1000 },
      )
      .toBe(1);
  });

  it("opens the popup, which reads the database through the background", async () => {
    const popup = await ext.openPopup(`${ext.baseUrl}/seed-article.html`);
    const stats = popup.getByTestId("db-stats");
    await expect.poll(() => stats.textContent(), { timeout: 15_000 }).toMatch(/\d+/);
  });

  it("refuses messages that do not validate, with a reason", async () => {
    const popup = await ext.openPopup();
    const reply = await popup.evaluate(() => chrome.runtime.sendMessage({ siyaq: 1, type: "recognize", payload: { text: 42 } }));
    expect(reply).toMatchObject({ ok: false, error: expect.stringContaining("recognize") });
    const unknown = await popup.evaluate(() => chrome.runtime.sendMessage({ siyaq: 1, type: "drop.tables", payload: {} }));
    expect(unknown).toMatchObject({ ok: false, error: expect.stringContaining("unknown message type") });
  });
});

declare const chrome: {
  runtime: { getManifest(): { manifest_version: number; name: string }; sendMessage(message: unknown): Promise<unknown> };
};
