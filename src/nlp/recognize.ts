// Entry point of the recognizer: finds people, organisations, places and dates in Arabic text by
// combining dates, the knowledge base's lexicon, the rules for unknown names and, when one is
// loaded, a learned tagger; then makes the document agree with itself (one sense per document).
import { ENTITY_TYPES, guessHint, type EntityType, type Mention } from "./types";
import { formsWithProclitics, tokenize, type Token } from "./tokenize";
import type { KnownFamilyName, Lexicon, LexiconMatch } from "./lexicon";
import { findDates } from "./dates";
import {
  findByRules,
  isDescriptiveHead,
  isGenericHead,
  isGenericPlaceHead,
  isNamingHead,
  isNisba,
} from "./rules";
import { FUNCTION_WORDS } from "./data/function-words";
import { NAME_CONNECTORS, TITLES } from "./data/titles";
import { NEVER_NAME_AS_WRITTEN, TRAILING_ROLES, WAW_INITIAL_NAMES } from "./data/span-words";
import { normalizeWord } from "./normalize";

/** A span the learned tagger proposes, in token indices (end exclusive). */
export interface TaggedSpan {
  start: number;
  end: number;
  type: "PER" | "ORG" | "LOC" | "MISC";
  score: number;
}

/**
 * What recognize() needs from a learned tagger (src/nlp/tagger provides one): surface tokens in,
 * spans out; `hints[i]` is the type the lexicon matched at token i, a feature the tagger learned.
 */
export interface SpanTagger {
  tag(tokens: readonly string[], hints?: readonly (string | undefined)[]): TaggedSpan[];
}

export interface RecognizeOptions {
  /** Compiled aliases of the knowledge base; without it only rules (and the tagger) find names. */
  lexicon?: Lexicon;
  /** Publication date (ISO); relative dates resolve against it. */
  refDate?: string;
  /** Optional learned tagger: adds names neither the lexicon nor the rules know. */
  tagger?: SpanTagger;
}

/**
 * How much each source is trusted when two spans compete for the same text. A rule alone is the
 * weakest evidence (measured: on ANERcorp its spans are right less often than the tagger's), but
 * a rule span that contains a lexicon or tagger span of the same type fixes that span's
 * boundaries (`مطار بغداد الدولي` around `بغداد`, `رائد العزاوي` around `العزاوي`) and wins.
 * The tagger outranks the lexicon where they disagree: it was given the lexicon's matches as
 * hints and learned from annotated news when a match is the name, part of a longer one, or
 * something else in context (`برشلونة` the club, not the city). Where they agree the lexicon's
 * candidate stands, with its link (see `reconcile`).
 */
const PRIORITY = { date: 5, confirmedRule: 4, tagger: 3, lexicon: 2, rule: 1 } as const;

interface Candidate {
  /** Set on rule candidates: a person after a title may retype what it contains. */
  kind?: "title" | "head";
  start: number;
  end: number;
  startToken: number;
  endToken: number;
  type: EntityType;
  entityId?: string;
  confidence: number;
  date?: string;
  priority: number;
  /** `spanKey`, computed once. */
  key?: string;
}

const functionWords = new Set(FUNCTION_WORDS.map(normalizeWord));
const connectors = new Set(NAME_CONNECTORS.map(normalizeWord));
const wawNames = new Set(WAW_INITIAL_NAMES.map(normalizeWord));
const trailingRoles = new Set(
  [...TRAILING_ROLES, ...TITLES.filter((t) => !t.includes(" "))].map(normalizeWord),
);
const neverNames = new Set(NEVER_NAME_AS_WRITTEN);
const titleWords = new Set(TITLES.filter((t) => !t.includes(" ")).map(normalizeWord));

/** `على` as written (tashkeel and tatweel dropped, ى kept): the preposition, never a name. */
function neverAName(token: Token): boolean {
  return (
    token.surface.length <= 6 &&
    neverNames.has(token.surface.replace(/[\u064b-\u065f\u0670\u0640]/g, ""))
  );
}

/**
 * The tokens of a proposed span that can be a name, the same for every source: no line break
 * inside (names never cross lines: the part before the break is kept), no preposition written
 * `على` at either end, and for a person no role noun or particle after the name (`محمد صلاح
 * لاعب …`, `خالد عبد الكريم على هامش …`). Undefined when nothing is left.
 */
export function nameTokens(
  text: string,
  tokens: readonly Token[],
  start: number,
  end: number,
  type: string,
): { start: number; end: number } | undefined {
  for (let k = start + 1; k < end; k++) {
    if (breakBefore(text, tokens, k)) {
      end = k;
      break;
    }
  }
  while (start < end && neverAName(tokens[start]!)) start++;
  while (end > start) {
    const last = tokens[end - 1]!;
    if (neverAName(last)) end--;
    else if (
      type === "PER" &&
      end - start > 1 &&
      (trailingRoles.has(last.norm) || functionWords.has(last.norm))
    )
      end--;
    else break;
  }
  return end > start ? { start, end } : undefined;
}

/**
 * Recognises entity mentions in `text`. Mentions are sorted, non-overlapping, inside the text,
 * with `surface === text.slice(start, end)` and attached proclitics left out of the span.
 */
