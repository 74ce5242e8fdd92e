// Finds a saved passage again in a page's text: the exact quote first (told apart from repeats by
// its context and old position), then an approximate match when the page changed a little.
// Pure: text in, offsets out. Both sides are folded the same way, so diacritics, alef forms and
// whitespace do not matter; offsets are mapped back to the original text.
import search from "approx-string-match";
import { foldForMatch, type FoldedText } from "./match-normalize";
import type { TextPositionSelector, TextQuoteSelector } from "./selectors";

export interface Anchor {
  /** UTF-16 offsets into the original page text, `end` exclusive. */
  start: number;
  end: number;
  method: "exact" | "fuzzy";
  /** 0..1: how well quote, context and position agree. */
  score: number;
}

/** A page's text, folded once so many highlights can be anchored against it. */
export interface PageText {
  original: string;
  folded: FoldedText;
}

export function preparePageText(original: string): PageText {
  return { original, folded: foldForMatch(original) };
}

/**
 * Share of the quote's length that may differ in a fuzzy match: a quarter still finds a sentence
 * with a word edited or dropped. Chance matches within that budget are kept out by the score floor.
 */
export const MAX_ERROR_RATE = 0.25;
/**
 * A fuzzy match must score at least this overall. Short quotes with a quarter of their letters
 * wrong match unrelated text by chance (a 20-letter quote finds "وزير الخارجية ال" in any news
 * page); what tells the passage apart is its context, and a match without it scores below this.
 */
export const MIN_FUZZY_SCORE = 0.8;
/** Quotes this short (folded) need their context to agree too before a fuzzy match counts. */
const SHORT_QUOTE = 32;
const MIN_SHORT_CONTEXT = 0.6;
/**
 * An exact copy scoring this well (its context mostly intact) is taken without looking further;
 * below it, an edited passage in the right surroundings may be the better answer.
 */
const TRUSTED_EXACT_SCORE = 0.9;
/** A page with more repeats than this of a quote is not worth scoring one by one. */
const MAX_CANDIDATES = 500;
// Relative weights, as in the Hypothesis client: the quote matters most, then its context; the old
// position only breaks ties.
const WEIGHT = { quote: 50, prefix: 20, suffix: 20, position: 2 };
const WEIGHT_TOTAL = WEIGHT.quote + WEIGHT.prefix + WEIGHT.suffix + WEIGHT.position;

/** Re-anchors one passage; `null` means it cannot be found (the highlight is orphaned). */
export function anchorPassage(
  page: PageText | string,
  quote: TextQuoteSelector,
  position?: TextPositionSelector,
): Anchor | null {
  const { original, folded } = typeof page === "string" ? preparePageText(page) : page;
  const text = folded.text;
  const exact = foldForMatch(quote.exact).text.trim();
  if (exact === "" || text.length === 0) return null;
  const context: Context = {
    prefix: foldForMatch(quote.prefix).text,
    suffix: foldForMatch(quote.suffix).text,
    hint: position ? foldedIndex(folded, position.start) : undefined,
  };

  const exactStarts: number[] = [];
  for (
    let at = text.indexOf(exact);
    at !== -1 && exactStarts.length < MAX_CANDIDATES;
    at = text.indexOf(exact, at + 1)
  ) {
    exactStarts.push(at);
  }
  const bestExact =
    exactStarts.length > 0
      ? pickBest(
          exactStarts.map((start) => ({ start, end: start + exact.length, errors: 0 })),
          text,
          exact.length,
          context,
        )
      : undefined;
  if (bestExact && bestExact.score >= TRUSTED_EXACT_SCORE)
    return toOriginal(original, folded, bestExact, "exact");

  // No exact copy, or only one in the wrong surroundings (a short quote that also occurs elsewhere,
  // while the passage itself was edited): an approximate match in the right place may do better.
  const bestFuzzy = bestFuzzyMatch(text, exact, context);
  if (bestFuzzy && (!bestExact || bestFuzzy.score > bestExact.score))
    return toOriginal(original, folded, bestFuzzy, "fuzzy");
  return bestExact ? toOriginal(original, folded, bestExact, "exact") : null;
}

function bestFuzzyMatch(text: string, exact: string, context: Context): Scored | null {
  const maxErrors = Math.floor(exact.length * MAX_ERROR_RATE);
  if (maxErrors < 1) return null;
  const matches = fuzzyCandidates(text, exact, maxErrors, context);
  if (matches.length === 0) return null;
  const best = pickBest(matches, text, exact.length, context);
  if (best.score < MIN_FUZZY_SCORE) return null;
  if (exact.length < SHORT_QUOTE && (best.prefixScore + best.suffixScore) / 2 < MIN_SHORT_CONTEXT)
    return null;
  return best;
}

/**
 * Above this many (folded) characters the fuzzy search no longer scans the whole page, only the
 * windows where the passage should be (its old position, after its prefix, before its suffix): on a
 * long, repetitive page a whole-text approximate search finds a match at nearly every offset and took
 * seconds of the page's main thread. Exact matches are still looked for everywhere.
 */
