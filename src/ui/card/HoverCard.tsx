// The hover card: who or what a marked name is, in a few lines, with its latest events and the
// reader's actions. Everything shown comes from pages and packs, so it is rendered as text only.
import { useEffect, useRef, useState } from "preact/hooks";
import type { EntityRecord, EventRecord } from "@/src/kb/db";
import type { LookupOutcome } from "@/src/contracts/lookup";
import type { HoverCardProps } from "@/src/content/view";
import { directionOf, type Translator } from "@/src/i18n/i18n";
import { webSearchHref } from "@/src/ui/shared/safe-url";
import { cardTranslator } from "@/src/i18n/card-labels";
import { errorText } from "@/src/shared/error-text";
import { entityLink, wikidataHref } from "@/src/kb/entity-links";
import type { LearnedView } from "@/src/messaging/messages/kb";

/** How many events the card lists; the popup has the full timeline. */
export const CARD_EVENTS = 3;
const FACTS = 4;

function wikiLink(entity: EntityRecord, t: Translator): { href: string; label: string } | null {
  const link = entityLink(entity, t.language);
  if (!link) return null;
  return {
    href: link.href,
    label: link.kind === "wikipedia" ? t("card.wikipedia") : t("hover.wikidata"),
  };
}

/** An event on the card, placed against the article's date when there is one. */
export interface PlacedEvent {
  event: EventRecord;
  when?: "before" | "after";
}

/**
 * The card's events, newest first, centred on the article's day `asOf`: the `count` latest up to
 * it, each marked "before this article", and the nearest one after it, marked "after" (more after
 * it when fewer came before). A 2013 article about Soleimani is read against what was known then,
 * with a glimpse of what came next. With no date, the `count` latest as of today. ISO dates of any
 * precision compare as strings: `2021` and `2021-12` count as up to `2021-12-10`.
 */
export function eventsAround(
  events: readonly EventRecord[],
  asOf?: string,
  count = CARD_EVENTS,
): PlacedEvent[] {
  const newest = [...events].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  if (!asOf) return newest.slice(0, count).map((event) => ({ event }));
  const before = newest.filter((event) => event.date <= asOf).slice(0, count);
  const after = newest.filter((event) => event.date > asOf).reverse(); // nearest first
  const afterCount = Math.min(after.length, Math.max(1, count - before.length));
  return [
    ...after
      .slice(0, afterCount)
      .reverse()
      .map((event) => ({ event, when: "after" as const })),
    ...before.map((event) => ({ event, when: "before" as const })),
  ];
}

function ActionButton({
  label,
  run,
  onDone,
  t,
}: {
  label: string;
  run: () => Promise<string | void>;
  onDone: (line: string) => void;
  t: Translator;
}) {
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
          onDone(t("hover.failed", { message: errorText(error) }));
        } finally {
          setBusy(false);
        }
      }}
    >
      {label}
    </button>
  );
}

type LookupState = { status: "idle" } | { status: "busy" } | LookupOutcome;

function span(start?: string, end?: string): string {
  return start || end ? ` (${start ?? "…"} – ${end ?? ""})` : "";
}

/** What a lookup found, or why it found nothing. All of it is rendered as text. */
function LookupResult({
  outcome,
  keep,
  onDone,
  t,
}: {
  outcome: LookupState;
  keep?: (qid: string) => Promise<string | void>;
  onDone: (line: string) => void;
  t: Translator;
}) {
  if (outcome.status === "idle") return null;
  if (outcome.status === "busy") return <p class="muted">{t("hover.lookingUp")}</p>;
  if (outcome.status === "unavailable")
    return (
      <p class="lookup-unavailable" role="status">
        {t("hover.lookupUnavailable")}
      </p>
    );
  if (outcome.status === "needs-permission")
    return <p role="status">{t("hover.lookupNeedsPermission")}</p>;
  if (outcome.status === "not-found")
    return (
      <p class="muted" role="status">
        {t("hover.lookupNotFound")}
      </p>
    );
  const { entity } = outcome;
  const description = entity.description.ar ?? entity.description.en;
  return (
    <section class="lookup" aria-label={t("hover.lookupFrom")}>
      <h3>
        {t("hover.lookupFrom")}: {entity.label.ar ?? entity.label.en}
        {entity.label.en && entity.label.ar && (
          <span class="name-en" lang="en" dir="ltr">
            {" "}
            {entity.label.en}
          </span>
        )}
      </h3>
      {!entity.typeMatched && <p class="muted">{t("hover.lookupGuess")}</p>}
      {description && <p class="description">{description}</p>}
      <dl class="facts">
        {entity.born && (
          <div>
            <dt>{t("hover.born")}</dt>
            <dd>
              <time dateTime={entity.born}>{entity.born}</time>
            </dd>
          </div>
        )}
        {entity.died && (
          <div>
            <dt>{t("hover.died")}</dt>
            <dd>
              <time dateTime={entity.died}>{entity.died}</time>
            </dd>
          </div>
        )}
        {entity.positions.length > 0 && (
          <div>
            <dt>{t("hover.positions")}</dt>
            {entity.positions.slice(0, 3).map((p) => (
              <dd key={p.qid + (p.start ?? "")}>
                {(p.label.ar ?? p.label.en ?? p.qid) + span(p.start, p.end)}
              </dd>
            ))}
          </div>
        )}
      </dl>
      {entity.extract && <p class="extract">{entity.extract}</p>}
      {wikidataHref(entity.qid) && (
        <p>
          <a href={wikidataHref(entity.qid)} target="_blank" rel="noopener noreferrer">
            {t("hover.wikidata")}
          </a>
        </p>
      )}
      {keep && (
        <ActionButton t={t} label={t("hover.keep")} run={() => keep(entity.qid)} onDone={onDone} />
      )}
    </section>
  );
}

