// @vitest-environment happy-dom
// The page side: saved highlights of this address are anchored in the live DOM and painted under
// `siyaq-highlight` (a stand-in registry, as happy-dom has no Highlight API); one that cannot be
// found is reported orphaned; saving a selection sends the quote, selectors, entities and citation.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { HighlightHost, HighlightPanelProps, PanelView } from "@/src/content/view";
import { fakeBrowser } from "wxt/testing/fake-browser";
import type { MessageType, RequestOf } from "@/src/messaging/protocol";
import { buildTextMap } from "@/src/dom/text-map";
import { describePassage } from "@/src/highlights/selectors";
import type { Highlight } from "@/src/contracts/highlight";

const sent: { type: MessageType; payload: unknown }[] = [];
let stored: Highlight[] = [];
vi.mock("@/src/messaging/client", () => ({
  sendMessage: async (type: MessageType, payload: RequestOf<MessageType>) => {
    sent.push({ type, payload });
    switch (type) {
      case "highlights.forUrl":
        return { highlights: stored };
      case "highlight.setOrphaned":
        return { updated: true };
      case "recognize":
        return {
          mentions: [
            {
              start: 34,
              end: 46,
              type: "PER",
              surface: "قاسم الأعرجي",
              entityId: "Q1",
              confidence: 0.9,
            },
          ],
        };
      case "highlight.update": {
        const { id, note, tags } = payload as { id: string; note: string; tags: string[] };
        return { highlight: { ...stored.find((h) => h.id === id)!, note, tags } };
      }
      case "highlight.save":
        return {
          highlight: {
            ...(payload as object),
            id: "new",
            createdAt: 1,
            updatedAt: 1,
            entityIds: ["Q1"],
            orphaned: false,
          },
        };
      default:
        throw new Error(`unexpected ${type}`);
    }
  },
}));
// The panel lives in a closed shadow root; the test reads what the session asks it to show.
type PanelHandlers = Omit<HighlightPanelProps, "view">;
const panel: { views: PanelView[]; handlers: PanelHandlers | null; host: HTMLElement | null } = {
  views: [],
  handlers: null,
  host: null,
};
/** The panel's view as the content entry would hand it in, recording what it is asked to show. */
const createHighlightHost = (doc: Document, handlers: PanelHandlers): HighlightHost => {
  let current: PanelView | null = null;
  const host = doc.createElement("siyaq-highlight-ui");
  panel.handlers = handlers;
  panel.host = host;
  return {
    show(view: PanelView) {
      current = view;
      panel.views.push(view);
    },
    hide() {
      current = null;
    },
    get view() {
      return current;
    },
    isOurs: (target: EventTarget | null) => target === host,
    destroy() {
      current = null;
    },
  };
};
const { startHighlights, saveHighlightFromRange, highlightProgress, saveSentenceAround } =
  await import("@/src/content/highlights/highlights");

/** An event as the browser delivers it from the reader (happy-dom marks synthetic ones untrusted). */
function trusted<E extends Event>(event: E): E {
  Object.defineProperty(event, "isTrusted", { value: true });
  return event;
}

const ARTICLE = `
  <article>
    <h1>العراق: التحالف الدولي أبلغنا بعدم وجود وحدات قتالية في البلاد</h1>
    <p>وأعلن مستشار الأمن القومي العراقي قاسم الأعرجي، الخميس: انتهاء المهام القتالية لقوات التحالف الدولي في العراق.</p>
    <p>وصوت مجلس النواب العراقي، بعد أيام من حادثة مقتل سليماني، على قرار يقضي بإخراج كافة القوات الأجنبية من العراق.</p>
  </article>`;

class FakeHighlight extends Set<Range> {}
const registry = new Map<string, FakeHighlight>();

function savedFrom(html: string, quote: string, id: string): Highlight {
  document.body.innerHTML = html;
  const text = buildTextMap(document).text;
  const start = text.indexOf(quote);
  const url = location.href;
  return {
    id,
    url,
    createdAt: 1,
    updatedAt: 1,
    tags: [],
    entityIds: [],
    note: "",
    entities: [],
    orphaned: false,
    target: { source: url, selector: describePassage(text, start, start + quote.length) },
    citation: { title: "t", url, accessedAt: "2026-11-29T10:00:00.000Z" },
  };
}