export function recognize(text: string, options: RecognizeOptions = {}): Mention[] {
  if (typeof text !== "string" || text.length === 0) return [];
  const tokens = tokenize(text);
  if (tokens.length === 0) return [];
  const { lexicon, refDate, tagger } = options;

  const { candidates, dateTokens, lexiconAt, hints } = gatherEvidence(
    text,
    tokens,
    lexicon,
    refDate,
    tagger !== undefined,
  );
  if (tagger)
    candidates.push(
      ...reconcile(
        text,
        tokens,
        candidates,
        taggedCandidates(text, tagger, tokens, hints, lexicon),
        lexiconAt,
      ),
    );

  confirmRules(candidates);
  // With a tagger, a name found only by a rule is dropped: measured on held-out ANERcorp folds the
  // tagger finds unknown names better, title-only spans were mostly wrong (verbs and nouns after a
  // title) and head-noun-only spans cost more precision than they added recall; dropping them also
  // raised AQMAR (Wikipedia). Rules still fix the boundaries of lexicon and tagger spans (above).
  // Head-noun phrases stay: the contract's organisations (`وزارة الصحة`, `هيئة قناة السويس`) are
  // named by their head, which ANERcorp, the tagger's teacher, does not annotate.
  // A bare word after a generic head stays only with the tagger's or the lexicon's support
  // (`تنظيم داعش`, but `تنظيم انتخابات` is "organising elections").
  const kept = tagger
    ? candidates.filter((c) => c.priority !== PRIORITY.rule || namedByHead(text, c))
    : candidates;
  const accepted = joinAdjacent(text, tokens, resolveOverlaps(kept, text.length)).filter(
    (c) => !describesNoun(text, tokens, c),
  );
  if (tagger) completePersons(text, tokens, accepted);
  const withAcronyms = acronyms(text, tokens, accepted, dateTokens);
  return toMentions(text, oneSensePerDocument(text, tokens, withAcronyms, dateTokens, lexicon));
}

const LATIN_ACRONYM = /^[A-Z][A-Z0-9&]{1,7}$/;

/**
 * Acronyms on a page: an acronym in parentheses right after an organisation's name (`منظمة
 * الصحة العالمية (WHO)`, `… (فاو)`) is that name — a word in capitals, or an Arabic word without
 * the article. It takes the name's type and link, and so does every other
 * bare occurrence of it on the page, before or after — also where the tagger read it as another
 * thing (`فاو` the Iraqi port), unless the KB linked that occurrence. (Measured and left out: any
 * Latin word in capitals among Arabic words as an organisation — AQMAR 0.516 → 0.500, the dev
 * pages unchanged.)
 */
function acronyms(
  text: string,
  tokens: readonly Token[],
  accepted: Candidate[],
  dateTokens: Uint8Array,
): Candidate[] {
  const taken = new Uint8Array(tokens.length);
  // One-word candidates by token, which an acronym's full name may retype.
  const single = new Map<number, Candidate>();
  for (const c of accepted) {
    taken.fill(1, c.startToken, c.endToken);
    if (c.endToken - c.startToken === 1 && c.type !== "DATE") single.set(c.startToken, c);
  }
  const found = new Map<string, Candidate>();
  for (const c of accepted) {
    if (c.type !== "ORG" || c.endToken - c.startToken < 2) continue;
    const k = c.endToken;
    if (tokens[k]?.surface !== "(" || tokens[k + 2]?.surface !== ")") continue;
    const a = tokens[k + 1]!;
    if (a.kind !== "word" || a.norm.length < 2 || functionWords.has(a.norm)) continue;
    if (taken[k + 1] && !single.has(k + 1)) continue;
    // Acronyms carry no article (`(الصورة)` "the photo" after a name is a caption).
    const latin = LATIN_ACRONYM.test(a.surface);
    if (!latin && (!ARABIC_LETTER.test(a.surface) || a.norm.startsWith("ال"))) continue;
    if (!found.has(a.norm)) found.set(a.norm, c);
  }
  const out: Candidate[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const full = found.get(t.norm);
    const own = single.get(i);
    if (full && own && !own.entityId) {
      own.type = full.type;
      if (full.entityId) own.entityId = full.entityId;
      else delete own.entityId;
      continue;
    }
    if (taken[i] || dateTokens[i] || t.kind !== "word") continue;
    if (!full) continue;
    out.push({
      start: t.start,
      end: t.end,
      startToken: i,
      endToken: i + 1,
      type: full.type,
      confidence: 0.8,
      priority: PRIORITY.rule,
      ...(full.entityId ? { entityId: full.entityId } : {}),
    });
  }
  if (out.length === 0) return accepted;
  return [...accepted, ...out].sort((a, b) => a.start - b.start);
}

/**
 * A one-word place shaped like an adjective right after a common noun with the article is that
 * noun's adjective (`الشعر الرمادي` "the grey hair", not Ramadi): Arabic puts the adjective after
 * its noun, with the article, and a place's name does not follow a definite noun directly.
 */
function describesNoun(text: string, tokens: readonly Token[], c: Candidate): boolean {
  if (
    c.type !== "LOC" ||
    c.endToken - c.startToken !== 1 ||
    c.kind === "head" ||
    !isNisba(tokens[c.startToken]!.norm)
  )
    return false;
  if (c.start !== tokens[c.startToken]!.start) return false; // a clitic before it starts a new phrase
  const before = tokens[c.startToken - 1];
  if (!before || before.kind !== "word" || breakBefore(text, tokens, c.startToken)) return false;
  const n = before.norm;
  return (
    n.startsWith("ال") &&
    n.length > 3 &&
    !functionWords.has(n) &&
    !isNisba(n) &&
    !isGenericHead(n) &&
    !isNamingHead(n)
  );
}

/** A head-noun rule's phrase of several words, or a name with the article after its head. */
function namedByHead(text: string, c: Candidate): boolean {
  return c.kind === "head" && (c.endToken - c.startToken > 1 || spanKey(text, c).startsWith("ال"));
}

