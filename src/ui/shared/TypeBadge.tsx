// A small coloured label naming an entity's type (person, organisation, place, date…).
import type { EntityType } from "@/src/nlp/types";
import type { Translator } from "@/src/i18n/i18n";

export function TypeBadge({ type, t }: { type: EntityType; t: Translator }) {
  return (
    <span class="siyaq-badge" data-type={type}>
      {t(`badge.${type}`)}
    </span>
  );
}
