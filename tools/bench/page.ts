// The page part of `npm run bench`: what marking costs a reader's tab in real Chromium, on the
// seed article and the largest saved real page. Reads the content script's own `siyaq:*` timing
// measures, the browser's long-task entries, and the JS heap with marking on versus off.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { EXTENSION_DIR, launchExtension, ROOT } from "../launch";
import { sharedPath } from "../lib/shared-dir";

const PAGES = [
  { name: "seed", path: "/seed-article.html" },
  { name: "lbcgroup", path: "/pages/lbcgroup-1.html" },
  // Composed on the fly (see heavyPage): the stress case for "no task over 50 ms".
  { name: "heavy", path: "/bench/heavy.html" },
];

/**
 * A heavy page: every sentence of the ANERcorp training split as 200 article blocks, each with a
 * headline, links and a navigation bar around them — far more text and names than a news page.
 */
function heavyPage(): string {
  const lines = readFileSync(sharedPath("corpora/anercorp-train.jsonl"), "utf8")
    .split("\n")
    .filter(Boolean);
  const sentences = lines.map((line) => (JSON.parse(line) as { text: string }).text);
  const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;");
  const blocks: string[] = [];
  const perBlock = Math.ceil(sentences.length / 200);
  for (let b = 0; b < 200; b++) {
    const own = sentences.slice(b * perBlock, (b + 1) * perBlock);
    if (own.length === 0) break;
    blocks.push(
      `<article><h2><a href="#a${b}">${escape(own[0]!.slice(0, 80))}</a></h2>` +
        own.map((s) => `<p>${escape(s)}</p>`).join("") +
        `<footer><a href="#s${b}">مشاركة</a> · <a href="#c${b}">تعليقات</a></footer></article>`,
    );
  }
  const nav = `<nav>${Array.from({ length: 40 }, (_, i) => `<a href="#n${i}">قسم ${i}</a>`).join(" ")}</nav>`;
  return `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>صفحة ثقيلة</title></head><body>${nav}<main>${blocks.join("")}</main>${nav}</body></html>`;
}
/** Loads per page; the median is reported (the first load of all also warms the recognizer). */
const RUNS = 5;

interface PageRun {
  /** ms from the content script starting to the first scan painted (includes the background's answer). */
  marked: number;
  /** ms the first `recognize` message took to come back from the background. */
  recognize: number;
  /** ms of main-thread work in our slices during that scan. */
  mainThread: number;
  longestSlice: number;
  /** The longest task the browser saw on the page, ours or the page's own. */
  longestTask: number;
  marks: number;
}

/** Installed before the page's scripts: records long tasks for the bench to read. */
function observeLongTasks(): void {
  const tasks: number[] = [];
  (window as unknown as { siyaqLongTasks: number[] }).siyaqLongTasks = tasks;
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push(entry.duration);
    }).observe({ type: "longtask", buffered: true });
  } catch {
    // No long-task timing in this browser: the figure stays 0.
  }
}

async function measureLoad(page: Page, url: string): Promise<PageRun> {
  await page.goto(url, { waitUntil: "domcontentloaded" });
  await page.waitForFunction(() => performance.getEntriesByName("siyaq:marked").length > 0, null, {
    timeout: 60_000,
  });
  // Let trailing tasks (our report, the page's own scripts) land in the long-task list.
  await page.waitForTimeout(300);
  // No named helpers inside: tsx would wrap them in a `__name` call the page does not have.
  return page.evaluate(() => {
    const last: Record<string, number> = {};
    let firstRecognize = Number.NaN;
    // Our own tasks on the page: each `siyaq:scan` / `siyaq:paint` measure is one slice (src/timing).
    let ownLongest = 0;
    for (const entry of performance.getEntriesByType("measure")) {
      if (!entry.name.startsWith("siyaq:")) continue;
      last[entry.name] = entry.duration;
      if (entry.name === "siyaq:recognize" && Number.isNaN(firstRecognize))
        firstRecognize = entry.duration;
      if (entry.name === "siyaq:scan" || entry.name === "siyaq:paint")
        ownLongest = Math.max(ownLongest, entry.duration);
    }
    const registry = (CSS as unknown as { highlights: Map<string, { size: number }> }).highlights;
    let marks = 0;
    for (const [name, highlight] of registry)
      if (/^siyaq-(per|org|loc|date)$/.test(name)) marks += highlight.size;
    const tasks = (window as unknown as { siyaqLongTasks?: number[] }).siyaqLongTasks ?? [];
    return {
      marked: last["siyaq:marked"] ?? Number.NaN,
      recognize: firstRecognize,
      mainThread: last["siyaq:main-thread"] ?? Number.NaN,
      longestSlice: ownLongest,
      longestTask: Math.max(0, ...tasks),
      marks,
    };
  });
}

