import { beforeEach, describe, expect, it } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import {
  addSuppression,
  EVERY_SITE,
  loadSuppressions,
  onSuppressionsChanged,
  removeSuppression,
  suppressionMatcher,
  type Suppression,
} from "@/src/settings/suppressions";

describe("not-an-entity-here suppressions", () => {
  beforeEach(() => fakeBrowser.reset());

  it("suppresses a name on its site only, across spelling variants", async () => {
    await addSuppression("الأمصار", "example.com");
    const list = await loadSuppressions();
    const here = suppressionMatcher(list, "example.com");
    expect(here("الأمصار")).toBe(true);
    expect(here("الامصار")).toBe(true); // hamza-less spelling
    expect(here("بغداد")).toBe(false);
    expect(suppressionMatcher(list, "other.org")("الأمصار")).toBe(false);
  });

  it("suppresses everywhere when stored for every site, and can be undone", async () => {
    await addSuppression("تويتر");
    expect(suppressionMatcher(await loadSuppressions(), "any.site")("تويتر")).toBe(true);
    await removeSuppression("تويتر", EVERY_SITE);
    expect(suppressionMatcher(await loadSuppressions(), "any.site")("تويتر")).toBe(false);
  });

  it("refuses an empty name and keeps what was stored", async () => {
    await addSuppression("داعش", "example.com");
    await expect(addSuppression("   ", "example.com")).rejects.toThrow(/non-empty/);
    expect((await loadSuppressions()).map((s) => s.surface)).toEqual(["داعش"]);
  });

  it("drops only the damaged entries of a corrupted list", async () => {
    await fakeBrowser.storage.local.set({
      "siyaq.suppressions": [
        { key: "x" },
        { key: "بغداد", surface: "بغداد", host: "*", addedAt: 1 },
        "junk",
      ],
    });
    expect((await loadSuppressions()).map((s) => s.key)).toEqual(["بغداد"]);
  });

  it("tells listeners in every context about a change", async () => {
    const heard: Suppression[][] = [];
    const stop = onSuppressionsChanged((list) => heard.push(list));
    await addSuppression("الأعرجي", "example.com");
    stop();
    await addSuppression("بغداد", "example.com");
    expect(heard).toHaveLength(1);
    expect(heard[0]!.map((s) => s.surface)).toEqual(["الأعرجي"]);
  });
});
