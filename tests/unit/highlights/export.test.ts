import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  csvField,
  exportHighlights,
  highlightNote,
  toCslItems,
  toCsv,
  toMarkdown,
  toRis,
} from "@/src/highlights/export";
import { EXPORT_FORMATS } from "@/src/contracts/highlight";
import { highlightArbitrary, sampleHighlight } from "./arbitraries";

/** An RFC 4180 reader, as a spreadsheet reads the file: rows of fields. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += ch;
  }
  if (field || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** RIS read the way Zotero's translator reads it: a line that (trimmed) starts `TG  - ` opens a field. */
function parseRis(text: string): { tag: string; value: string }[][] {
  const records: { tag: string; value: string }[][] = [];
  let current: { tag: string; value: string }[] = [];
  for (const line of text.split(/\r\n|\n|\r/)) {
    const match = /^\s*([A-Z][A-Z0-9]) {1,2}-(?: (.*))?$/.exec(line);
    if (match) {
      if (match[1] === "ER") {
        records.push(current);
        current = [];
      } else current.push({ tag: match[1]!, value: match[2] ?? "" });
    } else if (current.length && line.trim()) current[current.length - 1]!.value += `\n${line}`;
    else if (current.length && current[current.length - 1]!.tag === "N1")
      current[current.length - 1]!.value += `\n${line}`;
  }
  return records;
}

