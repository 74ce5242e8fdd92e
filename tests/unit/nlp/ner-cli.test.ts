import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { itShared, sharedPath } from "../../shared-data";

const repo = fileURLToPath(new URL("../../../", import.meta.url));

function runNer(args: string[], input: string) {
  const result = spawnSync(process.execPath, ["--import", "tsx", "tools/ner.ts", ...args], {
    cwd: repo,
    input,
    encoding: "utf8",
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("npm run ner -- --jsonl (contract 2)", () => {
  it("answers every good line, reports bad ones on stderr and goes on", () => {
    const input = [
      JSON.stringify({
        id: "a",
        text: "وصرّح الرئيس الأمريكي جو بايدن بعد الـ31 من ديسمبر الحالي",
        refDate: "2021-12-10",
      }),
      "{not json",
      JSON.stringify({ id: "b" }),
      JSON.stringify({ id: "c", text: "x", refDate: "yesterday" }),
      "",
      JSON.stringify({ id: 7, text: "" }),
    ].join("\n");
    const { status, stdout, stderr } = runNer(["--jsonl", "--no-tagger"], input);
    expect(status).toBe(0);
    const lines = stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { id: unknown; entities: Record<string, unknown>[] });
    expect(lines.map((l) => l.id)).toEqual(["a", 7]);
    expect(lines[0]!.entities).toContainEqual(
      expect.objectContaining({ type: "PER", surface: "جو بايدن", start: 22, end: 30 }),
    );
    expect(lines[0]!.entities).toContainEqual(
      expect.objectContaining({
        type: "DATE",
        surface: "الـ31 من ديسمبر الحالي",
        date: "2021-12-31",
      }),
    );
    expect(lines[1]!.entities).toEqual([]);
    const errors = stderr
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { line: number; error: string });
    expect(errors.map((e) => e.line)).toEqual([2, 3, 4]);
    expect(errors[1]!.error).toMatch(/text/);
    expect(errors[2]!.error).toMatch(/refDate/);
  }, 120_000);

  itShared(
    "prints a readable table for a text file",
    () => {
      const { status, stdout } = runNer(
        [sharedPath("fixtures/seed-article.txt"), "--ref-date", "2021-12-10", "--no-tagger"],
        "",
      );
      expect(status).toBe(0);
      expect(stdout).toMatch(/^start\s+end\s+type\s+surface/m);
      expect(stdout).toMatch(/DATE\s+يونيو\/حزيران 2014\s+2014-06/);
    },
    120_000,
  );
});
