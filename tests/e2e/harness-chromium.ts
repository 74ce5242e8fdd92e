// The earlier, Chromium-only Playwright harness, kept for the e2e files written against it before
// the browser-neutral `harness.ts` (Chromium and Firefox) landed. Port a file by moving it to
// `harness.ts` and `describe.each(BROWSERS)`; then this file goes.
export { launchExtension, startStaticServer, ROOT, EXTENSION_DIR } from "../../tools/launch";
export type { LaunchedExtension, LaunchOptions } from "../../tools/launch";
export { highlightProgress, markCount, paintedNameCenter, saveHighlightThroughExtension } from "../../tools/page-probes";
