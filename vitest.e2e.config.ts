import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

// End-to-end tests drive the built extension in real Chromium: one file at a time (2-core CI).
export default defineConfig({
  // Test helpers may use the extension's own modules (e.g. its exporter to build a fixture file).
  resolve: { alias: { "@": fileURLToPath(new URL(".", import.meta.url)) } },
  test: {
    include: ["tests/e2e/**/*.e2e.ts"],
    environment: "node",
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