/** Left to right, the longest lexicon match at each token not inside an earlier one. */
function lexiconCandidates(
  tokens: readonly Token[],
  lexiconAt: (i: number) => LexiconMatch | undefined,
): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const m = lexiconAt(i);
    if (!m) continue;
    // A word stretched with tatweel at its end is glued to the next (`والـ LBCI`): no name ends so.
    if (tokens[m.endToken - 1]!.surface.endsWith("\u0640")) {
      i = m.endToken - 1;
      continue;
    }
    const sense = choose(m);
    // A KB alias that carries a title (`السيدة فيروز`) is reported without it, as rules do.
    const titled =
      sense.type === "PER" &&
      m.clitics === "" &&
      m.endToken - m.startToken > 1 &&
      titleWords.has(tokens[m.startToken]!.norm);
    const from = titled ? m.startToken + 1 : m.startToken;
    out.push({
      start: titled ? tokens[from]!.start : m.start,
      end: m.end,
      startToken: from,
      endToken: m.endToken,
      ...sense,
      priority: PRIORITY.lexicon,
    });
    i = m.endToken - 1;
  }
  return out;
}

/** A rule's guess as a hint, per type, made once (see `guessHint`). */
const RULE_HINTS = Object.fromEntries(ENTITY_TYPES.map((t) => [t, guessHint(t)])) as Readonly<
  Record<EntityType, string>
>;

/**
 * What the sources other than the tagger find — dates, rule spans, lexicon matches — and the hints
 * the tagger gets from them: per token, the type the lexicon matched, else `~` and the type a rule
 * guessed (`~PER` after a title, `~ORG` after an organisation's head noun).
 */
function gatherEvidence(
  text: string,
  tokens: readonly Token[],
  lexicon: Lexicon | undefined,
  refDate: string | undefined,
  withHints: boolean,
) {
  const candidates: Candidate[] = [];
  const dateTokens = new Uint8Array(tokens.length);
  for (const d of findDates(tokens, refDate)) {
    dateTokens.fill(1, d.startToken, d.endToken);
    candidates.push({
      ...d,
      type: "DATE",
      confidence: 0.9,
      priority: PRIORITY.date,
      ...(d.date ? { date: d.date } : {}),
    });
  }
  const lexiconAt = lexicon ? memoLexicon(text, lexicon, tokens, dateTokens) : () => undefined;
  const rules: Candidate[] = [];
  for (const r of findByRules({
    tokens,
    lexiconAt,
    isDate: (i) => dateTokens[i] === 1,
    breakBefore: (i) => breakBefore(text, tokens, i),
  })) {
    const linked = r.lexicon ? choose(r.lexicon, r.type) : {};
    if (!r.lexicon) {
      const kept = nameTokens(text, tokens, r.startToken, r.endToken, r.type);
      if (!kept) continue;
      if (kept.end < r.endToken)
        Object.assign(r, { endToken: kept.end, end: tokens[kept.end - 1]!.end });
    }
    const priority = r.overrules
      ? PRIORITY.confirmedRule
      : r.lexicon
        ? PRIORITY.lexicon
        : PRIORITY.rule;
    const { overrules: _, ...rule } = r;
    rules.push({ ...rule, ...linked, type: r.type, priority });
  }
  candidates.push(...rules);
  const hints: (string | undefined)[] | undefined = withHints
    ? new Array(tokens.length).fill(undefined)
    : undefined;
  if (lexicon) {
    for (const c of lexiconCandidates(tokens, lexiconAt)) {
      candidates.push(c);
      hints?.fill(c.type, c.startToken, c.endToken);
    }
  }
  if (hints) {
    for (const r of rules) {
      for (let k = r.startToken; k < r.endToken; k++) hints[k] ??= RULE_HINTS[r.type];
    }
  }
  return { candidates, dateTokens, lexiconAt, hints };
}

/**
 * The tagger's hints for each of `tokens` (surface tokens joined by single spaces make the text,
 * as in the corpora), computed exactly as recognize() computes them: training uses it so that the
 * tagger learns from the hints it will be given.
 */
export function taggerHints(
  tokens: readonly string[],
  lexicon: Lexicon | undefined,
): (string | undefined)[] {
  const hints: (string | undefined)[] = new Array(tokens.length).fill(undefined);
  const text = tokens.join(" ");
  if (text.length === 0) return hints;
  const starts: number[] = [];
  let offset = 0;
  for (const t of tokens) {
    starts.push(offset);
    offset += t.length + 1;
  }
  const textTokens = tokenize(text);
  const found = gatherEvidence(text, textTokens, lexicon, undefined, true).hints!;
  // Each text token's hint goes to the corpus token it lies in (a clitic split off stays inside).
  let k = 0;
  textTokens.forEach((t, i) => {
    while (k + 1 < starts.length && starts[k + 1]! <= t.start) k++;
    if (found[i] !== undefined) hints[k] ??= found[i];
  });
  return hints;
}

/** The lexicon's candidates, indexed once for `reconcile`. */
interface KnownNames {
  /** Every lexicon candidate by its token span (a rule and the lexicon may both have one). */
  bySpan: Map<string, Candidate[]>;
  /** Linked candidates by their first token. */
  linkedAt: Map<number, Candidate>;
  /** Linked candidates of two tokens or more. */
  multiWord: Candidate[];
  /** Per token, the longest linked multi-word candidate covering it. */
  cover: (Candidate | undefined)[];
  /** Tokens inside a linked entity of a type the tagger was not taught (see TAUGHT_TYPES). */
  untaught: Uint8Array;
}

function indexKnownNames(tokens: readonly Token[], candidates: readonly Candidate[]): KnownNames {
  const known: KnownNames = {
    bySpan: new Map(),
    linkedAt: new Map(),
    multiWord: [],
    cover: new Array<Candidate | undefined>(tokens.length),
    untaught: new Uint8Array(tokens.length),
  };
  for (const c of candidates) {
    if (c.priority !== PRIORITY.lexicon) continue;
    const key = `${c.startToken}:${c.endToken}`;
    known.bySpan.set(key, [...(known.bySpan.get(key) ?? []), c]);
    if (!c.entityId) continue;
    known.linkedAt.set(c.startToken, c);
    if (!TAUGHT_TYPES.has(c.type)) known.untaught.fill(1, c.startToken, c.endToken);
    if (c.endToken - c.startToken < 2) continue;
    known.multiWord.push(c);
    for (let k = c.startToken; k < c.endToken; k++)
      if (!known.cover[k] || known.cover[k]!.endToken < c.endToken) known.cover[k] = c;
  }
  return known;
}

