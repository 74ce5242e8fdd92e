// The highlight files that are also import formats round-trip; imports refuse non-http(s)
// addresses; a malformed record already stored never breaks the library, the exports or an import.
import fc from "fast-check";
import { beforeEach, describe, expect, it } from "vitest";
import { dispatch, type Handlers } from "@/src/messaging/server";
import { createHandlers } from "@/src/background/handlers";
import { database, SiyaqDatabase, useDatabase } from "@/src/kb/db";
import type { MessageType, RequestOf, ResponseOf } from "@/src/messaging/protocol";
import { EXPORT_FORMATS } from "@/src/contracts/highlight";
import { exportHighlights, toAnnotationCollection } from "@/src/highlights/export";
import { parseHighlightFile } from "@/src/highlights/import";
import { checkStoredHighlights } from "@/src/contracts/highlight";
import { highlightArbitrary, sampleHighlight } from "../highlights/arbitraries";
import { senderFor } from "../messaging/senders";

const EXTENSION = "siyaq-test";
const handlers: Handlers = createHandlers("test");

async function call<K extends MessageType>(type: K, payload: RequestOf<K>): Promise<ResponseOf<K>> {
  const reply = await dispatch(
    handlers,
    { siyaq: 1, type, payload },
    senderFor(type, EXTENSION, (payload as { url?: string }).url),
    { extensionId: EXTENSION, log: () => {} },
  );
  if (!reply.ok) throw new Error(reply.error);
  return reply.value as ResponseOf<K>;
}

const byId = <T extends { id: string }>(list: readonly T[]) =>
  [...list].sort((a, b) => (a.id < b.id ? -1 : 1));

describe("Web Annotation JSON round-trips", () => {
  it("any highlights, with Arabic, bidi marks, newlines and quotes, come back equal (property)", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(highlightArbitrary, { selector: (h) => h.id, maxLength: 6 }),
        (highlights) => {
          const file = exportHighlights(highlights, "json");
          expect(byId(parseHighlightFile(file.content))).toEqual(byId(highlights));
        },
      ),
      { numRuns: 200 },
    );
  });

  it("also with a BOM in front, as some editors save it", () => {
    const file = exportHighlights([sampleHighlight()], "json");
    expect(parseHighlightFile(`\uFEFF${file.content}`)).toEqual([sampleHighlight()]);
  });
});

describe("highlight import fuzzed", () => {
  it("any one value of an export replaced by any JSON: parsed to valid highlights, or refused naming record and field", () => {
    const json = exportHighlights(
      [sampleHighlight(), sampleHighlight({ id: "b", orphaned: true })],
      "json",
    ).content;
    const paths: (string | number)[][] = [];
    const walk = (value: unknown, prefix: (string | number)[]) => {
      if (prefix.length) paths.push(prefix);
      if (value && typeof value === "object")
        for (const [key, item] of Object.entries(value))
          walk(item, [...prefix, Array.isArray(value) ? Number(key) : key]);
    };
    walk(JSON.parse(json), []);
    fc.assert(
      fc.property(
        fc.nat({ max: paths.length - 1 }),
        fc.jsonValue({ maxDepth: 2 }),
        (which, replacement) => {
          const file = JSON.parse(json);
          const path = paths[which]!;
          let node = file;
          for (const step of path.slice(0, -1)) node = node[step];
          node[path.at(-1)!] = replacement;
          try {
            for (const highlight of parseHighlightFile(JSON.stringify(file)))
              expect(checkStoredHighlights([highlight]).malformed).toEqual([]);
          } catch (error) {
            expect((error as Error).name).toBe("ImportError");
            expect((error as Error).message).toMatch(
              /^record \d+( \([^)]*\))?: [\w.]+: |^not a Web Annotation file|^the collection has no first\.items/,
            );
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("highlight import refuses addresses that are not http(s)", () => {
  const annotation = () => JSON.parse(JSON.stringify(toAnnotationCollection([sampleHighlight()])));
  it.each([
    ["target.source", (f: any) => (f.first.items[0].target.source = "javascript:alert(1)")],
    ["siyaq.url", (f: any) => (f.first.items[0].siyaq.url = "data:text/html,<script>x</script>")],
    [
      "siyaq.citation.url",
      (f: any) => (f.first.items[0].siyaq.citation.url = "JavaScript:alert(1)"),
    ],
  ])("%s", (field, spoil) => {
    const file = annotation();
    spoil(file);
    expect(() => parseHighlightFile(JSON.stringify(file))).toThrow(
      new RegExp(
        `record 1 \\(urn:uuid:[^)]+\\): ${field.replaceAll(".", "\\.")}: must be an http\\(s\\) address`,
      ),
    );
  });
});

describe("a malformed record already stored", () => {
  beforeEach(() => {
    useDatabase(new SiyaqDatabase(`siyaq-io-${Math.random()}`));
  });

  async function storeGoodAndBad() {
    await database().highlights.add(sampleHighlight());
    // As an old, barely checked data.import could leave it: no target, no citation.
    await database().highlights.add({
      id: "old",
      url: "https://example.org/a",
      createdAt: 1,
      updatedAt: 2,
      tags: ["x"],
      entityIds: [],
    });
    // And one whose address would be a script link in an export.
    await database().highlights.add({
      ...sampleHighlight({ id: "js" }),
      citation: { ...sampleHighlight().citation, url: "javascript:alert(1)" },
    });
  }

  it("does not break the library: the good ones are listed and the bad ones reported", async () => {
    await storeGoodAndBad();
    const answer = await call("highlights.search", { query: "الاعرجي", filters: {} });
    expect(answer.highlights.map((h) => h.id)).toEqual([sampleHighlight().id]);
    expect(answer.total).toBe(1);
    expect(byId(answer.malformed)).toEqual([
      { id: "js", problem: "citation.url: must be an http(s) address" },
      { id: "old", problem: "target: missing" },
    ]);
    expect(
      (await call("highlights.forUrl", { urls: ["https://example.org/a", sampleHighlight().url] }))
        .highlights,
    ).toHaveLength(1);
  });

  it.each(EXPORT_FORMATS)(
    "does not break the %s export, which says how many it left out",
    async (format) => {
      await storeGoodAndBad();
      const file = await call("highlights.export", { format });
      expect(file).toMatchObject({ count: 1, skipped: 2 });
      expect(file.content).toContain("قاسم الأعرجي");
      expect(file.content).not.toMatch(/javascript:/i);
    },
  );

  it("does not break a later import, and is neither overwritten nor duplicated by it", async () => {
    await storeGoodAndBad();
    const incoming = [
      sampleHighlight(),
      sampleHighlight({ id: "old", note: "would overwrite" }),
      sampleHighlight({
        id: "new",
        target: {
          ...sampleHighlight().target,
          selector: [
            { type: "TextQuoteSelector", exact: "التحالف الدولي", prefix: "", suffix: "" },
            { type: "TextPositionSelector", start: 900, end: 914 },
          ],
        },
      }),
    ];
    const json = exportHighlights(incoming, "json").content;
    expect(await call("highlights.import", { json })).toEqual({ added: 1, skipped: 2 });
    expect((await database().highlights.get("old"))!.note).toBeUndefined();
    expect(byId(await database().highlights.toArray()).map((h) => h.id)).toEqual(
      byId([{ id: "js" }, { id: "new" }, { id: "old" }, sampleHighlight()]).map((h) => h.id),
    );
  });
});
