// The hover card: who or what a marked name is, in a few lines, with its latest events and the
// reader's actions. Everything shown comes from pages and packs, so it is rendered as text only.
import { useEffect, useRef, useState } from "preact/hooks";
import type { EntityRecord, EventRecord } from "@/src/kb/db";
import type { EntityType } from "@/src/nlp/types";
import { LABELS, seenInLabel, TYPE_LABELS } from "./labels";

/** The name under the pointer, as the page shows it. */
export interface CardMention {
  surface: string;
  type: EntityType;
  entityId?: string;
  date?: string;
}

/** What the knowledge base says about the name. */
export type CardDetails =
  | { state: "loading" }
  | { state: "known"; entity: EntityRecord; events: EventRecord[]; seenIn: number }
  | { state: "unknown"; seenIn?: number; elsewhere?: { url: string; title: string }[] }
  | { state: "error"; message: string };

/** The reader's actions; one left out is not offered. Each resolves with a line to show, if any. */
export interface CardActions {
  openInPopup?(): Promise<string | void>;
  saveHighlight?(): Promise<string | void>;
  notAnEntity?(): Promise<string | void>;
  addToKnowledgeBase?(): Promise<string | void>;
  close(): void;
}

export interface HoverCardProps {
  mention: CardMention;
  details: CardDetails;
  actions: CardActions;
  /** Put keyboard focus in the card when it opens (it was reached by keyboard, not by pointer). */
  takeFocus?: boolean;
  /** The article's publication day: the card's events are the latest up to it (see latestEvents). */
  asOf?: string;
}

/** How many events the card lists; the popup has the full timeline. */
export const CARD_EVENTS = 3;
const FACTS = 4;

function wikiLink(entity: EntityRecord): { href: string; label: string } | null {
  const wikipedia = entity.links?.wikipedia;
  const article = wikipedia?.ar ?? wikipedia?.en;
  if (article && /^https:\/\/[a-z-]+\.wikipedia\.org\//.test(article)) return { href: article, label: LABELS.wikipedia };
  const qid = entity.qid ?? (/^Q\d+$/.test(entity.id) ? entity.id : undefined);
  if (qid && /^Q\d+$/.test(qid)) return { href: `https://www.wikidata.org/wiki/${qid}`, label: LABELS.wikidata };
  return null;
}

/**
 * The latest events newest first (ISO dates of any precision compare as strings). On an article
 * with a publication day, the latest up to that day: a 2021 article about Soleimani is read
 * against his killing, not against what happened years after it. Falls back to all events when
 * none is that old.
 */
export function latestEvents(events: readonly EventRecord[], count = CARD_EVENTS, asOf?: string): EventRecord[] {
  const sorted = [...events].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  const upToArticle = asOf ? sorted.filter((event) => event.date <= asOf) : sorted;
  return (upToArticle.length > 0 ? upToArticle : sorted).slice(0, count);
}

function ActionButton({ label, run, onDone }: { label: string; run: () => Promise<string | void>; onDone: (line: string) => void }) {
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      disabled={busy}
      onClick={async () => {
        setBusy(true);
        try {
          const line = await run();
          if (line) onDone(line);
        } catch (error) {
          onDone(`${LABELS.failed} ${error instanceof Error ? error.message : String(error)}`);
        } finally {
          setBusy(false);
        }
      }}
    >
      {label}
    </button>
  );
}

