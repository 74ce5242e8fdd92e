// A stand-in for the background's recognizer in page tests: finds the given names wherever they
// occur, so tests check the page plumbing (offsets, batching, anchoring) and not the NLP.
import type { EntityType, Mention } from "@/src/nlp/types";

export interface KnownName {
  surface: string;
  type: EntityType;
  entityId?: string;
}

export function fakeRecognizer(names: readonly KnownName[]) {
  const calls: string[] = [];
  const recognize = async (text: string): Promise<Mention[]> => {
    calls.push(text);
    const found: Mention[] = [];
    for (const name of names) {
      for (
        let at = text.indexOf(name.surface);
        at !== -1;
        at = text.indexOf(name.surface, at + 1)
      ) {
        // A name ends at a word's end (العراق is not inside العراقي); a proclitic before it is fine.
        if (/\p{L}/u.test(text[at + name.surface.length] ?? "")) continue;
        found.push({
          start: at,
          end: at + name.surface.length,
          type: name.type,
          surface: name.surface,
          entityId: name.entityId,
          confidence: 1,
        });
      }
    }
    return found.sort((a, b) => a.start - b.start);
  };
  return { recognize, calls };
}

/** Names of the seed article, as the knowledge base would link them. */
export const SEED_NAMES: KnownName[] = [
  { surface: "قاسم الأعرجي", type: "PER", entityId: "per:qasim-al-araji" },
  { surface: "التحالف الدولي", type: "ORG", entityId: "org:coalition" },
  { surface: "العراق", type: "LOC", entityId: "country:iq" },
  { surface: "بغداد", type: "LOC", entityId: "city:baghdad" },
  { surface: "واشنطن", type: "LOC", entityId: "city:washington" },
  { surface: "داعش", type: "ORG", entityId: "org:isis" },
];
