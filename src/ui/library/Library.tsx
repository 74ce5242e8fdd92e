// The library page: every saved highlight, searchable (forgiving Arabic spelling) and filterable
// by entity, tag, site and date; edit, delete with undo, export (JSON/CSV/Markdown/RIS/CSL-JSON)
// and import. Stored records too damaged to show are counted, never allowed to break the page.
import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { sendMessage } from "@/src/messaging/client";
import type { Highlight } from "@/src/contracts/highlight";
import type { LibraryFilters } from "@/src/highlights/library";
import type { LibraryFacets } from "@/src/contracts/highlight";
import type { ExportFormat } from "@/src/contracts/highlight";
import type { MalformedRecord } from "@/src/contracts/highlight";
import type { UiLanguage } from "@/src/i18n/i18n";
import { HighlightItem } from "./HighlightItem";
import { downloadText } from "@/src/ui/shared/download";
import type { LibraryText } from "./labels";
import { errorText } from "@/src/shared/error-text";

const SEARCH_DELAY_MS = 200;
const UNDO_MS = 10_000;
const EMPTY_FACETS: LibraryFacets = { tags: [], sites: [], entities: [] };
/** The export menu: the button's text is the format's own name; the hint says who reads it. */
const EXPORT_BUTTONS: {
  format: ExportFormat;
  name: string;
  hint?: "exportRisHint" | "exportCslHint";
}[] = [
  { format: "json", name: "JSON" },
  { format: "csv", name: "CSV" },
  { format: "markdown", name: "Markdown" },
  { format: "ris", name: "RIS", hint: "exportRisHint" },
  { format: "csl-json", name: "CSL-JSON", hint: "exportCslHint" },
];

type Notice = { text: string; error?: boolean; undo?: Highlight };

/** `yyyy-mm-dd` from a date input as local midnight, in ms; the `to` day is included whole. */
function dayStart(value: string, nextDay = false): number | undefined {
  if (!value) return undefined;
  const [y, m, d] = value.split("-").map(Number);
  return new Date(y!, m! - 1, d! + (nextDay ? 1 : 0)).getTime();
}

