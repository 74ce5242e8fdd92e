// `npm run test:e2e [-- files…]`: builds the extension for Chrome and Firefox, then runs the
// end-to-end tests in Chromium and Firefox ESR (each scenario in both; `SIYAQ_E2E_BROWSERS=firefox`
// narrows a run while iterating). Stops early, with the way to fix it, when a browser is missing.
import { spawnSync } from "node:child_process";
import { browserMissing, findBrowser, selectedBrowsers } from "./browsers";

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const browsers = selectedBrowsers();
for (const name of browsers) {
  if (!findBrowser(name)) {
    console.error(`e2e: ${browserMissing(name)}`);
    process.exit(1);
  }
}
if (!process.env.SIYAQ_E2E_NO_BUILD) {
  if (browsers.includes("chromium")) run("npx", ["wxt", "build"]);
  if (browsers.includes("firefox")) run("npx", ["wxt", "build", "-b", "firefox"]);
}
run("npx", ["vitest", "run", "--config", "vitest.e2e.config.ts", ...process.argv.slice(2)]);
