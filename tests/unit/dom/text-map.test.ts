// @vitest-environment happy-dom
import { describe, expect, it, beforeEach } from "vitest";
import { buildTextMap, isReadable, SIYAQ_HOST_ATTRIBUTE } from "@/src/dom/text-map";

function page(html: string): Document {
  document.body.innerHTML = html;
  return document;
}

describe("buildTextMap", () => {
  beforeEach(() => {
    document.body.innerHTML = "";
  });

  it("reads visible text and skips scripts, styles, code, fields, editable and hidden content", () => {
    const map = buildTextMap(
      page(`
      <p>أكد العراق أن التحالف الدولي</p>
      <script>var x = "بغداد";</script><style>p{}</style><noscript>واشنطن</noscript>
      <code>داعش</code><pre>تويتر</pre><textarea>طهران</textarea><input value="دمشق">
      <select><option>بيروت</option></select>
      <div contenteditable="true">الموصل</div><div contenteditable="false">أبلغه</div>
      <div hidden>عمان</div><span aria-hidden="true">القاهرة</span><div style="display:none">الرياض</div>
      <template><p>أنقرة</p></template>
    `),
    );
    expect(map.text).toBe("أكد العراق أن التحالف الدولي\nأبلغه");
    for (const skipped of [
      "بغداد",
      "واشنطن",
      "داعش",
      "تويتر",
      "طهران",
      "دمشق",
      "بيروت",
      "الموصل",
      "عمان",
      "القاهرة",
      "الرياض",
      "أنقرة",
      "p{}",
    ]) {
      expect(map.text).not.toContain(skipped);
    }
  });

  it("skips navigation chrome but keeps an article's own header", () => {
    const map = buildTextMap(
      page(`
      <header><a href="/">الرئيسية</a></header>
      <nav><a>سياسة</a></nav>
      <ul role="navigation"><li>اقتصاد</li></ul>
      <article><header><h1>العراق: التحالف الدولي أبلغنا</h1></header><p>نص المقال</p><footer>كاتب</footer></article>
      <footer>جميع الحقوق محفوظة</footer>
      <div ${SIYAQ_HOST_ATTRIBUTE}>بطاقة</div>
    `),
    );
    expect(map.text).toBe("العراق: التحالف الدولي أبلغنا\nنص المقال\nكاتب");
  });

  it("breaks blocks with one newline so words of neighbouring blocks never glue", () => {
    const map = buildTextMap(
      page(
        `<div><p>بين بغداد</p><p>وواشنطن</p></div><ul><li>قاسم</li><li>الأعرجي</li></ul>سطر<br>آخر`,
      ),
    );
    expect(map.text).toBe("بين بغداد\nوواشنطن\nقاسم\nالأعرجي\nسطر\nآخر");
  });

  it("keeps inline elements inside one line and turns newlines inside a node into spaces of the same length", () => {
    const map = buildTextMap(
      page(`<p>مستشار الأمن القومي <b>قاسم</b> <a href="#">الأعرجي</a>\nالخميس</p>`),
    );
    expect(map.text).toBe("مستشار الأمن القومي قاسم الأعرجي الخميس");
    for (const segment of map.segments) {
      expect(map.text.slice(segment.start, segment.end).length).toBe(segment.node.data.length);
    }
  });

  it("maps a range across several nodes back to the DOM and inverts with positionOf", () => {
    const map = buildTextMap(
      page(`<p>وأعلن مستشار <b>الأمن</b> القومي العراقي</p><p>قاسم الأعرجي</p>`),
    );
    const phrase = "مستشار الأمن القومي";
    const start = map.text.indexOf(phrase);
    const range = map.rangeFor(start, start + phrase.length)!;
    expect(range.toString()).toBe(phrase);
    expect(map.positionOf(range.startContainer as Text, range.startOffset)).toBe(start);
    expect(map.positionOf(range.endContainer as Text, range.endOffset)).toBe(start + phrase.length);

    // A range spanning a block break starts and ends on text, never on the synthetic newline.
    const across = map.rangeFor(
      map.text.indexOf("العراقي"),
      map.text.indexOf("الأعرجي") + "الأعرجي".length,
    )!;
    expect(across.toString()).toBe("العراقيقاسم الأعرجي");
  });

  it("round-trips every position of every segment", () => {
    const map = buildTextMap(
      page(`<h1>العراق</h1><p>أكد <i>العراق</i> أن <span>التحالف</span> الدولي</p>`),
    );
    for (const segment of map.segments) {
      for (let offset = 0; offset <= segment.node.data.length; offset++) {
        const position = map.positionOf(segment.node, offset)!;
        expect(position).toBe(segment.start + offset);
        if (offset < segment.node.data.length) expect(map.segmentAt(position)).toBe(segment);
      }
    }
  });

  it("answers null for empty or out-of-map requests instead of a broken range", () => {
    const map = buildTextMap(page(`<p>العراق</p>`));
    expect(map.rangeFor(3, 3)).toBeNull();
    expect(map.rangeFor(100, 120)).toBeNull();
    expect(map.positionOf(document.createTextNode("x"), 0)).toBeNull();
    const empty = buildTextMap(page(""));
    expect(empty.text).toBe("");
    expect(empty.rangeFor(0, 1)).toBeNull();
  });

  it("reads a subtree on its own, and isReadable tells skipped subtrees apart", () => {
    page(
      `<nav><p id="n">سياسة</p></nav><article><p id="a">أكد العراق</p></article><div hidden><p id="h">x</p></div>`,
    );
    const article = document.querySelector("article")!;
    expect(buildTextMap(article).text).toBe("أكد العراق");
    expect(isReadable(document.getElementById("a")!)).toBe(true);
    expect(isReadable(document.getElementById("n")!.firstChild!)).toBe(false);
    expect(isReadable(document.getElementById("h")!)).toBe(false);
  });
});