/**
 * Whether a tagged span gives way to a known name it disagrees with. The tagger outranks the
 * lexicon in general (it learned news annotation's conventions, e.g. `مكة` in `مكة المكرمة`,
 * `غزة` in `قطاع غزة`), but the known name is surer when:
 * - the span lies inside it and is of another type (`العراق` in `الدولة الإسلامية في العراق
 *   والشام`), or inside a known person's full name or a name opened by a head noun that belongs
 *   to it (`مطار بغداد الدولي`, `إقليم كردستان`: the contract's convention);
 * - it is a known entity of a type the tagger never learned to weigh (`فيروس كورونا`);
 * - the span only extends it by adjectives (`داعش الإرهابي` is `داعش` described);
 * - the span reaches left of it over a word that may be a preposition plus a noun (`بريف دمشق`:
 *   ب + ريف, no article to show it), so it cannot leave the preposition out.
 */
function yieldsToKnownName(
  text: string,
  tokens: readonly Token[],
  known: KnownNames,
  t: Candidate,
): boolean {
  const around = known.cover[t.startToken];
  if (around && around.endToken >= t.endToken) {
    if (around.type !== t.type || around.type === "PER") return true;
    const head = tokens[around.startToken]!;
    if (isNamingHead(normalizeWord(text.slice(around.start, head.end)))) return true;
  }
  if (known.untaught.subarray(t.startToken, t.endToken).includes(1)) return true;
  const same = known.linkedAt.get(t.startToken);
  if (same && same.type === t.type && same.endToken < t.endToken) {
    let adjectives = true;
    for (let k = same.endToken; k < t.endToken && adjectives; k++)
      adjectives = isNisba(tokens[k]!.norm);
    if (adjectives) return true;
  }
  const first = tokens[t.startToken]!;
  if (first.stems.length > 0 && !first.stems.some((st) => st.strong)) {
    for (let k = t.startToken + 1; k < t.endToken; k++) {
      const c = known.linkedAt.get(k);
      if (c && c.endToken <= t.endToken) return true;
    }
  }
  return false;
}

/**
 * Tagged spans that cover a known multi-word name exactly, in pieces (`بريف` + `دمشق` for `ريف
 * دمشق`): the tagger agreed with the name's extent, so the known name stands whole.
 */
function piecesOfKnownNames(known: KnownNames, tagged: readonly Candidate[]): Set<Candidate> {
  const taggedAt = new Map<number, Candidate>();
  for (const t of tagged) taggedAt.set(t.startToken, t);
  const pieces = new Set<Candidate>();
  for (const c of known.multiWord) {
    const run: Candidate[] = [];
    let k = c.startToken;
    for (let t = taggedAt.get(k); t && t.endToken <= c.endToken; t = taggedAt.get(k)) {
      run.push(t);
      k = t.endToken;
    }
    if (run.length > 1 && k === c.endToken) for (const t of run) pieces.add(t);
  }
  return pieces;
}

/**
 * Where the tagger and the lexicon found the same tokens, one candidate stays: the lexicon's,
 * which carries the link, retyped when the tagger read the context otherwise (`فاز برشلونة` is
 * the club: ORG; linked only if the alias has an entity of that type). Tagged spans that give
 * way to a known name are dropped; the tagger's other candidates are returned.
 */
function reconcile(
  text: string,
  tokens: readonly Token[],
  candidates: Candidate[],
  tagged: readonly Candidate[],
  lexiconAt: (i: number) => LexiconMatch | undefined,
): Candidate[] {
  const known = indexKnownNames(tokens, candidates);
  const pieces = piecesOfKnownNames(known, tagged);
  return tagged.filter((t) => {
    if (pieces.has(t) || yieldsToKnownName(text, tokens, known, t)) return false;
    const same = known.bySpan.get(`${t.startToken}:${t.endToken}`);
    if (!same) return true;
    const m = lexiconAt(t.startToken);
    const linked =
      m && m.endToken === t.endToken && m.candidates.some((k) => k.type === t.type)
        ? choose(m, t.type)
        : undefined;
    for (const c of same) {
      if (c.type === t.type) continue;
      c.type = t.type;
      if (linked?.entityId) c.entityId = linked.entityId;
      else delete c.entityId;
    }
    return false;
  });
}

/** Words that stand inside a person's name between given and family name (`حسين الحاج حسن`). */
const INNER_NAME_WORDS = new Set(["الحاج"].map(normalizeWord));

/** Lexicon types the tagger saw as hints in training, and so may overrule. */
const TAUGHT_TYPES: ReadonlySet<EntityType> = new Set(["PER", "ORG", "LOC"]);

/**
 * Joins two names of one type that touch with nothing between them — no punctuation, line
 * break or و (`هونج` + `كونج` → `هونج كونج`) — when neither is a known entity: a tagger labels
 * each word of an unknown foreign name and may start a new name at each, while a known name next
 * to another is two places (`القلمون` + `بريف دمشق`).
 */
