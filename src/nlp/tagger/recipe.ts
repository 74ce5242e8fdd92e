// How the shipped tagger is trained, in one place: tools/train.ts builds public/models/tagger.bin
// with it, and evaluation tools train their held-out fold models with it, so a held-out figure
// always describes the model that ships.
import { parseCorpusLine, toTrainingSentence, type CorpusSentence } from "./corpus";
import type { TaggerWeights } from "./decode";
import {
  penaliseOutside,
  seededRandom,
  trainWeights,
  type TrainingOptions,
  type TrainingSentence,
} from "./training";
import { buildNameList, hintsFromNameList } from "./training-hints";
import { decodeWeights, encodeWeights } from "./weights-file";

export interface TaggerRecipe {
  training: TrainingOptions;
  /**
   * Share of training sentences whose hints a name list from the other parts' gold names adds to
   * (see training-hints.ts). 0 in the shipped recipe: the real lexicon's hints alone were better.
   */
  hintShare: number;
  /**
   * Share of the lexicon's matches hidden in training, so the tagger also finds names the
   * knowledge base does not know (with every match shown it learned "a place is what the lexicon
   * says": held-out F1 without a lexicon fell to 0.44; with 0.3 hidden it stays 0.67).
   */
  hintDropout: number;
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
    nameShapeBits: 16,
    wordDropout: 0.25,
    hintedWordDropout: 0.25,
    margin: 50,
  },
  hintShare: 0,
  hintDropout: 0.3,
  outsidePenalty: 0,
  temperature: 32,
  weightBytes: 1,
};

/** The tagger's hint per token, as the recognizer computes them (`taggerHints` in recognize.ts). */
export type HintSource = (tokens: readonly string[]) => (string | undefined)[];

/** Parts of the training text for the jackknifed hint name lists. */
const HINT_PARTS = 5;

/**
 * Training sentences with the hints the tagger will be given (`hintSource`: the knowledge-base
 * lexicon's matches and the rules' guesses, computed as the recognizer computes them), so it
 * learns when a match or a guess is the annotated name, part of it, or not one in context; some
 * are hidden (`hintDropout`) as if nothing had found the name. A share of sentences may also get hints from a name list built on the
 * other parts' gold names (jackknife).
 */
export function withTrainingHints(
  sentences: readonly CorpusSentence[],
  hintShare: number,
  seed: number,
  hintSource?: HintSource,
  hintDropout = 0,
): TrainingSentence[] {
  const random = seededRandom(seed ^ 0x4b1d);
  const out = sentences.map(toTrainingSentence);
  if (hintSource) {
    const hintRandom = seededRandom(seed ^ 0x1e71);
    for (let s = 0; s < sentences.length; s++) {
      const hints = hintSource(sentences[s]!.tokens);
      // Hide some hints (a run of one hint) as if neither the lexicon nor a rule had found the name.
      for (let k = 0; k < hints.length;) {
        const type = hints[k];
        let end = k + 1;
        while (type !== undefined && end < hints.length && hints[end] === type) end++;
        if (type !== undefined && hintRandom() < hintDropout) hints.fill(undefined, k, end);
        k = end;
      }
      if (hints.some((h) => h !== undefined)) out[s]!.hints = hints;
    }
  }
  if (hintShare <= 0) return out;
  for (let part = 0; part < HINT_PARTS; part++) {
    const from = Math.floor((part * sentences.length) / HINT_PARTS);
    const to = Math.floor(((part + 1) * sentences.length) / HINT_PARTS);
    const names = buildNameList([...sentences.slice(0, from), ...sentences.slice(to)]);
    for (let s = from; s < to; s++) {
      if (random() >= hintShare) continue;
      const simulated = hintsFromNameList(sentences[s]!.tokens, names);
      const real = out[s]!.hints;
      // The product's lexicon answers first; the simulated list fills what it does not know.
      out[s]!.hints = real ? simulated.map((h, k) => real[k] ?? h) : simulated;
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
  hintSource?: HintSource,
): TaggerWeights {
  const trained = trainWeights(
    withTrainingHints(
      sentences,
      recipe.hintShare,
      recipe.training.seed,
      hintSource,
      recipe.hintDropout,
    ),
    recipe.training,
  );
  const weights = decodeWeights(encodeWeights(trained, recipe.weightBytes));
  if (raw) return weights;
  return { ...penaliseOutside(weights, recipe.outsidePenalty), temperature: recipe.temperature };
}

/** The same from corpus records (`{text, entities}`), for tools that hold them in that shape. */
export function trainWithRecipeFromRecords(
  records: readonly unknown[],
  hintSource: HintSource | undefined,
  recipe: TaggerRecipe = SHIPPED_RECIPE,
): TaggerWeights {
  return trainWithRecipe(
    records.map((r) => parseCorpusLine(JSON.stringify(r))),
    recipe,
    false,
    hintSource,
  );
}
