// Global settings: where Siyaq runs by default, which names it marks, how, and how soon the card
// appears. Every change is saved at once; open tabs hear it through storage.onChanged.
import { useState } from "preact/hooks";
import {
  MARK_STYLES,
  saveSettings,
  UI_LANGUAGE_CHOICES,
  type Settings,
} from "@/src/settings/settings";
import type { EntityType } from "@/src/nlp/types";
import type { Translator } from "@/src/i18n/i18n";
import { errorText } from "@/src/shared/error-text";
import { requestLookupPermission } from "@/src/lookup/permission";

/** The types a reader can choose to mark; the recognizer's other types are not painted. */
export const MARKABLE_TYPES: readonly EntityType[] = ["PER", "ORG", "LOC", "DATE"];
const HOVER_DELAY_MAX = 3000;

export function GeneralSettings({ settings, t }: { settings: Settings; t: Translator }) {
  const [error, setError] = useState<string>();
  const [delayDraft, setDelayDraft] = useState<string>();
  const save = (patch: Partial<Settings>) => {
    setError(undefined);
    saveSettings(patch).catch((e: unknown) =>
      setError(t("errorPrefix", { message: errorText(e) })),
    );
  };
  const toggleType = (type: EntityType, on: boolean) =>
    save({
      markTypes: on
        ? [...new Set([...settings.markTypes, type])]
        : settings.markTypes.filter((x) => x !== type),
    });
  const delayValue = delayDraft ?? String(settings.hoverDelayMs);
  const delayValid = /^\d{1,4}$/.test(delayValue) && Number(delayValue) <= HOVER_DELAY_MAX;

  return (
    <section aria-labelledby="siyaq-general" class="siyaq-panel">
      <h2 id="siyaq-general">{t("options.general")}</h2>
      <div class="siyaq-field">
        <label for="siyaq-ui-language">{t("options.language")}</label>
        <select
          id="siyaq-ui-language"
          value={settings.uiLanguage}
          onChange={(event) =>
            save({ uiLanguage: event.currentTarget.value as Settings["uiLanguage"] })
          }
        >
          {UI_LANGUAGE_CHOICES.map((choice) => (
            // Each language names itself, so a reader who cannot read the current one still finds theirs.
            <option key={choice} value={choice} lang={choice === "browser" ? undefined : choice}>
              {t(`options.language.${choice}`)}
            </option>
          ))}
        </select>
      </div>
      <fieldset>
        <legend>{t("options.defaultMode")}</legend>
        {(["arabic", "chosen"] as const).map((mode) => (
          <label key={mode} class="siyaq-choice">
            <input
              type="radio"
              name="defaultMode"
              value={mode}
              checked={settings.defaultMode === mode}
              onChange={() => save({ defaultMode: mode })}
            />
            {t(`options.mode.${mode}`)}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t("options.markTypes")}</legend>
        {MARKABLE_TYPES.map((type) => (
          <label key={type} class="siyaq-choice">
            <input
              type="checkbox"
              name="markTypes"
              value={type}
              checked={settings.markTypes.includes(type)}
              onChange={(event) => toggleType(type, event.currentTarget.checked)}
            />
            {t(`type.${type}`)}
          </label>
        ))}
      </fieldset>
      <div class="siyaq-field">
        <label for="siyaq-mark-style">{t("options.markStyle")}</label>
        <select
          id="siyaq-mark-style"
          value={settings.markStyle}
          onChange={(event) =>
            save({ markStyle: event.currentTarget.value as Settings["markStyle"] })
          }
        >
          {MARK_STYLES.map((style) => (
            <option key={style} value={style}>
              {t(`style.${style}`)}
            </option>
          ))}
        </select>
      </div>
      <div class="siyaq-field">
        <label for="siyaq-hover-delay">{t("options.hoverDelay")}</label>
        <input
          id="siyaq-hover-delay"
          type="number"
          inputMode="numeric"
          min={0}
          max={HOVER_DELAY_MAX}
          step={50}
          value={delayValue}
          aria-invalid={!delayValid}
          aria-describedby="siyaq-hover-delay-help"
          onInput={(event) => {
            const raw = event.currentTarget.value.trim();
            setDelayDraft(raw);
            if (/^\d{1,4}$/.test(raw) && Number(raw) <= HOVER_DELAY_MAX)
              save({ hoverDelayMs: Number(raw) });
          }}
          onBlur={() => setDelayDraft(undefined)}
        />
        <small id="siyaq-hover-delay-help">0–{HOVER_DELAY_MAX}</small>
      </div>
      <div class="siyaq-field">
        <label class="siyaq-choice">
          <input
            type="checkbox"
            name="lookupUnknown"
            checked={settings.lookupUnknown}
            aria-describedby="siyaq-lookup-help"
            onChange={(event) => {
              if (!event.currentTarget.checked) return save({ lookupUnknown: false });
              // Asked inside the click (a user gesture), and only now: never at install.
              setError(undefined);
              void requestLookupPermission().then((granted) =>
                granted ? save({ lookupUnknown: true }) : setError(t("options.lookupDenied")),
              );
            }}
          />
          {t("options.lookup")}
        </label>
        <small id="siyaq-lookup-help">{t("options.lookupHelp")}</small>
      </div>
      {error && <p role="alert">{error}</p>}
    </section>
  );
}
