// What the reader sees by a selection: a small save button, then a small editor for a note and
// tags. Stateless about the page: the host tells it what to show and hears what the reader chose.
import { useEffect, useRef, useState } from "preact/hooks";
import { LABELS } from "./labels";
import { tagsFromInput } from "./tags";

export type PanelView =
  | { kind: "button" }
  | { kind: "editor"; quote: string }
  | { kind: "saving" }
  | { kind: "done"; message: string; error?: boolean };

export interface HighlightPanelProps {
  view: PanelView;
  onOpen(): void;
  onSave(note: string, tags: string[]): void;
  onCancel(): void;
}

export function HighlightPanel({ view, onOpen, onSave, onCancel }: HighlightPanelProps) {
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
      return <Editor quote={view.quote} onSave={onSave} onCancel={onCancel} />;
    case "saving":
      return <p class="status" role="status">{LABELS.saving}</p>;
    case "done":
      return (
        <p class={view.error ? "status error" : "status"} role={view.error ? "alert" : "status"}>
          {view.message}
        </p>
      );
  }
}

function Editor({ quote, onSave, onCancel }: { quote: string; onSave(note: string, tags: string[]): void; onCancel(): void }) {
  const [note, setNote] = useState("");
  const [tags, setTags] = useState("");
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
      <blockquote class="quote">{quote.length > 280 ? `${quote.slice(0, 280)}…` : quote}</blockquote>
      <label>
        {LABELS.note}
        <textarea ref={noteField} name="note" rows={3} placeholder={LABELS.notePlaceholder} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
      </label>
      <label>
        {LABELS.tags}
        <input name="tags" type="text" placeholder={LABELS.tagsPlaceholder} title={LABELS.tagsHint} value={tags} onInput={(e) => setTags(e.currentTarget.value)} />
      </label>
      <div class="actions">
        <button type="submit" class="primary">{LABELS.save}</button>
        <button type="button" onClick={onCancel}>{LABELS.cancel}</button>
      </div>
    </form>
  );
}