function joinAdjacent(text: string, tokens: readonly Token[], accepted: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (const c of accepted) {
    const last = out[out.length - 1];
    const first = tokens[c.startToken]!;
    // `حسين الحاج حسن`: الحاج inside a person's name (a family name of the Levant), between two
    // parts a tagger reads as two people, joins them.
    if (
      last &&
      last.type === "PER" &&
      c.type === "PER" &&
      c.startToken === last.endToken + 1 &&
      !last.entityId &&
      !c.entityId &&
      c.endToken - c.startToken === 1 &&
      INNER_NAME_WORDS.has(tokens[last.endToken]!.norm) &&
      !breakBefore(text, tokens, last.endToken) &&
      !breakBefore(text, tokens, c.startToken)
    ) {
      const { key: _rekey, ...rest } = last;
      out[out.length - 1] = {
        ...rest,
        end: c.end,
        endToken: c.endToken,
        confidence: Math.min(last.confidence, c.confidence),
      };
      continue;
    }
    if (
      last &&
      c.type !== "DATE" &&
      last.type === c.type &&
      c.startToken === last.endToken &&
      !last.entityId &&
      !c.entityId &&
      first.kind !== "punct" &&
      !first.norm.startsWith("و") &&
      !breakBefore(text, tokens, c.startToken)
    ) {
      const { entityId: _unlinked, key: _rekey, ...rest } = last;
      out[out.length - 1] = {
        ...rest,
        end: c.end,
        endToken: c.endToken,
        confidence: Math.min(last.confidence, c.confidence),
      };
      continue;
    }
    out.push(c);
  }
  return out;
}

/**
 * A person's name does not end on a connector (`فاطمة بنت`, `زيان بن`, `أبي`): the word after
 * it belongs to the name when it is a word at all.
 */
function completePersons(text: string, tokens: readonly Token[], accepted: Candidate[]): void {
  const taken = new Uint8Array(tokens.length);
  for (const c of accepted) taken.fill(1, c.startToken, c.endToken);
  for (const c of accepted) {
    if (c.type !== "PER") continue;
    while (connectors.has(tokens[c.endToken - 1]!.norm)) {
      const next = tokens[c.endToken];
      if (
        !next ||
        taken[c.endToken] ||
        next.kind === "punct" ||
        functionWords.has(next.norm) ||
        breakBefore(text, tokens, c.endToken)
      )
        break;
      taken[c.endToken] = 1;
      c.endToken++;
      c.end = next.end;
      delete c.key;
      delete c.entityId;
    }
  }
}

/** The longest lexicon match at each token (none inside dates), computed once per token. */
function memoLexicon(
  text: string,
  lexicon: Lexicon,
  tokens: readonly Token[],
  dateTokens: Uint8Array,
): (i: number) => LexiconMatch | undefined {
  const ids = lexicon.wordIds(tokens);
  const memo: Array<LexiconMatch | null | undefined> = new Array(tokens.length);
  return function lexiconAt(i) {
    if (i < 0 || i >= tokens.length || dateTokens[i]) return undefined;
    let m = memo[i];
    if (m === undefined) {
      const found = innerName(lexicon, tokens, ids, lexicon.matchAt(tokens, ids, i));
      m =
        found && !overlapsDate(found, dateTokens) && !crossesBreak(text, tokens, found)
          ? found
          : null;
      memo[i] = m;
    }
    return m ?? undefined;
  };
}

/** `تنظيم داعش الإرهابي` as a KB alias still yields `داعش` when that name is known on its own. */
function innerName(
  lexicon: Lexicon,
  tokens: readonly Token[],
  ids: Int32Array,
  m: LexiconMatch | undefined,
): LexiconMatch | undefined {
  if (!m || m.endToken - m.startToken < 2) return m;
  const first = tokens[m.startToken]!;
  const head =
    m.clitics === "" ? first.norm : first.stems.find((s) => s.clitics === m.clitics)?.form;
  if (!head || !isGenericHead(head)) return m;
  const inner = lexicon.matchAt(tokens, ids, m.startToken + 1);
  if (inner && inner.endToken <= m.endToken && inner.clitics === "") {
    // The head chooses among the name's senses: `صحيفة الشرق الأوسط` is the newspaper, not the
    // region, and `مدينة الصدر` the district — the whole alias's entity. After a descriptive head
    // the name keeps its own (`حكومة العراق`: the country).
    if (inner.endToken === m.endToken && !isDescriptiveHead(head))
      return { ...inner, candidates: m.candidates };
    return inner;
  }
  // A generic place head stays out of the span even when only the whole alias is known
  // (`منطقة السيدة زينب` → `السيدة زينب`), as the rules and the contract have it.
  if (isGenericPlaceHead(head)) {
    const name = tokens[m.startToken + 1]!;
    return { ...m, startToken: m.startToken + 1, start: name.start, clitics: "" };
  }
  for (let k = m.startToken + 1; k < m.endToken; k++) if (!isNisba(tokens[k]!.norm)) return m;
  // Only adjectives after the head: `القوات الأمريكية` describes and names nothing, while after a
  // head like قناة the adjective is the name, not known alone because it is an everyday word
  // (`قناة العربية` → `العربية`, linked to the channel).
  if (isDescriptiveHead(head)) return undefined;
  const name = tokens[m.startToken + 1]!;
  return { ...m, startToken: m.startToken + 1, start: name.start, clitics: "" };
}

/** The type and entity a lexicon match stands for, preferring `wanted` when it is a candidate. */
function choose(
  m: LexiconMatch,
  wanted?: EntityType,
): { type: EntityType; entityId?: string; confidence: number } {
  const only = m.candidates.length === 1 ? m.candidates[0]! : undefined;
  if (only) return { type: only.type, entityId: only.entityId, confidence: 0.95 }; // the usual case
  let pool = m.candidates;
  if (wanted && pool.some((c) => c.type === wanted)) pool = pool.filter((c) => c.type === wanted);
  // The type most candidates share; ties go to the first listed.
  const counts = new Map<EntityType, number>();
  for (const c of pool) counts.set(c.type, (counts.get(c.type) ?? 0) + 1);
  let type = pool[0]!.type;
  for (const [t, n] of counts) if (n > (counts.get(type) ?? 0)) type = t;
  const ids = new Set(pool.filter((c) => c.type === type).map((c) => c.entityId));
  if (ids.size === 1) return { type, entityId: [...ids][0]!, confidence: 0.95 };
  return { type, confidence: 0.8 }; // several entities share the alias: leave the link to the reader
}

