// The stamp that tells a cached lexicon whether the entities changed (./changes.ts). Apart from
// ./changes so the database (./db.ts), which seeds it, and ./changes, which needs the database's
// type, do not import each other.
export const REVISION_KEY = "entities.revision";

/** A fresh, unique revision stamp. */
export function newRevision(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}
