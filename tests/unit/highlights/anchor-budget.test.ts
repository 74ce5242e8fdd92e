// Fuzzy re-anchoring within a budget (issue 14): on a long repetitive page the approximate search
// used to scan the whole text and score a match at nearly every offset (seconds of main thread).
// Counted in characters searched, not timed.
import { describe, expect, it, vi } from "vitest";

const searched: number[] = [];
vi.mock("approx-string-match", async (importOriginal) => {
  const real = (await importOriginal()) as {
    default: (text: string, pattern: string, maxErrors: number) => unknown[];
  };
  return {
    default: (text: string, pattern: string, maxErrors: number) => {
      searched.push(text.length);
      return real.default(text, pattern, maxErrors);
    },
  };
});
const { anchorPassage, preparePageText, MAX_WHOLE_TEXT_FUZZY } =
  await import("@/src/highlights/anchor");
const { describePassage } = await import("@/src/highlights/selectors");

const UNIT = "قال المتحدث باسم الحكومة العراقية إن الوزارة أعلنت أن الوزير قال إن الحكومة ";

describe("fuzzy anchoring budget", () => {
  it("never runs the approximate search over a whole 300 kB repetitive page, and still finds an edited passage by its context", () => {
    let text = "";
    while (text.length < 300_000) text += UNIT;
    const marker =
      "وأعلن مستشار الأمن القومي العراقي قاسم الأعرجي انتهاء المهام القتالية لقوات التحالف";
    const at = 150_000;
    text = `${text.slice(0, at)}${marker}${text.slice(at)}`;
    const [quote, position] = describePassage(text, at, at + marker.length);
    const edited = { ...quote, exact: quote.exact.replace("انتهاء", "إنهاء") };
    const page = preparePageText(text);
    searched.length = 0;
    const anchor = anchorPassage(page, edited, position);
    expect(anchor).toMatchObject({ method: "fuzzy" });
    expect(text.slice(anchor!.start, anchor!.end)).toContain("قاسم الأعرجي");
    expect(Math.max(...searched)).toBeLessThan(MAX_WHOLE_TEXT_FUZZY);
    // Where the context is gone too, the passage is not hunted for across the page: it is orphaned.
    searched.length = 0;
    expect(
      anchorPassage(page, { ...edited, prefix: "لا شيء هنا يطابق", suffix: "ولا هنا أيضا" }),
    ).toBeNull();
    expect(Math.max(0, ...searched)).toBeLessThan(MAX_WHOLE_TEXT_FUZZY);
  });
});
