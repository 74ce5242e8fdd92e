// Search over the whole knowledge base, as the reader types.
import { sendMessage } from "@/src/messaging/client";
import { localized, type Translator } from "@/src/i18n/i18n";
import { TypeBadge } from "@/src/ui/shared/TypeBadge";
import { useAsync } from "@/src/ui/shared/use-async";

export interface SearchResultsProps {
  query: string;
  t: Translator;
  onOpen: (entityId: string) => void;
}

export function SearchResults({ query, t, onOpen }: SearchResultsProps) {
  const results = useAsync(() => sendMessage("entity.search", { query, limit: 30 }), [query]);
  if (results.error) return <p role="alert">{t("errorPrefix", { message: results.error })}</p>;
  if (!results.value) return <p aria-live="polite">{t("loading")}</p>;
  if (results.value.length === 0)
    return <p aria-live="polite">{t("popup.noResults", { query })}</p>;
  return (
    <ul class="siyaq-results" data-testid="search-results" aria-live="polite">
      {results.value.map((entity) => {
        const description = localized(entity.description, t.language);
        return (
          <li key={entity.id}>
            <button
              type="button"
              class="siyaq-entity"
              data-entity-id={entity.id}
              onClick={() => onOpen(entity.id)}
            >
              <span class="siyaq-entity__name" dir="auto">
                {localized(entity.names, t.language)}
              </span>
              <TypeBadge type={entity.type} t={t} />
              {description && <span class="siyaq-entity__description">{description}</span>}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
