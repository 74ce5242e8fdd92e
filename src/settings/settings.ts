// User settings live in `storage.local`, not in the database: every context (content scripts
// included) can read them directly and hear changes at once through `storage.onChanged`.
import { browser } from "wxt/browser";
import * as v from "valibot";
import { ENTITY_TYPES } from "@/src/nlp/types";

export const MARK_STYLES = ["underline", "background", "outline"] as const;
/** The UI language the reader chose: the browser's, or Arabic or English whatever the browser says. */
export const UI_LANGUAGE_CHOICES = ["browser", "ar", "en"] as const;
export type UiLanguageChoice = (typeof UI_LANGUAGE_CHOICES)[number];

const SiteRuleSchema = v.object({ host: v.string(), enabled: v.boolean() });
export type SiteRule = v.InferOutput<typeof SiteRuleSchema>;

export const SettingsSchema = v.object({
  /** `arabic`: run on pages whose text is mostly Arabic; `chosen`: only on sites switched on. */
  defaultMode: v.optional(v.picklist(["arabic", "chosen"]), "arabic"),
  markTypes: v.optional(v.array(v.picklist(ENTITY_TYPES)), ["PER", "ORG", "LOC", "DATE"]),
  markStyle: v.optional(v.picklist(MARK_STYLES), "underline"),
  hoverDelayMs: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(3000)), 300),
  sites: v.optional(v.array(SiteRuleSchema), []),
  /** Language of the popup, options, library and cards; `browser` follows the browser's UI language. */
  uiLanguage: v.optional(v.picklist(UI_LANGUAGE_CHOICES), "browser"),
  /** Look every unknown name up on Wikidata/Wikipedia without a click (the name only is sent). Off by default. */
  lookupUnknown: v.optional(v.boolean(), false),
});
export type Settings = v.InferOutput<typeof SettingsSchema>;

const KEY = "siyaq.settings";

export const DEFAULT_SETTINGS: Settings = v.parse(SettingsSchema, {});

/** Reads settings; anything stored that no longer validates falls back to the defaults field by field. */
export async function loadSettings(): Promise<Settings> {
  const stored = (await browser.storage.local.get(KEY))[KEY];
  return parseSettings(stored);
}

export function parseSettings(stored: unknown): Settings {
  if (typeof stored !== "object" || stored === null) return { ...DEFAULT_SETTINGS };
  const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const [key, value] of Object.entries(stored)) {
    const field = (SettingsSchema.entries as Record<string, v.GenericSchema>)[key];
    if (field && v.safeParse(field, value).success) merged[key] = value;
  }
  return v.parse(SettingsSchema, merged);
}

// Saves from one context run one after another: each reads what the previous one wrote, so two
// quick changes (a checkbox, then a select) cannot overwrite each other with a stale copy.
let pendingSave: Promise<unknown> = Promise.resolve();

/** Applies a change computed from the current settings, after any save still in flight. */
export function updateSettings(
  change: (current: Settings) => Partial<Settings>,
): Promise<Settings> {
  const saved = pendingSave.then(async () => {
    const current = await loadSettings();
    const next = v.parse(SettingsSchema, { ...current, ...change(current) });
    await browser.storage.local.set({ [KEY]: next });
    return next;
  });
  pendingSave = saved.catch(() => undefined);
  return saved;
}

export function saveSettings(patch: Partial<Settings>): Promise<Settings> {
  return updateSettings(() => patch);
}

/**
 * The form a site is stored and compared in: lower case, no port, no leading `www.` — so a rule
 * set on `www.aljazeera.net` also holds on `aljazeera.net`. Accepts a bare host or a whole URL.
 */
export function normalizeHost(input: string): string {
  const text = input.trim();
  if (!text) return "";
  try {
    // The URL parser lower-cases, drops ports and paths, and turns Arabic domains into punycode.
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `http://${text}`);
    return url.hostname.replace(/^www\./, "").replace(/\.$/, "");
  } catch {
    return "";
  }
}

/** The explicit rule for a host, if the user set one. */
export function siteRule(settings: Settings, host: string): SiteRule | undefined {
  const wanted = normalizeHost(host);
  return settings.sites.find((rule) => normalizeHost(rule.host) === wanted);
}

/**
 * Whether Siyaq runs on `host`: an explicit per-site rule wins; otherwise `arabic` mode runs when
 * the page is mostly Arabic and `chosen` mode does not run.
 */
export function shouldRun(settings: Settings, host: string, pageIsArabic: boolean): boolean {
  const rule = siteRule(settings, host);
  if (rule) return rule.enabled;
  return settings.defaultMode === "arabic" && pageIsArabic;
}

export function setSiteEnabled(host: string, enabled: boolean): Promise<Settings> {
  const wanted = normalizeHost(host);
  if (!wanted) return Promise.reject(new Error(`not a site: ${JSON.stringify(host)}`));
  return updateSettings((settings) => {
    // A toggled site keeps its place in the list, so the options page does not reshuffle.
    let placed = false;
    const sites: SiteRule[] = [];
    for (const rule of settings.sites) {
      if (normalizeHost(rule.host) !== wanted) sites.push(rule);
      else if (!placed) {
        sites.push({ host: wanted, enabled });
        placed = true;
      }
    }
    if (!placed) sites.push({ host: wanted, enabled });
    return { sites };
  });
}

/** Forgets the user's rule for a site: it falls back to the global default. */
export function removeSiteRule(host: string): Promise<Settings> {
  const wanted = normalizeHost(host);
  return updateSettings((settings) => ({
    sites: settings.sites.filter((rule) => normalizeHost(rule.host) !== wanted),
  }));
}

/** Calls `listener` with the new settings whenever any context changes them. */
export function onSettingsChanged(listener: (settings: Settings) => void): () => void {
  const handle = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === "local" && KEY in changes) listener(parseSettings(changes[KEY]?.newValue));
  };
  browser.storage.onChanged.addListener(handle);
  return () => browser.storage.onChanged.removeListener(handle);
}
