// The per-site switch: one checkbox that turns Siyaq on or off for the described tab's site. The
// content script hears the settings change and marks or unmarks the page at once.
import { useState } from "preact/hooks";
import { setSiteEnabled, siteRule, type Settings } from "@/src/settings/settings";
import type { Translator } from "@/src/i18n/i18n";
import { errorText } from "@/src/shared/error-text";

export interface SiteSwitchProps {
  host: string | undefined;
  settings: Settings;
  /** Whether the content script reported from this tab, i.e. Siyaq runs there now. */
  running: boolean;
  t: Translator;
}

/** On when the user switched the site on, or when no rule exists and Siyaq runs there by default. */
export function siteSwitchState(settings: Settings, host: string, running: boolean): boolean {
  return siteRule(settings, host)?.enabled ?? (settings.defaultMode === "arabic" && running);
}

export function SiteSwitch({ host, settings, running, t }: SiteSwitchProps) {
  const [error, setError] = useState<string>();
  if (!host) return <p class="siyaq-site siyaq-empty">{t("popup.siteUnavailable")}</p>;
  const on = siteSwitchState(settings, host, running);
  return (
    <div class="siyaq-site">
      <label class="siyaq-switch">
        <input
          type="checkbox"
          role="switch"
          checked={on}
          data-testid="site-switch"
          onChange={(event) => {
            setError(undefined);
            setSiteEnabled(host, event.currentTarget.checked).catch((e: unknown) =>
              setError(t("errorPrefix", { message: errorText(e) })),
            );
          }}
        />
        <span>{t("popup.siteSwitch", { host })}</span>
      </label>
      {error && <p role="alert">{error}</p>}
    </div>
  );
}