export function HoverCard({ mention, details, actions, takeFocus, asOf }: HoverCardProps) {
  const [notice, setNotice] = useState<string | null>(null);
  const root = useRef<HTMLElement>(null);
  useEffect(() => {
    if (takeFocus) root.current?.focus();
  }, [takeFocus, mention]);
  useEffect(() => setNotice(null), [mention]);

  const entity = details.state === "known" ? details.entity : null;
  const title = entity?.names.ar ?? mention.surface;
  const english = entity?.names.en;
  const description = entity?.description?.ar ?? entity?.description?.en;
  const link = entity ? wikiLink(entity) : null;

  return (
    <article
      ref={root}
      class="card"
      role="dialog"
      aria-label={`${LABELS.card}: ${title}`}
      tabIndex={-1}
      dir="rtl"
      lang="ar"
      onKeyDown={(event) => {
        if (event.key === "Escape") actions.close();
      }}
    >
      <header>
        <h2>
          <span class="name-ar">{title}</span>
          {english && (
            <span class="name-en" lang="en" dir="ltr">
              {english}
            </span>
          )}
        </h2>
        <span class={`type type-${mention.type.toLowerCase()}`}>{TYPE_LABELS[mention.type]}</span>
        <button type="button" class="close" aria-label={LABELS.close} onClick={actions.close}>
          ×
        </button>
      </header>

      {details.state === "loading" && <p class="muted">{LABELS.loading}</p>}
      {details.state === "error" && <p role="alert">{`${LABELS.failed} ${details.message}`}</p>}
      {mention.type === "DATE" && mention.date && (
        <p>
          {LABELS.resolvedDate}: <time dateTime={mention.date}>{mention.date}</time>
        </p>
      )}
      {details.state === "unknown" && mention.type !== "DATE" && <p class="muted">{LABELS.unknown}</p>}

      {entity && (
        <>
          {description && <p class="description">{description}</p>}
          {entity.facts && entity.facts.length > 0 && (
            <dl class="facts" aria-label={LABELS.facts}>
              {entity.facts.slice(0, FACTS).map((fact, i) => (
                <div key={i}>
                  <dt>{fact.label.ar || fact.label.en}</dt>
                  <dd>{fact.value.ar || fact.value.en}{fact.asOf && ` (${LABELS.asOf} ${fact.asOf})`}</dd>
                </div>
              ))}
            </dl>
          )}
          <section aria-label={LABELS.events}>
            <h3>{LABELS.events}</h3>
            {details.state === "known" && details.events.length > 0 ? (
              <ol class="events">
                {latestEvents(details.events, CARD_EVENTS, asOf).map((event) => (
                  <li key={event.id}>
                    <time dateTime={event.date}>{event.date}</time> <span>{event.title.ar || event.title.en}</span>
                  </li>
                ))}
              </ol>
            ) : (
              <p class="muted">{LABELS.noEvents}</p>
            )}
          </section>
        </>
      )}

      {(details.state === "known" || (details.state === "unknown" && details.seenIn !== undefined)) && (
        <p class="seen">{seenInLabel(details.seenIn ?? 0)}</p>
      )}
      {details.state === "unknown" && details.elsewhere && details.elsewhere.length > 0 && (
        <ul class="elsewhere" aria-label={LABELS.elsewhere}>
          {details.elsewhere.filter((page) => /^https?:\/\//.test(page.url)).map((page) => (
            <li key={page.url}>
              <a href={page.url} target="_blank" rel="noopener noreferrer">
                {page.title || page.url}
              </a>
            </li>
          ))}
        </ul>
      )}
      {link && (
        <p>
          <a href={link.href} target="_blank" rel="noopener noreferrer">
            {link.label}
          </a>
        </p>
      )}

      <footer>
        {actions.openInPopup && entity && <ActionButton label={LABELS.openInPopup} run={actions.openInPopup} onDone={setNotice} />}
        {actions.saveHighlight && <ActionButton label={LABELS.saveHighlight} run={actions.saveHighlight} onDone={setNotice} />}
        {actions.addToKnowledgeBase && details.state === "unknown" && (
          <ActionButton label={LABELS.addToKnowledgeBase} run={actions.addToKnowledgeBase} onDone={setNotice} />
        )}
        {actions.notAnEntity && <ActionButton label={LABELS.notAnEntity} run={actions.notAnEntity} onDone={setNotice} />}
      </footer>
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
    </article>
  );
}