export function Library({ t, language }: { t: LibraryText; language: UiLanguage }) {
  const [query, setQuery] = useState("");
  const [entityId, setEntityId] = useState("");
  const [tag, setTag] = useState("");
  const [site, setSite] = useState("");
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [orphanedOnly, setOrphanedOnly] = useState(false);
  const [results, setResults] = useState<Highlight[] | null>(null);
  const [total, setTotal] = useState(0);
  const [facets, setFacets] = useState<LibraryFacets>(EMPTY_FACETS);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [malformed, setMalformed] = useState<MalformedRecord[]>([]);
  const importInput = useRef<HTMLInputElement>(null);
  const undoTimer = useRef<ReturnType<typeof setTimeout>>();

  const formatDate = useCallback(
    (iso: string) => {
      const time = Date.parse(iso);
      if (Number.isNaN(time)) return iso;
      const locale = language === "ar" ? "ar-u-ca-gregory-nu-latn" : "en-GB";
      return new Intl.DateTimeFormat(locale, {
        year: "numeric",
        month: "long",
        day: "numeric",
      }).format(time);
    },
    [language],
  );

  const fail = (error: unknown, key: "failed" | "importFailed" = "failed") =>
    setNotice({
      text: t(key, { message: errorText(error) }),
      error: true,
    });

  const refresh = useCallback(async () => {
    const filters: LibraryFilters = {
      ...(entityId ? { entityId } : {}),
      ...(tag ? { tag } : {}),
      ...(site ? { site } : {}),
      ...(from ? { from: dayStart(from) } : {}),
      ...(to ? { to: dayStart(to, true) } : {}),
      ...(orphanedOnly ? { orphanedOnly } : {}),
    };
    try {
      const answer = await sendMessage("highlights.search", { query, filters });
      setResults(answer.highlights);
      setTotal(answer.total);
      setFacets(answer.facets);
      setMalformed(answer.malformed);
    } catch (error) {
      fail(error);
    }
  }, [query, entityId, tag, site, from, to, orphanedOnly]);

  useEffect(() => {
    const timer = setTimeout(() => void refresh(), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [refresh]);

  const update = async (id: string, note: string, tags: string[]) => {
    try {
      await sendMessage("highlight.update", { id, note, tags });
      await refresh();
    } catch (error) {
      fail(error);
    }
  };

  const remove = async (highlight: Highlight) => {
    try {
      const { deleted } = await sendMessage("highlight.delete", { id: highlight.id });
      clearTimeout(undoTimer.current);
      setNotice(deleted ? { text: t("removed"), undo: deleted } : null);
      undoTimer.current = setTimeout(
        () => setNotice((current) => (current?.undo ? null : current)),
        UNDO_MS,
      );
      await refresh();
    } catch (error) {
      fail(error);
    }
  };

  const undo = async (highlight: Highlight) => {
    try {
      await sendMessage("highlight.restore", { highlight });
      setNotice(null);
      await refresh();
    } catch (error) {
      fail(error);
    }
  };

  const exportAs = async (format: ExportFormat) => {
    try {
      const file = await sendMessage("highlights.export", { format });
      downloadText(file.filename, file.content, file.mimeType);
      if (file.skipped > 0)
        setNotice({
          text: t("exportSkipped", { count: file.count, skipped: file.skipped }),
          error: true,
        });
    } catch (error) {
      fail(error);
    }
  };

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    try {
      const { added, skipped } = await sendMessage("highlights.import", {
        json: await file.text(),
      });
      setNotice({ text: t("imported", { added, skipped }) });
      await refresh();
    } catch (error) {
      fail(error, "importFailed");
    } finally {
      if (importInput.current) importInput.current.value = "";
    }
  };

  return (
    <main class="library siyaq-ui">
      <header class="top">
        <h1>{t("heading")}</h1>
        <div class="row io">
          <span id="siyaq-export-label">{t("exportAs")}:</span>
          <span role="group" aria-labelledby="siyaq-export-label" class="row">
            {EXPORT_BUTTONS.map(({ format, name, hint }) => (
              <button
                key={format}
                type="button"
                data-export={format}
                title={hint && t(hint)}
                onClick={() => void exportAs(format)}
              >
                {name}
              </button>
            ))}
          </span>
          <label class="button">
            {t("importFile")}
            <input
              ref={importInput}
              type="file"
              accept=".json,application/json,application/ld+json"
              class="visually-hidden"
              onChange={(e) => void importFile(e.currentTarget.files?.[0])}
            />
          </label>
        </div>
      </header>

      <section class="filters" aria-label={t("search")}>
        <label class="grow">
          {t("search")}
          <input
            type="search"
            name="query"
            value={query}
            placeholder={t("searchPlaceholder")}
            onInput={(e) => setQuery(e.currentTarget.value)}
          />
        </label>
        <label>
          {t("entity")}
          <select
            name="entity"
            value={entityId}
            onChange={(e) => setEntityId(e.currentTarget.value)}
          >
            <option value="">{t("any")}</option>
            {facets.entities.map((entity) => (
              <option
                key={entity.entityId}
                value={entity.entityId}
              >{`${entity.label} (${entity.count})`}</option>
            ))}
          </select>
        </label>
        <label>
          {t("tag")}
          <select name="tag" value={tag} onChange={(e) => setTag(e.currentTarget.value)}>
            <option value="">{t("any")}</option>
            {facets.tags.map((entry) => (
              <option key={entry.tag} value={entry.tag}>{`${entry.tag} (${entry.count})`}</option>
            ))}
          </select>
        </label>
        <label>
          {t("site")}
          <select name="site" value={site} onChange={(e) => setSite(e.currentTarget.value)}>
            <option value="">{t("any")}</option>
            {facets.sites.map((entry) => (
              <option
                key={entry.site}
                value={entry.site}
              >{`${entry.site} (${entry.count})`}</option>
            ))}
          </select>
        </label>
        <label>
          {t("from")}
          <input
            type="date"
            name="from"
            value={from}
            onInput={(e) => setFrom(e.currentTarget.value)}
          />
        </label>
        <label>
          {t("to")}
          <input type="date" name="to" value={to} onInput={(e) => setTo(e.currentTarget.value)} />
        </label>
        <label class="check">
          <input
            type="checkbox"
            name="orphaned"
            checked={orphanedOnly}
            onChange={(e) => setOrphanedOnly(e.currentTarget.checked)}
          />
          {t("orphanedOnly")}
        </label>
      </section>

      {notice && (
        <p
          class={notice.error ? "notice error" : "notice"}
          role={notice.error ? "alert" : "status"}
        >
          {notice.text}
          {notice.undo && (
            <button type="button" onClick={() => void undo(notice.undo!)}>
              {t("undo")}
            </button>
          )}
        </p>
      )}

      {malformed.length > 0 && (
        <p class="notice error" role="status" data-malformed={malformed.length}>
          {t("malformed", {
            count: malformed.length,
            ids: malformed
              .slice(0, 5)
              .map((record) => record.id)
              .join(", "),
          })}
        </p>
      )}

      {results && (
        <p class="muted count" aria-live="polite">
          {t("count", { shown: results.length, total })}
        </p>
      )}
      {results && total === 0 && <p class="empty">{t("empty")}</p>}
      {results && total > 0 && results.length === 0 && <p class="empty">{t("noMatch")}</p>}
      <div class="list">
        {results?.map((highlight) => (
          <HighlightItem
            key={highlight.id}
            highlight={highlight}
            t={t}
            formatDate={formatDate}
            onUpdate={update}
            onDelete={(h) => void remove(h)}
            onTag={setTag}
          />
        ))}
      </div>
    </main>
  );
}
