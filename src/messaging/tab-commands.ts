// What the extension sends to a tab's content script, declared once: the keyboard commands and the
// context-menu item the background forwards to a tab, the popup's "show this highlight", and the
// extension's question about how far restoring highlights got. One module sends them all, so every
// sender gets the same typing and the same "no content script there" handling.
import { browser } from "wxt/browser";
import * as v from "valibot";

/** The command names in wxt.config.ts. */
export const SAVE_HIGHLIGHT_COMMAND = "save-highlight";
export const NEXT_MENTION_COMMAND = "next-mention";
export const SAVE_HIGHLIGHT_MENU_ID = "siyaq-save-highlight";
/**
 * The page's own key for "next mention" (hover.ts listens for it). It works whether or not the
 * browser bound the command: Chromium leaves Alt+Shift+N unbound as an extension command.
 */
export const NEXT_MENTION_PAGE_KEY = "Alt+Shift+N";

export const SAVE_HIGHLIGHT_MESSAGE = { siyaqCommand: "save-highlight" } as const;
export const NEXT_MENTION_MESSAGE = { siyaqCommand: "next-mention" } as const;

/** The popup asks a tab to bring one of its saved highlights into view; the tab answers `ShowHighlightAnswer`. */
export const ShowHighlightMessageSchema = v.object({
  siyaqCommand: v.literal("show-highlight"),
  id: v.pipe(v.string(), v.minLength(1), v.maxLength(500)),
});
export type ShowHighlightMessage = v.InferOutput<typeof ShowHighlightMessageSchema>;
export interface ShowHighlightAnswer {
  /** False when the passage is not on the page as it is now (an orphan, or not anchored yet). */
  shown: boolean;
}

/**
 * Asks a tab how far restoring its saved highlights got (`{ painted, saved }`, or null before it
 * finished). Only the extension can ask: nothing about saved passages is written into the page.
 */
export const HIGHLIGHT_PROGRESS_QUERY = { siyaqQuery: "highlight-progress" } as const;

/** Every command a tab's content script takes from the extension. */
export type TabCommand =
  typeof SAVE_HIGHLIGHT_MESSAGE | typeof NEXT_MENTION_MESSAGE | ShowHighlightMessage;

/** What the keyboard commands of wxt.config.ts ask of the active tab. */
const KEYBOARD_COMMANDS: Readonly<Record<string, TabCommand>> = {
  [SAVE_HIGHLIGHT_COMMAND]: SAVE_HIGHLIGHT_MESSAGE,
  [NEXT_MENTION_COMMAND]: NEXT_MENTION_MESSAGE,
};

/** Sends `command` to tab `tabId` and gives its answer; throws when no content script answers. */
export async function sendToTab(tabId: number, command: TabCommand): Promise<unknown> {
  return browser.tabs.sendMessage(tabId, command);
}

/**
 * Sends `command` to a tab if there is one to send to; a tab without Siyaq's content script (a
 * browser page, a store page) has nothing to do with it, so that is not an error.
 */
export async function tellTab(tabId: number | undefined, command: TabCommand): Promise<void> {
  if (tabId === undefined || tabId < 0) return;
  try {
    await sendToTab(tabId, command);
  } catch {
    // No content script in that tab.
  }
}

/** `tellTab` for the active tab of the current window. */
export async function tellActiveTab(command: TabCommand): Promise<void> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  await tellTab(tab?.id, command);
}

/** Asks tab `tabId` to scroll to highlight `id` and flash it. */
export async function showHighlightInTab(tabId: number, id: string): Promise<ShowHighlightAnswer> {
  const answer = await sendToTab(tabId, { siyaqCommand: "show-highlight", id });
  return { shown: (answer as Partial<ShowHighlightAnswer> | undefined)?.shown === true };
}

/** Background wiring: the keyboard commands and the context-menu item on selections. */
export function registerTabCommands(): void {
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create(
      {
        id: SAVE_HIGHLIGHT_MENU_ID,
        title: "حفظ اقتباس في سياق — Save highlight",
        contexts: ["selection"],
      },
      () => {
        // Re-creating on update reports a duplicate id; the item is there either way.
        void browser.runtime.lastError;
      },
    );
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === SAVE_HIGHLIGHT_MENU_ID) void tellTab(tab?.id, SAVE_HIGHLIGHT_MESSAGE);
  });
  browser.commands.onCommand.addListener(async (command) => {
    const message = Object.hasOwn(KEYBOARD_COMMANDS, command)
      ? KEYBOARD_COMMANDS[command]
      : undefined;
    if (message) await tellActiveTab(message);
  });
}
