// The card's "save the sentence": which stretch of page text is quoted around a name.
import { describe, expect, it } from "vitest";
import { MAX_SENTENCE_QUOTE, sentenceAround } from "@/src/events/sentences";

/** The quote `sentenceAround` picks for the `nth` occurrence of `name` in `text`. */
function quoteFor(text: string, name: string, max?: number, nth = 0): string {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(name, at + 1);
  if (at === -1) throw new Error(`${name} not in text`);
  const span = sentenceAround(text, at, at + name.length, max);
  return text.slice(span.start, span.end);
}

const HEADLINE = "العراق: التحالف الدولي أبلغنا بعدم وجود وحدات قتالية في البلاد";
const FIRST =
  "وأعلن مستشار الأمن القومي العراقي قاسم الأعرجي، الخميس: انتهاء المهام القتالية لقوات التحالف الدولي في العراق.";
const SECOND =
  "وصوت مجلس النواب العراقي، بعد أيام من حادثة مقتل سليماني، على قرار يقضي بإخراج كافة القوات الأجنبية من العراق.";
const PAGE = `${HEADLINE}\n${FIRST} ${SECOND}\nهل انسحبت القوات؟ لا؛ بقي المستشارون!`;

describe("sentenceAround", () => {
  it("quotes the whole sentence a name is in, ending at its full stop", () => {
    expect(quoteFor(PAGE, "قاسم الأعرجي")).toBe(FIRST);
    expect(quoteFor(PAGE, "سليماني")).toBe(SECOND);
  });

  it("never crosses a block break: a headline is its own sentence", () => {
    expect(quoteFor(PAGE, "التحالف الدولي")).toBe(HEADLINE);
  });

  it("ends a sentence after the closing quote that follows its full stop", () => {
    const text = "وأعلن الأعرجي: “انتهاء المهام القتالية في العراق.” وقال بايدن إن القوات باقية.";
    expect(quoteFor(text, "الأعرجي")).toBe("وأعلن الأعرجي: “انتهاء المهام القتالية في العراق.”");
    expect(quoteFor(text, "بايدن")).toBe("وقال بايدن إن القوات باقية.");
  });

  it("ends sentences at ؟ ؛ and !", () => {
    expect(quoteFor(PAGE, "القوات", undefined, 1)).toBe("هل انسحبت القوات؟");
    expect(quoteFor(PAGE, "المستشارون")).toBe("بقي المستشارون!");
  });

  it("keeps a long sentence to the name's clauses, then to the words round it, within the bound", () => {
    const clauses = quoteFor(SECOND, "سليماني", 40);
    expect(clauses).toBe("بعد أيام من حادثة مقتل سليماني");
    expect(quoteFor(SECOND, "سليماني", 60)).toBe(
      "وصوت مجلس النواب العراقي، بعد أيام من حادثة مقتل سليماني",
    );
    const words = quoteFor(SECOND, "سليماني", 20);
    expect(words.length).toBeLessThanOrEqual(20);
    expect(words).toContain("سليماني");
    expect(SECOND).toContain(words);
    // Whole words only: the quote starts and ends at spaces of the sentence.
    const at = SECOND.indexOf(words);
    expect([
      at === 0 || SECOND[at - 1] === " ",
      at + words.length === SECOND.length || /[ ،.]/.test(SECOND[at + words.length]!),
    ]).toEqual([true, true]);
  });

  it("bounds any sentence, however long, and always keeps the name", () => {
    const long = `${"كلمة ".repeat(400)}قاسم سليماني ${"كلمة ".repeat(400)}.`;
    const quote = quoteFor(long, "قاسم سليماني");
    expect(quote.length).toBeLessThanOrEqual(MAX_SENTENCE_QUOTE);
    expect(quote).toContain("قاسم سليماني");
  });
});
