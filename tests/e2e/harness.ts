// The end-to-end tests' way into the browser: the same launcher the demo and benchmark use.
export { launchExtension, startStaticServer, ROOT, EXTENSION_DIR } from "../../tools/launch";
export type { LaunchedExtension, LaunchOptions } from "../../tools/launch";
export { highlightProgress, markCount, paintedNameCenter, saveHighlightThroughExtension } from "../../tools/page-probes";
