import { describe, expect, it, vi } from "vitest";
import { idleScheduler, runInSlices, SLICE_BUDGET_MS, type SliceScheduler } from "@/src/dom/idle";

/** A scheduler on a fake clock: each item costs `cost` ms; slices run when the test says. */
function fakeScheduler(cost: number) {
  let clock = 0;
  const queue: ((deadline: () => number) => void)[] = [];
  const slices: number[][] = [];
  const scheduler: SliceScheduler = {
    now: () => clock,
    schedule: (callback) => queue.push(callback),
  };
  const runNext = () => {
    const callback = queue.shift();
    if (!callback) return false;
    const started = clock;
    slices.push([]);
    callback(() => SLICE_BUDGET_MS - (clock - started));
    return true;
  };
  return {
    scheduler,
    tick: (ms = cost) => (clock += ms),
    runNext,
    slices,
    pending: () => queue.length,
  };
}

describe("runInSlices", () => {
  it("does as many items per slice as the budget allows and yields between slices", async () => {
    const fake = fakeScheduler(3);
    const done: number[] = [];
    const finished = runInSlices(
      Array.from({ length: 10 }, (_, i) => i),
      (item) => {
        done.push(item);
        fake.slices.at(-1)!.push(item);
        fake.tick();
      },
      fake.scheduler,
    );
    while (fake.runNext()) await Promise.resolve();
    await finished;
    expect(done).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    // 3 ms per item in an 8 ms budget: three items a slice, never more.
    expect(fake.slices.map((s) => s.length)).toEqual([3, 3, 3, 1]);
  });

  it("always makes progress, even when one item alone is over budget", async () => {
    const fake = fakeScheduler(50);
    const finished = runInSlices([1, 2], () => void fake.tick(), fake.scheduler);
    let slices = 0;
    while (fake.runNext()) slices += 1;
    await finished;
    expect(slices).toBe(2);
  });

  it("stops at the next slice when aborted, resolving without doing the rest", async () => {
    const fake = fakeScheduler(5);
    const controller = new AbortController();
    const done: number[] = [];
    const finished = runInSlices(
      [1, 2, 3, 4, 5, 6],
      (item) => (done.push(item), fake.tick()),
      fake.scheduler,
      controller.signal,
    );
    fake.runNext();
    controller.abort();
    while (fake.runNext());
    await finished;
    expect(done).toEqual([1, 2]);
  });

  it("rejects with the error an item throws, and runs no further item", async () => {
    const fake = fakeScheduler(1);
    const done: number[] = [];
    const finished = runInSlices(
      [1, 2, 3],
      (item) => {
        if (item === 2) throw new Error("broken node");
        done.push(item);
      },
      fake.scheduler,
    );
    fake.runNext();
    await expect(finished).rejects.toThrow("broken node");
    expect(done).toEqual([1]);
    expect(fake.pending()).toBe(0);
  });

  it("runs the first slice at once when asked, so the reader's first marks do not wait", async () => {
    const fake = fakeScheduler(1);
    const done: number[] = [];
    void runInSlices([1], (item) => done.push(item), fake.scheduler, undefined, {
      firstSliceNow: true,
    });
    expect(done).toEqual([1]);
  });
});

describe("idleScheduler", () => {
  it("asks for idle time with a timeout, and grants a timed-out callback its slice budget", () => {
    const requestIdleCallback = vi.fn(
      (cb: (d: { timeRemaining(): number; didTimeout: boolean }) => void) => {
        cb({ timeRemaining: () => 0, didTimeout: true });
        return 1;
      },
    );
    const scheduler = idleScheduler({ requestIdleCallback }, 123);
    let remaining = -1;
    scheduler.schedule((deadline) => (remaining = deadline()));
    expect(requestIdleCallback).toHaveBeenCalledWith(expect.any(Function), { timeout: 123 });
    expect(remaining).toBeGreaterThan(0);
    expect(remaining).toBeLessThanOrEqual(SLICE_BUDGET_MS);
  });

  it("never grants more than the slice budget, even in a long idle period", () => {
    const scheduler = idleScheduler({
      requestIdleCallback: (cb) => (cb({ timeRemaining: () => 49.9, didTimeout: false }), 1),
    });
    let remaining = -1;
    scheduler.schedule((deadline) => (remaining = deadline()));
    expect(remaining).toBeLessThanOrEqual(SLICE_BUDGET_MS);
  });

  it("falls back to macrotasks where requestIdleCallback is missing", async () => {
    const scheduler = idleScheduler({});
    const ran = await new Promise<number>((resolve) =>
      scheduler.schedule((deadline) => resolve(deadline())),
    );
    expect(ran).toBeGreaterThan(0);
  });
});
