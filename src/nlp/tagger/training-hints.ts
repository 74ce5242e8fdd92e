// Simulated lexicon hints for training and evaluation. In the product the knowledge base's
// lexicon tells the tagger which tokens it matched; to learn how far to trust such hints the
// tagger trains on hints from a name list built from *other* sentences' gold spans (jackknife),
// so they are as incomplete and ambiguous as a real lexicon on unseen text.
import { foldToken } from "./fold";
import { articleStemStart } from "./features";
import type { SpanType, TokenSpan } from "./labels";

export interface NameList {
  /** Folded, article-stripped token sequence joined by spaces → the type seen most often. */
  types: Map<string, SpanType>;
  /** Longest entry, in tokens. */
  longest: number;
}

const WAW = 0x0648;
const FEH = 0x0641;

function aliasKey(token: string): string {
  const w = foldToken(token);
  return w.slice(articleStemStart(w));
}

/** Ways a text token may spell an alias token: as is, without the article, without و/ف. */
function tokenKeys(token: string): string[] {
  const w = foldToken(token);
  const keys = [w, w.slice(articleStemStart(w))];
  const c0 = w.charCodeAt(0);
  if ((c0 === WAW || c0 === FEH) && w.length > 3) keys.push(w.slice(1));
  if (/^[وف]?[بكل]/.test(w) && w.length > 4) keys.push(w.replace(/^[وف]?[بكل]/, ""));
  return keys;
}

export function buildNameList(
  sentences: Iterable<{ tokens: readonly string[]; spans: readonly TokenSpan[] }>,
): NameList {
  const votes = new Map<string, Map<SpanType, number>>();
  let longest = 0;
  for (const { tokens, spans } of sentences) {
    for (const span of spans) {
      const key = tokens.slice(span.start, span.end).map(aliasKey).join(" ");
      const byType = votes.get(key) ?? new Map<SpanType, number>();
      byType.set(span.type, (byType.get(span.type) ?? 0) + 1);
      votes.set(key, byType);
      longest = Math.max(longest, span.end - span.start);
    }
  }
  const types = new Map<string, SpanType>();
  for (const [key, byType] of votes) {
    let best: SpanType | undefined;
    for (const [type, count] of byType)
      if (best === undefined || count > byType.get(best)!) best = type;
    types.set(key, best!);
  }
  return { types, longest };
}

/** Per-token hints: the type of the longest name-list match covering each token, left to right. */
export function hintsFromNameList(
  tokens: readonly string[],
  names: NameList,
): (string | undefined)[] {
  const hints: (string | undefined)[] = new Array(tokens.length).fill(undefined);
  const keys = tokens.map(tokenKeys);
  let i = 0;
  while (i < tokens.length) {
    let matched = 0;
    let type: SpanType | undefined;
    // Try each spelling of the first token, then extend with the following tokens' alias form.
    for (let len = Math.min(names.longest, tokens.length - i); len >= 1 && matched === 0; len--) {
      const rest = keys.slice(i + 1, i + len).map((k) => k[1]!);
      for (const first of keys[i]!) {
        const found = names.types.get([first, ...rest].join(" "));
        if (found) {
          matched = len;
          type = found;
          break;
        }
      }
    }
    if (matched === 0) {
      i++;
      continue;
    }
    for (let k = i; k < i + matched; k++) hints[k] = type;
    i += matched;
  }
  return hints;
}
