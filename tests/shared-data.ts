// The shared test data beside the repository (`../shared`: fixtures, corpora and saved real pages)
// is not in a fresh clone. Every test that needs it asks here, and skips with one line saying why.
import { readFileSync, readdirSync } from "node:fs";
import { describe, it } from "vitest";
import { hasShared, sharedPath } from "../tools/lib/shared-dir";

// Where `../shared` is, and whether it is there, is decided once for tools and tests alike.
export { hasShared, REPO_ROOT, SHARED_DIR, sharedPath } from "../tools/lib/shared-dir";

/** The one-line reason a test that needs the shared data is skipped. */
export const SHARED_MISSING =
  "skipped: needs ../shared (fixtures and corpora beside the repository; see README › Contributing)";

/** A file of `../shared` as text; throws when absent (call it only inside a `describeShared` block or after `hasShared`). */
export function readShared(...parts: string[]): string {
  return readFileSync(sharedPath(...parts), "utf8");
}

export function readSharedJson<T>(...parts: string[]): T {
  return JSON.parse(readShared(...parts)) as T;
}

/** The saved real news pages (`corpora/pages/*.html`), by file name; none without `../shared`. */
export function realPageNames(): string[] {
  if (!hasShared) return [];
  return readdirSync(sharedPath("corpora/pages"))
    .filter((name) => name.endsWith(".html"))
    .sort();
}

/**
 * `describe` for a block that needs `../shared`. Without it the block's body never runs (it may
 * read the shared files while collecting its tests) and one skipped test gives the reason.
 */
export function describeShared(name: string, body: () => void): void {
  if (hasShared) describe(name, body);
  else describe(name, () => it.skip(SHARED_MISSING, () => {}));
}

/** `it` for a single test that needs `../shared`, beside tests that do not. */
export function itShared(name: string, body: () => unknown, timeout?: number): void {
  if (hasShared) it(name, body, timeout);
  else it.skip(`${name} — ${SHARED_MISSING}`, body);
}

/**
 * Data a test file reads from `../shared` at its top: `load()` when the shared data is here,
 * `absent` (an empty stand-in no test will use: theirs are skipped) when it is not.
 */
export function fromShared<T>(load: () => T, absent: T): T {
  return hasShared ? load() : absent;
}
