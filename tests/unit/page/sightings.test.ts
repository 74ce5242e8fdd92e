import { beforeEach, describe, expect, it } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { MAX_PAGES_PER_NAME, recordSightings, sightingsOf } from "@/src/page/sightings";

const page = (n: number) => ({ url: `https://news.example/${n}`, title: `مقال ${n}` });

describe("sightings of unknown names", () => {
  beforeEach(() => fakeBrowser.reset());

  it("lists the other articles a name appeared in, newest first, across spelling variants", async () => {
    await recordSightings(page(1), [{ surface: "رائد العزاوي", type: "PER" }]);
    await recordSightings(page(2), [{ surface: "رائد العزاوى", type: "PER" }]);
    await recordSightings(page(3), [{ surface: "رائد العزاوي", type: "PER" }]);
    expect((await sightingsOf("رائد العزاوي", page(3).url)).map((p) => p.title)).toEqual(["مقال 2", "مقال 1"]);
  });

  it("counts a page once however often it is read, and keeps only the latest few pages", async () => {
    for (let i = 0; i < 3; i++) await recordSightings(page(1), [{ surface: "الأمصار", type: "ORG" }]);
    expect(await sightingsOf("الأمصار", "elsewhere")).toHaveLength(1);
    for (let i = 2; i < 10; i++) await recordSightings(page(i), [{ surface: "الأمصار", type: "ORG" }]);
    const pages = await sightingsOf("الأمصار", "elsewhere");
    expect(pages).toHaveLength(MAX_PAGES_PER_NAME);
    expect(pages[0]!.url).toBe(page(9).url);
  });

  it("survives a damaged store: bad entries are dropped, good ones kept", async () => {
    await fakeBrowser.storage.local.set({
      "siyaq.unknownSightings": { broken: { surface: 1 }, "تويتر": { surface: "تويتر", type: "ORG", pages: [{ ...page(1), seenAt: 1 }] } },
    });
    await recordSightings(page(2), [{ surface: "بغداد", type: "LOC" }]);
    expect(await sightingsOf("تويتر", "x")).toHaveLength(1);
    expect(await sightingsOf("بغداد", "x")).toHaveLength(1);
  });
});
