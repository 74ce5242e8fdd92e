import { browser } from "wxt/browser";
import { dispatch } from "@/src/messaging/server";
import { createHandlers } from "@/src/background/handlers";

export default defineBackground(() => {
  const handlers = createHandlers(browser.runtime.getManifest().version);
  browser.runtime.onMessage.addListener((message, sender) =>
    dispatch(handlers, message, { id: sender.id, url: sender.url, tabId: sender.tab?.id }, {
      extensionId: browser.runtime.id,
    }),
  );
});
