import { errorText } from "@/src/shared/error-text";
// A polite HTTP queue for the Wikimedia APIs: one request in flight per host, an identifying
// `Api-User-Agent` header on every request, and back-off on 429/503 that honours `Retry-After`.
// It never throws: a network that is offline or failing comes back as `{ ok: false }`.

export type FetchLike = (
  url: string,
  init: { headers: Record<string, string>; signal?: AbortSignal },
) => Promise<Response>;

export interface QueueOptions {
  fetch?: FetchLike;
  userAgent: string;
  /** How many times a 429/503 is retried before giving up. */
  retries?: number;
  /** First back-off when the server names none; doubled on each retry. */
  backoffMs?: number;
  /** The longest wait we accept from `Retry-After`; longer means "unavailable for now". */
  maxWaitMs?: number;
  timeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

export type FetchOutcome =
  { ok: true; status: number; json: unknown } | { ok: false; status?: number; reason: string };

const RETRYABLE = new Set([429, 503]);

/** Seconds or an HTTP date, in milliseconds from `now`; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now: number): number | undefined {
  if (header === null || header.trim() === "") return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

export class PoliteQueue {
  private readonly tails = new Map<string, Promise<unknown>>();
  private readonly options: Required<Omit<QueueOptions, "fetch">> & { fetch: FetchLike };

  constructor(options: QueueOptions) {
    this.options = {
      fetch: options.fetch ?? ((url, init) => globalThis.fetch(url, init)),
      userAgent: options.userAgent,
      retries: options.retries ?? 3,
      backoffMs: options.backoffMs ?? 1000,
      maxWaitMs: options.maxWaitMs ?? 30_000,
      timeoutMs: options.timeoutMs ?? 15_000,
      sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
      now: options.now ?? Date.now,
    };
  }

  /** GETs JSON from `url`, after every earlier request to the same host has finished. */
  getJson(url: string): Promise<FetchOutcome> {
    let host: string;
    try {
      host = new URL(url).host;
    } catch {
      return Promise.resolve({ ok: false, reason: `not a URL: ${url}` });
    }
    const previous = this.tails.get(host) ?? Promise.resolve();
    const run = previous.then(() => this.attempt(url));
    const tail = run.catch(() => undefined);
    this.tails.set(host, tail);
    void tail.then(() => {
      if (this.tails.get(host) === tail) this.tails.delete(host);
    });
    return run;
  }

  private async attempt(url: string): Promise<FetchOutcome> {
    const { fetch, userAgent, retries, backoffMs, maxWaitMs, timeoutMs, sleep, now } = this.options;
    for (let attempt = 0; ; attempt++) {
      let response: Response;
      const controller = typeof AbortController === "function" ? new AbortController() : undefined;
      const timer = controller ? setTimeout(() => controller.abort(), timeoutMs) : undefined;
      try {
        response = await fetch(url, {
          headers: { "Api-User-Agent": userAgent, Accept: "application/json" },
          signal: controller?.signal,
        });
      } catch (error) {
        return {
          ok: false,
          reason: `network: ${errorText(error)}`,
        };
      } finally {
        if (timer !== undefined) clearTimeout(timer);
      }
      if (RETRYABLE.has(response.status)) {
        if (attempt >= retries)
          return {
            ok: false,
            status: response.status,
            reason: `HTTP ${response.status} after ${retries} retries`,
          };
        const wait =
          retryAfterMs(response.headers.get("Retry-After"), now()) ?? backoffMs * 2 ** attempt;
        if (wait > maxWaitMs)
          return {
            ok: false,
            status: response.status,
            reason: `HTTP ${response.status}: asked to wait ${Math.round(wait / 1000)} s`,
          };
        await sleep(wait);
        continue;
      }
      if (!response.ok)
        return { ok: false, status: response.status, reason: `HTTP ${response.status}` };
      try {
        return { ok: true, status: response.status, json: await response.json() };
      } catch {
        return { ok: false, status: response.status, reason: "the answer was not JSON" };
      }
    }
  }
}
