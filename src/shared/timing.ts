// The extension's own work as User Timing measures, shipped and always on, so anyone can see it in
// the browser's performance tools (DevTools › Performance › Timings) and the page bench can read it:
//
// - in a page (the content script shares the page's performance timeline): `siyaq:scan` (a slice
//   reading the page's text), `siyaq:paint` (a slice anchoring and painting marks), and
//   `siyaq:recognize` (the wait for the background's answer: the page's main thread is free then,
//   so it is not one of the page's tasks);
// - in the background: `siyaq:recognize` (recognising one message's text), `siyaq:lexicon`
//   (compiling or loading the lexicon) and `siyaq:tagger` (loading the tagger's weights).
//
// `siyaq:scan` and `siyaq:paint` are each one synchronous task of ours on the page's main thread;
// the longest of them is the extension's longest task there.

export type TimingName =
  "siyaq:scan" | "siyaq:paint" | "siyaq:recognize" | "siyaq:lexicon" | "siyaq:tagger";

/** The page's tasks among them: synchronous work on the page's main thread. */
export const PAGE_TASK_MEASURES: readonly TimingName[] = ["siyaq:scan", "siyaq:paint"];

/**
 * Measures kept per name in one page or background: a page left open for days (an infinite
 * scroll re-read thousands of times) must not collect entries without end. A measure is about
 * 100 bytes, so the cap holds them under ~1 MB together.
 */
export const MAX_MEASURES_PER_NAME = 2000;

const counts = new Map<TimingName, number>();

function timeline(): Performance | undefined {
  const perf = (globalThis as { performance?: Performance }).performance;
  return typeof perf?.measure === "function" ? perf : undefined;
}

/** Now on the timeline's clock (what `measureSince` takes as start). */
export function timingNow(): number {
  return timeline()?.now() ?? Date.now();
}

/** Records `name` from `start` (a `timingNow()` reading) to now. Never throws. */
export function measureSince(name: TimingName, start: number): void {
  const perf = timeline();
  if (!perf) return;
  const count = counts.get(name) ?? 0;
  if (count >= MAX_MEASURES_PER_NAME) return;
  counts.set(name, count + 1);
  try {
    perf.measure(name, { start, end: perf.now() });
  } catch {
    // A page that replaced `performance` loses a measurement, nothing else.
  }
}

/** Runs `work` and records how long it took as `name` (also when it throws). */
export function timed<T>(name: TimingName, work: () => T): T {
  const start = timingNow();
  try {
    return work();
  } finally {
    measureSince(name, start);
  }
}

/** Like `timed`, for work that resolves later (the measure spans until it settles). */
export async function timedAsync<T>(name: TimingName, work: () => Promise<T>): Promise<T> {
  const start = timingNow();
  try {
    return await work();
  } finally {
    measureSince(name, start);
  }
}

/** Forgets the per-name counts (tests). */
export function resetTimingCounts(): void {
  counts.clear();
}
