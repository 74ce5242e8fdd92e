// `npm run bench`: every performance figure of contract 3 in one run — the recognizer against its
// naive baseline, the knowledge base's cold start, and the page cost in real Chromium. Prints a
// readable table per part and, last, one JSON line with every figure.
import { existsSync } from "node:fs";
import { join } from "node:path";

export interface BenchPart {
  rows: string[][];
  figures: Record<string, number>;
  /** Issue #18's targets over this run's figures (keys into the JSON line). */
  targets?: BenchTarget[];
  /** What was not measured and why. */
  notes?: string[];
}

/** A figure of the JSON line and the bound it should keep. */
export interface BenchTarget {
  label: string;
  key: string;
  atMost?: number;
  atLeast?: number;
  unit: string;
}

/** "holds", "MISSED" or "not measured" for one target. */
export function targetVerdict(target: BenchTarget, value: number | undefined): string {
  if (value === undefined || !Number.isFinite(value)) return "not measured";
  if (target.atMost !== undefined && value > target.atMost) return "MISSED";
  if (target.atLeast !== undefined && value < target.atLeast) return "MISSED";
  return "holds";
}

const PARTS: { name: string; file: string; run: string }[] = [
  { name: "recognizer", file: "recognizer.ts", run: "benchRecognizer" },
  { name: "kb", file: "kb.ts", run: "benchKnowledgeBase" },
  { name: "page", file: "page.ts", run: "benchPage" },
];

function printTable(title: string, rows: string[][]): void {
  console.log(`\n== ${title}`);
  if (rows.length === 0) return;
  const widths = rows[0]!.map((_, column) =>
    Math.max(...rows.map((row) => (row[column] ?? "").length)),
  );
  for (const row of rows)
    console.log(row.map((cell, column) => cell.padEnd(widths[column]!)).join("  "));
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const figures: Record<string, number> = {};
  const missing: string[] = [];
  const targets: BenchTarget[] = [];
  const notes: string[] = [];
  for (const part of PARTS) {
    if (only.length > 0 && !only.includes(part.name)) continue;
    const path = join(import.meta.dirname, "bench", part.file);
    if (!existsSync(path)) {
      missing.push(part.name);
      continue;
    }
    const module = (await import(path)) as Record<string, () => Promise<BenchPart>>;
    const result = await module[part.run]!();
    printTable(part.name, result.rows);
    targets.push(...(result.targets ?? []));
    notes.push(...(result.notes ?? []));
    // Timer resolution leaves float noise (58.200000000186265): three decimals are plenty.
    for (const [key, value] of Object.entries(result.figures))
      figures[`${part.name}.${key}`] = Math.round(value * 1000) / 1000;
  }
  if (missing.length > 0) console.log(`\n(not measured yet: ${missing.join(", ")})`);
  if (targets.length > 0) {
    printTable("targets (issue #18)", [
      ["target", "figure", "bound", "verdict"],
      ...targets.map((target) => {
        const value = figures[target.key];
        const bound =
          target.atMost !== undefined ? `≤ ${target.atMost}` : `≥ ${target.atLeast ?? "?"}`;
        return [
          target.label,
          value === undefined || !Number.isFinite(value) ? "–" : `${value} ${target.unit}`,
          `${bound} ${target.unit}`,
          targetVerdict(target, value),
        ];
      }),
    ]);
  }
  for (const note of notes) console.log(`(${note})`);
  console.log(JSON.stringify(figures));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
