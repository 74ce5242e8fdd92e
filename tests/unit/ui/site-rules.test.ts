// The settings helpers the popup's switch and the options page's sites list rely on.
import { beforeEach, describe, expect, it } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import {
  DEFAULT_SETTINGS,
  loadSettings,
  normalizeHost,
  removeSiteRule,
  saveSettings,
  setSiteEnabled,
  shouldRun,
} from "@/src/settings/settings";
import { siteSwitchState } from "@/src/ui/popup/SiteSwitch";
import { isSiteHost } from "@/src/ui/options/SiteList";

beforeEach(() => fakeBrowser.reset());

describe("normalizeHost", () => {
  it("reduces addresses and host spellings to one form", () => {
    expect(normalizeHost("https://www.AlJazeera.net/news/1?x#y")).toBe("aljazeera.net");
    expect(normalizeHost("WWW.aljazeera.net")).toBe("aljazeera.net");
    expect(normalizeHost("127.0.0.1:8080")).toBe("127.0.0.1");
    expect(normalizeHost("arabic.cnn.com/")).toBe("arabic.cnn.com");
    expect(normalizeHost("موقع.مصر")).toBe("xn--4gbrim.xn--wgbh1c");
    expect(normalizeHost("not a site")).toBe("");
    expect(normalizeHost("   ")).toBe("");
  });

  it("tells site hosts from other words", () => {
    expect(isSiteHost("aljazeera.net")).toBe(true);
    expect(isSiteHost("localhost")).toBe(true);
    expect(isSiteHost("127.0.0.1")).toBe(true);
    expect(isSiteHost("news")).toBe(false);
    expect(isSiteHost("")).toBe(false);
  });
});

describe("site rules", () => {
  it("matches a rule whatever form of the host the page has", async () => {
    const settings = await setSiteEnabled("www.alamsar.example", false);
    expect(settings.sites).toEqual([{ host: "alamsar.example", enabled: false }]);
    expect(shouldRun(settings, "alamsar.example", true)).toBe(false);
    expect(shouldRun(settings, "WWW.ALAMSAR.EXAMPLE", true)).toBe(false);
  });

  it("keeps a toggled site in its place and removes rules", async () => {
    await setSiteEnabled("a.example", true);
    await setSiteEnabled("b.example", true);
    await setSiteEnabled("a.example", false);
    expect((await loadSettings()).sites.map((r) => r.host)).toEqual(["a.example", "b.example"]);
    await removeSiteRule("https://a.example/page");
    expect((await loadSettings()).sites).toEqual([{ host: "b.example", enabled: true }]);
  });

  it("rejects a non-site without touching the list", async () => {
    await setSiteEnabled("a.example", true);
    await expect(setSiteEnabled("not a site", true)).rejects.toThrow(/not a site/);
    expect((await loadSettings()).sites).toEqual([{ host: "a.example", enabled: true }]);
  });

  it("does not lose a change when several are made at once", async () => {
    await Promise.all([
      saveSettings({ markStyle: "outline" }),
      setSiteEnabled("a.example", true),
      saveSettings({ hoverDelayMs: 120 }),
      setSiteEnabled("b.example", false),
    ]);
    expect(await loadSettings()).toMatchObject({
      markStyle: "outline",
      hoverDelayMs: 120,
      sites: [
        { host: "a.example", enabled: true },
        { host: "b.example", enabled: false },
      ],
    });
  });

  it("shows the popup switch on where Siyaq runs now or was switched on", () => {
    const rule = { ...DEFAULT_SETTINGS, sites: [{ host: "a.example", enabled: true }] };
    expect(siteSwitchState(DEFAULT_SETTINGS, "x.example", true)).toBe(true);
    expect(siteSwitchState(DEFAULT_SETTINGS, "x.example", false)).toBe(false);
    expect(siteSwitchState({ ...DEFAULT_SETTINGS, defaultMode: "chosen" }, "x.example", true)).toBe(
      false,
    );
    expect(siteSwitchState(rule, "www.a.example", false)).toBe(true);
  });
});
