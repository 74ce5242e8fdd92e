// Add an entity by hand or edit one the knowledge base has: names, other spellings (aliases),
// description. The result is the user's own record; packs no longer overwrite it.
import { useState } from "preact/hooks";
import { sendMessage } from "@/src/messaging/client";
import type { EditableEntity, EntitySummary } from "@/src/messaging/messages/kb";
import type { EntityRecord } from "@/src/kb/db";
import { PACK_ENTITY_TYPES } from "@/src/contracts/pack-schema";
import { localized, type Translator } from "@/src/i18n/i18n";
import { errorText } from "@/src/shared/error-text";
import { NoticeLine, type Notice } from "./Notice";

export interface EntityDraft {
  id?: string;
  type: EditableEntity["type"];
  nameAr: string;
  nameEn: string;
  aliases: string;
  descriptionAr: string;
  descriptionEn: string;
  /** Kept as they are: the editor does not change facts. */
  facts?: EditableEntity["facts"];
}

export const EMPTY_DRAFT: EntityDraft = {
  type: "PER",
  nameAr: "",
  nameEn: "",
  aliases: "",
  descriptionAr: "",
  descriptionEn: "",
};

export function draftFromEntity(entity: EntityRecord): EntityDraft {
  const type = (PACK_ENTITY_TYPES as readonly string[]).includes(entity.type)
    ? (entity.type as EntityDraft["type"])
    : "MISC";
  return {
    id: entity.id,
    type,
    nameAr: entity.names.ar,
    nameEn: entity.names.en ?? "",
    aliases: entity.aliases.join("\n"),
    descriptionAr: entity.description?.ar ?? "",
    descriptionEn: entity.description?.en ?? "",
    facts: entity.facts as EditableEntity["facts"],
  };
}

/** The `entity.upsert` payload: blank fields are left out, aliases one per line, duplicates dropped. */
export function entityFromDraft(draft: EntityDraft): EditableEntity {
  const clean = (text: string) => text.replace(/\s+/g, " ").trim();
  const nameAr = clean(draft.nameAr);
  const nameEn = clean(draft.nameEn);
  const aliases = [...new Set(draft.aliases.split(/\n/).map(clean).filter(Boolean))];
  const descriptionAr = draft.descriptionAr.trim();
  const descriptionEn = draft.descriptionEn.trim();
  return {
    ...(draft.id ? { id: draft.id } : {}),
    type: draft.type,
    names: { ar: nameAr, ...(nameEn ? { en: nameEn } : {}) },
    aliases,
    ...(descriptionAr || descriptionEn
      ? {
          description: {
            ...(descriptionAr ? { ar: descriptionAr } : {}),
            ...(descriptionEn ? { en: descriptionEn } : {}),
          },
        }
      : {}),
    ...(draft.facts?.length ? { facts: draft.facts } : {}),
  };
}

