// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from "vitest";
import {
  packBatches,
  partitionRoots,
  placeMentions,
  scanRoots,
  worthFirstScreen,
} from "@/src/content/scanner";
import { promptScheduler } from "@/src/dom/idle";
import { buildTextMap } from "@/src/dom/text-map";
import type { MarkedMention } from "@/src/content/mention-index";
import { fakeRecognizer, SEED_NAMES } from "./fake-recognizer";

const SENTENCES = [
  "أكد العراق أن التحالف الدولي أبلغه بعدم وجود وحدات قتالية في البلاد.",
  "وجاءت عمليات الانسحاب بعد الجولة الأخيرة بين بغداد وواشنطن.",
  "وأعلن مستشار الأمن القومي العراقي قاسم الأعرجي انتهاء المهام القتالية.",
];

describe("packBatches", () => {
  beforeEach(() => {
    document.body.innerHTML = "";
  });

  it("keeps every batch under the limit, cutting long texts at block breaks", () => {
    document.body.innerHTML = Array.from(
      { length: 30 },
      (_, i) => `<p>${SENTENCES[i % 3]}</p>`,
    ).join("");
    const map = buildTextMap(document);
    const batches = packBatches([map], 300);
    expect(batches.length).toBeGreaterThan(1);
    for (const batch of batches) expect(batch.text.length).toBeLessThanOrEqual(300);
    // Nothing lost or reordered: the parts tile the text exactly, the cuts falling on breaks.
    const parts = batches.flatMap((b) => b.parts);
    expect(parts.map((p) => map.text.slice(p.offset, p.offset + p.length)).join("\n")).toBe(
      map.text,
    );
  });

  it("joins several roots into one batch with a break between them, and maps mentions back to each root", async () => {
    document.body.innerHTML = `<div id="a"><p>${SENTENCES[0]}</p></div><div id="b"><p>${SENTENCES[1]}</p></div>`;
    const maps = [
      buildTextMap(document.getElementById("a")!),
      buildTextMap(document.getElementById("b")!),
    ];
    const [batch, ...rest] = packBatches(maps);
    expect(rest).toHaveLength(0);
    expect(batch!.text).toBe(`${SENTENCES[0]}\n${SENTENCES[1]}`);
    const { recognize } = fakeRecognizer(SEED_NAMES);
    const placed = placeMentions(batch!, await recognize(batch!.text));
    for (const p of placed) expect(p.map.text.slice(p.start, p.end)).toBe(p.mention.surface);
    expect(placed.filter((p) => p.map === maps[1]).map((p) => p.mention.surface)).toEqual([
      "بغداد",
      "واشنطن",
    ]);
  });

  it("drops a mention a faulty answer places across two roots instead of anchoring it wrongly", () => {
    document.body.innerHTML = `<div id="a">بغداد</div><div id="b">واشنطن</div>`;
    const maps = [
      buildTextMap(document.getElementById("a")!),
      buildTextMap(document.getElementById("b")!),
    ];
    const [batch] = packBatches(maps);
    const placed = placeMentions(batch!, [
      { start: 2, end: 9, type: "LOC", surface: batch!.text.slice(2, 9), confidence: 1 },
    ]);
    expect(placed).toEqual([]);
  });
});

describe("placeMentions over many roots", () => {
  it("places each name in its own root, in any order the answer lists them", async () => {
    document.body.innerHTML = Array.from(
      { length: 40 },
      (_, i) => `<div id="r${i}"><p>${SENTENCES[i % 3]}</p></div>`,
    ).join("");
    const maps = [...document.querySelectorAll("div")].map((root) => buildTextMap(root));
    const [batch] = packBatches(maps);
    const { recognize } = fakeRecognizer(SEED_NAMES);
    const mentions = (await recognize(batch!.text)).reverse();
    const placed = placeMentions(batch!, mentions);
    expect(placed).toHaveLength(mentions.length);
    for (const p of placed) expect(p.map.text.slice(p.start, p.end)).toBe(p.mention.surface);
    // Every root got its own sentence's names: 40 roots, each sentence's names once per root.
    const perRoot = new Map<unknown, number>();
    for (const p of placed) perRoot.set(p.map, (perRoot.get(p.map) ?? 0) + 1);
    expect(perRoot.size).toBe(40);
  });
});

describe("partitionRoots", () => {
  it("splits a big container into its children but keeps one that has text of its own", () => {
    document.body.innerHTML = `<div id="big">${"<section><p>أ</p><p>ب</p></section>".repeat(10)}</div><div id="own">نص${"<span>أ</span>".repeat(8)}</div>`;
    const roots = partitionRoots(document.body, 5);
    expect(roots.every((r) => r.tagName === "SECTION" || r.id === "own")).toBe(true);
    expect(roots).toHaveLength(11);
  });
});

