// The one module that sends commands to tabs: the keyboard commands go to the active tab, the
// context-menu item to the tab it was clicked in, and a tab without Siyaq is no error.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import {
  NEXT_MENTION_MESSAGE,
  SAVE_HIGHLIGHT_MENU_ID,
  SAVE_HIGHLIGHT_MESSAGE,
  registerTabCommands,
  showHighlightInTab,
} from "@/src/messaging/tab-commands";

type Listener = (...args: never[]) => unknown;

let onCommand: Listener;
let onMenuClick: Listener;
let sent: { tab: number; message: unknown }[];
let activeTab: number | undefined;
let tabsWithSiyaq: Set<number>;

beforeEach(() => {
  fakeBrowser.reset();
  sent = [];
  activeTab = 7;
  tabsWithSiyaq = new Set([7, 9]);
  // The fake browser has no commands or context-menu events: catch what the module registers.
  vi.spyOn(fakeBrowser.commands.onCommand, "addListener").mockImplementation((listener) => {
    onCommand = listener as Listener;
  });
  vi.spyOn(fakeBrowser.contextMenus.onClicked, "addListener").mockImplementation((listener) => {
    onMenuClick = listener as Listener;
  });
  vi.spyOn(fakeBrowser.tabs, "query").mockImplementation(async () =>
    activeTab === undefined ? [] : [{ id: activeTab } as never],
  );
  vi.spyOn(fakeBrowser.tabs, "sendMessage").mockImplementation(
    async (tab: number, message: unknown) => {
      if (!tabsWithSiyaq.has(tab)) throw new Error("Could not establish connection.");
      sent.push({ tab, message });
      return { shown: true };
    },
  );
  registerTabCommands();
});

afterEach(() => vi.restoreAllMocks());

const command = (name: string) => (onCommand as (name: string) => Promise<void>)(name);

describe("tab commands", () => {
  it("forwards each keyboard command to the active tab", async () => {
    await command("next-mention");
    await command("save-highlight");
    expect(sent).toEqual([
      { tab: 7, message: NEXT_MENTION_MESSAGE },
      { tab: 7, message: SAVE_HIGHLIGHT_MESSAGE },
    ]);
  });

  it("sends nothing for a command it does not know, nor for an inherited name", async () => {
    await command("toString");
    await command("__proto__");
    await command("open-everything");
    expect(sent).toEqual([]);
  });

  it("takes a tab without Siyaq, or no tab at all, quietly", async () => {
    activeTab = 3;
    await expect(command("save-highlight")).resolves.toBeUndefined();
    activeTab = undefined;
    await expect(command("next-mention")).resolves.toBeUndefined();
    expect(sent).toEqual([]);
  });

  it("sends the context menu's save to the tab it was clicked in", async () => {
    (onMenuClick as (info: unknown, tab: unknown) => void)(
      { menuItemId: SAVE_HIGHLIGHT_MENU_ID },
      { id: 9 },
    );
    (onMenuClick as (info: unknown, tab: unknown) => void)({ menuItemId: "other" }, { id: 9 });
    await vi.waitFor(() => expect(sent).toEqual([{ tab: 9, message: SAVE_HIGHLIGHT_MESSAGE }]));
  });

  it("asks a tab to show a highlight and reads its answer; a tab without Siyaq is an error there", async () => {
    await expect(showHighlightInTab(7, "h1")).resolves.toEqual({ shown: true });
    expect(sent).toEqual([{ tab: 7, message: { siyaqCommand: "show-highlight", id: "h1" } }]);
    await expect(showHighlightInTab(3, "h1")).rejects.toThrow(/connection/);
  });
});
