// The toolbar popup: what Siyaq found on the current tab and what the knowledge base holds.
import { useEffect, useState } from "preact/hooks";
import { browser } from "wxt/browser";
import { sendMessage } from "@/src/messaging/client";
import type { ResponseOf } from "@/src/messaging/protocol";

type Stats = ResponseOf<"db.stats">;
type PageStatus = ResponseOf<"page.status">;

export function Popup() {
  const [stats, setStats] = useState<Stats | null>(null);
  const [page, setPage] = useState<PageStatus>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    (async () => {
      setStats(await sendMessage("db.stats", {}));
      const tabId = await describedTabId();
      if (tabId !== undefined) setPage(await sendMessage("page.status", { tabId }));
    })().catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, []);

  return (
    <main class="siyaq-popup">
      <h1>سياق</h1>
      {error && <p role="alert">{error}</p>}
      <section aria-label="هذه الصفحة">
        {page ? (
          <p data-testid="page-mentions">
            {page.mentionCount} إشارة في هذه الصفحة
          </p>
        ) : (
          <p>لم يعمل سياق في هذه الصفحة.</p>
        )}
      </section>
      {stats && (
        <section aria-label="قاعدة المعرفة" data-testid="db-stats">
          <p>
            {stats.entities} كيان · {stats.events} حدث · {stats.highlights} اقتباس
          </p>
        </section>
      )}
    </main>
  );
}

/** The tab the popup describes: the active one, or `?tab=ID` when the popup is opened as a page (tests). */
async function describedTabId(): Promise<number | undefined> {
  const fromQuery = Number(new URLSearchParams(location.search).get("tab"));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}