/** The page's JS heap after a full collection (the content script's isolated world shares it). */
async function heapAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send("HeapProfiler.collectGarbage");
    const { usedSize } = (await cdp.send("Runtime.getHeapUsage")) as { usedSize: number };
    return usedSize;
  } finally {
    await cdp.detach();
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};
const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : "–");

export async function benchPage(): Promise<{ rows: string[][]; figures: Record<string, number> }> {
  if (!process.env.SIYAQ_BENCH_NO_BUILD || !existsSync(join(EXTENSION_DIR, "manifest.json"))) {
    const built = spawnSync("npx", ["wxt", "build"], { cwd: ROOT, stdio: "ignore" });
    if (built.status !== 0) throw new Error("page bench: `wxt build` failed");
  }
  const ext = await launchExtension();
  const rows: string[][] = [
    [
      "page",
      "marks",
      "marked (ms)",
      "recognize round trip (ms)",
      "main thread (ms)",
      "longest slice (ms)",
      "longest task (ms)",
      "heap added (KB)",
    ],
  ];
  const figures: Record<string, number> = {};
  try {
    const page = await ext.context.newPage();
    await page.addInitScript(observeLongTasks);
    const heavy = heavyPage();
    await page.route(`${ext.baseUrl}/bench/heavy.html`, (route) =>
      route.fulfill({ contentType: "text/html; charset=utf-8", body: heavy }),
    );
    // Warm-up: the recognizer is built on the first request after the browser starts.
    const cold = await measureLoad(page, `${ext.baseUrl}${PAGES[0]!.path}`);
    figures["seed.coldMarkedMs"] = cold.marked;

    const heapsOn: Record<string, number> = {};
    for (const { name, path } of PAGES) {
      const runs: PageRun[] = [];
      for (let i = 0; i < RUNS; i++) runs.push(await measureLoad(page, `${ext.baseUrl}${path}`));
      heapsOn[name] = await heapAfterGc(page);
      const pick = (key: keyof PageRun) => median(runs.map((run) => run[key]));
      figures[`${name}.marks`] = pick("marks");
      figures[`${name}.markedMs`] = pick("marked");
      figures[`${name}.recognizeMs`] = pick("recognize");
      figures[`${name}.mainThreadMs`] = pick("mainThread");
      figures[`${name}.longestSliceMs`] = Math.max(...runs.map((run) => run.longestSlice));
      figures[`${name}.longestTaskMs`] = Math.max(...runs.map((run) => run.longestTask));
    }

    // The same pages with Siyaq switched off for the site: the heap difference is what marking holds.
    await ext.setSiteEnabled(new URL(ext.baseUrl).hostname, false);
    for (const { name, path } of PAGES) {
      await page.goto(`${ext.baseUrl}${path}`, { waitUntil: "domcontentloaded" });
      await page.waitForTimeout(1000);
      const off = await heapAfterGc(page);
      figures[`${name}.heapAddedKB`] = Math.round((heapsOn[name]! - off) / 1024);
    }
    await ext.setSiteEnabled(new URL(ext.baseUrl).hostname, true);

    for (const { name } of PAGES) {
      rows.push([
        name,
        String(figures[`${name}.marks`]),
        ms(figures[`${name}.markedMs`]!),
        ms(figures[`${name}.recognizeMs`]!),
        ms(figures[`${name}.mainThreadMs`]!),
        ms(figures[`${name}.longestSliceMs`]!),
        ms(figures[`${name}.longestTaskMs`]!),
        String(figures[`${name}.heapAddedKB`]),
      ]);
    }
    rows.push([
      "seed (cold start)",
      String(cold.marks),
      ms(cold.marked),
      ms(cold.recognize),
      ms(cold.mainThread),
      ms(cold.longestSlice),
      ms(cold.longestTask),
      "",
    ]);
  } finally {
    await ext.close();
  }
  return { rows, figures };
}
