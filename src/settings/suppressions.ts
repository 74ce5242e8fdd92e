// "Not an entity here": names the reader told Siyaq to stop marking, per site (or everywhere).
// Kept in `storage.local` beside the settings so every tab hears a change at once.
import { browser } from "wxt/browser";
import * as v from "valibot";
import { normalizeWord } from "@/src/nlp/normalize";

/** Host value meaning "on every site". */
export const EVERY_SITE = "*";
const KEY = "siyaq.suppressions";
/** Enough for years of clicks; the oldest go first beyond it. */
export const MAX_SUPPRESSIONS = 5000;

const SuppressionSchema = v.object({
  /** The name as normalised for matching, so spelling variants of it are covered too. */
  key: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
  /** The name as the reader saw it, for the options page. */
  surface: v.pipe(v.string(), v.maxLength(200)),
  host: v.pipe(v.string(), v.minLength(1), v.maxLength(253)),
  addedAt: v.number(),
});
export type Suppression = v.InferOutput<typeof SuppressionSchema>;

/** The lookup key of a surface: matching normalisation, whitespace collapsed. */
export function suppressionKey(surface: string): string {
  return normalizeWord(surface.trim().replace(/\s+/g, " "));
}

/** Stored entries that still validate; a damaged entry is dropped alone, never the whole list. */
export function parseSuppressions(stored: unknown): Suppression[] {
  if (!Array.isArray(stored)) return [];
  return stored.flatMap((entry) => {
    const parsed = v.safeParse(SuppressionSchema, entry);
    return parsed.success ? [parsed.output] : [];
  });
}

export async function loadSuppressions(): Promise<Suppression[]> {
  return parseSuppressions((await browser.storage.local.get(KEY))[KEY]);
}

/** A matcher for one host, built once per change rather than per mention. */
export function suppressionMatcher(
  list: readonly Suppression[],
  host: string,
): (surface: string) => boolean {
  const keys = new Set(
    list.filter((s) => s.host === host || s.host === EVERY_SITE).map((s) => s.key),
  );
  if (keys.size === 0) return () => false;
  return (surface) => keys.has(suppressionKey(surface));
}

// Writes from one context run one after another, each reading what the previous one wrote; pages'
// content scripts do not write here themselves but ask the background (`suppression.add`), so every
// tab's "not an entity here" goes through this one queue and none overwrites another's.
let pendingWrite: Promise<unknown> = Promise.resolve();
function serialised<T>(work: () => Promise<T>): Promise<T> {
  const done = pendingWrite.then(work);
  pendingWrite = done.catch(() => undefined);
  return done;
}

export function addSuppression(surface: string, host: string = EVERY_SITE): Promise<Suppression[]> {
  const key = suppressionKey(surface);
  if (!key) return Promise.reject(new Error("a suppression needs a non-empty name"));
  return serialised(async () => {
    const entry = v.parse(SuppressionSchema, {
      key,
      surface: surface.trim().slice(0, 200),
      host,
      addedAt: Date.now(),
    });
    const list = (await loadSuppressions()).filter((s) => !(s.key === key && s.host === host));
    list.push(entry);
    const kept = list.slice(-MAX_SUPPRESSIONS);
    await browser.storage.local.set({ [KEY]: kept });
    return kept;
  });
}

export function removeSuppression(
  surface: string,
  host: string = EVERY_SITE,
): Promise<Suppression[]> {
  const key = suppressionKey(surface);
  return serialised(async () => {
    const kept = (await loadSuppressions()).filter((s) => !(s.key === key && s.host === host));
    await browser.storage.local.set({ [KEY]: kept });
    return kept;
  });
}

/** Calls `listener` with the new list whenever any context changes it. */
export function onSuppressionsChanged(listener: (list: Suppression[]) => void): () => void {
  const handle = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === "local" && KEY in changes) listener(parseSuppressions(changes[KEY]?.newValue));
  };
  browser.storage.onChanged.addListener(handle);
  return () => browser.storage.onChanged.removeListener(handle);
}
