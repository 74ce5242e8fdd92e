import { beforeEach, describe, expect, it } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import {
  DEFAULT_SETTINGS,
  loadSettings,
  onSettingsChanged,
  parseSettings,
  saveSettings,
  setSiteEnabled,
  shouldRun,
} from "@/src/settings/settings";

describe("settings", () => {
  beforeEach(() => fakeBrowser.reset());

  it("starts from the defaults", async () => {
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS.defaultMode).toBe("arabic");
  });

  it("keeps valid stored fields and replaces broken ones with defaults", () => {
    const parsed = parseSettings({
      hoverDelayMs: 500,
      markStyle: "<script>",
      sites: "all",
      extra: 1,
    });
    expect(parsed.hoverDelayMs).toBe(500);
    expect(parsed.markStyle).toBe(DEFAULT_SETTINGS.markStyle);
    expect(parsed.sites).toEqual([]);
    expect(parseSettings("garbage")).toEqual(DEFAULT_SETTINGS);
  });

  it("follows the browser's language until the reader picks one; a bad stored language falls back", async () => {
    expect(DEFAULT_SETTINGS.uiLanguage).toBe("browser");
    expect((await saveSettings({ uiLanguage: "en" })).uiLanguage).toBe("en");
    expect((await loadSettings()).uiLanguage).toBe("en");
    expect(parseSettings({ uiLanguage: "fr", hoverDelayMs: 400 })).toMatchObject({
      uiLanguage: "browser",
      hoverDelayMs: 400,
    });
  });

  it("decides per site: an explicit rule wins over the default mode", async () => {
    let settings = await loadSettings();
    expect(shouldRun(settings, "news.example", true)).toBe(true);
    expect(shouldRun(settings, "news.example", false)).toBe(false);
    settings = await setSiteEnabled("news.example", false);
    expect(shouldRun(settings, "news.example", true)).toBe(false);
    settings = await setSiteEnabled("en.example", true);
    expect(shouldRun(settings, "en.example", false)).toBe(true);
    settings = await saveSettings({ defaultMode: "chosen" });
    expect(shouldRun(settings, "other.example", true)).toBe(false);
    expect(settings.sites).toHaveLength(2);
  });

  it("tells listeners about changes", async () => {
    const seen: number[] = [];
    const stop = onSettingsChanged((s) => seen.push(s.hoverDelayMs));
    await saveSettings({ hoverDelayMs: 120 });
    stop();
    await saveSettings({ hoverDelayMs: 240 });
    expect(seen).toEqual([120]);
  });

  it("rejects an invalid patch without touching what is stored", async () => {
    await saveSettings({ hoverDelayMs: 100 });
    await expect(saveSettings({ hoverDelayMs: -5 })).rejects.toThrow();
    expect((await loadSettings()).hoverDelayMs).toBe(100);
  });
});