/** Articles with a link each (http(s) only), their title and publication day. */
export function LearnedArticles({
  articles,
  label,
}: {
  articles: readonly { url: string; title: string; publishedAt?: string }[];
  label: string;
}) {
  const shown = articles.filter((article) => /^https?:\/\//i.test(article.url));
  if (shown.length === 0) return null;
  return (
    <ul class="elsewhere" aria-label={label}>
      {shown.map((article) => (
        <li key={article.url}>
          <a href={article.url} target="_blank" rel="noopener noreferrer">
            {article.title || article.url}
          </a>
          {article.publishedAt && (
            <>
              {" "}
              <time dateTime={article.publishedAt}>{article.publishedAt}</time>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

/** "Learned from your reading": how often, where, and with which known names. */
function LearnedSection({ learned, t }: { learned: LearnedView; t: Translator }) {
  const other = t.language === "ar" ? "en" : "ar";
  return (
    <section class="learned" aria-label={t.count("learned.seenIn", learned.seenIn)}>
      <p class="seen learned-from">{t.count("learned.seenIn", learned.seenIn)}</p>
      <LearnedArticles articles={learned.articles.slice(0, 3)} label={t("learned.articles")} />
      {learned.coMentions.length > 0 && (
        <p class="co-mentions">
          {t("learned.mentionedWith")}:{" "}
          {learned.coMentions
            .slice(0, 5)
            .map(
              ({ entity, count }) =>
                `${entity.names[t.language] ?? entity.names[other] ?? entity.id} (${count})`,
            )
            .join(t("listSeparator"))}
        </p>
      )}
    </section>
  );
}

export function HoverCard({
  mention,
  details,
  actions,
  takeFocus,
  asOf,
  host,
  t = cardTranslator(),
}: HoverCardProps) {
  const [notice, setNotice] = useState<string | null>(null);
  const root = useRef<HTMLElement>(null);
  useEffect(() => {
    if (takeFocus) root.current?.focus();
  }, [takeFocus, mention]);
  useEffect(() => setNotice(null), [mention]);
  const [lookup, setLookup] = useState<LookupState>({ status: "idle" });
  const canLookUp = details.state === "unknown" && actions.lookUp !== undefined;
  const runLookup = async () => {
    if (!actions.lookUp) return;
    setLookup({ status: "busy" });
    try {
      setLookup(await actions.lookUp());
    } catch (error) {
      setLookup({
        status: "unavailable",
        reason: errorText(error),
      });
    }
  };
  useEffect(() => {
    setLookup({ status: "idle" });
    if (canLookUp && actions.lookUpAtOnce) void runLookup();
  }, [mention, canLookUp]);

  const language = t.language;
  const other = language === "ar" ? "en" : "ar";
  const entity = details.state === "known" ? details.entity : null;
  // The name as Arabic writes it first (the page is Arabic), the other language's below it.
  const title = entity?.names.ar ?? mention.surface;
  const english = entity?.names.en;
  const description = entity
    ? (entity.description?.[language] ?? entity.description?.[other])
    : undefined;
  const link = entity ? wikiLink(entity, t) : null;
  const unknownName = details.state === "unknown" && mention.type !== "DATE";
  const placed = details.state === "known" ? eventsAround(details.events, asOf) : [];
  const learned = details.state === "unknown" ? details.learned : undefined;

  return (
    <article
      ref={root}
      class="card"
      role="dialog"
      aria-label={t("hover.card", { name: title })}
      tabIndex={-1}
      dir={directionOf(language)}
      lang={language}
      onKeyDown={(event) => {
        if (event.key === "Escape") actions.close();
      }}
    >
      <header>
        <h2>
          <span class="name-ar" lang="ar" dir="rtl">
            {title}
          </span>
          {english && (
            <span class="name-en" lang="en" dir="ltr">
              {english}
            </span>
          )}
        </h2>
        <span class={`type type-${mention.type.toLowerCase()}`}>{t(`badge.${mention.type}`)}</span>
        <button
          type="button"
          class="close"
          aria-label={t("close")}
          title={t("close")}
          onClick={actions.close}
        >
          ×
        </button>
      </header>

      {details.state === "loading" && <p class="muted">{t("loading")}</p>}
      {details.state === "error" && (
        <p role="alert">{t("hover.failed", { message: details.message })}</p>
      )}
      {mention.type === "DATE" && mention.date && (
        <p>
          {t("hover.resolvedDate")}: <time dateTime={mention.date}>{mention.date}</time>
        </p>
      )}
      {unknownName && <p class="muted">{t("hover.unknown")}</p>}

      {entity && (
        <>
          {description && <p class="description">{description}</p>}
          {entity.facts && entity.facts.length > 0 && (
            <dl class="facts" aria-label={t("card.facts")}>
              {entity.facts.slice(0, FACTS).map((fact, i) => (
                <div key={i}>
                  <dt>{fact.label[language] || fact.label[other]}</dt>
                  <dd>
                    {fact.value[language] || fact.value[other]}
                    {fact.asOf && ` (${t("hover.asOf")} ${fact.asOf})`}
                  </dd>
                </div>
              ))}
            </dl>
          )}
          <section aria-labelledby="siyaq-card-events">
            <h3 id="siyaq-card-events">{asOf ? t("hover.eventsAround") : t("hover.events")}</h3>
            {asOf && (
              <p class="article-date">
                {t("hover.articleDate")}: <time dateTime={asOf}>{asOf}</time>
              </p>
            )}
            {placed.length > 0 ? (
              <ol class="events">
                {placed.map(({ event, when }) => (
                  <li key={event.id} data-when={when}>
                    <time dateTime={event.date}>{event.date}</time>{" "}
                    <span>{event.title[language] || event.title[other]}</span>
                    {when && (
                      <span class={`when when-${when}`}>
                        {t(when === "after" ? "hover.afterArticle" : "hover.beforeArticle")}
                      </span>
                    )}
                  </li>
                ))}
              </ol>
            ) : (
              <p class="muted">{t("card.noEvents")}</p>
            )}
          </section>
        </>
      )}

      {learned && <LearnedSection learned={learned} t={t} />}
      {(details.state === "known" ||
        (details.state === "unknown" && !learned && details.seenIn !== undefined)) && (
        <p class="seen">{t.count("card.seenIn", details.seenIn ?? 0)}</p>
      )}
      {details.state === "unknown" &&
        !learned &&
        details.elsewhere &&
        details.elsewhere.length > 0 && (
          <ul class="elsewhere" aria-label={t("hover.elsewhere")}>
            {details.elsewhere
              .filter((page) => /^https?:\/\//.test(page.url))
              .map((page) => (
                <li key={page.url}>
                  <a href={page.url} target="_blank" rel="noopener noreferrer">
                    {page.title || page.url}
                  </a>
                </li>
              ))}
          </ul>
        )}
      {canLookUp && (
        <div class="lookup-offer">
          {lookup.status === "idle" && (
            <button type="button" onClick={() => void runLookup()}>
              {t("hover.lookUp")}
            </button>
          )}
          {/* Said before and after: what a lookup sends. */}
          <p class="muted">{t("hover.lookUpSends")}</p>
        </div>
      )}
      {canLookUp && (
        <LookupResult outcome={lookup} keep={actions.keepFound} onDone={setNotice} t={t} />
      )}
      {link && (
        <p>
          <a href={link.href} target="_blank" rel="noopener noreferrer">
            {link.label}
          </a>
        </p>
      )}
      {unknownName && (
        <p>
          <a
            class="web-search"
            href={webSearchHref(mention.surface)}
            target="_blank"
            rel="noopener noreferrer"
            title={t("hover.searchWebTitle")}
          >
            {t("hover.searchWeb")}
          </a>
        </p>
      )}

      <footer>
        {actions.openInPopup && entity && (
          <ActionButton
            t={t}
            label={t("hover.openInPopup")}
            run={actions.openInPopup}
            onDone={setNotice}
          />
        )}
        {actions.saveHighlight && (
          <ActionButton
            t={t}
            label={t("hover.saveSentence")}
            run={actions.saveHighlight}
            onDone={setNotice}
          />
        )}
        {actions.addToKnowledgeBase && details.state === "unknown" && (
          <ActionButton
            t={t}
            label={t("hover.addToKnowledgeBase")}
            run={actions.addToKnowledgeBase}
            onDone={setNotice}
          />
        )}
        {actions.notAnEntity && (
          <ActionButton
            t={t}
            label={t("hover.notAnEntity")}
            run={actions.notAnEntity}
            onDone={setNotice}
          />
        )}
        {actions.turnOffSite && host && (
          <ActionButton
            t={t}
            label={t("hover.siteOff", { host })}
            run={actions.turnOffSite}
            onDone={setNotice}
          />
        )}
      </footer>
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      <p class="keys">{t("hover.keys")}</p>
    </article>
  );
}
