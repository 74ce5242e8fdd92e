// The page gold (tests/fixtures/page-gold): real pages' text as the extension reads it, with every
// PER/ORG/LOC/DATE mention. Committed, so it loads on a fresh clone; only re-extracting the text
// needs ../shared.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { EntityType } from "@/src/nlp/types";
import { REPO_ROOT, sharedPath } from "./shared-dir";

export const PAGE_GOLD_DIR = join(REPO_ROOT, "tests/fixtures/page-gold");
export const SHARED_PAGES_DIR = sharedPath("corpora/pages");

export interface PageGold {
  id: string;
  split: "dev" | "heldout";
  source: string;
  text: string;
  entities: { start: number; end: number; type: EntityType; surface: string }[];
}

export function loadPageGold(): PageGold[] {
  return readdirSync(PAGE_GOLD_DIR)
    .filter((f) => f.endsWith(".gold.json"))
    .sort()
    .map((f) => JSON.parse(readFileSync(`${PAGE_GOLD_DIR}/${f}`, "utf8")) as PageGold);
}
