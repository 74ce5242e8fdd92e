// The content script's half of "related events grow as the user reads": after a stretch of page
// text is recognised, its dated sentences go to the knowledge base as page events, with the
// article's citation metadata as their source.
import { sendMessage } from "@/src/messaging/client";
import type { Mention } from "@/src/nlp/types";
import { MAX_PAGE_EVENTS } from "@/src/messaging/messages/kb";
import { extractPageEvents } from "@/src/events/extract";
import { readPageMeta, type PageMeta } from "@/src/dom/page-meta";

export interface PageEventReporter {
  /** Sends the events of one recognised stretch of text; resolves to how many the KB added. */
  report(text: string, mentions: readonly Mention[]): Promise<number>;
}

type Send = (
  payload: Parameters<typeof sendMessage<"events.addFromPage">>[1],
) => Promise<{ added: number }>;

/**
 * A reporter for one page. Metadata is read once, on the first report; the same sentence sent
 * twice (a re-scan after the page re-rendered) is not sent again.
 */
export function pageEventReporter(
  doc: Document,
  send: Send = (payload) => sendMessage("events.addFromPage", payload),
): PageEventReporter {
  let meta: PageMeta | undefined;
  const sent = new Set<string>();
  return {
    async report(text, mentions) {
      const fresh = extractPageEvents(text, mentions).filter((event) => {
        const key = `${event.date}\u0000${event.text}`;
        if (sent.has(key)) return false;
        sent.add(key);
        return true;
      });
      if (fresh.length === 0) return 0;
      meta ??= readPageMeta(doc);
      let added = 0;
      for (let i = 0; i < fresh.length; i += MAX_PAGE_EVENTS) {
        const batch = fresh.slice(i, i + MAX_PAGE_EVENTS);
        try {
          const answer = await send({
            url: meta.url,
            title: meta.title.slice(0, 2000),
            ...(meta.publishedAt ? { publishedAt: meta.publishedAt.slice(0, 64) } : {}),
            events: batch,
          });
          added += answer.added;
        } catch (error) {
          // Not stored: a later scan of the same text may try again.
          for (const event of fresh.slice(i)) sent.delete(`${event.date}\u0000${event.text}`);
          throw error;
        }
      }
      return added;
    },
  };
}
