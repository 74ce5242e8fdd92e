import { defineConfig } from "wxt";
import preact from "@preact/preset-vite";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { LOOKUP_ORIGINS } from "./src/lookup/origins";
import { STARTER_LEXICON_PATH } from "./src/shared/shipped-files";

// Chrome MV3 and Firefox builds from one config. The polyfill module puts webextension-polyfill
// behind `wxt/browser` so every context gets the same promise-based API.
// Toolbar icons (drawn by `npm run icons` into public/icon/; WXT lists icon/<size>.png as the
// manifest's `icons`). icon/<size>.png is a dark tile that reads on light and dark toolbars alike;
// Firefox also gets icon/on-dark/<size>.png for dark themes through `theme_icons` (its `light` is
// the light icon for dark themes). Chrome has no manifest key for a dark-theme action icon and
// shows the default tile everywhere.
const ICON_SIZES = [16, 32, 48, 128] as const;
const actionIcons = Object.fromEntries(ICON_SIZES.map((size) => [size, `icon/${size}.png`]));
const themeIcons = ICON_SIZES.map((size) => ({
  light: `icon/on-dark/${size}.png`,
  dark: `icon/${size}.png`,
  size,
}));

export default defineConfig({
  modules: ["@wxt-dev/webextension-polyfill"],
  vite: () => ({
    plugins: [preact()],
  }),
  hooks: {
    // The starter pack's lexicon, compiled here so a fresh install recognises at once (see
    // src/kb/starter-lexicon.ts); every build makes it from the pack it ships, so it never goes stale.
    // (tools/starter-lexicon.ts; run apart because the config cannot resolve the source's imports).
    "build:publicAssets": (wxt, files) => {
      const out = join(wxt.config.wxtDir, "siyaq", "starter-lexicon.bin");
      const compiled = spawnSync("npx", ["tsx", "tools/starter-lexicon.ts", out], {
        cwd: wxt.config.root,
        stdio: "inherit",
      });
      if (compiled.status !== 0) throw new Error("could not compile the starter lexicon");
      files.push({ absoluteSrc: out, relativeDest: STARTER_LEXICON_PATH.slice(1) });
    },
    // After WXT has turned `action` into Firefox MV2's `browser_action` and added the popup.
    "build:manifestGenerated": (wxt, manifest) => {
      for (const key of ["action", "browser_action"] as const) {
        const action = manifest[key] as Record<string, unknown> | undefined;
        if (!action) continue;
        action.default_icon = actionIcons;
        if (wxt.config.browser === "firefox") action.theme_icons = themeIcons;
      }
    },
  },
  manifest: ({ browser }) => ({
    name: "Siyaq — سياق",
    description:
      "Context behind the names in Arabic news: people, organisations, places and dates, with background cards and timelines. Private and offline.",
    permissions: ["storage", "contextMenus", "activeTab", "tabs"],
    // Lookups on Wikidata/Wikipedia are opt-in: asked for when the reader turns them on or clicks
    // "look it up", never at install. MV3 keeps host patterns apart; Firefox's build is MV2.
    ...(browser === "firefox"
      ? { optional_permissions: LOOKUP_ORIGINS }
      : { optional_host_permissions: LOOKUP_ORIGINS }),
    action: { default_title: "Siyaq — سياق" },
    commands: {
      "save-highlight": {
        suggested_key: { default: "Alt+Shift+S" },
        description: "Save the selected passage as a highlight",
      },
      "next-mention": {
        suggested_key: { default: "Alt+Shift+N" },
        description: "Step to the next marked name on the page",
      },
    },
    // Firefox needs a stable id for storage and IndexedDB; Chrome rejects unknown keys noisily.
    ...(browser === "firefox"
      ? {
          browser_specific_settings: {
            gecko: {
              id: "siyaq@siyaq.example",
              strict_min_version: "140.0",
              data_collection_permissions: { required: ["none"] },
            },
            gecko_android: { strict_min_version: "142.0" },
          },
        }
      : {}),
  }),
});
