// The names of the described page, grouped by type and ordered by salience. Linked names open
// their card; unlinked ones (not in the knowledge base, or dates) are listed without a link.
import type { EntitySummary } from "@/src/kb/messages";
import { localized, type Translator } from "@/src/ui/i18n";
import type { EntityGroup, RankedEntity } from "./salience";

export interface PageEntityListProps {
  groups: readonly EntityGroup[];
  summaries: ReadonlyMap<string, EntitySummary>;
  t: Translator;
  onOpen: (entityId: string) => void;
}

function label(entity: RankedEntity, summaries: ReadonlyMap<string, EntitySummary>, t: Translator): string {
  const summary = entity.entityId ? summaries.get(entity.entityId) : undefined;
  return summary ? localized(summary.names, t.language) : entity.surface;
}

export function PageEntityList({ groups, summaries, t, onOpen }: PageEntityListProps) {
  if (groups.length === 0) return <p class="siyaq-empty">{t("popup.noEntities")}</p>;
  return (
    <div class="siyaq-groups" data-testid="page-entities">
      {groups.map((group) => {
        const headingId = `siyaq-group-${group.type}`;
        return (
          <section key={group.type} class="siyaq-group" data-type={group.type} aria-labelledby={headingId}>
            <h3 id={headingId} class="siyaq-group__title">
              <span>{t(`type.${group.type}`)}</span>
              <span class="siyaq-group__count">{t.count("popup.typeCount", group.entities.length)}</span>
            </h3>
            <ul class="siyaq-group__list">
              {group.entities.map((entity) => {
                const name = label(entity, summaries, t);
                const details = [t.count("popup.mentions", entity.count)];
                if (entity.inTitle) details.push(t("popup.inTitle"));
                const body = (
                  <>
                    <span class="siyaq-entity__name" dir="auto">
                      {name}
                    </span>
                    <span class="siyaq-entity__count" aria-hidden="true">
                      {entity.count}
                    </span>
                    <span class="siyaq-visually-hidden">{details.join("، ")}</span>
                  </>
                );
                return (
                  <li key={entity.entityId ?? `${entity.type}:${entity.surface}`} data-entity-id={entity.entityId}>
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
