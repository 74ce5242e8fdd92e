// The toolbar popup: the described tab's names by type and salience, the passages saved from it,
// a search over the knowledge base, an entity's full card, the per-site switch, the keyboard
// shortcuts, and the way to the library and settings.
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { browser } from "wxt/browser";
import { sendMessage } from "@/src/messaging/client";
import type { EntitySummary } from "@/src/messaging/messages/kb";
import { loadSettings, onSettingsChanged, type Settings } from "@/src/settings/settings";
import type { Translator } from "@/src/i18n/i18n";
import { libraryUrl } from "@/src/ui/shared/links";
import { useAsync } from "@/src/ui/shared/use-async";
import { describedTab } from "./current-tab";
import { EntityPanel } from "./EntityPanel";
import { LearnedPanel } from "./LearnedPanel";
import type { LearnedSummary } from "@/src/messaging/messages/kb";
import { PageEntityList } from "./PageEntityList";
import { rankPageEntities } from "./salience";
import { SearchResults } from "./SearchResults";
import { SiteSwitch } from "./SiteSwitch";
import { highlightAddresses, PageHighlights } from "./PageHighlights";
import { Shortcuts } from "./Shortcuts";
import { takePopupFocus } from "./popup-focus";

export interface PopupProps {
  t: Translator;
  /** The popup page's query string (`?tab=<id>` names the tab to describe). */
  search?: string;
}

export function Popup({ t, search = location.search }: PopupProps) {
  const [openEntity, setOpenEntity] = useState<string>();
  const [openLearned, setOpenLearned] = useState<string>();
  const [query, setQuery] = useState("");
  const [settings, setSettings] = useState<Settings>();
  const opener = useRef<string>();

  const context = useAsync(async () => {
    const tab = await describedTab(search);
    const page = tab ? await sendMessage("page.status", { tabId: tab.id }) : null;
    const ids = [
      ...new Set((page?.entities ?? []).flatMap((e) => (e.entityId ? [e.entityId] : []))),
    ];
    const summaries = ids.length ? await sendMessage("entities.byIds", { ids }) : [];
    // The page's unlinked names that were met in other articles too: names learned from reading.
    const unlinked = [
      ...new Set(
        (page?.entities ?? []).flatMap((e) =>
          !e.entityId && e.type !== "DATE" ? [e.surface] : [],
        ),
      ),
    ];
    const learned = unlinked.length
      ? await sendMessage("learned.among", { surfaces: unlinked })
      : [];
    return {
      tab,
      page,
      summaries: new Map(summaries.map((s: EntitySummary) => [s.id, s])),
      learned: new Map(learned.map((l: LearnedSummary) => [l.surface, l])),
    };
  }, [search]);
  const stats = useAsync(() => sendMessage("db.stats", {}), []);

  useEffect(() => {
    loadSettings().then(setSettings, console.error);
    takePopupFocus().then((entityId) => entityId && setOpenEntity(entityId), console.error);
    return onSettingsChanged(setSettings);
  }, []);

  const groups = useMemo(() => {
    const page = context.value?.page;
    if (!page) return [];
    const summaries = context.value!.summaries;
    const namesOf = (id: string) => {
      const names = summaries.get(id)?.names;
      return names ? [names.ar, names.en ?? ""] : [];
    };
    return rankPageEntities(page.entities, page.title, namesOf);
  }, [context.value]);

  const open = (entityId: string) => {
    opener.current = entityId;
    setOpenLearned(undefined);
    setOpenEntity(entityId);
  };
  const back = () => {
    setOpenEntity(undefined);
    setOpenLearned(undefined);
    // Return keyboard focus to the name that opened the card.
    const id = opener.current;
    requestAnimationFrame(() =>
      document
        .querySelector<HTMLElement>(`button[data-entity-id="${CSS.escape(id ?? "")}"]`)
        ?.focus(),
    );
  };

  const status = context.value?.page;
  // A report from a page Siyaq does not run on only carries an offer (Arabic passages).
  const page = status?.running ? status : null;
  const trimmed = query.trim();

  return (
    <main class="siyaq-ui siyaq-popup">
      <header class="siyaq-popup__head">
        <h1>{t("appName")}</h1>
        {settings && context.value && (
          <SiteSwitch
            host={context.value.tab?.host}
            settings={settings}
            running={page != null}
            t={t}
          />
        )}
      </header>

      <form class="siyaq-search" role="search" onSubmit={(event) => event.preventDefault()}>
        <label for="siyaq-search">{t("popup.searchLabel")}</label>
        <input
          id="siyaq-search"
          type="search"
          value={query}
          placeholder={t("popup.searchPlaceholder")}
          autocomplete="off"
          dir="auto"
          onInput={(event) => {
            setQuery(event.currentTarget.value);
            setOpenEntity(undefined);
            setOpenLearned(undefined);
          }}
        />
      </form>

      {context.error && <p role="alert">{t("errorPrefix", { message: context.error })}</p>}

      {openEntity ? (
        <EntityPanel entityId={openEntity} t={t} onBack={back} lookups={settings?.lookupUnknown} />
      ) : openLearned ? (
        <LearnedPanel surface={openLearned} t={t} onBack={back} onOpenEntity={open} />
      ) : trimmed ? (
        <SearchResults query={trimmed} t={t} onOpen={open} />
      ) : (
        <section class="siyaq-page" aria-labelledby="siyaq-this-page">
          <h2 id="siyaq-this-page">{t("popup.thisPage")}</h2>
          {context.loading && !context.value && <p aria-live="polite">{t("loading")}</p>}
          {context.value && !page && <p class="siyaq-empty">{t("popup.notRunning")}</p>}
          {!page && status?.arabicPassages && (
            <p class="siyaq-offer" data-testid="arabic-passages">
              {t("popup.arabicPassages")}
            </p>
          )}
          {page && (
            <>
              <p class="siyaq-page__summary" data-testid="page-mentions">
                {t.count("popup.mentions", page.mentionCount)}
              </p>
              <PageEntityList
                groups={groups}
                summaries={context.value!.summaries}
                learned={context.value!.learned}
                t={t}
                onOpen={open}
                onOpenLearned={(surface) => {
                  opener.current = surface;
                  setOpenLearned(surface);
                }}
              />
            </>
          )}
        </section>
      )}

      {!openEntity && !openLearned && !trimmed && context.value?.tab && (
        <PageHighlights
          tabId={context.value.tab.id}
          urls={highlightAddresses(context.value.tab.url, page?.url)}
          t={t}
        />
      )}

      <footer class="siyaq-popup__foot">
        <Shortcuts t={t} />
        {stats.value && (
          <p class="siyaq-stats" data-testid="db-stats">
            {t("popup.stats", {
              entities: stats.value.entities,
              events: stats.value.events,
              highlights: stats.value.highlights,
            })}
          </p>
        )}
        <nav class="siyaq-links">
          <a href={libraryUrl()} target="_blank" rel="noopener">
            {t("popup.library")}
          </a>
          <a
            href={browser.runtime.getURL("/options.html")}
            onClick={(event) => {
              event.preventDefault();
              browser.runtime.openOptionsPage().catch(console.error);
            }}
          >
            {t("popup.options")}
          </a>
        </nav>
      </footer>
    </main>
  );
}
