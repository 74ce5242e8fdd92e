// The passages the reader saved from the described page; a click scrolls the tab to one and
// flashes it (the content script answers whether the passage is still on the page).
import { useState } from "preact/hooks";
import { sendMessage } from "@/src/messaging/client";
import type { Highlight } from "@/src/contracts/highlight";
import { showHighlightInTab } from "@/src/messaging/tab-commands";
import { pageAddress } from "@/src/dom/page-meta";
import type { Translator } from "@/src/i18n/i18n";
import { useAsync } from "@/src/ui/shared/use-async";

/** The addresses a page's highlights are stored under: the tab's, and the one its content script reported. */
export function highlightAddresses(...urls: (string | undefined)[]): string[] {
  const addresses = new Set<string>();
  for (const url of urls) {
    if (!url || !/^https?:\/\//i.test(url)) continue;
    try {
      addresses.add(pageAddress(url));
    } catch {
      // Not a URL: nothing saved under it.
    }
  }
  return [...addresses];
}

export interface PageHighlightsProps {
  tabId: number;
  urls: readonly string[];
  t: Translator;
}

export function PageHighlights({ tabId, urls, t }: PageHighlightsProps) {
  const listed = useAsync<Highlight[]>(
    async () =>
      urls.length ? (await sendMessage("highlights.forUrl", { urls: [...urls] })).highlights : [],
    [urls.join(" ")],
  );
  const [missing, setMissing] = useState<ReadonlySet<string>>(new Set());
  const highlights = listed.value ?? [];
  if (highlights.length === 0) return null;

  const jump = async (id: string) => {
    let shown = false;
    try {
      shown = (await showHighlightInTab(tabId, id)).shown;
    } catch {
      // No content script in the tab (Siyaq switched off there, or the tab is still loading).
    }
    setMissing((before) => {
      const next = new Set(before);
      if (shown) next.delete(id);
      else next.add(id);
      return next;
    });
  };

  return (
    <section
      class="siyaq-highlights"
      aria-labelledby="siyaq-page-highlights"
      data-testid="page-highlights"
    >
      <h2 id="siyaq-page-highlights">{t("popup.highlights")}</h2>
      <p class="siyaq-page__summary">{t.count("popup.highlightsCount", highlights.length)}</p>
      <ul class="siyaq-highlights__list">
        {highlights.map((highlight) => {
          const quote = highlight.target.selector[0].exact;
          const missingId = `siyaq-highlight-missing-${highlight.id}`;
          return (
            <li key={highlight.id}>
              <button
                type="button"
                class="siyaq-highlight"
                data-testid="page-highlight"
                data-highlight-id={highlight.id}
                title={t("popup.highlightJump")}
                aria-describedby={missing.has(highlight.id) ? missingId : undefined}
                onClick={() => void jump(highlight.id)}
              >
                <span class="siyaq-highlight__quote">
                  <bdi>{quote}</bdi>
                </span>
                {highlight.note && (
                  <span class="siyaq-highlight__note">
                    {t("popup.highlightNote")} <bdi>{highlight.note}</bdi>
                  </span>
                )}
              </button>
              {missing.has(highlight.id) && (
                <p id={missingId} class="siyaq-highlight__missing" role="status">
                  {t("popup.highlightNotFound")}
                </p>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
