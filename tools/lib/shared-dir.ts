// `../shared`: the test and measurement data kept beside the repository, not in it (fixtures,
// corpora, saved real pages; see README › Contributing). Found one way, from this file's place in
// the repository, by every tool and every test (tests add their skip helpers in tests/shared-data).
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";

/** The repository's root (this file lives in `tools/lib/`). */
export const REPO_ROOT = resolve(import.meta.dirname, "../..");
/** `../shared` as seen from the repository. */
export const SHARED_DIR = resolve(REPO_ROOT, "../shared");

/** Whether the shared data is here: both its fixtures and its corpora. */
export const hasShared =
  existsSync(join(SHARED_DIR, "fixtures")) && existsSync(join(SHARED_DIR, "corpora"));

/** An absolute path inside `../shared`. */
export function sharedPath(...parts: string[]): string {
  return join(SHARED_DIR, ...parts);
}
