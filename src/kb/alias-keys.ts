// Lookup keys for an entity's names: the recognizer's matching normalisation, so a search or a
// lexicon lookup agrees with what the recognizer finds in text (أمريكا/أميركا, hamza, ta marbuta).
import { normalizeWord } from "@/src/nlp/normalize";

/** One name or query as a lookup key: normalised, whitespace collapsed. */
export function aliasKey(name: string): string {
  return normalizeWord(name.replace(/\s+/g, " ").trim());
}

/** Every distinct key of an entity's Arabic and English names and aliases. */
export function aliasKeysOf(entity: {
  names: { ar?: string; en?: string };
  aliases?: readonly string[];
  ambiguousAliases?: readonly string[];
}): string[] {
  const keys = new Set<string>();
  const add = (name: string | undefined) => {
    if (name === undefined) return;
    const key = aliasKey(name);
    if (key) keys.add(key);
  };
  add(entity.names.ar);
  add(entity.names.en);
  entity.aliases?.forEach(add);
  entity.ambiguousAliases?.forEach(add);
  return [...keys];
}
