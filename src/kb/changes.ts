// Tells the recognizer service that the entities changed (pack installed or removed, user edit),
// and keeps a revision in the database so a cached lexicon can tell whether it is still current
// after the service worker slept.
import Dexie, { type Transaction } from "dexie";
import type { SiyaqDatabase } from "./db";
import { REVISION_KEY, newRevision } from "./revision";

const listeners = new Set<() => void>();

/** Calls `listener` after every change to the entities; returns the unsubscribe function. */
export function onEntitiesChanged(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Records a new revision of the entities (call inside the transaction that changed them, with
 * `db.meta` in its scope) and, once it committed, tells the listeners.
 */
export async function markEntitiesChanged(db: SiyaqDatabase): Promise<void> {
  await db.meta.put({ key: REVISION_KEY, value: newRevision() });
  const transaction = Dexie.currentTransaction as Transaction | null | undefined;
  if (transaction) transaction.on("complete", notify);
  else notify();
}

/** The revision of the entities, or undefined before the first change. */
export async function entitiesRevision(db: SiyaqDatabase): Promise<string | undefined> {
  const record = await db.meta.get(REVISION_KEY);
  return typeof record?.value === "string" ? record.value : undefined;
}

function notify(): void {
  for (const listener of listeners) listener();
}
