// One entity's full card in the popup, loaded from the knowledge base; page and user events can
// be deleted from its timeline.
import { useEffect, useRef, useState } from "preact/hooks";
import { sendMessage } from "@/src/messaging/client";
import type { Translator } from "@/src/i18n/i18n";
import { EntityCard } from "@/src/ui/shared/EntityCard";
import type { TimelineEvent } from "@/src/ui/shared/Timeline";
import { errorText } from "@/src/shared/error-text";
import { useAsync } from "@/src/ui/shared/use-async";

export interface EntityPanelProps {
  entityId: string;
  t: Translator;
  onBack: () => void;
}

export function EntityPanel({ entityId, t, onBack }: EntityPanelProps) {
  const view = useAsync(() => sendMessage("entity.get", { id: entityId }), [entityId]);
  const [deleteError, setDeleteError] = useState<string>();
  const panel = useRef<HTMLDivElement>(null);

  // Keyboard and screen-reader users land on the card they opened.
  useEffect(() => {
    if (!view.loading)
      panel.current?.querySelector<HTMLElement>(".siyaq-card__name, [role=alert], p")?.focus();
  }, [view.loading, entityId]);

  const deleteEvent = async (event: TimelineEvent) => {
    setDeleteError(undefined);
    try {
      await sendMessage("event.delete", { id: event.id });
      view.reload();
    } catch (error) {
      setDeleteError(t("errorPrefix", { message: errorText(error) }));
    }
  };

  return (
    <div class="siyaq-entity-panel" ref={panel}>
      <button type="button" class="siyaq-back" onClick={onBack} data-testid="back">
        {t("back")}
      </button>
      {view.error && (
        <p role="alert" tabIndex={-1}>
          {t("errorPrefix", { message: view.error })}
        </p>
      )}
      {deleteError && <p role="alert">{deleteError}</p>}
      {view.loading && !view.value && <p aria-live="polite">{t("loading")}</p>}
      {!view.loading && view.value === null && <p tabIndex={-1}>{t("card.notFound")}</p>}
      {view.value && (
        <EntityCard
          entity={view.value.entity}
          events={view.value.events}
          seenIn={view.value.seenIn}
          articles={view.value.articles}
          t={t}
          onDeleteEvent={deleteEvent}
        />
      )}
    </div>
  );
}
