import { defineConfig } from "wxt";
import preact from "@preact/preset-vite";

// Chrome MV3 and Firefox builds from one config. The polyfill module puts webextension-polyfill
// behind `wxt/browser` so every context gets the same promise-based API.
export default defineConfig({
  modules: ["@wxt-dev/webextension-polyfill"],
  vite: () => ({
    plugins: [preact()],
  }),
  manifest: ({ browser }) => ({
    name: "Siyaq — سياق",
    description: "Context behind the names in Arabic news: people, organisations, places and dates, with background cards and timelines. Private and offline.",
    permissions: ["storage", "contextMenus", "activeTab", "tabs"],
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
