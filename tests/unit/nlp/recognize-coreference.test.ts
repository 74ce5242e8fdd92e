// In-document coreference: a family name alone is the person named in full on the same page,
// before or after, and takes that person's type and link.
import { describe, expect, it } from "vitest";
import { recognize } from "@/src/nlp/recognize";
import { Lexicon } from "@/src/nlp/lexicon";
import { taggerFor } from "./fake-tagger";

const lexicon = Lexicon.build([{ alias: "جبران باسيل", entityId: "Q-bassil", type: "PER" }]);
const marks = (text: string, names: Parameters<typeof taggerFor>[0]) =>
  recognize(text, { lexicon, tagger: taggerFor(names) }).map(
    (m) => `${m.surface}:${m.type}${m.entityId ? `@${m.entityId}` : ""}`,
  );

describe("coreference on a page", () => {
  it("links a family name that comes before the full name (a headline above the article)", () => {
    expect(marks("باسيل أسير العقوبات\nوقال جبران باسيل إن", {})).toEqual([
      "باسيل:PER@Q-bassil",
      "جبران باسيل:PER@Q-bassil",
    ]);
  });

  it("retypes a family name the tagger read as a place when the page names the person in full", () => {
    expect(marks("بايدن خسر زوجته\nالتقى جو بايدن", { بايدن: "LOC", "جو بايدن": "PER" })).toEqual([
      "بايدن:PER",
      "جو بايدن:PER",
    ]);
  });
});
