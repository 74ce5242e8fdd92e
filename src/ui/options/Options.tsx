// The options page: where and how Siyaq marks names, the sites list, the knowledge base (packs
// and hand-made entities) and all of the user's data.
import { useEffect, useState } from "preact/hooks";
import { loadSettings, onSettingsChanged, type Settings } from "@/src/settings/settings";
import type { Translator } from "@/src/i18n/i18n";
import { libraryUrl } from "@/src/ui/shared/links";
import { DataControls } from "./DataControls";
import { EntityEditor } from "./EntityEditor";
import { GeneralSettings } from "./GeneralSettings";
import { PackList } from "./PackList";
import { SiteList } from "./SiteList";
import { SuppressionList } from "./SuppressionList";

export function Options({ t }: { t: Translator }) {
  const [settings, setSettings] = useState<Settings>();
  // Bumped after imports and wipes so the pack list reads the database again.
  const [dataRound, setDataRound] = useState(0);
  useEffect(() => {
    loadSettings().then(setSettings, console.error);
    // Changes made elsewhere (the popup's site switch, another options tab) show up here at once.
    return onSettingsChanged(setSettings);
  }, []);
  const changed = () => setDataRound((n) => n + 1);

  return (
    <main class="siyaq-ui siyaq-options">
      <header class="siyaq-options__head">
        <h1>{t("options.title")}</h1>
        <a href={libraryUrl()} target="_blank" rel="noopener" data-testid="library-link">
          {t("options.libraryLink")}
        </a>
      </header>
      {settings ? (
        <>
          <GeneralSettings settings={settings} t={t} />
          <SiteList settings={settings} t={t} />
        </>
      ) : (
        <p aria-live="polite">{t("loading")}</p>
      )}
      <SuppressionList t={t} />
      <section aria-labelledby="siyaq-kb" class="siyaq-panel">
        <h2 id="siyaq-kb">{t("options.kb")}</h2>
        <PackList key={dataRound} t={t} />
        <EntityEditor t={t} />
      </section>
      <DataControls t={t} onChanged={changed} />
    </main>
  );
}
