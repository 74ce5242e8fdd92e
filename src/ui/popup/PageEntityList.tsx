// The names of the described page, grouped by type and ordered by salience, each as the page
// writes it. Linked names open their card; unlinked ones (not in the knowledge base, or dates) are
// listed without a link.
import type { EntitySummary, LearnedSummary } from "@/src/messaging/messages/kb";
import type { Translator } from "@/src/i18n/i18n";
import type { EntityGroup, RankedEntity } from "./salience";

export interface PageEntityListProps {
  groups: readonly EntityGroup[];
  summaries: ReadonlyMap<string, EntitySummary>;
  /** The page's unlinked names learned from reading, by surface. */
  learned?: ReadonlyMap<string, LearnedSummary>;
  t: Translator;
  onOpen: (entityId: string) => void;
  onOpenLearned?: (surface: string) => void;
}

const ARABIC_LETTER = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;

/**
 * A name as the page writes it, first; the knowledge base's name in the other language second
 * (an Arabic page's سليماني gets "Qasem Soleimani" under it, in any UI language).
 */
export function entityLines(
  entity: RankedEntity,
  summary: EntitySummary | undefined,
): { primary: string; secondary?: string } {
  const primary = entity.surface;
  if (!summary) return { primary };
  const other = ARABIC_LETTER.test(primary) ? summary.names.en : summary.names.ar;
  const secondary = other?.trim();
  return secondary && secondary !== primary ? { primary, secondary } : { primary };
}

export function PageEntityList({
  groups,
  summaries,
  learned,
  t,
  onOpen,
  onOpenLearned,
}: PageEntityListProps) {
  if (groups.length === 0) return <p class="siyaq-empty">{t("popup.noEntities")}</p>;
  return (
    <div class="siyaq-groups" data-testid="page-entities">
      {groups.map((group) => {
        const headingId = `siyaq-group-${group.type}`;
        return (
          <section
            key={group.type}
            class="siyaq-group"
            data-type={group.type}
            aria-labelledby={headingId}
          >
            <h3 id={headingId} class="siyaq-group__title">
              <span>{t(`type.${group.type}`)}</span>
              <span class="siyaq-group__count">
                {t.count(
                  group.type === "DATE" ? "popup.dateCount" : "popup.typeCount",
                  group.entities.length,
                )}
              </span>
            </h3>
            <ul class="siyaq-group__list">
              {group.entities.map((entity) => {
                const { primary, secondary } = entityLines(
                  entity,
                  entity.entityId ? summaries.get(entity.entityId) : undefined,
                );
                const details = [t.count("popup.entityMentions", entity.count)];
                if (entity.inTitle) details.push(t("popup.inTitle"));
                const known = entity.entityId ? undefined : learned?.get(entity.surface);
                if (known) details.push(t.count("learned.seenIn", known.seenIn));
                const body = (
                  <>
                    <span class="siyaq-entity__names">
                      {/* Lines align with the UI; each name keeps its own direction inside <bdi>. */}
                      <span class="siyaq-entity__name">
                        <bdi>{primary}</bdi>
                      </span>
                      {secondary && (
                        <span class="siyaq-entity__other">
                          <bdi>{secondary}</bdi>
                        </span>
                      )}
                    </span>
                    <span class="siyaq-entity__count" aria-hidden="true" title={details[0]}>
                      {entity.count}
                    </span>
                    <span class="siyaq-visually-hidden">{details.join(t("listSeparator"))}</span>
                  </>
                );
                return (
                  <li
                    key={entity.entityId ?? `${entity.type}:${entity.surface}`}
                    data-entity-id={entity.entityId}
                  >
                    {entity.entityId ? (
                      <button
                        type="button"
                        class="siyaq-entity"
                        data-testid="page-entity"
                        data-entity-id={entity.entityId}
                        onClick={() => onOpen(entity.entityId!)}
                      >
                        {body}
                      </button>
                    ) : known && onOpenLearned ? (
                      <button
                        type="button"
                        class="siyaq-entity siyaq-entity--learned"
                        data-testid="page-entity"
                        data-learned={known.key}
                        title={t.count("learned.seenIn", known.seenIn)}
                        onClick={() => onOpenLearned(entity.surface)}
                      >
                        {body}
                      </button>
                    ) : (
                      <span class="siyaq-entity siyaq-entity--plain" data-testid="page-entity">
                        {body}
                      </span>
                    )}
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