export function EntityEditor({ t }: { t: Translator }) {
  const [query, setQuery] = useState("");
  const [results, setResults] = useState<EntitySummary[]>([]);
  const [draft, setDraft] = useState<EntityDraft>(EMPTY_DRAFT);
  const [notice, setNotice] = useState<Notice>();
  const fail = (e: unknown) =>
    setNotice({ kind: "alert", text: t("errorPrefix", { message: errorText(e) }) });
  const field = (key: keyof EntityDraft) => (event: Event) => {
    const value = (event.currentTarget as HTMLInputElement).value;
    setDraft((current) => ({ ...current, [key]: value }));
  };

  const search = (value: string) => {
    setQuery(value);
    if (!value.trim()) return setResults([]);
    sendMessage("entity.search", { query: value.trim(), limit: 10 }).then(setResults, fail);
  };
  const edit = async (id: string) => {
    try {
      const view = await sendMessage("entity.get", { id });
      if (!view) return setNotice({ kind: "alert", text: t("card.notFound") });
      setDraft(draftFromEntity(view.entity));
      setNotice(undefined);
      document.getElementById("siyaq-entity-name-ar")?.focus();
    } catch (e) {
      fail(e);
    }
  };
  const save = async (event: Event) => {
    event.preventDefault();
    const entity = entityFromDraft(draft);
    if (!entity.names.ar) return setNotice({ kind: "alert", text: t("options.entityNeedsName") });
    try {
      const saved = await sendMessage("entity.upsert", { entity });
      setDraft((current) => ({ ...current, id: saved.id }));
      setNotice({
        kind: "status",
        text: t("options.entitySaved", { name: localized(saved.names, t.language) }),
      });
    } catch (e) {
      fail(e);
    }
  };

  return (
    <section aria-labelledby="siyaq-entity-editor" class="siyaq-panel">
      <h3 id="siyaq-entity-editor">{t("options.entityEditor")}</h3>
      <div class="siyaq-field">
        <label for="siyaq-entity-find">{t("options.entityFind")}</label>
        <input
          id="siyaq-entity-find"
          type="search"
          dir="auto"
          autocomplete="off"
          value={query}
          onInput={(e) => search(e.currentTarget.value)}
        />
      </div>
      {results.length > 0 && (
        <ul class="siyaq-results" data-testid="editor-results">
          {results.map((entity) => (
            <li key={entity.id}>
              <button
                type="button"
                class="siyaq-entity"
                data-entity-id={entity.id}
                onClick={() => edit(entity.id)}
              >
                <span dir="auto">{localized(entity.names, t.language)}</span>{" "}
                <span class="siyaq-muted">({t(`badge.${entity.type}`)})</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="siyaq-entity-form" onSubmit={save} data-testid="entity-form">
        <p class="siyaq-form-title" aria-live="polite">
          {draft.id
            ? t("options.entityEditing", { name: draft.nameAr || draft.id })
            : t("options.entityNew")}
        </p>
        <div class="siyaq-field">
          <label for="siyaq-entity-type">{t("options.entityType")}</label>
          <select id="siyaq-entity-type" value={draft.type} onChange={field("type")}>
            {PACK_ENTITY_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`badge.${type}`)}
              </option>
            ))}
          </select>
        </div>
        <div class="siyaq-field">
          <label for="siyaq-entity-name-ar">{t("options.nameAr")}</label>
          <input
            id="siyaq-entity-name-ar"
            dir="rtl"
            lang="ar"
            required
            maxLength={200}
            value={draft.nameAr}
            onInput={field("nameAr")}
          />
        </div>
        <div class="siyaq-field">
          <label for="siyaq-entity-name-en">{t("options.nameEn")}</label>
          <input
            id="siyaq-entity-name-en"
            dir="ltr"
            lang="en"
            maxLength={200}
            value={draft.nameEn}
            onInput={field("nameEn")}
          />
        </div>
        <div class="siyaq-field">
          <label for="siyaq-entity-aliases">{t("options.aliases")}</label>
          <textarea
            id="siyaq-entity-aliases"
            dir="auto"
            rows={4}
            value={draft.aliases}
            onInput={field("aliases")}
          />
        </div>
        <div class="siyaq-field">
          <label for="siyaq-entity-description-ar">{t("options.descriptionAr")}</label>
          <textarea
            id="siyaq-entity-description-ar"
            dir="rtl"
            lang="ar"
            rows={2}
            value={draft.descriptionAr}
            onInput={field("descriptionAr")}
          />
        </div>
        <div class="siyaq-field">
          <label for="siyaq-entity-description-en">{t("options.descriptionEn")}</label>
          <textarea
            id="siyaq-entity-description-en"
            dir="ltr"
            lang="en"
            rows={2}
            value={draft.descriptionEn}
            onInput={field("descriptionEn")}
          />
        </div>
        <div class="siyaq-actions">
          <button type="submit" class="siyaq-button siyaq-button--primary">
            {t("save")}
          </button>
          <button
            type="button"
            class="siyaq-button siyaq-button--quiet"
            onClick={() => {
              setDraft(EMPTY_DRAFT);
              setNotice(undefined);
            }}
          >
            {t("options.entityNew")}
          </button>
        </div>
      </form>
      <NoticeLine notice={notice} testId="entity-notice" />
    </section>
  );
}
