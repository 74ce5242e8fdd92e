import { beforeEach, expect, it } from "vitest";
import { dispatch, type Handlers } from "@/src/messaging/server";
import { createHandlers } from "@/src/background/handlers";
import { database, SiyaqDatabase, useDatabase } from "@/src/kb/db";
import type { MessageType, RequestOf, ResponseOf } from "@/src/messaging/protocol";
import { describePassage } from "@/src/highlights/selectors";
import type { HighlightDraft } from "@/src/contracts/highlight";
import { senderFor } from "../messaging/senders";
import { describeShared, fromShared, readShared } from "../../shared-data";

const seed = fromShared(() => readShared("fixtures/seed-article.txt"), "");
const EXTENSION = "siyaq-test";
const PAGE = "https://example.org/news/iraq-coalition?utm_source=x";
const CANONICAL = "https://example.org/news/iraq-coalition";
const handlers: Handlers = createHandlers("test");

async function call<K extends MessageType>(type: K, payload: RequestOf<K>): Promise<ResponseOf<K>> {
  const reply = await dispatch(handlers, { siyaq: 1, type, payload }, senderFor(type, EXTENSION), {
    extensionId: EXTENSION,
    log: () => {},
  });
  if (!reply.ok) throw new Error(reply.error);
  return reply.value as ResponseOf<K>;
}

async function reject(type: string, payload: unknown): Promise<string> {
  const reply = await dispatch(handlers, { siyaq: 1, type, payload }, senderFor(type, EXTENSION), {
    extensionId: EXTENSION,
    log: () => {},
  });
  if (reply.ok) throw new Error(`${type} was accepted`);
  return reply.error;
}

function draft(quote: string, extra: Partial<HighlightDraft> = {}): HighlightDraft {
  const start = seed.indexOf(quote);
  if (start < 0) throw new Error(`fixture lost: ${quote}`);
  return {
    url: PAGE,
    target: { source: CANONICAL, selector: describePassage(seed, start, start + quote.length) },
    note: "",
    tags: [],
    entities: [],
    citation: {
      title: "العراق: التحالف الدولي",
      url: CANONICAL,
      accessedAt: "2026-11-29T10:00:00.000Z",
      outlet: "الأمصار",
    },
    ...extra,
  };
}

const QUOTE_A = "وأعلن مستشار الأمن القومي العراقي قاسم الأعرجي";
const QUOTE_B = "مقتل قائد فيلق القدس الإيراني قاسم سليماني";

beforeEach(async () => {
  await database().highlights.clear();
});

