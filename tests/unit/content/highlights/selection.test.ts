// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from "vitest";
import { buildTextMap } from "@/src/dom/text-map";
import { passageOfRange } from "@/src/content/highlights/selection";

beforeEach(() => {
  document.body.innerHTML = `
    <article>
      <h1 id="title">العراق: التحالف الدولي أبلغنا</h1>
      <p id="one">أكد العراق أن <b id="bold">التحالف الدولي</b> أبلغه بعدم وجود وحدات قتالية.</p>
      <p id="two">  وأعلن مستشار الأمن القومي العراقي قاسم الأعرجي  </p>
      <textarea id="field">نص في حقل</textarea>
    </article>`;
});

const byId = (id: string) => document.getElementById(id)!;
const text = (id: string) => byId(id).firstChild as Text;

describe("passageOfRange", () => {
  it("maps a range inside text nodes, across an inline element, to page-text offsets", () => {
    const map = buildTextMap(document, { computedVisibility: false });
    const range = document.createRange();
    range.setStart(text("one"), "أكد ".length);
    range.setEnd(text("bold"), "التحالف".length);
    const passage = passageOfRange(map, range)!;
    expect(map.text.slice(passage.start, passage.end)).toBe("العراق أن التحالف");
  });

  it("resolves element boundaries and trims whitespace at the edges", () => {
    const map = buildTextMap(document, { computedVisibility: false });
    const range = document.createRange();
    range.selectNodeContents(byId("two"));
    const passage = passageOfRange(map, range)!;
    expect(map.text.slice(passage.start, passage.end)).toBe(
      "وأعلن مستشار الأمن القومي العراقي قاسم الأعرجي",
    );

    const across = document.createRange();
    across.setStart(byId("title"), 0);
    across.setEnd(byId("one"), 1); // after the first text node of #one
    const both = passageOfRange(map, across)!;
    expect(map.text.slice(both.start, both.end)).toBe(
      "العراق: التحالف الدولي أبلغنا\nأكد العراق أن",
    );
  });

  it("finds nothing in a blank range or inside a form field", () => {
    const map = buildTextMap(document, { computedVisibility: false });
    const blank = document.createRange();
    blank.setStart(text("two"), 0);
    blank.setEnd(text("two"), 2);
    expect(passageOfRange(map, blank)).toBeNull();
    const field = document.createRange();
    field.selectNodeContents(byId("field"));
    expect(passageOfRange(map, field)).toBeNull();
  });
});