/** A known name never runs across a line break (`دونالد` ending one tag line, `ترامب` the next). */
function crossesBreak(text: string, tokens: readonly Token[], m: LexiconMatch): boolean {
  for (let k = m.startToken + 1; k < m.endToken; k++) if (breakBefore(text, tokens, k)) return true;
  return false;
}

function overlapsDate(m: LexiconMatch, dateTokens: Uint8Array): boolean {
  for (let k = m.startToken; k < m.endToken; k++) if (dateTokens[k]) return true;
  return false;
}

/** True when a line or paragraph break separates token i from token i−1. */
function breakBefore(text: string, tokens: readonly Token[], i: number): boolean {
  const prev = tokens[i - 1];
  const cur = tokens[i];
  if (!prev || !cur) return true;
  for (let k = prev.end; k < cur.start; k++) {
    const c = text.charCodeAt(k);
    if (c === 0x0a || c === 0x0d || c === 0x2029 || c === 0x2028) return true;
  }
  return false;
}

/** The tagger's spans as candidates, proclitics peeled from the first token. */
function taggedCandidates(
  text: string,
  tagger: SpanTagger,
  tokens: readonly Token[],
  hints: readonly (string | undefined)[] | undefined,
  lexicon: Lexicon | undefined,
): Candidate[] {
  const out: Candidate[] = [];
  let spans: TaggedSpan[];
  try {
    spans = tagger.tag(
      tokens.map((t) => t.surface),
      hints,
    );
  } catch {
    // The tagger is a separately shipped model: if it fails on some text, the lexicon and the
    // rules still answer rather than the page getting nothing.
    return out;
  }
  if (!Array.isArray(spans)) return out;
  for (const proposed of spans) {
    if (
      !Number.isInteger(proposed.start) ||
      !Number.isInteger(proposed.end) ||
      proposed.start < 0 ||
      proposed.end > tokens.length ||
      proposed.end <= proposed.start
    )
      continue;
    const s = nameTokens(text, tokens, proposed.start, proposed.end, proposed.type);
    if (!s) continue;
    const first = tokens[s.start]!;
    if (
      first.kind === "punct" ||
      !namelike(tokens, s.start, s.end, proposed.type) ||
      !hasArabic(tokens, s.start, s.end)
    )
      continue;
    const offset = procliticOffset(first, lexicon);
    out.push({
      start: first.start + offset,
      end: tokens[s.end - 1]!.end,
      startToken: s.start,
      endToken: s.end,
      type: proposed.type,
      confidence: Math.min(1, Math.max(0, Number.isFinite(proposed.score) ? proposed.score : 0.5)),
      priority: PRIORITY.tagger,
    });
  }
  return out;
}

/**
 * Whether tagged tokens can be a name at all: particles are not, nor are adjectives alone
 * (`الإرهابي`) or adverbs (`إيرانياً`) as places — whatever the tagger's context made of them.
 * A person's family name looks like an adjective (`العزاوي`), and so do clubs and other
 * organisations named by one (`الأهلي`, `الإسماعيلي`), so PER and ORG spans are spared that test
 * (measured on held-out ANERcorp: +0.15 point, ORG 0.575 → 0.584).
 */
function namelike(tokens: readonly Token[], start: number, end: number, type: string): boolean {
  if (!tokens.slice(start, end).some((t) => t.kind === "word")) return false; // `2025-09-28` → `09`
  let adjectives = 0;
  for (let k = start; k < end; k++) {
    const t = tokens[k]!;
    if (functionWords.has(t.norm)) return false;
    if (isNisba(t.norm) || (t.norm.endsWith("يا") && /[\u064b]|اً$/.test(t.surface))) adjectives++;
  }
  return type === "PER" || type === "ORG" || adjectives < end - start;
}

const ARABIC_LETTER = /[\u0621-\u064a\u0671-\u06d3]/;

/**
 * Whether a tagged span has an Arabic word: the tagger learned from Arabic news without Latin
 * script, and its guesses on Latin text (page chrome, code, `All Rights Reserved`) were wrong
 * on real pages; Latin names the KB knows are the lexicon's.
 */
function hasArabic(tokens: readonly Token[], start: number, end: number): boolean {
  for (let k = start; k < end; k++) if (ARABIC_LETTER.test(tokens[k]!.surface)) return true;
  return false;
}

/**
 * Where the name starts inside the first token of a tagged span: after its proclitics when the
 * remainder shows it is a word of its own (article, a known alias, or a doubled و), after a
 * glued و unless the word is a known name or a و-initial given name (data/span-words.ts), else 0.
 */
function procliticOffset(token: Token, lexicon: Lexicon | undefined): number {
  if (lexicon && lexicon.lookup(token.surface).length > 0) return 0;
  for (const s of token.stems) if (s.strong) return s.offset;
  for (const s of token.stems) {
    if (lexicon && lexicon.lookup(s.form).length > 0) return s.offset;
    if (s.clitics === "و" && s.form.startsWith("و")) return s.offset;
  }
  // A glued و before a word that is no و-initial name is the conjunction (`ومبارك`, `وفرانك`).
  const conjunction = token.stems.find((s) => s.clitics === "و");
  if (conjunction && !wawNames.has(token.norm)) return conjunction.offset;
  return 0;
}

