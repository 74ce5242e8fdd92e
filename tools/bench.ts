// `npm run bench`: every performance figure of contract 3 in one run — the recognizer against its
// naive baseline, the knowledge base's cold start, and the page cost in real Chromium. Prints a
// readable table per part and, last, one JSON line with every figure.
import { existsSync } from "node:fs";
import { join } from "node:path";

export interface BenchPart {
  rows: string[][];
  figures: Record<string, number>;
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
    // Timer resolution leaves float noise (58.200000000186265): three decimals are plenty.
    for (const [key, value] of Object.entries(result.figures))
      figures[`${part.name}.${key}`] = Math.round(value * 1000) / 1000;
  }
  if (missing.length > 0) console.log(`\n(not measured yet: ${missing.join(", ")})`);
  console.log(JSON.stringify(figures));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
