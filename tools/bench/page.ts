// The page part of `npm run bench`: what marking costs a reader's tab, in Chromium and Firefox
// (through the e2e harness, tools/lib/harness), on the seed article, the largest saved real page, a
// heavy page and a 2 MB page of real articles; the first page after install and after the
// background was stopped; the heap of the background and what a tab's content script adds.
// Reads the extension's own User Timing measures (src/timing) from the page — the content script
// shares the page's performance timeline — and, in Chromium, the browser's long-task entries.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "puppeteer-core";
import { findBrowser, type BrowserName } from "../browsers";
import {
  EXTENSION_DIRS,
  launchExtension,
  ROOT,
  waitUntil,
  type LaunchedExtension,
  type TestPage,
} from "../lib/harness";
import type { BenchTarget } from "../bench";
import { sharedPath } from "../lib/shared-dir";

const SHARED_PAGES = sharedPath("corpora/pages");
const ANERCORP = sharedPath("corpora/anercorp-train.jsonl");

const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;");

/**
 * A heavy page: every sentence of the ANERcorp training split as 200 article blocks, each with a
 * headline, links and a navigation bar around them — far more text and names than a news page.
 */
function heavyPage(): string | null {
  if (!existsSync(ANERCORP)) return null;
  const sentences = readFileSync(ANERCORP, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => (JSON.parse(line) as { text: string }).text);
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

const PAGE_2MB = 2 * 1024 * 1024;

/**
 * A 2 MB page of real articles: the bodies of the saved pages in ../shared/corpora/pages (their
 * scripts, styles and frames left out), one after another and again until 2 MB of markup.
 */
function realArticlesPage(): string | null {
  if (!existsSync(SHARED_PAGES)) return null;
  const bodies: string[] = [];
  for (const file of readdirSync(SHARED_PAGES)
    .filter((f) => f.endsWith(".html"))
    .sort()) {
    const bytes = readFileSync(join(SHARED_PAGES, file));
    const charset = /charset=["']?([\w-]+)/i.exec(bytes.subarray(0, 2048).toString("latin1"));
    let html: string;
    try {
      html = new TextDecoder(charset?.[1] ?? "utf-8").decode(bytes);
    } catch {
      html = bytes.toString("utf8");
    }
    const body = /<body[^>]*>([\s\S]*)<\/body>/i.exec(html)?.[1] ?? html;
    bodies.push(
      body
        .replace(/<(script|style|noscript|iframe|template)\b[\s\S]*?<\/\1>/gi, "")
        .replace(/<(img|link|source|video|audio)\b[^>]*>/gi, ""),
    );
  }
  if (bodies.length === 0) return null;
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < PAGE_2MB; i++) {
    const part = `<section>${bodies[i % bodies.length]}</section>`;
    parts.push(part);
    size += Buffer.byteLength(part);
  }
  return `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>مقالات</title></head><body>${parts.join("")}</body></html>`;
}

interface PageRun {
  /** ms from the content script starting to the first scan painted (includes the background's answer). */
  marked: number;
  /** ms from the content script starting to the first marks painted (the first screen's). */
  firstMarks: number;
  /** ms from the content script starting to its first read of the page (settings, language test). */
  beforeScan: number;
  /** ms the first `recognize` message took to come back from the background. */
  recognize: number;
  /** ms of main-thread work in our slices during that scan. */
  mainThread: number;
  /** The longest `siyaq:scan` / `siyaq:paint` measure: our longest task on the page. */
  longestOwnTask: number;
  /** The longest task the browser saw on the page, ours or the page's own (Chromium only). */
  longestTask: number;
  marks: number;
}

/** Installed before the page's scripts: records long tasks for the bench to read. */
function observeLongTasks(): void {
  const tasks: number[] = [];
  (window as unknown as { siyaqLongTasks: number[] }).siyaqLongTasks = tasks;
  try {
    if (!PerformanceObserver.supportedEntryTypes.includes("longtask")) throw new Error("none");
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push(entry.duration);
    }).observe({ type: "longtask", buffered: true });
  } catch {
    // No long-task timing in this browser (Firefox): the figure stays NaN.
    (window as unknown as { siyaqLongTasks?: number[] }).siyaqLongTasks = undefined;
  }
}

