// A researcher's exports from the real library page, in Chromium and Firefox: highlights brought in
// through the page's import, a damaged record planted in the extension's own database (as an old
// import could leave it) that must not break anything, each export format downloaded and read
// back, and the JSON imported into a fresh profile.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  BROWSERS,
  launchExtension,
  type LaunchedExtension,
  type TestPage,
} from "../../tools/lib/harness";

const PAGE = "https://example.org/news/iraq-coalition";
const QUOTE = "وأعلن مستشار الأمن القومي العراقي قاسم الأعرجي";
const NOTE = 'قال: "نعم"، ثم\n=HYPERLINK("http://x") [انقر](javascript:alert(1))';

/** Two highlights of one article and one of another, as a Web Annotation collection. */
function seedFile(): string {
  const annotation = (
    id: string,
    exact: string,
    start: number,
    extra: Record<string, unknown>,
  ) => ({
    "@context": "http://www.w3.org/ns/anno.jsonld",
    id: `urn:uuid:${id}`,
    type: "Annotation",
    created: "2026-11-29T10:05:00.000Z",
    modified: "2026-11-29T10:05:00.000Z",
    body: [],
    target: {
      source: PAGE,
      selector: [
        { type: "TextQuoteSelector", exact, prefix: "", suffix: "" },
        { type: "TextPositionSelector", start, end: start + exact.length },
      ],
    },
    siyaq: {
      url: PAGE,
      entities: [{ surface: "قاسم الأعرجي", type: "PER", entityId: "per:qasim-al-araji" }],
      citation: {
        title: "العراق: التحالف الدولي ينهي مهمته القتالية",
        url: PAGE,
        accessedAt: "2026-11-29T10:00:00.000Z",
        outlet: "الأمصار",
        author: "رائد العزاوي",
        publishedAt: "2021-12-09",
      },
      orphaned: false,
    },
    ...extra,
  });
  const items = [
    annotation("0b7e2f1c-3a4d-4e5f-8a9b-0c1d2e3f4a5b", QUOTE, 10, {
      body: [
        { type: "TextualBody", purpose: "commenting", value: NOTE, format: "text/plain" },
        { type: "TextualBody", purpose: "tagging", value: "انسحاب" },
      ],
    }),
    annotation("1b7e2f1c-3a4d-4e5f-8a9b-0c1d2e3f4a5b", "التحالف الدولي", 200, {}),
    {
      ...annotation("2b7e2f1c-3a4d-4e5f-8a9b-0c1d2e3f4a5b", "Iraq", 5, {}),
      target: {
        source: "https://news.example/iraq",
        selector: [
          { type: "TextQuoteSelector", exact: "Iraq" },
          { type: "TextPositionSelector", start: 5, end: 9 },
        ],
      },
      siyaq: {
        url: "https://news.example/iraq",
        entities: [],
        citation: {
          title: "Iraq",
          url: "https://news.example/iraq",
          accessedAt: "2026-11-30T08:00:00.000Z",
        },
      },
    },
  ];
  return JSON.stringify({
    "@context": "http://www.w3.org/ns/anno.jsonld",
    type: "AnnotationCollection",
    label: "seed",
    total: items.length,
    first: { type: "AnnotationPage", items },
  });
}

async function openLibrary(ext: LaunchedExtension): Promise<TestPage> {
  const library = await ext.openExtensionPage("library.html");
  await library.waitFor("p.count", { timeout: 15_000 });
  return library;
}

async function importInto(library: TestPage, name: string, text: string): Promise<void> {
  await library.setInputFile('input[type="file"]', { name, buffer: Buffer.from(text) });
}

/** The file the export button downloads, its bytes as written (the harness reads them as UTF-8). */
async function download(
  ext: LaunchedExtension,
  library: TestPage,
  format: string,
): Promise<{ name: string; bytes: Buffer }> {
  const file = await ext.download(() => library.click(`button[data-export="${format}"]`));
  return { name: file.name, bytes: Buffer.from(file.text, "utf8") };
}