/** Raises rule spans that contain a lexicon or tagger span of their type (boundary fixes). */
function confirmRules(candidates: Candidate[]): void {
  const evidence = candidates
    .filter((c) => c.priority === PRIORITY.lexicon || c.priority === PRIORITY.tagger)
    .sort((a, b) => a.start - b.start);
  for (const rule of candidates) {
    if (rule.priority !== PRIORITY.rule) continue;
    // First evidence span starting at or after the rule's start (binary search), then scan on.
    let lo = 0;
    let hi = evidence.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (evidence[mid]!.start < rule.start) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < evidence.length && evidence[k]!.start < rule.end; k++) {
      const e = evidence[k]!;
      // A title before a name says PER more surely than a tagger's guess (`رئيس الاتحاد برند جوتشولك`).
      // A head that belongs to the name makes the phrase one name, whatever is inside it: a place
      // in an organisation's name is part of it (`هيئة قناة السويس`), never painted twice.
      const namedByHead =
        rule.kind === "head" && rule.endToken - rule.startToken > 1 && e.start > rule.start;
      const sameThing =
        e.type === rule.type ||
        namedByHead ||
        (rule.kind === "title" && e.priority === PRIORITY.tagger);
      // A title rule adds given names before what the tagger found, never words after it
      // (`بوش تجاوز` around `بوش` is the rule overrunning the name).
      const fits = rule.kind === "title" ? e.end === rule.end : e.end <= rule.end;
      if (fits && sameThing && e.end - e.start < rule.end - rule.start) {
        rule.priority = PRIORITY.confirmedRule;
        break;
      }
    }
  }
}

/** Keeps the most trusted, then longest, candidates that do not overlap; returns them in order. */
function resolveOverlaps(candidates: Candidate[], textLength: number): Candidate[] {
  const ranked = candidates
    .filter((c) => c.end > c.start)
    .sort(
      (a, b) => b.priority - a.priority || b.end - b.start - (a.end - a.start) || a.start - b.start,
    );
  // One byte per character of text: a span is free when none of its characters is taken.
  const taken = new Uint8Array(textLength);
  const kept: Candidate[] = [];
  for (const c of ranked) {
    let free = true;
    for (let k = c.start; k < c.end; k++) {
      if (taken[k]) {
        free = false;
        break;
      }
    }
    if (!free) continue;
    taken.fill(1, c.start, c.end);
    kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/**
 * One sense per document: a later mention of a name seen earlier (`سليماني` after `قاسم
 * سليماني`) is the same entity; the same surface keeps the same type and link throughout.
 */
function oneSensePerDocument(
  text: string,
  tokens: readonly Token[],
  accepted: Candidate[],
  dateTokens: Uint8Array,
  lexicon?: Lexicon,
): Candidate[] {
  const familyNames = familyNamesOf(tokens, accepted);
  const kbFamilyNames = lexicon?.familyNames();
  if (kbFamilyNames) linkKnownFamilyNames(text, accepted, familyNames, kbFamilyNames);
  const senses = new Map<string, Candidate>();
  const covered = new Uint8Array(tokens.length);
  for (const c of accepted) {
    covered.fill(1, c.startToken, c.endToken);
    if (c.type === "DATE") continue;
    const key = spanKey(text, c);
    const known = senses.get(key);
    if (!known || senseRank(known) < senseRank(c)) senses.set(key, c);
  }
  // Family names of people named in full, and one-word names: bare mentions are the same.
  const earlierNames = new Map<string, Candidate>();
  for (const [last, c] of familyNames) earlierNames.set(last, c);
  // One-word names the tagger found (alone or confirmed by a rule): a later bare occurrence is the
  // same. Of a rule's one-word guesses only a bare word after a generic head spreads (`تنظيم داعش`,
  // `حركة حماس`: proper names); others (`موقع البرامج`) would mark a common word page-wide.
  for (const c of accepted) {
    if (c.type === "DATE" || c.priority === PRIORITY.lexicon || c.endToken - c.startToken !== 1)
      continue;
    const key = spanKey(text, c);
    if (c.priority === PRIORITY.rule && (c.kind !== "head" || key.startsWith("ال"))) continue;
    if (key.length >= 3 && !functionWords.has(key) && !earlierNames.has(key))
      earlierNames.set(key, c);
  }
  const out: Candidate[] = [];
  for (const c of accepted) {
    // A person's family name alone is that person, whatever else the word could be (`بايدن` as
    // a place): retyped and linked unless the KB linked it as something else.
    const person =
      c.endToken - c.startToken === 1 && c.type !== "PER" && c.type !== "DATE" && !c.entityId
        ? familyNames.get(spanKey(text, c))
        : undefined;
    if (person) {
      out.push({ ...c, type: "PER", ...(person.entityId ? { entityId: person.entityId } : {}) });
      continue;
    }
    const sense = c.type === "DATE" ? undefined : senses.get(spanKey(text, c));
    if (sense && sense !== c && (sense.type !== c.type || sense.entityId !== c.entityId)) {
      const { entityId: _drop, ...rest } = c;
      out.push({
        ...rest,
        type: sense.type,
        ...(sense.entityId ? { entityId: sense.entityId } : {}),
      });
    } else {
      out.push(c);
    }
  }
  if (earlierNames.size > 0) {
    const forms = formsWithProclitics(earlierNames.keys());
    for (let i = 0; i < tokens.length; i++) {
      if (covered[i] || dateTokens[i] || !forms.has(tokens[i]!.norm)) continue;
      const t = tokens[i]!;
      let name = t.norm;
      let earlier = earlierNames.get(name);
      let offset = 0;
      if (!earlier) {
        for (const s of t.stems) {
          earlier = earlierNames.get(s.form);
          if (earlier) {
            name = s.form;
            offset = s.offset;
            break;
          }
        }
      }
      // A family name may come before the full name (a headline's `باسيل` above `جبران باسيل`);
      // another one-word name counts only once it was introduced.
      if (!earlier || (earlier.startToken > i && familyNames.get(name) !== earlier)) continue;
      out.push({
        start: t.start + offset,
        end: t.end,
        startToken: i,
        endToken: i + 1,
        type: earlier.type,
        confidence: 0.7,
        priority: PRIORITY.rule,
        ...(earlier.entityId ? { entityId: earlier.entityId } : {}),
      });
    }
    out.sort((a, b) => a.start - b.start);
  }
  if (kbFamilyNames) {
    const added = bareKnownFamilyNames(tokens, covered, dateTokens, familyNames, kbFamilyNames);
    if (added.length > 0) return [...out, ...added].sort((a, b) => a.start - b.start);
  }
  return out;
}

/**
 * A one-word name the tagger or a rule found that is the family name of a person the KB knows,
 * when the page names no one in full by it, is that person: the KB's dominant bearer
 * (`Lexicon.familyNames`; `مبارك` read as a place → Hosni Mubarak). Not when the word is also a
 * given name (`هادي`: which Hadi?), nor, unless it was already read as a person, when it also
 * names something else in the KB.
 */
function linkKnownFamilyNames(
  text: string,
  accepted: Candidate[],
  onPage: ReadonlyMap<string, Candidate>,
  known: ReadonlyMap<string, KnownFamilyName>,
): void {
  for (const c of accepted) {
    if (c.endToken - c.startToken !== 1 || c.type === "DATE" || c.entityId) continue;
    if (c.priority === PRIORITY.lexicon) continue;
    const key = spanKey(text, c);
    const bearer = known.get(key);
    if (!bearer?.entityId || bearer.givenName || onPage.has(key)) continue;
    if (c.type !== "PER" && bearer.otherSense) continue;
    c.type = "PER";
    c.entityId = bearer.entityId;
  }
}

/**
 * A family name alone that nothing else marked, linked to the KB's dominant bearer when the word
 * can hardly be anything but that name: not a given name, no word of another entity's name, no
 * article (`الشاهد`, `الدوري` are also "the witness", "the league"), written in Arabic letters,
 * five letters or more, and not shaped like an everyday Arabic word — a relational adjective or
 * a noun in ة/ه (`رئيسي` "main", `سلامة` "safety"), a participle (`مجاهد`, `محفوظ`) or a verbal
 * noun (`توفيق`). What is left is mostly foreign names (`نتنياهو`, `بلينكن`, `ماكرون`).
 */
function bareKnownFamilyNames(
  tokens: readonly Token[],
  covered: Uint8Array,
  dateTokens: Uint8Array,
  onPage: ReadonlyMap<string, Candidate>,
  known: ReadonlyMap<string, KnownFamilyName>,
): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (covered[i] || dateTokens[i] || t.kind !== "word" || t.norm.length < 5) continue;
    let name = distinctiveFamilyName(t.norm, known, onPage);
    let offset = 0;
    if (!name) {
      for (const s of t.stems) {
        name = distinctiveFamilyName(s.form, known, onPage);
        if (name) {
          offset = s.offset;
          break;
        }
      }
    }
    if (!name) continue;
    out.push({
      start: t.start + offset,
      end: t.end,
      startToken: i,
      endToken: i + 1,
      type: "PER",
      entityId: name,
      confidence: 0.6,
      priority: PRIORITY.rule,
    });
  }
  return out;
}

