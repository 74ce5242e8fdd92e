// An entity's events, newest first, each with where it came from: a knowledge pack, an article the
// reader read (linked), or the reader. Events from reading or from the reader can be deleted.
import type { EventRecord } from "@/src/kb/db";
import { localized, type Translator } from "@/src/i18n/i18n";
import { webHref } from "@/src/shared/web-address";

export type TimelineEvent = Pick<EventRecord, "id" | "date" | "title" | "origin" | "source"> & {
  /** Sources of near-duplicates the knowledge base folded into this event. */
  alsoIn?: readonly { url?: string; title?: string; pack?: string }[];
};

export interface TimelineProps {
  events: readonly TimelineEvent[];
  t: Translator;
  /** Show only the newest `limit` events (the hover card shows three). */
  limit?: number;
  /** When given, page and user events get a delete button. */
  onDelete?: (event: TimelineEvent) => void;
}

/** Newest first; an ISO date sorts as text, and `2014` (the year) sorts before `2014-06` within it. */
export function newestFirst<T extends { date: string }>(events: readonly T[]): T[] {
  return [...events].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
}

export function Timeline({ events, t, limit, onDelete }: TimelineProps) {
  const shown = newestFirst(events).slice(0, limit ?? events.length);
  if (shown.length === 0) return <p class="siyaq-empty">{t("card.noEvents")}</p>;
  return (
    <ol class="siyaq-timeline" data-testid="timeline">
      {shown.map((event) => {
        const date = t.date(event.date);
        const link = event.origin === "page" ? webHref(event.source?.url) : undefined;
        return (
          <li
            key={event.id}
            class="siyaq-timeline__event"
            data-origin={event.origin}
            data-date={event.date}
          >
            <time class="siyaq-timeline__date" dateTime={event.date}>
              {date}
            </time>
            <p class="siyaq-timeline__title">{localized(event.title, t.language)}</p>
            <div class="siyaq-timeline__meta">
              <span>{t(`origin.${event.origin}`)}</span>
              {link && (
                <a href={link} target="_blank" rel="noopener noreferrer">
                  {t("event.source", { title: event.source?.title || new URL(link).hostname })}
                </a>
              )}
              {event.alsoIn && event.alsoIn.length > 0 && (
                <span>{t.count("event.alsoIn", event.alsoIn.length)}</span>
              )}
              {onDelete && event.origin !== "pack" && (
                <button
                  type="button"
                  class="siyaq-timeline__delete"
                  aria-label={t("event.deleteNamed", { date })}
                  onClick={() => onDelete(event)}
                >
                  {t("remove")}
                </button>
              )}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
