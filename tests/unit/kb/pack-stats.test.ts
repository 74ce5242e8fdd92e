import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { packStats } from "@/tools/pack-stats";
import { samplePack } from "./sample-pack";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "siyaq-pack-stats-"));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function stats(...args: string[]) {
  return spawnSync(process.execPath, ["--import", "tsx", "tools/pack-stats.ts", ...args], {
    encoding: "utf8",
  });
}

describe("pack:stats", () => {
  it("counts entities, events, matchable names, types and QIDs", () => {
    // Names and aliases per entity, distinct after normalisation (ambiguous aliases included).
    expect(packStats(samplePack())).toEqual({
      entities: 6,
      events: 3,
      aliases: 4 + 2 + 7 + 4 + 3 + 3,
      byType: { LOC: 3, ORG: 2, PER: 1 },
      withQid: 1,
    });
  });

  it("prints one JSON line for a named pack", () => {
    const file = join(dir, "sample.json");
    writeFileSync(file, JSON.stringify(samplePack()));
    const result = stats(file);
    expect(result.status).toBe(0);
    const lines = result.stdout.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toEqual(packStats(samplePack()));
  });

  it("reads the starter pack when no file is named", () => {
    const result = stats();
    expect(result.status, result.stderr).toBe(0);
    const line = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(Object.keys(line)).toEqual(["entities", "events", "aliases", "byType", "withQid"]);
    expect(line.entities).toBeGreaterThan(0);
  });

  it("fails with a clear message on an invalid pack", () => {
    const bad = samplePack();
    (bad.events[0] as { date: string }).date = "June 2014";
    const file = join(dir, "bad.json");
    writeFileSync(file, JSON.stringify(bad));
    const result = stats(file);
    expect(result.status).not.toBe(0);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/is not a valid pack: events\[0\]\.date: must be YYYY/);
  });
});
