// One entity's full card in the popup, loaded from the knowledge base; page and user events can
// be deleted from its timeline.
import { useEffect, useRef, useState } from "preact/hooks";
import { sendMessage } from "@/src/messaging/client";
import type { Translator } from "@/src/i18n/i18n";
import type { Fact } from "@/src/kb/db";
import { lookupProblem } from "@/src/i18n/card-labels";
import { EntityCard } from "@/src/ui/shared/EntityCard";
import type { TimelineEvent } from "@/src/ui/shared/Timeline";
import { errorText } from "@/src/shared/error-text";
import { useAsync } from "@/src/ui/shared/use-async";

export interface EntityPanelProps {
  entityId: string;
  t: Translator;
  onBack: () => void;
  /** The reader turned on online lookups: entities with a QID offer "update facts from Wikidata". */
  lookups?: boolean;
}

type RefreshState =
  { status: "busy" } | { status: "done"; lines: string[] } | { status: "failed"; line: string };

/** "Update facts from Wikidata": sends the entity's QID only, then says what changed. */
function RefreshFacts({
  entityId,
  t,
  onUpdated,
}: {
  entityId: string;
  t: Translator;
  onUpdated: () => void;
}) {
  const [state, setState] = useState<RefreshState>();
  const other = t.language === "ar" ? "en" : "ar";
  const line = (fact: Fact) =>
    `${fact.label[t.language] ?? fact.label[other] ?? ""}: ${fact.value[t.language] ?? fact.value[other] ?? ""}`;
  const refresh = async () => {
    setState({ status: "busy" });
    try {
      const { outcome, changes } = await sendMessage("lookup.refresh", { id: entityId });
      if (outcome.status !== "found") {
        return setState({ status: "failed", line: lookupProblem(t, outcome.status) });
      }
      const lines = [
        ...(changes?.added ?? []).map((fact) => `+ ${t("refresh.added")}: ${line(fact)}`),
        ...(changes?.removed ?? []).map((fact) => `− ${t("refresh.removed")}: ${line(fact)}`),
      ];
      const description = changes?.description?.after;
      if (description) lines.push(`+ ${description[t.language] ?? description[other] ?? ""}`);
      setState({ status: "done", lines });
      if (lines.length > 0) onUpdated();
    } catch (error) {
      setState({ status: "failed", line: t("errorPrefix", { message: errorText(error) }) });
    }
  };
  return (
    <section class="siyaq-refresh" data-testid="refresh-facts">
      <button type="button" disabled={state?.status === "busy"} onClick={() => void refresh()}>
        {t("refresh.button")}
      </button>
      <p class="siyaq-muted">{t("refresh.sends")}</p>
      {state?.status === "busy" && <p aria-live="polite">{t("refresh.busy")}</p>}
      {state?.status === "failed" && <p role="status">{state.line}</p>}
      {state?.status === "done" && (
        <div role="status" data-testid="refresh-changes">
          <p>{state.lines.length ? t("refresh.changed") : t("refresh.unchanged")}</p>
          {state.lines.length > 0 && (
            <ul>
              {state.lines.map((text) => (
                <li key={text}>{text}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}

export function EntityPanel({ entityId, t, onBack, lookups = false }: EntityPanelProps) {
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
      {view.value?.entity.qid && lookups && (
        <RefreshFacts entityId={entityId} t={t} onUpdated={view.reload} />
      )}
    </div>
  );
}
