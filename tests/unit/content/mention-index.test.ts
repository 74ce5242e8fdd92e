// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from "vitest";
import { MentionIndex, toMarkedMention, type MarkedMention } from "@/src/content/mention-index";
import { buildTextMap, type TextMap } from "@/src/dom/text-map";
import { fakeRecognizer, SEED_NAMES } from "./fake-recognizer";

async function anchorAll(map: TextMap): Promise<MarkedMention[]> {
  const { recognize } = fakeRecognizer(SEED_NAMES);
  const mentions = await recognize(map.text);
  return mentions.map((m) =>
    toMarkedMention(m, map.rangeFor(m.start, m.end)!, map.nodesFor(m.start, m.end)),
  );
}

describe("MentionIndex", () => {
  let index: MentionIndex;
  beforeEach(() => {
    index = new MentionIndex();
    document.body.innerHTML = `<p>وأعلن مستشار الأمن القومي العراقي <b>قاسم</b> الأعرجي انتهاء المهام القتالية لقوات التحالف الدولي في العراق.</p>
      <p>الجولة الأخيرة بين بغداد وواشنطن</p>`;
  });

  it("finds the mention under every caret position inside it, and none just outside", async () => {
    const map = buildTextMap(document);
    for (const mention of await anchorAll(map)) index.add(mention);
    expect(index.size).toBe(5);
    const start = map.text.indexOf("التحالف الدولي");
    const segment = map.segmentAt(start)!;
    for (let i = 0; i < "التحالف الدولي".length; i++) {
      expect(index.at(segment.node, start - segment.start + i)?.surface).toBe("التحالف الدولي");
    }
    expect(index.at(segment.node, start - segment.start - 2)).toBeUndefined();
  });

  it("hit-tests a name split across elements from either of its nodes", async () => {
    const map = buildTextMap(document);
    for (const mention of await anchorAll(map)) index.add(mention);
    const bold = document.querySelector("b")!.firstChild!;
    expect(index.at(bold, 1)?.surface).toBe("قاسم الأعرجي");
    const after = bold.parentNode!.nextSibling!; // " الأعرجي انتهاء …"
    expect(index.at(after, 3)?.surface).toBe("قاسم الأعرجي");
    expect(index.at(after, 20)).toBeUndefined();
  });

  it("prefers a mention starting at a caret over one ending there", async () => {
    document.body.innerHTML = "<p>بغدادواشنطن</p>";
    const map = buildTextMap(document);
    for (const mention of await anchorAll(map)) index.add(mention);
    const node = map.segments[0]!.node;
    expect(index.at(node, "بغداد".length)?.surface).toBe("واشنطن");
    expect(index.at(node, node.data.length)?.surface).toBe("واشنطن");
  });

  it("steps through mentions in reading order and wraps round", async () => {
    const map = buildTextMap(document);
    const mentions = await anchorAll(map);
    for (const mention of [...mentions].reverse()) index.add(mention);
    const order: string[] = [];
    let current: MarkedMention | undefined;
    for (let i = 0; i < 6; i++) {
      current = index.next(current);
      order.push(current!.surface);
    }
    expect(order).toEqual([
      "قاسم الأعرجي",
      "التحالف الدولي",
      "العراق",
      "بغداد",
      "واشنطن",
      "قاسم الأعرجي",
    ]);
  });

  it("reports mentions whose text a re-render replaced, and forgets removed ones", async () => {
    const map = buildTextMap(document);
    for (const mention of await anchorAll(map)) index.add(mention);
    const second = document.querySelectorAll("p")[1]!;
    second.replaceChild(
      document.createTextNode(second.firstChild!.textContent!),
      second.firstChild!,
    );
    const detached = index.detached();
    expect(detached.map((m) => m.surface).sort()).toEqual(["بغداد", "واشنطن"]);
    index.removeWhere((m) => detached.includes(m));
    expect(index.size).toBe(3);
    const node = map.segments.at(-1)!.node;
    expect(index.at(node, 1)).toBeUndefined();
  });
});
