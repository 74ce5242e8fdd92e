// Entry point of the recognizer. Placeholder until the recognizer lands: finds nothing.
import type { Mention } from "./types";

export interface RecognizeOptions {
  refDate?: string;
}

export function recognize(_text: string, _options: RecognizeOptions = {}): Mention[] {
  return [];
}
