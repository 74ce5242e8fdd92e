// Which tab the popup describes: the one named by `?tab=<id>` when the popup page is opened in a
// tab of its own (tests, "open in a tab"), otherwise the active tab of the current window.
import { browser } from "wxt/browser";
import { normalizeHost } from "@/src/settings/settings";

export interface DescribedTab {
  id: number;
  url?: string;
  title?: string;
  /** The site's host, when the tab shows a web page Siyaq can run on. */
  host?: string;
}

export function tabIdFromQuery(search: string): number | undefined {
  const raw = new URLSearchParams(search).get("tab");
  if (raw === null || !/^\d+$/.test(raw)) return undefined;
  return Number(raw);
}

function hostOf(url: string | undefined): string | undefined {
  if (!url || !/^https?:\/\//i.test(url)) return undefined;
  return normalizeHost(url) || undefined;
}

export async function describedTab(search: string): Promise<DescribedTab | undefined> {
  const requested = tabIdFromQuery(search);
  const tab =
    requested !== undefined
      ? await browser.tabs.get(requested).catch(() => undefined)
      : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
  if (tab?.id === undefined) return undefined;
  return { id: tab.id, url: tab.url, title: tab.title, host: hostOf(tab.url) };
}
