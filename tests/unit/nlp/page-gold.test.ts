import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadPageGold, SHARED_PAGES_DIR } from "@/tools/lib/page-gold";
import { describeShared } from "../../shared-data";

const pages = loadPageGold();

describe("page gold", () => {
  it("holds seven pages, split 4 dev / 3 held out, at least 400 mentions", () => {
    expect(pages.map((p) => p.id)).toHaveLength(7);
    expect(pages.filter((p) => p.split === "dev")).toHaveLength(4);
    expect(pages.filter((p) => p.split === "heldout")).toHaveLength(3);
    expect(pages.reduce((n, p) => n + p.entities.length, 0)).toBeGreaterThanOrEqual(400);
  });

  it.each(pages.map((p) => [p.id, p] as const))(
    "%s: spans are exact, trimmed, sorted and disjoint",
    (_id, page) => {
      let previousEnd = 0;
      for (const e of page.entities) {
        expect(["PER", "ORG", "LOC", "DATE"]).toContain(e.type);
        expect(page.text.slice(e.start, e.end)).toBe(e.surface);
        expect(e.surface.trim()).toBe(e.surface);
        expect(e.surface).not.toContain("\n");
        expect(e.start).toBeGreaterThanOrEqual(previousEnd);
        previousEnd = e.end;
      }
    },
  );
});

describeShared("page gold text is what the extension reads", () => {
  it.each(pages.map((p) => [p.id, p] as const))("%s", async (id, page) => {
    const { extractPageText } = await import("@/tools/extract-page-text");
    expect(extractPageText(readFileSync(`${SHARED_PAGES_DIR}/${id}.html`))).toBe(page.text);
  });
});
