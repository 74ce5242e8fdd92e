// ESLint (flat config): typescript-eslint's recommended rules over the TypeScript sources, with
// Prettier owning all formatting (eslint-config-prettier switches off the rules it would fight).
// `npm run lint` runs it after `prettier --check`. Not type-aware: `recommendedTypeChecked` took
// 4x the CPU (40 s against 10 s on this 2-core machine, 2026-12-04) for mostly no-unsafe-* findings
// on JSON parsing that valibot checks at the door anyway.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import prettier from "eslint-config-prettier";
import globals from "globals";

export default tseslint.config(
  {
    ignores: [
      ".output/",
      ".wxt/",
      "node_modules/",
      "demo-output/",
      "bench-output/",
      "pack-output/",
      "test-results/",
      "public/",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node, ...globals.webextensions },
    },
    rules: {
      // `_`-named bindings drop a field from a copy (`const { id: _, ...rest } = record`) or count.
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
      // Packs, pages and events are stripped of control characters on purpose.
      "no-control-regex": "off",
    },
  },
  {
    files: ["tests/**"],
    // Tests reach into malformed or foreign JSON on purpose, where a precise type would be a lie.
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  prettier,
);
