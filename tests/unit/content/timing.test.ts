// @vitest-environment happy-dom
// The extension's work shows up as User Timing measures (src/timing): the page bench reads them,
// and so can anyone in DevTools. These tests check that the measures are made and bounded.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  MAX_MEASURES_PER_NAME,
  measureSince,
  resetTimingCounts,
  timed,
  timedAsync,
  timingNow,
} from "@/src/shared/timing";
import { runInSlices, promptScheduler } from "@/src/dom/idle";
import { scanRoots } from "@/src/content/scanner";
import type { MarkedMention } from "@/src/content/mention-index";
import { fakeRecognizer, SEED_NAMES } from "./fake-recognizer";

const measures = (name: string) =>
  performance.getEntriesByType("measure").filter((entry) => entry.name === name);

beforeEach(() => {
  performance.clearMeasures();
  resetTimingCounts();
});
afterEach(() => vi.restoreAllMocks());

describe("User Timing measures", () => {
  it("records timed work under its name, also when the work throws", () => {
    expect(timed("siyaq:paint", () => 42)).toBe(42);
    expect(() =>
      timed("siyaq:paint", () => {
        throw new Error("boom");
      }),
    ).toThrow("boom");
    expect(measures("siyaq:paint")).toHaveLength(2);
  });

  it("spans async work until it settles", async () => {
    const start = timingNow();
    await timedAsync("siyaq:recognize", () => new Promise((done) => setTimeout(done, 20)));
    const [entry] = measures("siyaq:recognize");
    expect(entry!.startTime).toBeGreaterThanOrEqual(start - 1);
    expect(entry!.duration).toBeGreaterThanOrEqual(15);
  });

  it("stops adding measures of a name past the cap, so a long-lived page does not fill up", () => {
    for (let i = 0; i < MAX_MEASURES_PER_NAME + 10; i++) measureSince("siyaq:scan", timingNow());
    expect(measures("siyaq:scan")).toHaveLength(MAX_MEASURES_PER_NAME);
    // Other names keep their own allowance.
    measureSince("siyaq:paint", timingNow());
    expect(measures("siyaq:paint")).toHaveLength(1);
  });

  it("loses a measurement, never the work, when the page broke performance.measure", () => {
    vi.spyOn(performance, "measure").mockImplementation(() => {
      throw new TypeError("page replaced it");
    });
    expect(timed("siyaq:scan", () => "done")).toBe("done");
  });

  it("makes one measure per slice of runInSlices", async () => {
    await runInSlices([1, 2, 3], () => undefined, promptScheduler(), undefined, {
      firstSliceNow: true,
      measure: "siyaq:scan",
    });
    expect(measures("siyaq:scan").length).toBeGreaterThanOrEqual(1);
    expect(measures("siyaq:scan").length).toBeLessThanOrEqual(3);
  });

  it("marks a page scan as siyaq:scan (reading) and siyaq:paint (anchoring) slices", async () => {
    document.body.innerHTML = "<p>وجاءت عمليات الانسحاب بعد الجولة الأخيرة بين بغداد وواشنطن.</p>";
    const { recognize } = fakeRecognizer(SEED_NAMES);
    const found: MarkedMention[] = [];
    await scanRoots([document.body], {
      recognize,
      scheduler: promptScheduler(),
      signal: new AbortController().signal,
      onMentions: (m) => found.push(...m),
    });
    expect(found.map((m) => m.surface)).toEqual(["بغداد", "واشنطن"]);
    expect(measures("siyaq:scan")).toHaveLength(1);
    expect(measures("siyaq:paint")).toHaveLength(1);
    // Anchoring comes after reading.
    expect(measures("siyaq:paint")[0]!.startTime).toBeGreaterThanOrEqual(
      measures("siyaq:scan")[0]!.startTime,
    );
  });
});
