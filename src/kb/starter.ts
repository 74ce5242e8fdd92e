// The starter pack bundled with the extension (public/packs/starter.json): installed when the
// extension is installed, updated when an extension update bundles a newer version, and installed
// on first use if the database is empty (e.g. after a wipe).
import { browser } from "wxt/browser";
import { withDatabase, type SiyaqDatabase } from "./db";
import { importPack } from "./packs";
import type { PackImportResult } from "@/src/messaging/messages/kb";

import { STARTER_PACK_PATH } from "@/src/shared/shipped-files";

/** Reads a bundled pack file as text. */
export type PackLoader = () => Promise<string>;

/** Fetches the starter pack from the extension's own files. */
export const bundledStarterPack: PackLoader = async () => {
  // The path is checked against public/ by WXT's types only once the file exists there.
  const url = browser.runtime.getURL(STARTER_PACK_PATH as "/");
  const response = await fetch(url);
  if (!response.ok)
    throw new Error(`starter pack missing from the extension: ${response.status} ${url}`);
  return response.text();
};

/** Installs or updates the bundled pack (the same or an older version is skipped). */
export async function installStarterPack(
  db: SiyaqDatabase,
  load: PackLoader = bundledStarterPack,
): Promise<PackImportResult> {
  return importPack(db, await load());
}

/**
 * Installs the starter pack when the database knows nothing at all; returns null when there was
 * something already (the user may have removed the pack on purpose and added their own entities).
 */
export async function ensureStarterPack(
  db: SiyaqDatabase,
  load: PackLoader = bundledStarterPack,
): Promise<PackImportResult | null> {
  if ((await db.packs.count()) > 0 || (await db.entities.count()) > 0) return null;
  return installStarterPack(db, load);
}

/**
 * What the background does on `runtime.onInstalled` (install or extension update): installs the
 * bundled pack, or updates it when the bundle is newer. Failures are logged, never thrown: the
 * recognizer retries on first use.
 */
export async function installBundledStarterPack(
  load: PackLoader = bundledStarterPack,
): Promise<PackImportResult | undefined> {
  try {
    const result = await withDatabase((db) => installStarterPack(db, load));
    console.info(`[siyaq] ${result.message}`);
    return result;
  } catch (error) {
    console.error("[siyaq] could not install the starter pack:", error);
    return undefined;
  }
}