describeShared("highlight messages", () => {
  it("saves a highlight with cleaned tags and linked entity ids, and finds it by its page address", async () => {
    const { highlight } = await call(
      "highlight.save",
      draft(QUOTE_A, {
        note: "أول تصريح رسمي",
        tags: [" انسحاب ", "العراق", "انسحاب"],
        entities: [
          { surface: "قاسم الأعرجي", type: "PER", entityId: "Q123" },
          { surface: "العراقي", type: "LOC" },
        ],
      }),
    );
    expect(highlight.tags).toEqual(["انسحاب", "العراق"]);
    expect(highlight.entityIds).toEqual(["Q123"]);
    expect(highlight.orphaned).toBe(false);
    expect((await call("highlights.forUrl", { urls: [PAGE] })).highlights.map((h) => h.id)).toEqual(
      [highlight.id],
    );
    expect(
      (await call("highlights.forUrl", { urls: ["https://other.example/x", PAGE] })).highlights,
    ).toHaveLength(1);
    expect(
      (await call("highlights.forUrl", { urls: ["https://other.example/x", CANONICAL] }))
        .highlights,
    ).toHaveLength(0);
  });

  it("refuses a malformed save and stores nothing", async () => {
    const bad = draft(QUOTE_A);
    const broken = {
      ...bad,
      target: {
        ...bad.target,
        selector: [bad.target.selector[0], { type: "TextPositionSelector", start: 9, end: 3 }],
      },
    };
    expect(await reject("highlight.save", broken)).toMatch(
      /highlight\.save payload at target\.selector/,
    );
    expect(await reject("highlight.save", { ...bad, url: "not a url" })).toMatch(/at url/);
    expect(await database().highlights.count()).toBe(0);
  });

  it("updates note and tags, deletes, and restores for undo", async () => {
    const { highlight } = await call("highlight.save", draft(QUOTE_A));
    const { highlight: edited } = await call("highlight.update", {
      id: highlight.id,
      note: "ملاحظة",
      tags: ["أمن"],
    });
    expect(edited).toMatchObject({ note: "ملاحظة", tags: ["أمن"], createdAt: highlight.createdAt });
    await expect(call("highlight.update", { id: "missing", note: "x" })).rejects.toThrow(
      /no highlight missing/,
    );

    const { deleted } = await call("highlight.delete", { id: highlight.id });
    expect(deleted?.note).toBe("ملاحظة");
    expect(await database().highlights.count()).toBe(0);
    await call("highlight.restore", { highlight: deleted! });
    expect(await database().highlights.get(highlight.id)).toEqual(edited);
  });

  it("marks orphans without dropping them", async () => {
    const { highlight } = await call("highlight.save", draft(QUOTE_A));
    expect(await call("highlight.setOrphaned", { id: highlight.id, orphaned: true })).toEqual({
      updated: true,
    });
    const { highlights } = await call("highlights.search", {
      query: "",
      filters: { orphanedOnly: true },
    });
    expect(highlights.map((h) => h.id)).toEqual([highlight.id]);
    expect(await call("highlight.setOrphaned", { id: "gone", orphaned: true })).toEqual({
      updated: false,
    });
  });

  it("searches forgiving Arabic spelling and filters by tag, entity and site", async () => {
    await call(
      "highlight.save",
      draft(QUOTE_A, {
        tags: ["أمن"],
        entities: [{ surface: "قاسم الأعرجي", type: "PER", entityId: "Q1" }],
      }),
    );
    await call(
      "highlight.save",
      draft(QUOTE_B, {
        note: "غارة المطار",
        entities: [{ surface: "قاسم سليماني", type: "PER", entityId: "Q2" }],
      }),
    );
    const quotes = async (query: string, filters = {}) =>
      (await call("highlights.search", { query, filters })).highlights.map(
        (h) => h.target.selector[0].exact,
      );
    expect(await quotes("الاعرجي")).toEqual([QUOTE_A]);
    expect(await quotes("الأعرجى")).toEqual([QUOTE_A]);
    expect(await quotes("قاسم")).toHaveLength(2);
    expect(await quotes("قاسم غاره")).toEqual([QUOTE_B]); // note words count, ta marbuta folded
    expect(await quotes("امن")).toEqual([QUOTE_A]); // tag
    expect(await quotes("", { entityId: "Q2" })).toEqual([QUOTE_B]);
    expect(await quotes("", { tag: "أمن" })).toEqual([QUOTE_A]);
    expect(await quotes("", { site: "example.org" })).toHaveLength(2);
    expect(await quotes("", { site: "other.org" })).toEqual([]);
    const hour = 3_600_000;
    expect(await quotes("", { from: Date.now() - hour, to: Date.now() + hour })).toHaveLength(2);
    expect(await quotes("", { from: Date.now() + hour })).toEqual([]);
    expect(await quotes("", { to: Date.now() - hour })).toEqual([]);
    const { facets, total } = await call("highlights.search", { query: "", filters: {} });
    expect(total).toBe(2);
    expect(facets.tags).toEqual([{ tag: "أمن", count: 1 }]);
    expect(facets.entities.map((e) => e.label).sort()).toEqual(["قاسم الأعرجي", "قاسم سليماني"]);
  });

  it("exports JSON that imports back into an empty database unchanged, and skips duplicates", async () => {
    await call(
      "highlight.save",
      draft(QUOTE_A, {
        note: "سطر\nثانٍ",
        tags: ["أمن", "انسحاب"],
        entities: [{ surface: "قاسم الأعرجي", type: "PER", entityId: "Q1" }],
      }),
    );
    const { highlight: b } = await call(
      "highlight.save",
      draft(QUOTE_B, {
        citation: {
          title: "t",
          url: CANONICAL,
          accessedAt: "2026-11-29T10:00:00.000Z",
          author: "كاتب",
          publishedAt: "2021-12-10",
        },
      }),
    );
    await call("highlight.setOrphaned", { id: b.id, orphaned: true });
    const before = (await database().highlights.toArray()).sort((x, y) => x.id.localeCompare(y.id));

    const file = await call("highlights.export", { format: "json" });
    expect(file.count).toBe(2);
    const parsed = JSON.parse(file.content);
    // Both were saved within the same millisecond: find the annotation by its quote, not its place.
    const annotationA = parsed.first.items.find(
      (item: { target: { selector: { exact?: string }[] } }) =>
        item.target.selector[0]?.exact === QUOTE_A,
    );
    expect(annotationA).toMatchObject({
      "@context": "http://www.w3.org/ns/anno.jsonld",
      type: "Annotation",
      target: {
        source: CANONICAL,
        selector: [{ type: "TextQuoteSelector", exact: QUOTE_A }, { type: "TextPositionSelector" }],
      },
      body: [
        { type: "TextualBody", purpose: "commenting", value: "سطر\nثانٍ" },
        { type: "TextualBody", purpose: "tagging", value: "أمن" },
        { type: "TextualBody", purpose: "tagging", value: "انسحاب" },
      ],
    });

    useDatabase(new SiyaqDatabase(`siyaq-fresh-${Date.now()}`));
    expect(await database().highlights.count()).toBe(0);
    expect(await call("highlights.import", { json: file.content })).toEqual({
      added: 2,
      skipped: 0,
    });
    const after = (await database().highlights.toArray()).sort((x, y) => x.id.localeCompare(y.id));
    expect(after).toEqual(before);

    // Same file again, and the same passage under a new id: nothing is added twice.
    expect(await call("highlights.import", { json: file.content })).toEqual({
      added: 0,
      skipped: 2,
    });
    const renamed = file.content.replaceAll(
      parsed.first.items[0].id,
      "urn:uuid:00000000-0000-4000-8000-000000000000",
    );
    expect(await call("highlights.import", { json: renamed })).toEqual({ added: 0, skipped: 2 });
  });

  it("refuses a bad import file naming the record and field, and changes nothing", async () => {
    await call("highlight.save", draft(QUOTE_A));
    await call("highlight.save", draft(QUOTE_B));
    const file = JSON.parse((await call("highlights.export", { format: "json" })).content);
    await database().highlights.clear();
    await call("highlight.save", draft(QUOTE_A, { note: "existing" }));
    const before = await database().highlights.toArray();

    file.first.items[1].target.selector[0].exact = "";
    const error = await reject("highlights.import", { json: JSON.stringify(file) });
    expect(error).toContain("record 2 (urn:uuid:");
    expect(error).toContain("target.selector.0.exact");
    expect(await reject("highlights.import", { json: "{not json" })).toMatch(/not valid JSON/);
    expect(await reject("highlights.import", { json: '{"type":"Something"}' })).toMatch(
      /not a Web Annotation file/,
    );
    expect(await database().highlights.toArray()).toEqual(before);
  });

  it("exports CSV with a BOM and quoted fields, and Markdown grouped by article", async () => {
    await call("highlight.save", draft(QUOTE_A, { note: 'قال: "نعم", ثم\nغادر', tags: ["أمن"] }));
    const csv = await call("highlights.export", { format: "csv" });
    expect(csv.content.startsWith("\uFEFFid,quote,note,tags,")).toBe(true);
    expect(csv.content).toContain(`,"قال: ""نعم"", ثم\nغادر",أمن,`);
    expect(csv.content.split("\r\n")).toHaveLength(3); // header, one row, final line end
    // A note that a spreadsheet would run as a formula is neutralised.
    await call("highlight.save", draft(QUOTE_B, { note: '=HYPERLINK("http://x")' }));
    expect((await call("highlights.export", { format: "csv" })).content).toContain(
      `,"'=HYPERLINK(""http://x"")",`,
    );
    // Page text cannot become a link or HTML in Markdown.
    await call(
      "highlight.save",
      draft("التحالف الدولي", { note: "[انقر](javascript:alert(1)) <img src=x>" }),
    );
    const md = await call("highlights.export", { format: "markdown" });
    expect(md.content).toContain("\\[انقر\\](javascript:alert(1)) \\<img src=x\\>");
    expect(md.content).toContain(`> ${QUOTE_A}`);
    expect(md.content).toContain(`## [العراق: التحالف الدولي](<${CANONICAL}>)`);
    expect(md.filename).toMatch(/\.md$/);
  });
});