describe("reading a page split into parts", () => {
  // What real pages look like to the splitter: a container too big for one slice whose children
  // are scripts, noscript fallbacks, hidden menus and the article, at several depths.
  const bigPage = () => {
    const filler = "<span>أ</span>".repeat(6);
    document.body.innerHTML = `
      <div id="big">
        <script>var f = "بغداد"; if (x) for (;;) {}</script>
        <noscript><iframe src="https://example.com/">واشنطن</iframe> قاسم الأعرجي</noscript>
        <style>.x{}</style><template><p>طهران</p></template>
        <div hidden>${filler}<p>بغداد</p></div>
        <div aria-hidden="true">${filler}<p>واشنطن</p></div>
        <div style="display:none"><div>${filler}<p>التحالف الدولي</p></div></div>
        <section>${filler}<p>${SENTENCES[2]}</p></section>
      </div>`;
  };

  it("never yields a part that is code or hidden, at any depth", () => {
    bigPage();
    const roots = partitionRoots(document.body, 7);
    expect(roots.map((r) => r.tagName)).toEqual(["SECTION"]);
  });

  it("reads nothing from a part handed over on its own when it or an ancestor is code or hidden", () => {
    bigPage();
    for (const selector of [
      "script",
      "noscript",
      "style",
      "template",
      "[hidden] p",
      "[aria-hidden] p",
      "[style] p",
      "[style] div",
    ]) {
      expect(buildTextMap(document.querySelector(selector)!).text, selector).toBe("");
    }
    expect(buildTextMap(document.querySelector("section")!).text).toContain("قاسم الأعرجي");
  });

  it("sends the recognizer only the article's text when every child of a big container is a root", async () => {
    bigPage();
    const { recognize, calls } = fakeRecognizer(SEED_NAMES);
    const found: MarkedMention[] = [];
    // The roots as an older splitter made them: every child, code and hidden ones included.
    await scanRoots([...document.getElementById("big")!.children], {
      recognize,
      scheduler: promptScheduler(),
      signal: new AbortController().signal,
      onMentions: (m) => found.push(...m),
    });
    expect(calls.join("\n")).not.toMatch(/var f|iframe|واشنطن|بغداد|طهران|التحالف/);
    expect(found.map((m) => m.surface)).toEqual(["قاسم الأعرجي"]);
  });
});

describe("scanRoots", () => {
  it("anchors every recognised name to a DOM range with the same text, in as few messages as fit", async () => {
    document.body.innerHTML = SENTENCES.map((s) => `<p>${s}</p>`).join("");
    const { recognize, calls } = fakeRecognizer(SEED_NAMES);
    const found: MarkedMention[] = [];
    const count = await scanRoots([...document.querySelectorAll("p")], {
      recognize,
      scheduler: promptScheduler(),
      signal: new AbortController().signal,
      onMentions: (m) => found.push(...m),
    });
    expect(calls).toHaveLength(1);
    expect(count).toBe(found.length);
    expect(found.map((m) => m.range.toString())).toEqual([
      "العراق",
      "التحالف الدولي",
      "بغداد",
      "واشنطن",
      "قاسم الأعرجي",
    ]);
    expect(found.map((m) => m.surface)).toEqual(found.map((m) => m.range.toString()));
  });

  it("skips what `accept` refuses (suppressed names)", async () => {
    document.body.innerHTML = `<p>${SENTENCES[1]}</p>`;
    const { recognize } = fakeRecognizer(SEED_NAMES);
    const found: MarkedMention[] = [];
    await scanRoots([document.body], {
      recognize,
      scheduler: promptScheduler(),
      signal: new AbortController().signal,
      accept: (m) => m.surface !== "بغداد",
      onMentions: (m) => found.push(...m),
    });
    expect(found.map((m) => m.surface)).toEqual(["واشنطن"]);
  });
});

describe("scanRoots streaming", () => {
  it("sends a long page in several batches, the first screen first, at most one answer asked ahead", async () => {
    document.body.innerHTML = Array.from(
      { length: 12 },
      (_, i) => `<section id="s${i}"><p>${SENTENCES[i % 3]}</p></section>`,
    ).join("");
    const { recognize: find } = fakeRecognizer(SEED_NAMES);
    const calls: string[] = [];
    let inFlight = 0;
    let mostInFlight = 0;
    const recognize = async (text: string) => {
      calls.push(text);
      inFlight += 1;
      mostInFlight = Math.max(mostInFlight, inFlight);
      await new Promise((done) => setTimeout(done, 5));
      inFlight -= 1;
      return find(text);
    };
    const handed: string[][] = [];
    const roots = [...document.querySelectorAll("section")];
    const count = await scanRoots(roots, {
      recognize,
      scheduler: promptScheduler(),
      signal: new AbortController().signal,
      maxBatchChars: 150,
      // The reader sees the last two sections (e.g. a page opened at its end).
      firstScreen: (root) => root.id === "s10" || root.id === "s11",
      onMentions: (m) => handed.push(m.map((x) => x.surface)),
    });
    expect(calls.length).toBeGreaterThan(3);
    expect(calls.every((text) => text.length <= 150)).toBe(true);
    // The first message carries only the first screen's text.
    expect(calls[0]).toBe(`${SENTENCES[1]}\n${SENTENCES[2]}`.slice(0, calls[0]!.length));
    expect(calls[0]).not.toContain(SENTENCES[0]);
    expect(mostInFlight).toBeLessThanOrEqual(2);
    // Every sentence's names arrive, each once.
    expect(count).toBe(handed.flat().length);
    expect(handed.flat().filter((s) => s === "قاسم الأعرجي")).toHaveLength(4);
  });

  it("stops asking once aborted, and a failure of an answer asked ahead is not unhandled", async () => {
    document.body.innerHTML = Array.from(
      { length: 6 },
      (_, i) => `<p>${SENTENCES[i % 3]}</p>`,
    ).join("");
    const controller = new AbortController();
    let calls = 0;
    const recognize = async () => {
      calls += 1;
      if (calls === 1) controller.abort();
      else throw new Error("background gone");
      return [];
    };
    await expect(
      scanRoots([...document.querySelectorAll("p")], {
        recognize,
        scheduler: promptScheduler(),
        signal: controller.signal,
        maxBatchChars: 80,
        onMentions: () => undefined,
      }),
    ).resolves.toBe(0);
    expect(calls).toBeLessThanOrEqual(2);
  });
});

describe("worthFirstScreen", () => {
  it("reads the first screen first only when the page's text is more than one message", () => {
    document.body.innerHTML = `<p>${SENTENCES[0]}</p>`;
    expect(worthFirstScreen(document.body)).toBe(false);
    expect(worthFirstScreen(document.body, 20)).toBe(true);
  });
});
