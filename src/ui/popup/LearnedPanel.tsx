// A name learned from reading (src/kb/learned), in the popup: how often and where the reader met
// it, the known names met with it, and what the reader can do with it — edit it, add it to the
// knowledge base as a full entity, forget it, or look it up online (the same opt-in path as the
// card's lookup) and keep what was found with the articles added to it.
import { useState } from "preact/hooks";
import { sendMessage } from "@/src/messaging/client";
import { LEARNED_TYPES } from "@/src/contracts/learned";
import type { LearnedView } from "@/src/messaging/messages/kb";
import { LOOKUP_TYPES } from "@/src/messaging/messages/lookup";
import type { LookupOutcome } from "@/src/contracts/lookup";
import type { Translator } from "@/src/i18n/i18n";
import { LearnedArticles } from "@/src/ui/card/HoverCard";
import { lookupProblem } from "@/src/i18n/card-labels";
import { TypeBadge } from "@/src/ui/shared/TypeBadge";
import { useAsync } from "@/src/ui/shared/use-async";
import { errorText } from "@/src/shared/error-text";

export interface LearnedPanelProps {
  surface: string;
  t: Translator;
  onBack: () => void;
  /** Opens a knowledge-base entity's card (a co-mentioned one, or the entity it became). */
  onOpenEntity: (entityId: string) => void;
}

function isLookupType(type: string): type is (typeof LOOKUP_TYPES)[number] {
  return (LOOKUP_TYPES as readonly string[]).includes(type);
}

