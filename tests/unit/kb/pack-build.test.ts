import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
  openSync,
  writeSync,
  closeSync,
  statSync,
} from "node:fs";
import { gzipSync } from "node:zlib";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { PassThrough } from "node:stream";
import { buildPack, openDump, slug, type BuildStats } from "@/tools/pack-build";
import { parsePack } from "@/src/contracts/pack-schema";
import { importPack } from "@/src/kb/packs";
import { freshDatabase } from "./sample-pack";

const FIXTURE = "tests/fixtures/wikidata/sample-dump.json";
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "siyaq-pack-build-"));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function build(
  path: string,
): Promise<{ json: string; stats: BuildStats; warnings: string[] }> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on("data", (chunk: Buffer) => chunks.push(chunk));
  const warnings: string[] = [];
  const stats = await buildPack(openDump(path), output, {
    id: "wd-test",
    version: "1.0.0",
    warn: (message) => warnings.push(message),
  });
  return { json: Buffer.concat(chunks).toString("utf8"), stats, warnings };
}

describe("pack:build", () => {
  it("turns people, organisations and places with Arabic labels into a valid pack", async () => {
    const { json, stats, warnings } = await build(FIXTURE);
    const pack = parsePack(json);
    expect(pack).toMatchObject({ id: "wd-test", version: "1.0.0", events: [] });
    expect(pack.entities.map((entity) => [entity.id, entity.type, entity.qid])).toEqual([
      ["country:iq", "LOC", "Q796"],
      ["city:baghdad", "LOC", "Q1530"],
      ["org:united-nations", "ORG", "Q1065"],
      ["per:q900001", "PER", "Q900001"],
      ["per:ali-hassan", "PER", "Q900002"],
      ["per:ali-hassan-q900003", "PER", "Q900003"],
      ["org:img-src-x-onerror-alert-1-party", "ORG", "Q900005"],
    ]);
    const iraq = pack.entities[0]!;
    expect(iraq.names).toEqual({ ar: "العراق", en: "Iraq" });
    expect(iraq.aliases).toEqual(["جمهورية العراق", "بلاد الرافدين", "Republic of Iraq"]);
    expect(iraq.description).toEqual({ ar: "دولة في غرب آسيا", en: "country in Western Asia" });
    expect(iraq.links).toEqual({ wikipedia: { ar: "العراق", en: "Iraq" } });
    expect(pack.entities[3]!.names).toEqual({ ar: "رائد العزاوي" });
    expect(pack.entities[6]!.names.ar).toBe("حزب <script>alert(1)</script>");

    expect(stats).toMatchObject({
      entities: 7,
      badLines: 2,
      noArabicLabel: 2,
      unknownClass: 2,
      invalid: 0,
      byType: { LOC: 2, ORG: 2, PER: 3 },
    });
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/^line 5: skipped/);
  });

  it("reads gzipped dumps the same way", async () => {
    const gz = join(dir, "sample-dump.json.gz");
    writeFileSync(gz, gzipSync(readFileSync(FIXTURE)));
    const plain = await build(FIXTURE);
    const zipped = await build(gz);
    expect(zipped.json).toBe(plain.json);
  });

  it("produces a pack the extension imports", async () => {
    const db = freshDatabase();
    try {
      const result = await importPack(db, (await build(FIXTURE)).json);
      expect(result).toMatchObject({ entities: 7, status: "installed" });
      expect((await db.entities.get("city:baghdad"))!.qid).toBe("Q1530");
    } finally {
      await db.delete();
    }
  });

  it("makes readable id slugs", () => {
    expect(slug("Baghdad International Airport")).toBe("baghdad-international-airport");
    expect(slug("Ḥalab (Aleppo)")).toBe("halab-aleppo");
    expect(slug("بغداد")).toBe("");
  });

  it("keeps memory flat as the dump grows (streamed, not loaded whole)", () => {
    // The same 100 qualifying items in both dumps; the large one adds ~100 MB of other lines.
    const qualifying = readFileSync(FIXTURE, "utf8").split("\n")[1]!.replace(/,$/, "");
    const filler = JSON.stringify({
      type: "item",
      id: "Q1",
      labels: { en: { language: "en", value: "x".repeat(1200) } },
      claims: {
        P31: [{ mainsnak: { datavalue: { value: { id: "Q11862829" } } }, rank: "normal" }],
      },
    });
    const writeDump = (path: string, fillerLines: number) => {
      const fd = openSync(path, "w");
      writeSync(fd, "[\n");
      for (let index = 0; index < 100; index++)
        writeSync(fd, `${qualifying.replace('"Q796"', `"Q${796000 + index}"`)},\n`);
      const block = `${filler},\n`.repeat(1000);
      for (let written = 0; written < fillerLines; written += 1000) writeSync(fd, block);
      writeSync(fd, `${filler}\n]\n`);
      closeSync(fd);
    };
    const run = (path: string) => {
      const out = join(dir, "out.json");
      const result = spawnSync(
        process.execPath,
        [
          "--expose-gc",
          "--import",
          "tsx",
          "tools/pack-build.ts",
          path,
          "--out",
          out,
          "--memory-report",
        ],
        {
          encoding: "utf8",
        },
      );
      expect(result.status, result.stderr).toBe(0);
      const report = JSON.parse(result.stderr.trim().split("\n").at(-1)!) as BuildStats;
      expect(report.entities).toBe(100);
      return report.peakHeapBytes!;
    };
    const small = join(dir, "small.json");
    const large = join(dir, "large.json");
    writeDump(small, 4_000);
    writeDump(large, 80_000);
    expect(statSync(large).size).toBeGreaterThan(90 * 1024 * 1024);
    const growth = run(large) - run(small);
    // A builder that kept lines or entities would grow by about the file's size.
    expect(growth).toBeLessThan(16 * 1024 * 1024);
  }, 120_000);
});
