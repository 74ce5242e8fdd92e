import { browser } from "wxt/browser";
import { dispatch } from "@/src/messaging/server";
import { createHandlers } from "@/src/background/handlers";
import { getRecognizer } from "@/src/background/recognizer-service";
import { installBundledStarterPack } from "@/src/kb/starter";
import { registerTabCommands } from "@/src/messaging/tab-commands";
import { withDatabase } from "@/src/kb/db";
import { moveLegacySightings } from "@/src/kb/sightings";

export default defineBackground(() => {
  // Compile the recognizer so the first page is fast. On install it fills the empty database with
  // the starter pack itself, recognising from the pack file meanwhile; an update installs a newer
  // bundled pack over the old one, which keeps answering until then.
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === "install") void getRecognizer();
    if (reason === "update") void installBundledStarterPack().then(() => getRecognizer());
    // Versions before the sightings table kept them in storage.local, out of reach of wipe and export.
    if (reason === "update") {
      void withDatabase((db) => moveLegacySightings(db, browser.storage.local)).catch(
        (error: unknown) => console.warn("[siyaq] sightings not moved into the database:", error),
      );
    }
  });
  registerTabCommands();
  const handlers = createHandlers(browser.runtime.getManifest().version);
  browser.runtime.onMessage.addListener((message, sender) =>
    dispatch(
      handlers,
      message,
      {
        id: sender.id,
        url: sender.url,
        tabId: sender.tab?.id,
        frameId: sender.frameId,
        tabUrl: sender.tab?.url,
        origin: (sender as { origin?: string }).origin,
      },
      {
        extensionId: browser.runtime.id,
        extensionOrigin: browser.runtime.getURL("/"),
      },
    ),
  );
});