const EVERYDAY_SHAPE = /^(?:.*[يه]|م..و.|م.ا..|ت..ي.)$/;

function distinctiveFamilyName(
  word: string,
  known: ReadonlyMap<string, KnownFamilyName>,
  onPage: ReadonlyMap<string, Candidate>,
): string | undefined {
  // The table first: it answers no for almost every word, and cheaply.
  const bearer = word.length < 5 ? undefined : known.get(word);
  if (!bearer?.entityId || bearer.givenName || bearer.otherSense || onPage.has(word))
    return undefined;
  if (word.startsWith("ال") || EVERYDAY_SHAPE.test(word)) return undefined;
  if (!ARABIC_LETTER.test(word) || functionWords.has(word) || titleWords.has(word))
    return undefined;
  return bearer.entityId;
}

/**
 * The family names of people named in full on the page (the last word of a PER name of two words
 * or more, not after a connector), each with the first full name that ends on it.
 */
function familyNamesOf(
  tokens: readonly Token[],
  accepted: readonly Candidate[],
): Map<string, Candidate> {
  const names = new Map<string, Candidate>();
  for (const c of accepted) {
    if (c.type !== "PER" || c.endToken - c.startToken < 2) continue;
    const last = tokens[c.endToken - 1]!.norm;
    const beforeLast = tokens[c.endToken - 2]!.norm;
    if (last.length < 3 || functionWords.has(last) || connectors.has(beforeLast)) continue;
    const known = names.get(last);
    // The linked bearer of a family name wins over an unlinked one.
    if (!known || (!known.entityId && c.entityId)) names.set(last, c);
  }
  return names;
}

/**
 * Which candidate defines a name's sense: a linked one or one whose head noun says what it is
 * (`جريدة الصباح`: the newspaper, wherever else the page names it), then the most trusted source.
 */
function senseRank(c: Candidate): number {
  return (c.entityId ? 10 : 0) + (c.kind === "head" ? 10 : 0) + c.priority;
}

/** The normalised text of a span (proclitics already outside it): what "the same name" means. */
function spanKey(text: string, c: Candidate): string {
  return (c.key ??= normalizeWord(text.slice(c.start, c.end)));
}

function toMentions(text: string, accepted: readonly Candidate[]): Mention[] {
  return accepted.map((c) => {
    const mention: Mention = {
      start: c.start,
      end: c.end,
      type: c.type,
      surface: text.slice(c.start, c.end),
      confidence: c.confidence,
    };
    if (c.entityId !== undefined) mention.entityId = c.entityId;
    if (c.date !== undefined) mention.date = c.date;
    return mention;
  });
}
