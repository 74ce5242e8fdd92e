// The seed article and a small lexicon for tests: the knowledge base's kind of names (countries,
// capitals, groups, outlets) taken from the gold, with the names the rules must find left out.
import { readFileSync, existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Lexicon, entriesFromEntities, type LexiconSource } from "@/src/nlp/lexicon";
import type { EntityType } from "@/src/nlp/types";
import { fromShared, readSharedJson } from "../../shared-data";
import { STARTER_PACK_FILE } from "@/src/shared/shipped-files";

const repo = fileURLToPath(new URL("../../../", import.meta.url));

export interface GoldEntity {
  start: number;
  end: number;
  type: EntityType;
  surface: string;
}

/** The seed article with its gold; empty without ../shared (the tests using it are skipped then). */
export const seed = fromShared(
  () => readSharedJson<{ text: string; entities: GoldEntity[] }>("fixtures/seed-article.gold.json"),
  { text: "", entities: [] },
);

export { SEED_REF_DATE } from "@/tools/lib/seed-dates";

/** Names the rules (titles, head nouns, one sense per document) must find on their own. */
export const LEFT_TO_RULES = new Set([
  "رائد العزاوي",
  "قاسم الأعرجي",
  "الأعرجي",
  "محمد الحلبوسي",
  "سليماني",
  "مجلس النواب العراقي",
  "مطار بغداد الدولي",
  "إقليم كردستان",
]);

export function seedEntities(): LexiconSource[] {
  const byName = new Map<string, LexiconSource>();
  for (const e of seed.entities) {
    if (e.type === "DATE" || LEFT_TO_RULES.has(e.surface) || byName.has(e.surface)) continue;
    byName.set(e.surface, {
      id: `test:${byName.size}`,
      type: e.type,
      names: { ar: e.surface },
      aliases: [],
    });
  }
  return [...byName.values()];
}

export function seedLexicon(): Lexicon {
  return Lexicon.build(entriesFromEntities(seedEntities()));
}

/** The starter pack, when the knowledge-base engineer has shipped it. */
export function starterPackLexicon(): Lexicon | undefined {
  const path = `${repo}${STARTER_PACK_FILE}`;
  if (!existsSync(path)) return undefined;
  const pack = JSON.parse(readFileSync(path, "utf8")) as { entities?: LexiconSource[] };
  return Array.isArray(pack.entities)
    ? Lexicon.build(entriesFromEntities(pack.entities))
    : undefined;
}

/** Micro P/R/F1 over exact spans of the given types. */
export function score(
  gold: readonly GoldEntity[],
  predicted: readonly { start: number; end: number; type: string }[],
  types: readonly string[],
) {
  const key = (e: { start: number; end: number; type: string }) => `${e.start}:${e.end}:${e.type}`;
  const g = new Set(gold.filter((e) => types.includes(e.type)).map(key));
  const p = predicted.filter((e) => types.includes(e.type)).map(key);
  const tp = p.filter((k) => g.has(k)).length;
  const precision = p.length ? tp / p.length : 0;
  const recall = g.size ? tp / g.size : 0;
  return {
    precision,
    recall,
    f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
  };
}
