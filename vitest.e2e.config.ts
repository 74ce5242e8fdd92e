import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// End-to-end tests drive the built extension in Chromium and Firefox: one file at a time (2-core CI),
// each file running its scenarios in one browser after the other.
export default defineConfig({
  // Test helpers may use the extension's own modules (e.g. its exporter to build a fixture file).
  resolve: { alias: { "@": fileURLToPath(new URL(".", import.meta.url)) } },
  test: {
    include: ["tests/e2e/**/*.e2e.ts"],
    environment: "node",
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 60_000,
  },
});