describe("CSV", () => {
  it("starts with a UTF-8 BOM and CRLF rows, so Excel reads the Arabic", () => {
    const csv = toCsv([sampleHighlight()]);
    expect(
      csv.startsWith(
        "\uFEFFid,quote,note,tags,title,outlet,author,published,url,accessed,saved,entities,orphaned\r\n",
      ),
    ).toBe(true);
    expect(new TextEncoder().encode(csv).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
    expect(parseCsv(csv.slice(1))[1]).toContain("قاسم الأعرجي (PER); العراقي (LOC)");
  });

  it.each([
    ["=1+1"],
    ["+1"],
    ["-1"],
    ["@SUM(A1)"],
    ["\t=1"],
    ["\r=1"],
    [" =1"],
    ["  +1"],
    ["\u00A0=1"],
    ['\u200F=HYPERLINK("http://x")'],
    ["\u200E=1"],
    ["\u061C=1"],
    ["\u202B=1"],
    ["\u2067@x"],
    ["\uFEFF=1"],
    ["\u200B=1"],
    ["＝1+1"],
    ["＋1"],
    ["－1"],
    ["＠x"],
    ["\u200F ＝1"],
  ])("neutralises a formula in %j", (value) => {
    const field = csvField(value);
    const unquoted = field.startsWith('"') ? field.slice(1, -1).replaceAll('""', '"') : field;
    expect(unquoted).toBe(`'${value}`);
  });

  it("leaves ordinary text alone", () => {
    for (const value of ["قاسم الأعرجي", "2021-12-09", "a=b", "العراق - بغداد", "\u200Fبغداد"])
      expect(csvField(value)).toBe(value);
  });

  it("every field reads back as written (or with the formula guard) for hostile text", () => {
    fc.assert(
      fc.property(fc.array(highlightArbitrary, { maxLength: 4 }), (highlights) => {
        const csv = toCsv(highlights);
        expect(csv.startsWith("\uFEFF")).toBe(true);
        const rows = parseCsv(csv.slice(1));
        expect(rows).toHaveLength(highlights.length + 1);
        rows.slice(1).forEach((row, index) => {
          const h = highlights[index]!;
          expect(row).toHaveLength(13);
          // Each cell is the value itself, or the value behind the guard's apostrophe.
          const cells: [string, string][] = [
            [row[1]!, h.target.selector[0].exact],
            [row[2]!, h.note],
            [row[4]!, h.citation.title],
          ];
          for (const [cell, value] of cells) expect([value, `'${value}`]).toContain(cell);
          // No cell a spreadsheet would evaluate.
          for (const cell of row)
            expect(/^[\s\p{Cf}]*[=+\-@＝＋－＠]/u.test(cell) && !cell.startsWith("'")).toBe(false);
        });
      }),
      { numRuns: 150 },
    );
  });
});

describe("Markdown", () => {
  it("carries the entities, the dates and the full citation for each highlight", () => {
    const md = toMarkdown([
      sampleHighlight(),
      sampleHighlight({ id: "b", note: "", tags: [], entities: [] }),
    ]);
    expect(md).toContain(
      "## [العراق: التحالف الدولي ينهي مهمته القتالية](<https://example.org/news/iraq-coalition>)",
    );
    expect(md).toContain("*الأمصار · رائد العزاوي · published 2021-12-09 · accessed 2026-11-29*");
    expect(md).toContain("> وأعلن مستشار الأمن القومي العراقي قاسم الأعرجي");
    expect(md).toContain("- Entities: قاسم الأعرجي (PER); العراقي (LOC)");
    expect(md).toContain("- Tags: انسحاب, أمن");
    expect(md).toContain("- Saved: 2026-11-29");
    const citation =
      "- Citation: رائد العزاوي, “العراق: التحالف الدولي ينهي مهمته القتالية”, الأمصار, 2021-12-09, https://example.org/news/iraq-coalition (accessed 2026-11-29)";
    expect(md.split(citation)).toHaveLength(3); // once per highlight
  });

  it("never writes a javascript: (or any non-http) address, as a link or otherwise", () => {
    for (const url of [
      "javascript:alert(1)",
      "JavaScript:alert(document.cookie)",
      "data:text/html,<b>x</b>",
      "vbscript:x",
      "file:///etc/passwd",
    ]) {
      const bad = sampleHighlight({ url, citation: { ...sampleHighlight().citation, url } });
      for (const format of EXPORT_FORMATS) {
        const { content } = exportHighlights([bad], format);
        if (format === "json") continue; // the lossless backup keeps the record as stored; no reader follows it
        expect(content.toLowerCase()).not.toContain(
          url.slice(0, url.indexOf(":") + 1).toLowerCase(),
        );
      }
      expect(toMarkdown([bad])).toContain("## العراق: التحالف الدولي ينهي مهمته القتالية");
    }
    // The page address stands in when only the citation's is bad.
    const partly = sampleHighlight({
      citation: { ...sampleHighlight().citation, url: "javascript:alert(1)" },
    });
    expect(toMarkdown([partly])).toContain("(<https://example.org/news/iraq-coalition>)");
  });

  it("renders page text as text: no link, HTML or list can be smuggled in", () => {
    fc.assert(
      fc.property(fc.array(highlightArbitrary, { maxLength: 3 }), (highlights) => {
        const md = toMarkdown(highlights);
        expect(md).not.toMatch(/javascript:/i.test(md) ? /\]\(\s*<?javascript:/i : /$^/);
        expect(md).not.toMatch(/(^|[^\\])<(?!https?:\/\/)[a-z]/im);
      }),
      { numRuns: 100 },
    );
  });
});

describe("RIS", () => {
  it("writes one item per cited page with the tags Zotero reads", () => {
    const other = sampleHighlight({
      id: "c",
      url: "https://news.example/x",
      citation: {
        title: "Iraq",
        url: "https://news.example/x",
        accessedAt: "2026-11-30T08:00:00Z",
      },
    });
    const records = parseRis(
      toRis([sampleHighlight(), sampleHighlight({ id: "b", note: "ثانية" }), other]),
    );
    expect(records).toHaveLength(2);
    const [first, second] = records;
    const tags = (record: typeof first) =>
      record!.map((field) => [field.tag, field.value.split("\n")[0]]);
    expect(tags(first)).toEqual([
      ["TY", "NEWS"],
      ["TI", "العراق: التحالف الدولي ينهي مهمته القتالية"],
      ["T2", "الأمصار"],
      ["AU", "رائد العزاوي"],
      ["PY", "2021"],
      ["DA", "2021/12/09/"],
      ["UR", "https://example.org/news/iraq-coalition"],
      ["Y2", "2026/11/29/"],
      ["LA", "ar"],
      ["KW", "انسحاب"],
      ["KW", "أمن"],
      ["KW", "قاسم الأعرجي"],
      ["KW", "العراقي"],
      ["N1", "“وأعلن مستشار الأمن القومي العراقي قاسم الأعرجي”"],
      ["N1", "“وأعلن مستشار الأمن القومي العراقي قاسم الأعرجي”"],
    ]);
    expect(first!.at(-1)!.value).toContain("ثانية");
    expect(tags(second)).toEqual([
      ["TY", "ELEC"],
      ["TI", "Iraq"],
      ["UR", "https://news.example/x"],
      ["Y2", "2026/11/30/"],
      ["LA", "ar"],
      ["KW", "انسحاب"],
      ["KW", "أمن"],
      ["KW", "قاسم الأعرجي"],
      ["KW", "العراقي"],
      ["N1", "“وأعلن مستشار الأمن القومي العراقي قاسم الأعرجي”"],
    ]);
  });

  it("page text cannot forge a field or end the record, and notes read back whole", () => {
    fc.assert(
      fc.property(fc.array(highlightArbitrary, { minLength: 1, maxLength: 4 }), (highlights) => {
        const records = parseRis(toRis(highlights));
        const pages = new Set(highlights.map((h) => new URL(h.citation.url).href));
        expect(records).toHaveLength(pages.size);
        const allowed = new Set(["TY", "TI", "T2", "AU", "PY", "DA", "UR", "Y2", "LA", "KW", "N1"]);
        const notes: string[] = [];
        for (const record of records) {
          expect(record[0]!.tag).toBe("TY");
          expect(record.filter((field) => field.tag === "TY")).toHaveLength(1);
          for (const field of record) expect(allowed.has(field.tag)).toBe(true);
          notes.push(
            ...record
              .filter((field) => field.tag === "N1")
              .map((field) => field.value.replaceAll("\u2060", "")),
          );
        }
        const norm = (s: string) =>
          s
            .split(/\r\n|\r|\n|\u2028|\u2029/)
            .join("\n")
            .replaceAll("\u2060", "");
        expect(notes.sort()).toEqual(highlights.map((h) => norm(highlightNote(h))).sort());
      }),
      { numRuns: 150 },
    );
  });
});

describe("CSL-JSON", () => {
  it("describes each cited page as an article-newspaper with its highlights as the note", () => {
    const items = JSON.parse(
      exportHighlights([sampleHighlight(), sampleHighlight({ id: "b", note: "ثانية" })], "csl-json")
        .content,
    );
    expect(items).toEqual([
      {
        id: "siyaq-1",
        type: "article-newspaper",
        title: "العراق: التحالف الدولي ينهي مهمته القتالية",
        "container-title": "الأمصار",
        author: [{ literal: "رائد العزاوي" }],
        issued: { "date-parts": [[2021, 12, 9]] },
        accessed: { "date-parts": [[2026, 11, 29]] },
        URL: "https://example.org/news/iraq-coalition",
        note: expect.stringContaining("ثانية"),
        keyword: "انسحاب, أمن, قاسم الأعرجي, العراقي",
        language: "ar",
      },
    ]);
    expect(items[0].note.split("“وأعلن")).toHaveLength(3);
    const western = toCslItems([
      sampleHighlight({
        citation: {
          title: "t",
          url: "https://a.example/",
          accessedAt: "2026-01-02T00:00:00Z",
          author: "Smith, Jane; Doe, John",
        },
      }),
    ]);
    expect(western[0]).toMatchObject({
      type: "webpage",
      author: [
        { family: "Smith", given: "Jane" },
        { family: "Doe", given: "John" },
      ],
    });
  });

  it("keeps every string exactly, whatever it holds", () => {
    fc.assert(
      fc.property(fc.array(highlightArbitrary, { minLength: 1, maxLength: 4 }), (highlights) => {
        const items = JSON.parse(exportHighlights(highlights, "csl-json").content) as ReturnType<
          typeof toCslItems
        >;
        const pages = new Map<string, typeof highlights>();
        for (const h of highlights)
          pages.set(new URL(h.citation.url).href, [
            ...(pages.get(new URL(h.citation.url).href) ?? []),
            h,
          ]);
        expect(items).toHaveLength(pages.size);
        for (const item of items) {
          const group = pages.get(item.URL!)!;
          expect(item.title ?? "").toBe(group[0]!.citation.title);
          expect(item["container-title"] ?? "").toBe(group[0]!.citation.outlet ?? "");
          expect(item.note).toBe(group.map(highlightNote).join("\n\n"));
        }
      }),
      { numRuns: 100 },
    );
  });
});
