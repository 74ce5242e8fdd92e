import { describe, expect, it } from "vitest";
import type { PageEntity } from "@/src/messaging/messages/page";
import { rankPageEntities, titleMentions } from "@/src/ui/popup/salience";
import { describeShared, fromShared, readSharedJson } from "../../../shared-data";

const gold = fromShared(
  () =>
    readSharedJson<{
      text: string;
      entities: { start: number; type: PageEntity["type"]; surface: string }[];
    }>("fixtures/seed-article.gold.json"),
  { text: "", entities: [] },
);
const seedTitle = "العراق: التحالف الدولي أبلغنا بعدم وجود وحدات قتالية في البلاد";

/** The seed article's gold mentions, summed per surface the way a page report sums them. */
function seedReport(): PageEntity[] {
  const rows = new Map<string, PageEntity>();
  gold.entities.forEach((mention, order) => {
    const row = rows.get(mention.surface);
    if (row) row.count++;
    else
      rows.set(mention.surface, {
        surface: mention.surface,
        type: mention.type,
        count: 1,
        first: order,
      });
  });
  return [...rows.values()];
}

describeShared("rankPageEntities on the seed article", () => {
  const groups = rankPageEntities(seedReport(), seedTitle);

  it("groups by type in the order people, organisations, places, dates", () => {
    expect(groups.map((g) => g.type)).toEqual(["PER", "ORG", "LOC", "DATE"]);
    const total = groups.reduce((sum, g) => sum + g.mentionCount, 0);
    expect(total).toBe(gold.entities.length);
  });

  it("puts the most mentioned headline names first", () => {
    const places = groups.find((g) => g.type === "LOC")!.entities;
    const iraqMentions = gold.entities.filter((m) => m.surface === "العراق").length;
    expect(places[0]).toMatchObject({ surface: "العراق", inTitle: true, count: iraqMentions });
    const organisations = groups.find((g) => g.type === "ORG")!.entities;
    expect(organisations[0]).toMatchObject({ surface: "التحالف الدولي", inTitle: true });
  });

  it("breaks equal counts by first appearance", () => {
    const people = groups.find((g) => g.type === "PER")!.entities.map((e) => e.surface);
    // Both are named once and not in the headline: the one met first comes first.
    expect(people.indexOf("رائد العزاوي")).toBeLessThan(people.indexOf("جو بايدن"));
    for (const group of groups) {
      for (let i = 1; i < group.entities.length; i++) {
        expect(group.entities[i - 1]!.salience).toBeGreaterThanOrEqual(group.entities[i]!.salience);
      }
    }
  });
});

describe("salience weights", () => {
  it("lets a headline name outrank a slightly more frequent one", () => {
    const ranked = rankPageEntities(
      [
        { surface: "بغداد", type: "LOC", count: 4, first: 0 },
        { surface: "الموصل", type: "LOC", count: 3, first: 5 },
      ],
      "سقوط الموصل",
    );
    expect(ranked[0]!.entities.map((e) => e.surface)).toEqual(["الموصل", "بغداد"]);
  });

  it("finds knowledge-base names and spelling variants in the title", () => {
    expect(titleMentions("إيران تعلن", "ايران")).toBe(true);
    expect(titleMentions("Iran says", "إيران", ["Iran"])).toBe(true);
    expect(titleMentions("العراق", "بغداد")).toBe(false);
    // A one-letter surface would match almost any title.
    expect(titleMentions("العراق", "ع")).toBe(false);
  });

  it("returns no groups for a page without names", () => {
    expect(rankPageEntities([], "عنوان")).toEqual([]);
  });
});