async function measureLoad(page: TestPage, url: string): Promise<PageRun> {
  await page.goto(url, { waitUntil: "domcontentloaded" });
  await waitUntil(
    () => page.evaluate(() => performance.getEntriesByName("siyaq:marked").length > 0),
    { timeout: 60_000, interval: 20 },
  ).catch(async (error: unknown) => {
    const seen = await page
      .evaluate(() =>
        performance
          .getEntries()
          .map((e) => e.name)
          .filter((n) => n.startsWith("siyaq")),
      )
      .catch(() => []);
    throw new Error(`${url}: no marks within 60 s (siyaq entries: ${seen.join(", ")})`, {
      cause: error,
    });
  });
  // Let trailing tasks (our report, the page's own scripts) land in the long-task list.
  await new Promise((done) => setTimeout(done, 300));
  // No named helpers inside: tsx would wrap them in a `__name` call the page does not have.
  return page.evaluate(() => {
    const first: Record<string, number> = {};
    let ownLongest = 0;
    for (const entry of performance.getEntriesByType("measure")) {
      if (!entry.name.startsWith("siyaq:")) continue;
      if (!(entry.name in first)) first[entry.name] = entry.duration;
      if (entry.name === "siyaq:scan" || entry.name === "siyaq:paint")
        ownLongest = Math.max(ownLongest, entry.duration);
    }
    const registry = (CSS as unknown as { highlights: Map<string, { size: number }> }).highlights;
    let marks = 0;
    for (const [name, highlight] of registry)
      if (/^siyaq-(per|org|loc|date)$/.test(name)) marks += highlight.size;
    const tasks = (window as unknown as { siyaqLongTasks?: number[] }).siyaqLongTasks;
    return {
      beforeScan:
        (performance.getEntriesByName("siyaq:scan-start")[0]?.startTime ?? Number.NaN) -
        (performance.getEntriesByName("siyaq:start")[0]?.startTime ?? Number.NaN),
      marked: first["siyaq:marked"] ?? Number.NaN,
      firstMarks: first["siyaq:first-marks"] ?? Number.NaN,
      recognize: first["siyaq:recognize"] ?? Number.NaN,
      mainThread: first["siyaq:main-thread"] ?? Number.NaN,
      longestOwnTask: ownLongest,
      longestTask: tasks ? Math.max(0, ...tasks) : Number.NaN,
      marks,
    };
  });
}

/** The page's JS heap after a full collection, in Chromium (the content script's world shares it). */
async function pageHeapAfterGc(page: TestPage): Promise<number> {
  const cdp = await page.raw.createCDPSession();
  try {
    await cdp.send("HeapProfiler.collectGarbage");
    const { usedSize } = await cdp.send("Runtime.getHeapUsage");
    return usedSize;
  } finally {
    await cdp.detach();
  }
}

/** The service worker's target in Chromium. */
async function serviceWorker(browser: Browser, origin: string) {
  return browser.waitForTarget((t) => t.type() === "service_worker" && t.url().startsWith(origin), {
    timeout: 10_000,
  });
}

/** The background service worker's JS heap after a full collection (Chromium). */
async function backgroundHeap(ext: LaunchedExtension): Promise<number> {
  const target = await serviceWorker(ext.raw, ext.extensionOrigin);
  const cdp = await target.createCDPSession();
  try {
    await cdp.send("HeapProfiler.collectGarbage");
    const { usedSize } = await cdp.send("Runtime.getHeapUsage");
    return usedSize;
  } finally {
    await cdp.detach();
  }
}

/** The longest `siyaq:recognize` / `siyaq:lexicon` / `siyaq:tagger` measure in the background. */
async function backgroundMeasures(ext: LaunchedExtension): Promise<Record<string, number>> {
  const read = () => {
    const longest: Record<string, number> = {};
    for (const entry of performance.getEntriesByType("measure"))
      if (entry.name.startsWith("siyaq:"))
        longest[entry.name] = Math.max(longest[entry.name] ?? 0, entry.duration);
    return longest;
  };
  if (ext.browser === "chromium") {
    const worker = await (await serviceWorker(ext.raw, ext.extensionOrigin)).worker();
    return worker ? worker.evaluate(read) : {};
  }
  return ext.inExtension(async () => {
    const api = (
      globalThis as unknown as { browser: { runtime: { getBackgroundPage(): Promise<Window> } } }
    ).browser;
    const background = await api.runtime.getBackgroundPage();
    const longest: Record<string, number> = {};
    for (const entry of background.performance.getEntriesByType("measure"))
      if (entry.name.startsWith("siyaq:"))
        longest[entry.name] = Math.max(longest[entry.name] ?? 0, entry.duration);
    return longest;
  }, undefined);
}

const median = (values: number[]) => {
  const sorted = values.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};
const max = (values: number[]) =>
  values.some((v) => !Number.isNaN(v))
    ? Math.max(...values.filter((v) => !Number.isNaN(v)))
    : Number.NaN;
const ms = (value: number | undefined) =>
  value !== undefined && Number.isFinite(value) ? value.toFixed(1) : "–";

/** Warm loads of the seed article: the target is their median. */
const WARM_RUNS = 20;
/** Loads of the bigger pages (each takes seconds on the heavy ones). */
const RUNS = 3;

