// Splits page work into short slices so a heavy page never sees a long task from us: each slice
// stops after a small time budget and yields back to the browser before the next one.
import { measureSince, timingNow, type TimingName } from "@/src/shared/timing";

export interface SliceScheduler {
  /** Runs `callback` when the browser has a moment; `deadline()` says how many ms that moment has. */
  schedule(callback: (deadline: () => number) => void): void;
  now(): number;
}

/** Milliseconds one slice may run: well under the 50 ms long-task line, leaving room for the page. */
export const SLICE_BUDGET_MS = 8;

type IdleDeadline = { timeRemaining(): number; didTimeout?: boolean };
type IdleWindow = {
  requestIdleCallback?: (
    cb: (deadline: IdleDeadline) => void,
    options?: { timeout: number },
  ) => number;
};

/**
 * Idle-time slices where `requestIdleCallback` exists (with a timeout so a busy page still gets
 * marked), otherwise a macrotask per slice with a fixed budget.
 */
export function idleScheduler(
  scope: IdleWindow = globalThis as IdleWindow,
  timeoutMs = 200,
): SliceScheduler {
  const now = () => performance.now();
  if (typeof scope.requestIdleCallback === "function") {
    const request = scope.requestIdleCallback.bind(scope);
    return {
      now,
      schedule: (callback) =>
        request(
          (deadline) => {
            const started = now();
            // Never more than our budget, even when the browser offers a 50 ms idle period; a
            // timed-out callback (0 ms left) still gets its budget, since we owe the page progress.
            callback(() => {
              const budget = SLICE_BUDGET_MS - (now() - started);
              return deadline.didTimeout ? budget : Math.min(budget, deadline.timeRemaining());
            });
          },
          { timeout: timeoutMs },
        ),
    };
  }
  return promptScheduler();
}

/**
 * Yields between slices as soon as the browser can run its own work: for work the reader is
 * waiting for (the first paint), where idle callbacks could wait behind a busy page.
 */
export function promptScheduler(): SliceScheduler {
  const now = () => performance.now();
  return {
    now,
    schedule: (callback) =>
      setTimeout(() => {
        const started = now();
        callback(() => SLICE_BUDGET_MS - (now() - started));
      }, 0),
  };
}

/**
 * Calls `work` on every item, as many per slice as the slice's budget allows (at least one, so
 * progress is guaranteed). Resolves when all are done; stops early, resolving, when `signal` aborts.
 */
export function runInSlices<T>(
  items: readonly T[],
  work: (item: T) => void,
  scheduler: SliceScheduler,
  signal?: AbortSignal,
  options: {
    firstSliceNow?: boolean;
    onSlice?: (ms: number) => void;
    /** Each slice becomes a User Timing measure of this name (see src/timing). */
    measure?: TimingName;
  } = {},
): Promise<void> {
  return new Promise((resolve, reject) => {
    let next = 0;
    const slice = (remaining: () => number) => {
      if (signal?.aborted) return resolve();
      const started = scheduler.now();
      const timingStart = options.measure ? timingNow() : 0;
      try {
        do {
          work(items[next]!);
          next += 1;
        } while (next < items.length && remaining() > 0);
      } catch (error) {
        return reject(error);
      } finally {
        options.onSlice?.(scheduler.now() - started);
        if (options.measure) measureSince(options.measure, timingStart);
      }
      if (next < items.length) scheduler.schedule(slice);
      else resolve();
    };
    if (items.length === 0) return resolve();
    if (options.firstSliceNow) {
      const started = scheduler.now();
      slice(() => SLICE_BUDGET_MS - (scheduler.now() - started));
    } else scheduler.schedule(slice);
  });
}
