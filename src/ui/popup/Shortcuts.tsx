// The keyboard shortcuts as the browser has them bound now (the reader may have changed them),
// so the popup tells the truth about Alt+Shift+N and Alt+Shift+S.
import { browser } from "wxt/browser";
import type { Translator } from "@/src/i18n/i18n";
import { useAsync } from "@/src/ui/shared/use-async";
import { NEXT_MENTION_PAGE_KEY } from "@/src/messaging/tab-commands";

/** The commands the popup explains, in this order (names as in wxt.config.ts). */
export const EXPLAINED_COMMANDS = ["next-mention", "save-highlight"] as const;
type Explained = (typeof EXPLAINED_COMMANDS)[number];

export interface Binding {
  name: Explained;
  /** The keys, e.g. `Alt+Shift+N`; empty when the reader removed the binding. */
  shortcut: string;
}

/** Keys the page itself answers when the browser has no binding for the command. */
const PAGE_KEYS: Partial<Record<Explained, string>> = { "next-mention": NEXT_MENTION_PAGE_KEY };

export async function readBindings(): Promise<Binding[]> {
  const commands = await browser.commands.getAll();
  return EXPLAINED_COMMANDS.map((name) => ({
    name,
    shortcut: commands.find((c) => c.name === name)?.shortcut || PAGE_KEYS[name] || "",
  }));
}

/**
 * Chrome's page for changing them; Firefox keeps them in about:addons (gear menu → Manage
 * Extension Shortcuts), which an extension may not open, so no link is offered there.
 */
const CHROME_SHORTCUTS = "chrome://extensions/shortcuts";
const canLinkShortcuts = () => !navigator.userAgent.includes("Firefox");

export function Shortcuts({ t }: { t: Translator }) {
  const bindings = useAsync(readBindings, []);
  if (!bindings.value) return null;
  return (
    <div class="siyaq-shortcuts-box">
      <h2 class="siyaq-visually-hidden" id="siyaq-shortcuts">
        {t("popup.shortcuts")}
      </h2>
      <dl class="siyaq-shortcuts" aria-labelledby="siyaq-shortcuts" data-testid="shortcuts">
        {bindings.value.map(({ name, shortcut }) => (
          <div key={name} style={{ display: "contents" }}>
            <dt>{shortcut ? <kbd>{shortcut}</kbd> : t("popup.shortcutUnset")}</dt>
            <dd data-command={name}>{t(`popup.shortcut.${name}`)}</dd>
          </div>
        ))}
      </dl>
      {canLinkShortcuts() && (
        <a
          href={CHROME_SHORTCUTS}
          onClick={(event) => {
            // Extension pages may not navigate to browser pages; a new tab may.
            event.preventDefault();
            browser.tabs.create({ url: CHROME_SHORTCUTS }).catch(console.error);
          }}
        >
          {t("popup.shortcutsChange")}
        </a>
      )}
    </div>
  );
}
