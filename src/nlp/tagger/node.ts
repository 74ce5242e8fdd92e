// Loads the shipped tagger weights from disk: for the CLI, tests and benchmark (Node only).
import { existsSync, readFileSync } from "node:fs";
import { loadTagger, type Tagger } from "./index";
import { TAGGER_FILE } from "@/src/shared/shipped-files";

/** The tagger in `path`, or null when no weights file is there (a bad file still throws). */
export function loadTaggerFromFile(path = TAGGER_FILE): Tagger | null {
  if (!existsSync(path)) return null;
  return loadTagger(new Uint8Array(readFileSync(path)));
}