function EditForm({
  view,
  t,
  onSaved,
}: {
  view: LearnedView;
  t: Translator;
  onSaved: (line: string) => void;
}) {
  const [name, setName] = useState(view.name);
  const [type, setType] = useState(view.type);
  const [spellings, setSpellings] = useState(view.spellings.join("\n"));
  const [note, setNote] = useState(view.note ?? "");
  const [error, setError] = useState<string>();
  return (
    <form
      class="siyaq-learned__edit"
      data-testid="learned-edit"
      onSubmit={async (event) => {
        event.preventDefault();
        setError(undefined);
        try {
          await sendMessage("learned.edit", {
            key: view.key,
            edit: {
              name: name.trim(),
              type: type as (typeof LEARNED_TYPES)[number],
              spellings: spellings
                .split("\n")
                .map((s) => s.trim())
                .filter(Boolean),
              ...(note.trim() ? { note: note.trim() } : {}),
            },
          });
          onSaved(t("learned.saved"));
        } catch (failure) {
          setError(t("errorPrefix", { message: errorText(failure) }));
        }
      }}
    >
      <label>
        {t("learned.name")}
        <input value={name} required dir="auto" onInput={(e) => setName(e.currentTarget.value)} />
      </label>
      <label>
        {t("learned.type")}
        <select
          value={type}
          onChange={(e) => setType(e.currentTarget.value as LearnedView["type"])}
        >
          {LEARNED_TYPES.map((option) => (
            <option key={option} value={option}>
              {t(`badge.${option}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t("learned.spellingsField")}
        <textarea
          value={spellings}
          dir="auto"
          onInput={(e) => setSpellings(e.currentTarget.value)}
        />
      </label>
      <label>
        {t("learned.note")}
        <textarea value={note} dir="auto" onInput={(e) => setNote(e.currentTarget.value)} />
      </label>
      <button type="submit">{t("learned.save")}</button>
      {error && <p role="alert">{error}</p>}
    </form>
  );
}

export function LearnedPanel({ surface, t, onBack, onOpenEntity }: LearnedPanelProps) {
  const view = useAsync(() => sendMessage("learned.get", { surface }), [surface]);
  const [notice, setNotice] = useState<string>();
  const [lookup, setLookup] = useState<LookupOutcome | "busy">();
  const other = t.language === "ar" ? "en" : "ar";

  const run = async (work: () => Promise<void>) => {
    setNotice(undefined);
    try {
      await work();
    } catch (error) {
      setNotice(t("errorPrefix", { message: errorText(error) }));
    }
  };
  const learned = view.value;

  return (
    <div class="siyaq-entity-panel siyaq-learned" data-testid="learned-panel">
      <button type="button" class="siyaq-back" onClick={onBack} data-testid="back">
        {t("back")}
      </button>
      {view.error && <p role="alert">{t("errorPrefix", { message: view.error })}</p>}
      {view.loading && !learned && <p aria-live="polite">{t("loading")}</p>}
      {!view.loading && learned === null && <p>{t("card.notFound")}</p>}
      {learned && (
        <article class="siyaq-card">
          <h2 class="siyaq-card__name" tabIndex={-1}>
            <bdi>{learned.name}</bdi> <TypeBadge type={learned.type} t={t} />
          </h2>
          <p class="siyaq-card__seen" data-testid="learned-seen">
            {t.count("learned.seenIn", learned.seenIn)}
          </p>
          {learned.note && <p class="siyaq-card__description">{learned.note}</p>}
          <h3>{t("learned.articles")}</h3>
          <LearnedArticles articles={learned.articles} label={t("learned.articles")} />
          {learned.coMentions.length > 0 && (
            <>
              <h3>{t("learned.mentionedWith")}</h3>
              <ul class="siyaq-learned__with" data-testid="learned-with">
                {learned.coMentions.map(({ entity, count }) => (
                  <li key={entity.id}>
                    <button type="button" onClick={() => onOpenEntity(entity.id)}>
                      <bdi>{entity.names[t.language] ?? entity.names[other] ?? entity.id}</bdi> (
                      {count})
                    </button>
                  </li>
                ))}
              </ul>
            </>
          )}
          <h3>{t("learned.spellings")}</h3>
          <p>
            {learned.spellings.map((s, i) => (
              <span key={s}>
                {i > 0 && t("listSeparator")}
                <bdi>{s}</bdi>
              </span>
            ))}
          </p>
          <div class="siyaq-learned__actions">
            <button
              type="button"
              data-testid="learned-promote"
              onClick={() =>
                run(async () => {
                  const entity = await sendMessage("learned.promote", { key: learned.key });
                  onOpenEntity(entity.id);
                })
              }
            >
              {t("learned.promote")}
            </button>
            {isLookupType(learned.type) && (
              <button
                type="button"
                data-testid="learned-lookup"
                disabled={lookup === "busy"}
                onClick={() =>
                  run(async () => {
                    setLookup("busy");
                    try {
                      setLookup(
                        await sendMessage("lookup.name", {
                          name: learned.name,
                          type: learned.type as (typeof LOOKUP_TYPES)[number],
                        }),
                      );
                    } catch (error) {
                      setLookup({ status: "unavailable", reason: errorText(error) });
                    }
                  })
                }
              >
                {t("learned.lookUp")}
              </button>
            )}
            <button
              type="button"
              data-testid="learned-dismiss"
              onClick={() =>
                run(async () => {
                  await sendMessage("learned.dismiss", { key: learned.key });
                  setNotice(t("learned.dismissed"));
                  view.reload();
                })
              }
            >
              {t("learned.dismiss")}
            </button>
          </div>
          {isLookupType(learned.type) && <p class="siyaq-muted">{t("hover.lookUpSends")}</p>}
          {lookup === "busy" && <p aria-live="polite">{t("hover.lookingUp")}</p>}
          {lookup && lookup !== "busy" && lookup.status !== "found" && (
            <p role="status">{lookupProblem(t, lookup.status)}</p>
          )}
          {lookup && lookup !== "busy" && lookup.status === "found" && (
            <section class="siyaq-learned__found" data-testid="learned-found">
              <h3>
                {t("hover.lookupFrom")}:{" "}
                <bdi>{lookup.entity.label.ar ?? lookup.entity.label.en}</bdi>
              </h3>
              {(lookup.entity.description.ar ?? lookup.entity.description.en) && (
                <p>{lookup.entity.description.ar ?? lookup.entity.description.en}</p>
              )}
              <button
                type="button"
                onClick={() =>
                  run(async () => {
                    const kept = await sendMessage("lookup.keep", {
                      qid: lookup.entity.qid,
                      name: learned.name,
                    });
                    const entity = await sendMessage("learned.promote", {
                      key: learned.key,
                      into: kept.id,
                    });
                    onOpenEntity(entity.id);
                  })
                }
              >
                {t("learned.keepFound")}
              </button>
            </section>
          )}
          <details>
            <summary>{t("learned.edit")}</summary>
            <EditForm
              view={learned}
              t={t}
              onSaved={(line) => {
                setNotice(line);
                view.reload();
              }}
            />
          </details>
        </article>
      )}
      {notice && (
        <p role="status" data-testid="learned-notice">
          {notice}
        </p>
      )}
    </div>
  );
}
