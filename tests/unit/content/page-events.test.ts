// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { pageEventReporter } from "@/src/content/page-events";
import type { Mention } from "@/src/nlp/types";

const text =
  "وكانت الولايات المتحدة أقدمت على سحب أغلب فرقها القتالية من العراق عام 2011، بعد انتهاء مهمتها.";
const at = (surface: string) => text.indexOf(surface);
const mentions: Mention[] = [
  {
    start: at("الولايات المتحدة"),
    end: at("الولايات المتحدة") + 16,
    type: "LOC",
    surface: "الولايات المتحدة",
    entityId: "country:us",
    confidence: 1,
  },
  {
    start: at("العراق"),
    end: at("العراق") + 6,
    type: "LOC",
    surface: "العراق",
    entityId: "country:iq",
    confidence: 1,
  },
  {
    start: at("عام 2011"),
    end: at("عام 2011") + 8,
    type: "DATE",
    surface: "عام 2011",
    date: "2011",
    confidence: 1,
  },
];

function page(): Document {
  const doc = document.implementation.createHTMLDocument("عنوان احتياطي");
  doc.head.innerHTML = `<meta property="og:title" content="العراق: التحالف الدولي أبلغنا">
    <meta property="article:published_time" content="2021-12-10T09:00:00+03:00">
    <link rel="canonical" href="https://alamsar.example/news/1">`;
  return doc;
}

describe("pageEventReporter", () => {
  it("sends a page's dated sentences with the article's URL, title and publication date", async () => {
    const sent: unknown[] = [];
    const reporter = pageEventReporter(
      page(),
      async (payload) => (sent.push(payload), { added: payload.events.length }),
    );
    expect(await reporter.report(text, mentions)).toBe(1);
    expect(sent).toEqual([
      {
        url: "https://alamsar.example/news/1",
        title: "العراق: التحالف الدولي أبلغنا",
        publishedAt: "2021-12-10T09:00:00+03:00",
        events: [{ date: "2011", text, entityIds: ["country:us", "country:iq"] }],
      },
    ]);
  });

  it("does not send the same sentence twice, nor anything for text without events", async () => {
    let calls = 0;
    const reporter = pageEventReporter(
      page(),
      async (payload) => (calls++, { added: payload.events.length }),
    );
    await reporter.report(text, mentions);
    expect(await reporter.report(text, mentions)).toBe(0);
    expect(await reporter.report("لا تاريخ هنا.", [])).toBe(0);
    expect(calls).toBe(1);
  });

  it("passes on a refusal from the knowledge base and tries again on the next scan", async () => {
    let refuse = true;
    const reporter = pageEventReporter(page(), async (payload) => {
      if (refuse) throw new Error("events.addFromPage failed: quota");
      return { added: payload.events.length };
    });
    await expect(reporter.report(text, mentions)).rejects.toThrow(/quota/);
    refuse = false;
    expect(await reporter.report(text, mentions)).toBe(1);
  });
});
