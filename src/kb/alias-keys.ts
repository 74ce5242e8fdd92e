// Lookup keys for an entity's names: the recognizer's matching normalisation, so a search or a
// lexicon lookup agrees with what the recognizer finds in text (أمريكا/أميركا, hamza, ta marbuta).
import { normalizeWord } from "@/src/nlp/normalize";
import { spellingVariants } from "@/src/nlp/spelling-variants";
import type { EntityType } from "@/src/nlp/types";

/** One name or query as a lookup key: normalised, whitespace collapsed. */
export function aliasKey(name: string): string {
  return normalizeWord(name.replace(/\s+/g, " ").trim());
}

/**
 * Every distinct key of an entity's Arabic and English names and aliases, and of the ways they are
 * also written (src/nlp/spelling-variants: هيأة for هيئة, أنجولا for أنغولا), so a search finds the
 * entity under the spelling the reader types, as the recognizer finds it in text. `variants: false`
 * gives the keys of the declared names only (what a pack says; pack:stats and the pack's checks).
 */
export function aliasKeysOf(
  entity: {
    type?: EntityType;
    names: { ar?: string; en?: string };
    aliases?: readonly string[];
    ambiguousAliases?: readonly string[];
  },
  { variants = true }: { variants?: boolean } = {},
): string[] {
  const keys = new Set<string>();
  const source = { type: entity.type ?? "MISC", names: { en: entity.names.en } } as const;
  const add = (name: string | undefined) => {
    if (name === undefined) return;
    for (const form of variants ? [name, ...spellingVariants(name, source)] : [name]) {
      const key = aliasKey(form);
      if (key) keys.add(key);
    }
  };
  add(entity.names.ar);
  add(entity.names.en);
  entity.aliases?.forEach(add);
  entity.ambiguousAliases?.forEach(add);
  return [...keys];
}
