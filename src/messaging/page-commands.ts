// How "next mention" reaches a tab: the background turns the Alt+Shift+N command into this
// message to the active tab's content script, which opens the next name's card.
import { browser } from "wxt/browser";

export const NEXT_MENTION_MESSAGE = { siyaqCommand: "next-mention" } as const;
/**
 * The page's own key for the same step (hover.ts listens for it). It works whether or not the
 * browser bound the command: Chromium leaves Alt+Shift+N unbound as an extension command.
 */
export const NEXT_MENTION_PAGE_KEY = "Alt+Shift+N";
/** The command name in wxt.config.ts. */
export const NEXT_MENTION_COMMAND = "next-mention";

/** Background wiring: forwards the keyboard command to the active tab. */
export function registerPageCommands(): void {
  browser.commands.onCommand.addListener(async (command) => {
    if (command !== NEXT_MENTION_COMMAND) return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id === undefined || tab.id < 0) return;
    try {
      await browser.tabs.sendMessage(tab.id, NEXT_MENTION_MESSAGE);
    } catch {
      // No content script in that tab (a browser page, a store page): no names to step through.
    }
  });
}
