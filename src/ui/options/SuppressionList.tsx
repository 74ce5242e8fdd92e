// The names the reader told Siyaq to stop marking ("not an entity here"), with a way back.
import { useEffect, useState } from "preact/hooks";
import {
  EVERY_SITE,
  loadSuppressions,
  onSuppressionsChanged,
  removeSuppression,
  type Suppression,
} from "@/src/settings/suppressions";
import type { Translator } from "@/src/i18n/i18n";
import { errorText } from "@/src/shared/error-text";

export function SuppressionList({ t }: { t: Translator }) {
  const [list, setList] = useState<Suppression[]>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    loadSuppressions().then(setList, (e: unknown) => setError(errorText(e)));
    return onSuppressionsChanged(setList);
  }, []);
  const restore = (entry: Suppression) =>
    removeSuppression(entry.surface, entry.host).then(
      () => setError(undefined),
      (e: unknown) => setError(t("errorPrefix", { message: errorText(e) })),
    );

  return (
    <section aria-labelledby="siyaq-suppressions" class="siyaq-panel">
      <h2 id="siyaq-suppressions">{t("options.suppressions")}</h2>
      {list === undefined ? null : list.length === 0 ? (
        <p class="siyaq-empty">{t("options.suppressionsEmpty")}</p>
      ) : (
        <ul class="siyaq-sites" data-testid="suppression-list">
          {[...list].reverse().map((entry) => {
            const where = entry.host === EVERY_SITE ? t("options.everySite") : entry.host;
            return (
              <li key={`${entry.host}\u0000${entry.key}`}>
                <span>
                  <bdi>{entry.surface}</bdi> · <bdi>{where}</bdi>
                </span>
                <button
                  type="button"
                  class="siyaq-button siyaq-button--quiet"
                  aria-label={t("options.suppressionRestore", { name: entry.surface, site: where })}
                  onClick={() => void restore(entry)}
                >
                  {t("options.suppressionRestoreShort")}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {error && <p role="alert">{error}</p>}
    </section>
  );
}
