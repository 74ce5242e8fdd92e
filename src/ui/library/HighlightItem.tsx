// One highlight in the library: the quote, its citation, note, tags and entities; editing of note
// and tags in place; delete. Everything from pages is rendered as text, links only for web addresses.
import { useState } from "preact/hooks";
import type { Highlight } from "@/src/contracts/highlight";
import { webHref } from "@/src/shared/web-address";
import { tagsFromInput } from "@/src/ui/highlight/tags";
import type { LibraryText } from "./labels";

export interface HighlightItemProps {
  highlight: Highlight;
  t: LibraryText;
  formatDate(iso: string): string;
  onUpdate(id: string, note: string, tags: string[]): Promise<void>;
  onDelete(highlight: Highlight): void;
  onTag(tag: string): void;
}

export function HighlightItem({
  highlight,
  t,
  formatDate,
  onUpdate,
  onDelete,
  onTag,
}: HighlightItemProps) {
  const [editing, setEditing] = useState(false);
  const [note, setNote] = useState(highlight.note);
  const [tags, setTags] = useState(highlight.tags.join("، "));
  const { citation } = highlight;
  const quote = highlight.target.selector[0].exact;
  const href = webHref(citation.url);

  const startEditing = () => {
    setNote(highlight.note);
    setTags(highlight.tags.join("، "));
    setEditing(true);
  };
  const submit = async (event: Event) => {
    event.preventDefault();
    await onUpdate(highlight.id, note.trim(), tagsFromInput(tags));
    setEditing(false);
  };

  const byline = [
    citation.outlet,
    citation.author && t("by", { author: citation.author }),
    citation.publishedAt && t("published", { date: formatDate(citation.publishedAt) }),
    t("accessed", { date: formatDate(citation.accessedAt) }),
  ].filter(Boolean);

  return (
    <article class={highlight.orphaned ? "highlight orphaned" : "highlight"} data-id={highlight.id}>
      <blockquote class="quote">{quote}</blockquote>
      {highlight.orphaned && (
        <p class="orphan-badge" role="note">
          {t("orphaned")}
        </p>
      )}
      <p class="citation">
        {href ? (
          <a href={href} target="_blank" rel="noopener noreferrer">
            {citation.title || href}
          </a>
        ) : (
          <span>{citation.title}</span>
        )}
        {byline.length > 0 && <span class="byline"> — {byline.join(" · ")}</span>}
      </p>
      {editing ? (
        <form
          class="edit"
          onSubmit={submit}
          onKeyDown={(e) => e.key === "Escape" && setEditing(false)}
        >
          <label>
            {t("note")}
            <textarea
              name="note"
              rows={3}
              value={note}
              onInput={(e) => setNote(e.currentTarget.value)}
            />
          </label>
          <label>
            {t("tags")}
            <input name="tags" value={tags} onInput={(e) => setTags(e.currentTarget.value)} />
          </label>
          <div class="row">
            <button type="submit" class="primary">
              {t("save")}
            </button>
            <button type="button" onClick={() => setEditing(false)}>
              {t("cancel")}
            </button>
          </div>
        </form>
      ) : (
        <>
          {highlight.note && <p class="note">{highlight.note}</p>}
          {highlight.tags.length > 0 && (
            <ul class="tags" aria-label={t("tags")}>
              {highlight.tags.map((tag) => (
                <li key={tag}>
                  <button type="button" class="tag" onClick={() => onTag(tag)}>
                    #{tag}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      {highlight.entities.length > 0 && (
        <p class="entities">
          <span class="label">{t("entities")}: </span>
          {highlight.entities.map((entity, index) => (
            <span key={index} class="siyaq-badge" data-type={entity.type}>
              {entity.surface}
            </span>
          ))}
        </p>
      )}
      <footer class="row">
        <span class="muted">
          {t("saved", { date: formatDate(new Date(highlight.createdAt).toISOString()) })}
        </span>
        {!editing && (
          <button type="button" onClick={startEditing}>
            {t("edit")}
          </button>
        )}
        <button type="button" class="danger" onClick={() => onDelete(highlight)}>
          {t("remove")}
        </button>
      </footer>
    </article>
  );
}
