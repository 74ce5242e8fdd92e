// Finds the Chromium that end-to-end tests, the demo and the page benchmark drive. Playwright's
// own browser download cannot work on these machines, so a system Chromium is required.
import { existsSync } from "node:fs";

const CANDIDATES = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
  "/snap/bin/chromium",
  "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
  "/Applications/Chromium.app/Contents/MacOS/Chromium",
];

export const CHROMIUM_MISSING =
  "No Chromium found. Install one (Debian/Ubuntu: `sudo apt-get install -y chromium`) or point CHROME_PATH at a Chrome/Chromium binary.";

/** A browser binary: the one `envVariable` names (or none, if it names a missing file), else the first candidate present. */
export function findExecutable(envVariable: string, candidates: readonly string[]): string | null {
  const fromEnv = process.env[envVariable];
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  return candidates.find((path) => existsSync(path)) ?? null;
}

/** The Chromium binary to drive: `CHROME_PATH` first, then the usual install paths. */
export function findChromium(): string | null {
  return findExecutable("CHROME_PATH", CANDIDATES);
}
