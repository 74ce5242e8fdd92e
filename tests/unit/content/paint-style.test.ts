import { describe, expect, it } from "vitest";
import { markStylesheet } from "@/src/content/paint";
import { MARK_STYLES } from "@/src/settings/settings";

describe("mark styles", () => {
  // Firefox 140 draws only `color` and `background-color` in `::highlight()`; a style made only of
  // `text-decoration` paints nothing there. (The e2e suite checks it on screen in both browsers.)
  it.each(MARK_STYLES)("%s sets a colour or background in every ::highlight rule", (style) => {
    const sheet = markStylesheet({ types: ["PER", "ORG", "LOC"], style });
    const rules = [...sheet.matchAll(/::highlight\((siyaq-\w+)\) \{([^}]*)\}/g)];
    expect(rules.map((rule) => rule[1])).toEqual(["siyaq-per", "siyaq-org", "siyaq-loc"]);
    for (const [, , body] of rules) expect(body).toMatch(/(^|[\s;])(color|background-color)\s*:/);
  });
});
