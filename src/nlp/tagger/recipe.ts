// How the shipped tagger is trained, in one place: tools/train.ts builds public/models/tagger.bin
// with it, and evaluation tools train their held-out fold models with it, so a held-out figure
// always describes the model that ships.
import { parseCorpusLine, toTrainingSentence, type CorpusSentence } from "./corpus";
import type { TaggerWeights } from "./decode";
import { penaliseOutside, seededRandom, trainWeights, type TrainingOptions, type TrainingSentence } from "./training";
import { buildNameList, hintsFromNameList } from "./training-hints";
import { decodeWeights, encodeWeights } from "./weights-file";

export interface TaggerRecipe {
  training: TrainingOptions;
  /** Share of training sentences given simulated lexicon hints (see training-hints.ts). */
  hintShare: number;
  /** O penalty (see penaliseOutside); `npm run train` re-chooses it by cross-validation. */
  outsidePenalty: number;
  /** Softmax temperature for span scores; `npm run train` re-calibrates it. */
  temperature: number;
  weightBytes: 1 | 2;
}

/** The recipe of the committed weights (the last `npm run train` chose the penalty and temperature). */
export const SHIPPED_RECIPE: TaggerRecipe = {
  training: {
    epochs: 20,
    seed: 20260,
    bucketBits: 18,
    frequencyBits: 18,
    wordDropout: 0.25,
    hintedWordDropout: 0.8,
    margin: 50,
  },
  hintShare: 0.5,
  outsidePenalty: 16,
  temperature: 32,
  weightBytes: 1,
};

/** Parts of the training text for the jackknifed hint name lists. */
const HINT_PARTS = 5;

/**
 * Training sentences; a share of them carry lexicon hints from a name list built on the other
 * parts (jackknife), the rest none, so the tagger works with and without a lexicon.
 */
export function withSimulatedHints(sentences: readonly CorpusSentence[], hintShare: number, seed: number): TrainingSentence[] {
  const random = seededRandom(seed ^ 0x4b1d);
  const out = sentences.map(toTrainingSentence);
  if (hintShare <= 0) return out;
  for (let part = 0; part < HINT_PARTS; part++) {
    const from = Math.floor((part * sentences.length) / HINT_PARTS);
    const to = Math.floor(((part + 1) * sentences.length) / HINT_PARTS);
    const names = buildNameList([...sentences.slice(0, from), ...sentences.slice(to)]);
    for (let s = from; s < to; s++) {
      if (random() < hintShare) out[s]!.hints = hintsFromNameList(sentences[s]!.tokens, names);
    }
  }
  return out;
}

/**
 * Weights as the recipe trains them, round-tripped through the weights file so they score exactly
 * like what ships. Penalty and temperature are applied; pass `raw` to get them unapplied.
 */
export function trainWithRecipe(
  sentences: readonly CorpusSentence[],
  recipe: TaggerRecipe = SHIPPED_RECIPE,
  raw = false,
): TaggerWeights {
  const trained = trainWeights(withSimulatedHints(sentences, recipe.hintShare, recipe.training.seed), recipe.training);
  const weights = decodeWeights(encodeWeights(trained, recipe.weightBytes));
  if (raw) return weights;
  return { ...penaliseOutside(weights, recipe.outsidePenalty), temperature: recipe.temperature };
}

/** The same from corpus records (`{text, entities}`), for tools that hold them in that shape. */
export function trainWithRecipeFromRecords(records: readonly unknown[], recipe: TaggerRecipe = SHIPPED_RECIPE): TaggerWeights {
  return trainWithRecipe(records.map((r) => parseCorpusLine(JSON.stringify(r))), recipe);
}
