// What the reader sees by a selection: a small save button, then a small editor for a note and
// tags; by a saved highlight: its note and tags, and the same editor to change them. Stateless
// about the page: the host tells it what to show and hears what the reader chose.
import { useEffect, useRef, useState } from "preact/hooks";
import { directionOf, type Translator } from "@/src/i18n/i18n";
import { cardTranslator } from "@/src/i18n/card-labels";
import { LABELS } from "@/src/i18n/highlight-labels";
import { tagsFromInput } from "./tags";
import type { HighlightPanelProps, PanelView } from "@/src/content/view";

export function HighlightPanel({
  view,
  onOpen,
  onSave,
  onCancel,
  onEdit,
  t = cardTranslator(),
}: HighlightPanelProps) {
  switch (view.kind) {
    case "button":
      return (
        <button
          type="button"
          class="save-button"
          title={LABELS.saveButtonHint}
          aria-label={LABELS.saveButtonHint}
          // Keep the page's selection: a mousedown on a button would otherwise collapse it.
          onMouseDown={(event) => event.preventDefault()}
          onClick={onOpen}
        >
          <span aria-hidden="true">✎</span> {LABELS.saveButton}
        </button>
      );
    case "editor":
      return (
        <Editor
          key={view.id ?? "new"}
          quote={view.quote}
          note={view.note}
          tags={view.tags}
          onSave={onSave}
          onCancel={onCancel}
        />
      );
    case "saved":
      return <SavedHighlight view={view} onEdit={onEdit} onCancel={onCancel} t={t} />;
    case "saving":
      return (
        <p class="status" role="status">
          {LABELS.saving}
        </p>
      );
    case "done":
      return (
        <p class={view.error ? "status error" : "status"} role={view.error ? "alert" : "status"}>
          {view.message}
        </p>
      );
  }
}

/** A saved highlight speaks: its note and tags on hover or keyboard focus, and a way to edit them. */
function SavedHighlight({
  view,
  onEdit,
  onCancel,
  t,
}: {
  view: Extract<PanelView, { kind: "saved" }>;
  onEdit?(): void;
  onCancel(): void;
  t: Translator;
}) {
  const root = useRef<HTMLElement>(null);
  useEffect(() => {
    if (view.focus) root.current?.focus();
  }, [view.id, view.focus]);
  return (
    <section
      ref={root}
      class="saved"
      role="dialog"
      aria-label={t("mark.saved")}
      tabIndex={-1}
      dir={directionOf(t.language)}
      lang={t.language}
      onKeyDown={(event) => {
        if (event.key === "Escape") {
          event.preventDefault();
          onCancel();
        }
      }}
    >
      <h2 class="saved-title">{t("mark.saved")}</h2>
      {view.note ? (
        <p class="saved-note" dir="auto">
          {view.note}
        </p>
      ) : (
        <p class="muted">{t("mark.noNote")}</p>
      )}
      {view.tags.length > 0 && (
        <ul class="saved-tags" aria-label={t("mark.tags")}>
          {view.tags.map((tag) => (
            <li key={tag} dir="auto">
              #{tag}
            </li>
          ))}
        </ul>
      )}
      <div class="actions">
        {onEdit && (
          <button type="button" class="primary" onClick={onEdit}>
            {t("mark.edit")}
          </button>
        )}
        <button type="button" onClick={onCancel}>
          {t("close")}
        </button>
      </div>
      <p class="keys">{t("mark.keys")}</p>
    </section>
  );
}

function Editor({
  quote,
  note: initialNote = "",
  tags: initialTags = [],
  onSave,
  onCancel,
}: {
  quote: string;
  note?: string;
  tags?: readonly string[];
  onSave(note: string, tags: string[]): void;
  onCancel(): void;
}) {
  const [note, setNote] = useState(initialNote);
  const [tags, setTags] = useState(initialTags.join("، "));
  const noteField = useRef<HTMLTextAreaElement>(null);
  useEffect(() => noteField.current?.focus(), []);
  const submit = (event?: Event) => {
    event?.preventDefault();
    onSave(note.trim(), tagsFromInput(tags));
  };
  return (
    <form
      class="editor"
      role="dialog"
      aria-label={LABELS.editor}
      onSubmit={submit}
      onKeyDown={(event) => {
        if (event.key === "Escape") {
          event.preventDefault();
          onCancel();
        } else if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) submit(event);
      }}
    >
      <blockquote class="quote">
        {quote.length > 280 ? `${quote.slice(0, 280)}…` : quote}
      </blockquote>
      <label>
        {LABELS.note}
        <textarea
          ref={noteField}
          name="note"
          rows={3}
          placeholder={LABELS.notePlaceholder}
          value={note}
          onInput={(e) => setNote(e.currentTarget.value)}
        />
      </label>
      <label>
        {LABELS.tags}
        <input
          name="tags"
          type="text"
          placeholder={LABELS.tagsPlaceholder}
          title={LABELS.tagsHint}
          value={tags}
          onInput={(e) => setTags(e.currentTarget.value)}
        />
      </label>
      <div class="actions">
        <button type="submit" class="primary">
          {LABELS.save}
        </button>
        <button type="button" onClick={onCancel}>
          {LABELS.cancel}
        </button>
      </div>
    </form>
  );
}