export const MAX_WHOLE_TEXT_FUZZY = 50_000;
/** Quotes longer than this are matched exactly or within their windows only, never against the whole page. */
const MAX_WHOLE_TEXT_QUOTE = 2_000;

/** Occurrences of the context looked at per side: enough for a page, bounded for a pathological one. */
const MAX_CONTEXT_SITES = 20;

/**
 * Approximate matches of the quote. A whole-text search returns only the matches with the fewest
 * errors, which can be a near-copy elsewhere on the page (a headline repeated in a teaser) rather
 * than the edited passage itself; so the search also runs in windows where the passage should be —
 * around its old position and right after its prefix or before its suffix — and the context
 * scoring then chooses among them all.
 */
function fuzzyCandidates(
  text: string,
  quote: string,
  maxErrors: number,
  context: Context,
): Candidate[] {
  const span = quote.length + maxErrors;
  const windows: [number, number][] =
    text.length <= MAX_WHOLE_TEXT_FUZZY && quote.length <= MAX_WHOLE_TEXT_QUOTE
      ? [[0, text.length]]
      : [];
  if (context.hint !== undefined) windows.push([context.hint - span, context.hint + 2 * span]);
  const sites = (needle: string, add: (at: number) => void) => {
    if (needle.length < 8) return;
    let count = 0;
    for (
      let at = text.indexOf(needle);
      at !== -1 && count < MAX_CONTEXT_SITES;
      at = text.indexOf(needle, at + 1), count++
    )
      add(at);
  };
  sites(context.prefix, (at) =>
    windows.push([at + context.prefix.length - maxErrors, at + context.prefix.length + span]),
  );
  sites(context.suffix, (at) => windows.push([at - span, at + maxErrors]));

  const seen = new Set<string>();
  const candidates: Candidate[] = [];
  for (const [from, to] of windows) {
    const offset = Math.max(0, from);
    for (const match of search(text.slice(offset, Math.min(text.length, to)), quote, maxErrors)) {
      const candidate = {
        start: match.start + offset,
        end: match.end + offset,
        errors: match.errors,
      };
      const key = `${candidate.start}:${candidate.end}`;
      if (seen.has(key)) continue;
      seen.add(key);
      candidates.push(candidate);
      if (candidates.length >= MAX_CANDIDATES) return candidates;
    }
  }
  return candidates;
}

/** The saved context, folded, and the old position as an index into the folded page text. */
interface Context {
  prefix: string;
  suffix: string;
  hint: number | undefined;
}

interface Candidate {
  start: number;
  end: number;
  errors: number;
}

interface Scored extends Candidate {
  score: number;
  prefixScore: number;
  suffixScore: number;
}

function pickBest(
  candidates: Candidate[],
  text: string,
  quoteLength: number,
  context: Context,
): Scored {
  let best: Scored | undefined;
  for (const candidate of candidates) {
    const quoteScore = 1 - candidate.errors / quoteLength;
    const prefixScore = context.prefix
      ? contextScore(
          text.slice(Math.max(0, candidate.start - context.prefix.length), candidate.start),
          context.prefix,
        )
      : 1;
    const suffixScore = context.suffix
      ? contextScore(
          text.slice(candidate.end, candidate.end + context.suffix.length),
          context.suffix,
        )
      : 1;
    const positionScore =
      context.hint === undefined
        ? 1
        : 1 - Math.abs(candidate.start - context.hint) / Math.max(text.length, 1);
    const score =
      (WEIGHT.quote * quoteScore +
        WEIGHT.prefix * prefixScore +
        WEIGHT.suffix * suffixScore +
        WEIGHT.position * positionScore) /
      WEIGHT_TOTAL;
    if (!best || score > best.score) best = { ...candidate, score, prefixScore, suffixScore };
  }
  return best!;
}

/** 0..1: how closely the text around a candidate matches the saved context. */
function contextScore(around: string, saved: string): number {
  if (around.length === 0) return 0;
  const [match] = search(around, saved, saved.length);
  return match ? 1 - match.errors / saved.length : 0;
}

function foldedIndex(folded: FoldedText, originalIndex: number): number {
  // The first folded char at or after the original index (origin is non-decreasing).
  let low = 0;
  let high = folded.origin.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (folded.origin[mid]! < originalIndex) low = mid + 1;
    else high = mid;
  }
  return low;
}

function toOriginal(
  original: string,
  folded: FoldedText,
  match: Scored,
  method: Anchor["method"],
): Anchor {
  const start = folded.origin[match.start]!;
  // Up to the next kept char, so marks folded away after the last letter stay inside the range,
  // but never a whitespace run that follows it.
  let end = folded.origin[match.end]!;
  while (end > start + 1 && /\s/.test(original[end - 1]!)) end -= 1;
  return { start, end, method, score: Math.round(match.score * 1000) / 1000 };
}