interface PageSpec {
  name: string;
  path: string;
  html?: string | null;
  runs: number;
  /** Why the page is not measured, when its source is absent. */
  skip?: string;
}

async function benchBrowser(
  name: BrowserName,
  pages: PageSpec[],
): Promise<{ rows: string[][]; figures: Record<string, number>; notes: string[] }> {
  const figures: Record<string, number> = {};
  const notes: string[] = [];
  const rows: string[][] = [];
  const ext = await launchExtension(name);
  try {
    const page = await ext.newPage();
    await page.addInitScript(observeLongTasks);
    const served: Record<string, string> = {};
    for (const spec of pages) if (spec.html) served[`${ext.baseUrl}${spec.path}`] = spec.html;
    await page.serve(served);

    // The first page after install: the database is being filled with the starter pack.
    const cold = await measureLoad(page, `${ext.baseUrl}/seed-article.html`);
    figures["seed.coldMarkedMs"] = cold.marked;

    for (const spec of pages) {
      if (spec.skip) continue;
      const runs: PageRun[] = [];
      for (let i = 0; i < spec.runs; i++)
        runs.push(await measureLoad(page, `${ext.baseUrl}${spec.path}`));
      const pick = (key: keyof PageRun) => median(runs.map((run) => run[key]));
      figures[`${spec.name}.marks`] = pick("marks");
      figures[`${spec.name}.markedMs`] = pick("marked");
      figures[`${spec.name}.firstMarksMs`] = pick("firstMarks");
      figures[`${spec.name}.beforeScanMs`] = pick("beforeScan");
      figures[`${spec.name}.recognizeMs`] = pick("recognize");
      figures[`${spec.name}.mainThreadMs`] = pick("mainThread");
      figures[`${spec.name}.longestSliceMs`] = max(runs.map((run) => run.longestOwnTask));
      figures[`${spec.name}.longestTaskMs`] = max(runs.map((run) => run.longestTask));
    }
    const background = await backgroundMeasures(ext);
    for (const [measure, value] of Object.entries(background))
      figures[`background.longest.${measure.slice("siyaq:".length)}Ms`] = value;

    if (name === "chromium") {
      figures["background.heapMB"] = (await backgroundHeap(ext)) / 2 ** 20;
      // What a tab's content script holds: the seed in a fresh tab with Siyaq on, then off for the
      // site, each after a full collection (a tab that loaded the heavy pages keeps their garbage).
      const heapOf = async () => {
        const tab = await ext.newPage();
        await tab.goto(`${ext.baseUrl}/seed-article.html`, { waitUntil: "load" });
        await new Promise((done) => setTimeout(done, 1000));
        const used = await pageHeapAfterGc(tab);
        await tab.close();
        return used;
      };
      const on = await heapOf();
      await ext.setSiteEnabled(new URL(ext.baseUrl).hostname, false);
      const off = await heapOf();
      await ext.setSiteEnabled(new URL(ext.baseUrl).hostname, true);
      figures["seed.heapAddedKB"] = Math.round((on - off) / 1024);

      // Stopped as Chromium stops an idle worker (a page without request interception reads it:
      // the intercepting tab's next navigation stalled once the worker was gone).
      const worker = await (await serviceWorker(ext.raw, ext.extensionOrigin)).worker();
      await worker?.close();
      const fresh = await ext.newPage();
      await fresh.addInitScript(observeLongTasks);
      const stopped = await measureLoad(fresh, `${ext.baseUrl}/seed-article.html`);
      figures["seed.afterStopMarkedMs"] = stopped.marked;
    } else {
      notes.push(
        `${name}: no heap figures (no DevTools heap over WebDriver BiDi), no long-task entries, and no "after the background stopped" (the MV2 background page stops only with the browser)`,
      );
    }

    for (const spec of pages) {
      if (spec.skip) {
        notes.push(`${name}: ${spec.name} skipped: ${spec.skip}`);
        continue;
      }
      rows.push([
        `${name} ${spec.name}`,
        String(figures[`${spec.name}.marks`]),
        ms(figures[`${spec.name}.firstMarksMs`]),
        ms(figures[`${spec.name}.markedMs`]),
        ms(figures[`${spec.name}.beforeScanMs`]),
        ms(figures[`${spec.name}.recognizeMs`]),
        ms(figures[`${spec.name}.mainThreadMs`]),
        ms(figures[`${spec.name}.longestSliceMs`]),
        ms(figures[`${spec.name}.longestTaskMs`]),
        figures[`${spec.name}.heapAddedKB`] === undefined
          ? "–"
          : String(figures[`${spec.name}.heapAddedKB`]),
      ]);
    }
    rows.push([`${name} seed, first page after install`, "", "", ms(cold.marked)]);
    if (figures["seed.afterStopMarkedMs"] !== undefined)
      rows.push([
        `${name} seed, first page after the worker stopped`,
        "",
        "",
        ms(figures["seed.afterStopMarkedMs"]),
      ]);
  } finally {
    await ext.close();
  }
  return { rows, figures, notes };
}

