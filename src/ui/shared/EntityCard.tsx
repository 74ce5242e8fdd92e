// The background card of one entity: names in both languages, type, description, facts, other
// spellings, its timeline and where the reader met it. The popup shows it whole; the hover card
// can show a short form (`eventLimit`, `compact`).
import type { EntityRecord } from "@/src/kb/db";
import { localized, type Translator } from "@/src/i18n/i18n";
import { Timeline, type TimelineEvent } from "./Timeline";
import { TypeBadge } from "./TypeBadge";
import { webHref } from "@/src/shared/web-address";
import { entityWikipediaHref } from "@/src/kb/entity-links";

export type CardEntity = Pick<
  EntityRecord,
  "id" | "type" | "names" | "aliases" | "description" | "facts" | "links"
>;

export interface ArticleSeen {
  url: string;
  title: string;
  seenAt: number;
}

export interface EntityCardProps {
  entity: CardEntity;
  events: readonly TimelineEvent[];
  t: Translator;
  /** Distinct articles the reader met it in. */
  seenIn?: number;
  articles?: readonly ArticleSeen[];
  eventLimit?: number;
  /** Hides aliases and the article list: the hover card's short form. */
  compact?: boolean;
  onDeleteEvent?: (event: TimelineEvent) => void;
  /** The heading level of the entity's name; its sections take the next one. */
  headingLevel?: 2 | 3;
}

export function EntityCard({
  entity,
  events,
  t,
  seenIn,
  articles = [],
  eventLimit,
  compact = false,
  onDeleteEvent,
  headingLevel = 2,
}: EntityCardProps) {
  const Name = headingLevel === 2 ? "h2" : "h3";
  const Section = headingLevel === 2 ? "h3" : "h4";
  const language = t.language;
  const name = localized(entity.names, language);
  const otherName = language === "ar" ? entity.names.en : entity.names.ar;
  const description = localized(entity.description, language);
  const facts = (entity.facts ?? [])
    .map((fact) => ({
      label: localized(fact.label, language),
      value: localized(fact.value, language),
    }))
    .filter((fact) => fact.label && fact.value);
  const shownNames = new Set([entity.names.ar, entity.names.en].filter(Boolean));
  const aliases = [...new Set(entity.aliases)].filter((alias) => !shownNames.has(alias));
  const wikipedia = entityWikipediaHref(entity, language);
  const timelineId = `siyaq-timeline-${entity.id.replace(/[^\w-]/g, "_")}`;

  return (
    <article
      class="siyaq-card"
      data-testid="entity-card"
      data-entity-id={entity.id}
      aria-labelledby={`${timelineId}-name`}
    >
      <header class="siyaq-card__head">
        {/* Focusable from script only: the popup moves focus here when a card opens. */}
        <Name class="siyaq-card__name" id={`${timelineId}-name`} tabIndex={-1}>
          {name}
        </Name>
        {otherName && otherName !== name && (
          <span class="siyaq-card__other-name" lang={language === "ar" ? "en" : "ar"} dir="auto">
            {otherName}
          </span>
        )}
        <TypeBadge type={entity.type} t={t} />
      </header>
      {description && <p class="siyaq-card__description">{description}</p>}
      {seenIn !== undefined && <p class="siyaq-card__seen">{t.count("card.seenIn", seenIn)}</p>}
      {facts.length > 0 && (
        <section>
          <Section>{t("card.facts")}</Section>
          <dl class="siyaq-card__facts">
            {facts.map((fact, i) => (
              <div key={i} style="display: contents">
                <dt>{fact.label}</dt>
                <dd>{fact.value}</dd>
              </div>
            ))}
          </dl>
        </section>
      )}
      {!compact && aliases.length > 0 && (
        <section>
          <Section>{t("card.aliases")}</Section>
          <ul class="siyaq-card__aliases">
            {aliases.map((alias) => (
              <li key={alias} dir="auto">
                {alias}
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby={timelineId}>
        <Section id={timelineId}>{t("card.timeline")}</Section>
        <Timeline events={events} t={t} limit={eventLimit} onDelete={onDeleteEvent} />
      </section>
      {!compact && articles.length > 0 && (
        <section>
          <Section>{t("card.articles")}</Section>
          <ul class="siyaq-card__articles">
            {articles.map((article) => {
              const href = webHref(article.url);
              return (
                <li key={article.url} dir="auto">
                  {href ? (
                    <a href={href} target="_blank" rel="noopener noreferrer">
                      {article.title || href}
                    </a>
                  ) : (
                    article.title
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      )}
      {!compact && wikipedia && (
        <p>
          <a href={wikipedia} target="_blank" rel="noopener noreferrer">
            {t("card.wikipedia")}
          </a>
        </p>
      )}
    </article>
  );
}
