// How much work one tab may ask of the shared recognizer: a page (or code in its content-script
// world) that sends recognize requests in a loop would otherwise keep the one background busy for
// every other tab. A sliding window per tab, counted in calls and in characters.

export interface RateLimit {
  windowMs: number;
  maxCalls: number;
  maxChars: number;
}

/** Generous for real pages: the largest real page is ~0.3 MB in a few dozen calls, re-scans included. */
export const RECOGNIZE_LIMIT: RateLimit = { windowMs: 10_000, maxCalls: 300, maxChars: 8_000_000 };

export class RateLimitError extends Error {
  constructor(what: string) {
    super(`too many ${what} requests from this tab: try again in a few seconds`);
    this.name = "RateLimitError";
  }
}

/** Returns `take(key, chars)`, which throws `RateLimitError` once `key` is over its window's budget. */
export function rateLimiter(
  what: string,
  limit: RateLimit = RECOGNIZE_LIMIT,
  now: () => number = () => Date.now(),
) {
  const windows = new Map<number, { start: number; calls: number; chars: number }>();
  return (key: number, chars: number): void => {
    const at = now();
    let window = windows.get(key);
    if (!window || at - window.start >= limit.windowMs) {
      if (windows.size > 1000) windows.clear(); // closed tabs leave entries; a bound, not a cache
      window = { start: at, calls: 0, chars: 0 };
      windows.set(key, window);
    }
    if (window.calls + 1 > limit.maxCalls || window.chars + chars > limit.maxChars)
      throw new RateLimitError(what);
    window.calls++;
    window.chars += chars;
  };
}
