// The sites with their own rule: switch each on or off, remove it, or add one.
import { useState } from "preact/hooks";
import {
  normalizeHost,
  removeSiteRule,
  setSiteEnabled,
  type Settings,
} from "@/src/settings/settings";
import type { Translator } from "@/src/i18n/i18n";
import { errorText } from "@/src/shared/error-text";

/** A host a rule can name: a dotted domain, `localhost` or an IP address. */
export function isSiteHost(host: string): boolean {
  return (
    host === "localhost" ||
    /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(host) ||
    /^\[[0-9a-f:.]+\]$/.test(host)
  );
}

export function SiteList({ settings, t }: { settings: Settings; t: Translator }) {
  const [draft, setDraft] = useState("");
  const [error, setError] = useState<string>();
  const run = (work: Promise<unknown>) =>
    work.then(
      () => setError(undefined),
      (e: unknown) => setError(t("errorPrefix", { message: errorText(e) })),
    );
  const add = (event: Event) => {
    event.preventDefault();
    const host = normalizeHost(draft);
    if (!isSiteHost(host)) {
      setError(t("options.siteInvalid", { value: draft.trim() }));
      return;
    }
    run(setSiteEnabled(host, true).then(() => setDraft("")));
  };

  return (
    <section aria-labelledby="siyaq-sites" class="siyaq-panel">
      <h2 id="siyaq-sites">{t("options.sites")}</h2>
      {settings.sites.length === 0 ? (
        <p class="siyaq-empty">{t("options.sitesEmpty")}</p>
      ) : (
        <ul class="siyaq-sites" data-testid="site-list">
          {settings.sites.map((rule) => (
            <li key={rule.host} data-host={rule.host}>
              <label class="siyaq-choice">
                <input
                  type="checkbox"
                  role="switch"
                  checked={rule.enabled}
                  onChange={(event) => run(setSiteEnabled(rule.host, event.currentTarget.checked))}
                />
                <span>{t("options.siteEnabled", { host: rule.host })}</span>
              </label>
              <button
                type="button"
                class="siyaq-button siyaq-button--quiet"
                aria-label={t("options.siteRemove", { host: rule.host })}
                onClick={() => run(removeSiteRule(rule.host))}
              >
                {t("remove")}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="siyaq-inline-form" onSubmit={add}>
        <label for="siyaq-site-host">{t("options.siteHost")}</label>
        <input
          id="siyaq-site-host"
          type="text"
          dir="ltr"
          inputMode="url"
          autocomplete="off"
          value={draft}
          aria-invalid={error !== undefined}
          onInput={(event) => setDraft(event.currentTarget.value)}
        />
        <button type="submit" class="siyaq-button">
          {t("options.siteAdd")}
        </button>
      </form>
      {error && <p role="alert">{error}</p>}
    </section>
  );
}