/** The browsers to measure: SIYAQ_BENCH_BROWSERS (comma-separated), else every one installed. */
function benchBrowsers(): { run: BrowserName[]; notes: string[] } {
  const wanted = (process.env.SIYAQ_BENCH_BROWSERS ?? "chromium,firefox")
    .split(",")
    .map((b) => b.trim())
    .filter(Boolean) as BrowserName[];
  const run = wanted.filter((b) => findBrowser(b));
  const notes = wanted.filter((b) => !run.includes(b)).map((b) => `${b}: not installed, skipped`);
  return { run, notes };
}

export async function benchPage(): Promise<{
  rows: string[][];
  figures: Record<string, number>;
  targets: BenchTarget[];
  notes: string[];
}> {
  const { run, notes } = benchBrowsers();
  for (const browser of run) {
    const dir = EXTENSION_DIRS[browser];
    if (process.env.SIYAQ_BENCH_NO_BUILD && existsSync(join(dir, "manifest.json"))) continue;
    const built = spawnSync(
      "npx",
      ["wxt", "build", ...(browser === "firefox" ? ["-b", "firefox"] : [])],
      { cwd: ROOT, stdio: "ignore" },
    );
    if (built.status !== 0) throw new Error(`page bench: \`wxt build\` for ${browser} failed`);
  }
  const heavy = heavyPage();
  const articles = realArticlesPage();
  const pages: PageSpec[] = [
    { name: "seed", path: "/seed-article.html", runs: WARM_RUNS },
    existsSync(join(SHARED_PAGES, "lbcgroup-1.html"))
      ? { name: "lbcgroup", path: "/pages/lbcgroup-1.html", runs: RUNS }
      : { name: "lbcgroup", path: "", runs: 0, skip: "../shared/corpora/pages is absent" },
    heavy
      ? { name: "heavy", path: "/bench/heavy.html", html: heavy, runs: RUNS }
      : {
          name: "heavy",
          path: "",
          runs: 0,
          skip: "../shared/corpora/anercorp-train.jsonl is absent",
        },
    articles
      ? { name: "articles2mb", path: "/bench/articles-2mb.html", html: articles, runs: RUNS }
      : { name: "articles2mb", path: "", runs: 0, skip: "../shared/corpora/pages is absent" },
  ];
  const rows: string[][] = [
    [
      "page",
      "marks",
      "first marks (ms)",
      "all marked (ms)",
      "before reading (ms)",
      "recognize round trip (ms)",
      "main thread (ms)",
      "longest own task (ms)",
      "longest task (ms)",
      "heap added (KB)",
    ],
  ];
  const figures: Record<string, number> = {};
  const targets: BenchTarget[] = [];
  for (const browser of run) {
    const result = await benchBrowser(browser, pages);
    rows.push(...result.rows);
    notes.push(...result.notes);
    // Chromium's figures keep the keys the bench always wrote; Firefox's are prefixed.
    const prefix = browser === "chromium" ? "" : `${browser}.`;
    for (const [key, value] of Object.entries(result.figures)) figures[`${prefix}${key}`] = value;
    const key = (k: string) => `page.${prefix}${k}`;
    targets.push(
      {
        label: `${browser}: seed, warm, marked (median of ${WARM_RUNS})`,
        key: key("seed.markedMs"),
        atMost: 30,
        unit: "ms",
      },
      {
        label: `${browser}: first page after install, marked`,
        key: key("seed.coldMarkedMs"),
        atMost: 800,
        unit: "ms",
      },
      ...(browser === "chromium"
        ? [
            {
              label: `${browser}: first page after the worker stopped, marked`,
              key: key("seed.afterStopMarkedMs"),
              atMost: 800,
              unit: "ms",
            },
            {
              label: `${browser}: background heap, starter pack`,
              key: key("background.heapMB"),
              atMost: 40,
              unit: "MB",
            },
            {
              label: `${browser}: content script's added heap, seed`,
              key: key("seed.heapAddedKB"),
              atMost: 2048,
              unit: "KB",
            },
          ]
        : []),
      ...["heavy", "articles2mb"].flatMap((p) => [
        {
          label: `${browser}: ${p}, first-screen marks`,
          key: key(`${p}.firstMarksMs`),
          atMost: 300,
          unit: "ms",
        },
        {
          label: `${browser}: ${p}, longest task of the extension`,
          key: key(`${p}.longestSliceMs`),
          atMost: 50,
          unit: "ms",
        },
      ]),
    );
  }
  return { rows, figures, targets, notes };
}
