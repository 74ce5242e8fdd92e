// `npm run test:e2e [-- files…]`: builds the extension, then runs the end-to-end tests in Chromium.
// Stops early, with the way to fix it, when no Chromium is installed.
import { spawnSync } from "node:child_process";
import { findChromium, CHROMIUM_MISSING } from "./chromium";

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (!findChromium()) {
  console.error(`e2e: ${CHROMIUM_MISSING}`);
  process.exit(1);
}
if (!process.env.SIYAQ_E2E_NO_BUILD) run("npx", ["wxt", "build"]);
run("npx", ["vitest", "run", "--config", "vitest.e2e.config.ts", ...process.argv.slice(2)]);