describe.each(BROWSERS)("exports from the library page in %s", (browser) => {
  let ext: LaunchedExtension;
  let fresh: LaunchedExtension | undefined;
  beforeAll(async () => {
    ext = await launchExtension(browser);
  });
  afterAll(async () => {
    await fresh?.close();
    await ext?.close();
  });

  it("downloads CSV, Markdown, RIS and CSL-JSON a researcher can use, past a damaged record, and re-imports the JSON into a fresh profile", async () => {
    const library = await openLibrary(ext);
    await importInto(library, "seed.json", seedFile());
    await expect.poll(() => library.count("article.highlight"), { timeout: 15_000 }).toBe(3);

    // A record without target or citation, straight into the extension's database.
    await library.evaluate(
      () =>
        new Promise<void>((done, fail) => {
          const open = indexedDB.open("siyaq");
          open.onerror = () => fail(open.error);
          open.onsuccess = () => {
            const tx = open.result.transaction("highlights", "readwrite");
            tx.objectStore("highlights").put({
              id: "damaged-1",
              url: "https://example.org/old",
              createdAt: 1,
              updatedAt: 1,
              tags: [],
              entityIds: [],
            });
            tx.oncomplete = () => (open.result.close(), done());
            tx.onerror = () => fail(tx.error);
          };
        }),
    );
    await library.reload();
    await expect.poll(() => library.count("article.highlight"), { timeout: 15_000 }).toBe(3);
    expect(await library.attr("[data-malformed]", "data-malformed")).toBe("1");
    expect(await library.text("[data-malformed]")).toContain("damaged-1");

    const csv = await download(ext, library, "csv");
    expect(csv.name).toMatch(/\.csv$/);
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csvText = csv.bytes.toString("utf8");
    expect(csvText).toContain(QUOTE);
    // Quoted, quotes doubled, the line break kept inside the cell.
    expect(csvText).toContain(
      `,"قال: ""نعم""، ثم\n=HYPERLINK(""http://x"") [انقر](javascript:alert(1))",انسحاب,`,
    );

    const md = (await download(ext, library, "markdown")).bytes.toString("utf8");
    expect(md).toContain(`## [العراق: التحالف الدولي ينهي مهمته القتالية](<${PAGE}>)`);
    expect(md).toContain("- Entities: قاسم الأعرجي (PER)");
    expect(md).toContain("published 2021-12-09 · accessed 2026-11-29");
    expect(md).toContain(
      `- Citation: رائد العزاوي, “العراق: التحالف الدولي ينهي مهمته القتالية”, الأمصار, 2021-12-09, ${PAGE} (accessed 2026-11-29)`,
    );
    // The note's "[انقر](javascript:…)" stays text: its brackets escaped, no link.
    expect(md).toContain("\\[انقر\\](javascript:alert(1))");
    expect(md).not.toMatch(/(?<!\\)\]\(<?javascript:/i);

    const ris = (await download(ext, library, "ris")).bytes.toString("utf8");
    const records = ris.split(/^ER {2}- ?$/m).filter((chunk) => chunk.trim());
    expect(records).toHaveLength(2); // one item per cited page
    for (const tag of [
      "TY  - NEWS",
      "TI  - العراق: التحالف الدولي ينهي مهمته القتالية",
      "T2  - الأمصار",
      "AU  - رائد العزاوي",
      "PY  - 2021",
      "DA  - 2021/12/09/",
      `UR  - ${PAGE}`,
      "Y2  - 2026/11/29/",
      "KW  - انسحاب",
      "LA  - ar",
    ]) {
      expect(records[0]).toContain(`${tag}\r\n`);
    }
    expect(records[0]!.match(/^N1 {2}- /gm)).toHaveLength(2);
    expect(records[1]).toContain("TY  - ELEC");

    const csl = JSON.parse((await download(ext, library, "csl-json")).bytes.toString("utf8"));
    expect(csl).toHaveLength(2);
    expect(csl[0]).toMatchObject({
      type: "article-newspaper",
      title: "العراق: التحالف الدولي ينهي مهمته القتالية",
      "container-title": "الأمصار",
      author: [{ literal: "رائد العزاوي" }],
      issued: { "date-parts": [[2021, 12, 9]] },
      accessed: { "date-parts": [[2026, 11, 29]] },
      URL: PAGE,
      language: "ar",
    });
    expect(csl[0].note).toContain(QUOTE);

    // The lossless file, into a fresh profile: the same three highlights, the damaged one left out.
    const json = await download(ext, library, "json");
    const exported = JSON.parse(json.bytes.toString("utf8"));
    expect(exported.first.items.map((item: { id: string }) => item.id).sort()).toEqual(
      JSON.parse(seedFile())
        .first.items.map((item: { id: string }) => item.id)
        .sort(),
    );
    fresh = await launchExtension(browser);
    const other = await openLibrary(fresh);
    await importInto(other, "highlights.json", json.bytes.toString("utf8"));
    await expect.poll(() => other.count("article.highlight"), { timeout: 15_000 }).toBe(3);
    await expect.poll(() => other.text("[role=status]")).toMatch(/3/);
    const reexported = JSON.parse((await download(fresh!, other, "json")).bytes.toString("utf8"));
    expect(reexported.first.items).toEqual(exported.first.items);
  });
});