const flush = () => new Promise((r) => setTimeout(r, 20));
let stop: AbortController;

beforeEach(() => {
  fakeBrowser.reset();
  sent.length = 0;
  registry.clear();
  Object.assign(window, { Highlight: FakeHighlight });
  // happy-dom hands out a fresh CSS object on each read: replace it with one that holds the registry.
  Object.defineProperty(window, "CSS", { configurable: true, value: { highlights: registry } });
  stop = new AbortController();
});
afterEach(() => {
  stop.abort();
  document.body.innerHTML = "";
});

describe("startHighlights", () => {
  it("paints saved passages found on the changed page and reports the one that is gone", async () => {
    const kept = savedFrom(ARTICLE, "قاسم الأعرجي، الخميس", "kept");
    const gone = savedFrom(ARTICLE, "على قرار يقضي بإخراج كافة القوات الأجنبية", "gone");
    stored = [kept, gone];
    // The live page: a paragraph added on top, the second paragraph rewritten.
    document.body.innerHTML = ARTICLE.replace(
      "<article>",
      "<article><p>تحديث: فقرة جديدة.</p>",
    ).replace(/<p>وصوت[^<]*<\/p>/, "<p>خبر آخر تماما.</p>");
    startHighlights(stop.signal, createHighlightHost);
    await vi.waitFor(() => expect(highlightProgress()).toEqual({ painted: 1, saved: 2 }));
    expect([...registry.get("siyaq-highlight")!].map((range) => range.toString())).toEqual([
      "قاسم الأعرجي، الخميس",
    ]);
    expect(document.getElementById("siyaq-highlight-style")?.textContent).toContain(
      "::highlight(siyaq-highlight)",
    );
    expect(sent.filter((m) => m.type === "highlight.setOrphaned").map((m) => m.payload)).toEqual([
      { id: "gone", orphaned: true },
    ]);

    stop.abort();
    expect(registry.has("siyaq-highlight")).toBe(false);
    expect(document.getElementById("siyaq-highlight-style")).toBeNull();
  });

  it("writes nothing about saved passages into the page, and asks only for its own origin's addresses", async () => {
    stored = [savedFrom(ARTICLE, "قاسم الأعرجي، الخميس", "kept")];
    // A page claiming another site's article as its canonical address.
    document.head.innerHTML = `<link rel="canonical" href="https://victim.example/news/1"><meta property="og:url" content="https://victim.example/news/1">`;
    document.body.innerHTML = ARTICLE;
    startHighlights(stop.signal, createHighlightHost);
    await vi.waitFor(() => expect(highlightProgress()).toEqual({ painted: 1, saved: 1 }));
    expect(
      document.documentElement.getAttributeNames().filter((name) => name.startsWith("data-")),
    ).toEqual([]);
    const asked = sent.find((m) => m.type === "highlights.forUrl")!.payload as { urls: string[] };
    expect(asked.urls).toEqual([location.href.split("#")[0]]);
  });

  it("saves a selected range with selectors, the entities inside and a citation, and paints it", async () => {
    stored = [];
    document.head.innerHTML = `<meta property="og:site_name" content="الأمصار"><title>العراق: التحالف الدولي</title>`;
    document.body.innerHTML = ARTICLE;
    startHighlights(stop.signal, createHighlightHost);
    await vi.waitFor(() => expect(highlightProgress()).toEqual({ painted: 0, saved: 0 }));
    const paragraph = document.querySelector("p")!.firstChild as Text;
    const range = document.createRange();
    range.setStart(paragraph, paragraph.data.indexOf("مستشار"));
    range.setEnd(paragraph, paragraph.data.indexOf("، الخميس"));
    await saveHighlightFromRange(range, { note: "ملاحظة", tags: ["أمن"] });
    const save = sent.find((m) => m.type === "highlight.save")!.payload as Highlight;
    expect(save.target.selector[0].exact).toBe("مستشار الأمن القومي العراقي قاسم الأعرجي");
    expect(save.target.selector[0].prefix.endsWith("وأعلن ")).toBe(true);
    expect(save).toMatchObject({
      note: "ملاحظة",
      tags: ["أمن"],
      entities: [{ surface: "قاسم الأعرجي", type: "PER", entityId: "Q1" }],
    });
    expect(save.citation).toMatchObject({ title: "العراق: التحالف الدولي", outlet: "الأمصار" });
    expect(sent.find((m) => m.type === "recognize")!.payload).toEqual({
      text: "مستشار الأمن القومي العراقي قاسم الأعرجي",
    });
    await flush();
    expect([...registry.get("siyaq-highlight")!].map((r) => r.toString())).toEqual([
      "مستشار الأمن القومي العراقي قاسم الأعرجي",
    ]);
  });

  it("saves the sentence around a card's name with the name's entity, and finds it again on the next visit", async () => {
    stored = [];
    document.body.innerHTML = ARTICLE;
    startHighlights(stop.signal, createHighlightHost);
    await vi.waitFor(() => expect(highlightProgress()).toEqual({ painted: 0, saved: 0 }));
    const paragraph = document.querySelectorAll("p")[1]!.firstChild as Text;
    const name = document.createRange();
    name.setStart(paragraph, paragraph.data.indexOf("سليماني"));
    name.setEnd(paragraph, paragraph.data.indexOf("سليماني") + "سليماني".length);
    await saveSentenceAround(name, {
      surface: "سليماني",
      type: "PER",
      entityId: "per:qasem-soleimani",
    });
    const save = sent.find((m) => m.type === "highlight.save")!.payload as Highlight;
    const sentence = paragraph.data;
    expect(save.target.selector[0].exact).toBe(sentence);
    const text = buildTextMap(document).text;
    expect(save.target.selector[1]).toEqual({
      type: "TextPositionSelector",
      start: text.indexOf(sentence),
      end: text.indexOf(sentence) + sentence.length,
    });
    // The recognizer alone would not say who the bare surname is; the card's mention does.
    expect(save.entities).toEqual([
      { surface: "سليماني", type: "PER", entityId: "per:qasem-soleimani" },
      { surface: "قاسم الأعرجي", type: "PER", entityId: "Q1" },
    ]);
    await flush();
    expect([...registry.get("siyaq-highlight")!].map((r) => r.toString())).toEqual([sentence]);

    // The next visit anchors the stored selectors on the same sentence.
    stop.abort();
    stop = new AbortController();
    stored = [
      { ...save, id: "s", createdAt: 1, updatedAt: 1, entityIds: [], orphaned: false } as Highlight,
    ];
    startHighlights(stop.signal, createHighlightHost);
    await vi.waitFor(() => expect(highlightProgress()).toEqual({ painted: 1, saved: 1 }));
    expect([...registry.get("siyaq-highlight")!].map((r) => r.toString())).toEqual([sentence]);
  });

  it("shows a saved highlight's note on hover, edits it on click, and reaches it with Alt+Shift+H", async () => {
    const first = {
      ...savedFrom(ARTICLE, "قاسم الأعرجي، الخميس", "h1"),
      note: "أول إعلان",
      tags: ["انسحاب"],
    };
    const second = {
      ...savedFrom(ARTICLE, "على قرار يقضي بإخراج كافة القوات الأجنبية", "h2"),
      note: "قرار البرلمان",
    };
    stored = [first, second];
    document.body.innerHTML = ARTICLE;
    panel.views.length = 0;
    // happy-dom has no layout: every range sits on one line box, the caret is where the test says.
    let caret: { node: Node; offset: number } | null = null;
    (document as unknown as { caretPositionFromPoint: unknown }).caretPositionFromPoint = () =>
      caret ? { offsetNode: caret.node, offset: caret.offset } : null;
    const box = { left: 0, top: 0, right: 500, bottom: 500, width: 500, height: 500, x: 0, y: 0 };
    const rects = vi
      .spyOn(Range.prototype, "getClientRects")
      .mockReturnValue([box] as unknown as DOMRectList);
    try {
      startHighlights(stop.signal, createHighlightHost);
      await vi.waitFor(() => expect(highlightProgress()).toEqual({ painted: 2, saved: 2 }));
      const paragraph = document.querySelector("p")!.firstChild as Text;
      caret = { node: paragraph, offset: paragraph.data.indexOf("الأعرجي") };

      // Hover: the note and tags, without taking focus.
      document.body.dispatchEvent(
        trusted(new PointerEvent("pointermove", { clientX: 10, clientY: 10, bubbles: true })),
      );
      await vi.waitFor(() =>
        expect(panel.views.at(-1)).toMatchObject({
          kind: "saved",
          id: "h1",
          note: "أول إعلان",
          tags: ["انسحاب"],
        }),
      );
      expect(panel.views.at(-1)).not.toHaveProperty("focus");
      // An event the page made up is not the reader's.
      panel.views.length = 0;
      document.body.dispatchEvent(
        new MouseEvent("click", { clientX: 10, clientY: 10, bubbles: true }),
      );
      expect(panel.views).toEqual([]);

      // Click: the editor on the saved note; saving sends the change through highlight.update.
      document.body.dispatchEvent(
        trusted(new MouseEvent("click", { clientX: 10, clientY: 10, bubbles: true, button: 0 })),
      );
      expect(panel.views.at(-1)).toMatchObject({
        kind: "editor",
        id: "h1",
        note: "أول إعلان",
        tags: ["انسحاب"],
      });
      panel.handlers!.onSave("إعلان رسمي", ["انسحاب", "أمن"]);
      await vi.waitFor(() =>
        expect(panel.views.at(-1)).toMatchObject({ kind: "done", message: "حُدّث الاقتباس." }),
      );
      expect(sent.filter((m) => m.type === "highlight.update").map((m) => m.payload)).toEqual([
        { id: "h1", note: "إعلان رسمي", tags: ["انسحاب", "أمن"] },
      ]);
      expect(sent.some((m) => m.type === "highlight.save")).toBe(false);

      // Keyboard: Alt+Shift+H steps through saved highlights in reading order, focused, with the changed note.
      const press = () =>
        document.dispatchEvent(
          trusted(
            new KeyboardEvent("keydown", {
              key: "H",
              code: "KeyH",
              altKey: true,
              shiftKey: true,
              bubbles: true,
              cancelable: true,
            }),
          ),
        );
      press();
      expect(panel.views.at(-1)).toMatchObject({
        kind: "saved",
        id: "h1",
        note: "إعلان رسمي",
        focus: true,
      });
      press();
      expect(panel.views.at(-1)).toMatchObject({
        kind: "saved",
        id: "h2",
        note: "قرار البرلمان",
        focus: true,
      });
      press();
      expect(panel.views.at(-1)).toMatchObject({ kind: "saved", id: "h1" });
    } finally {
      rects.mockRestore();
      delete (document as unknown as { caretPositionFromPoint?: unknown }).caretPositionFromPoint;
    }
  });

  it("anchors again when the page re-renders its article", async () => {
    stored = [savedFrom(ARTICLE, "قاسم الأعرجي، الخميس", "kept")];
    document.body.innerHTML = ARTICLE;
    startHighlights(stop.signal, createHighlightHost);
    await vi.waitFor(() => expect(highlightProgress()).toEqual({ painted: 1, saved: 1 }));
    const before = [...registry.get("siyaq-highlight")!][0]!;
    // A framework replaces the article's nodes with fresh copies of the same text.
    document.querySelector("article")!.innerHTML = document.querySelector("article")!.innerHTML;
    expect(before.startContainer.isConnected).toBe(false);
    await vi.waitFor(
      () => {
        const [after] = [...registry.get("siyaq-highlight")!];
        expect(after?.startContainer.isConnected).toBe(true);
        expect(after?.toString()).toBe("قاسم الأعرجي، الخميس");
      },
      { timeout: 4000, interval: 100 },
    );
  });

  it("refuses to save a range with no page text", async () => {
    document.body.innerHTML = `<p id="p">   </p>`;
    const range = document.createRange();
    range.selectNodeContents(document.getElementById("p")!);
    await expect(saveHighlightFromRange(range)).rejects.toThrow();
    expect(sent.some((m) => m.type === "highlight.save")).toBe(false);
  });
});
