// The tagger's matching fold, applied to each token before features are hashed. Delegates to the
// recognizer's normaliser so the tagger and the lexicon see the same letters.
export { normalizeWord as foldToken } from "@/src/nlp/normalize";
