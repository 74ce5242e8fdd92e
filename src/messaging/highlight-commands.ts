// How "save highlight" reaches a tab: the background turns the context-menu item and the
// Alt+Shift+S command into this message to the active tab's content script.
import { browser } from "wxt/browser";
import * as v from "valibot";

export const SAVE_HIGHLIGHT_MESSAGE = { siyaqCommand: "save-highlight" } as const;
/**
 * Asks a tab how far restoring its saved highlights got (`{ painted, saved }`, or null before it
 * finished). Only the extension can ask: nothing about saved passages is written into the page.
 */
export const HIGHLIGHT_PROGRESS_QUERY = { siyaqQuery: "highlight-progress" } as const;
export const SAVE_HIGHLIGHT_MENU_ID = "siyaq-save-highlight";
/** The command name in wxt.config.ts. */
export const SAVE_HIGHLIGHT_COMMAND = "save-highlight";

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

/** Asks tab `tabId` to scroll to highlight `id` and flash it. */
export async function showHighlightInTab(tabId: number, id: string): Promise<ShowHighlightAnswer> {
  const message: ShowHighlightMessage = { siyaqCommand: "show-highlight", id };
  const answer: unknown = await browser.tabs.sendMessage(tabId, message);
  return { shown: (answer as Partial<ShowHighlightAnswer> | undefined)?.shown === true };
}

async function askTab(tabId: number | undefined): Promise<void> {
  if (tabId === undefined || tabId < 0) return;
  try {
    await browser.tabs.sendMessage(tabId, SAVE_HIGHLIGHT_MESSAGE);
  } catch {
    // No content script in that tab (a browser page, a store page): nothing to save from.
  }
}

/** Background wiring: the context menu item on selections and the keyboard command. */
export function registerHighlightCommands(): void {
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
    if (info.menuItemId === SAVE_HIGHLIGHT_MENU_ID) void askTab(tab?.id);
  });
  browser.commands.onCommand.addListener(async (command) => {
    if (command !== SAVE_HIGHLIGHT_COMMAND) return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    await askTab(tab?.id);
  });
}
