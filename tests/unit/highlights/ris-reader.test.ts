// Our RIS as a third-party reader parses it (Citation.js's RIS plugin, which follows the RIS spec
// and Zotero's conventions): the fields land where a reference manager shows them.
import { describe, expect, it } from "vitest";
import { plugins } from "@citation-js/core";
import "@citation-js/plugin-ris";
import { toRis } from "@/src/highlights/export";
import { sampleHighlight } from "./arbitraries";

type CslLike = Record<string, unknown> & { note?: string };

describe("RIS read by Citation.js", () => {
  it("gives one newspaper article per page with title, outlet, author, dates, address, language, keywords and the highlights", () => {
    const other = sampleHighlight({
      id: "c",
      url: "https://news.example/x",
      note: "",
      citation: {
        title: "Iraq",
        url: "https://news.example/x",
        accessedAt: "2026-11-30T08:00:00Z",
      },
    });
    const items = plugins.input.chain(
      toRis([
        sampleHighlight(),
        sampleHighlight({ id: "b", note: "ثانية\nER  - سطر يشبه نهاية السجل" }),
        other,
      ]),
      { generateGraph: false },
    ) as CslLike[];
    expect(items).toHaveLength(2);
    expect(items[0]).toMatchObject({
      type: "article-newspaper",
      title: "العراق: التحالف الدولي ينهي مهمته القتالية",
      "container-title": "الأمصار",
      issued: { "date-parts": [[2021]] },
      accessed: { "date-parts": [[2026, 11, 29]] },
      URL: "https://example.org/news/iraq-coalition",
      language: "ar",
    });
    // The RIS spec files a newspaper's AU as its reporter; either way the name is there whole.
    expect(JSON.stringify(items[0]!.reporter ?? items[0]!.author)).toContain("رائد العزاوي");
    expect(items[0]!.note).toContain("وأعلن مستشار الأمن القومي العراقي قاسم الأعرجي");
    expect(items[0]!.note).toContain("سطر يشبه نهاية السجل");
    expect(items[1]).toMatchObject({
      type: "webpage",
      title: "Iraq",
      URL: "https://news.example/x",
    });
  });
});
