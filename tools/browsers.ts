// Finds the browsers the end-to-end tests drive: a system Chromium and Debian's Firefox ESR.
// Neither Playwright's nor Puppeteer's browser downloads work on these machines.
import { findChromium, findExecutable, CHROMIUM_MISSING } from "./chromium";

export type BrowserName = "chromium" | "firefox";
export const ALL_BROWSERS: readonly BrowserName[] = ["chromium", "firefox"];

const FIREFOX_CANDIDATES = [
  "/usr/bin/firefox-esr",
  "/usr/bin/firefox",
  "/snap/bin/firefox",
  "/Applications/Firefox.app/Contents/MacOS/firefox",
];

export const FIREFOX_MISSING =
  "No Firefox found. Install Firefox ESR ≥ 140 (Debian/Ubuntu: `sudo apt-get install -y firefox-esr`) or point FIREFOX_PATH at a firefox binary.";

/** The Firefox binary to drive: `FIREFOX_PATH` first, then the usual install paths. */
export function findFirefox(): string | null {
  return findExecutable("FIREFOX_PATH", FIREFOX_CANDIDATES);
}

export function findBrowser(name: BrowserName): string | null {
  return name === "chromium" ? findChromium() : findFirefox();
}

export function browserMissing(name: BrowserName): string {
  return name === "chromium" ? CHROMIUM_MISSING : FIREFOX_MISSING;
}

/**
 * The browsers an e2e run covers: `SIYAQ_E2E_BROWSERS=chromium` (or `firefox`, or both, comma
 * separated) narrows it while iterating; every run in CI covers both.
 */
export function selectedBrowsers(): BrowserName[] {
  const wanted = process.env.SIYAQ_E2E_BROWSERS?.split(",")
    .map((name) => name.trim())
    .filter(Boolean);
  if (!wanted || wanted.length === 0) return [...ALL_BROWSERS];
  for (const name of wanted) {
    if (!ALL_BROWSERS.includes(name as BrowserName))
      throw new Error(`SIYAQ_E2E_BROWSERS: unknown browser "${name}" (chromium, firefox)`);
  }
  return wanted as BrowserName[];
}
