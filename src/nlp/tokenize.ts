// Splits text into tokens the way the Arabic news corpora do (punctuation is its own token, numbers
// and Latin words are tokens), with offsets into the original text, the normalised form, and the
// candidate stems left after peeling attached proclitics (و ف ب ل ك and ال-combinations).
import { normalizeWord, originalOffsetInWord } from "./normalize";

export type TokenKind = "word" | "number" | "punct";

/** A reading of a token with its proclitics removed; the lexicon decides which reading is real. */
export interface Stem {
  /** Normalised stem, as looked up (`للعراق` gives `العراق`: the article's elided alef restored). */
  form: string;
  /** Where the stem starts, in original UTF-16 units from the token's start. */
  offset: number;
  /** The normalised clitics removed (`و`, `ب`, `ول` …). */
  clitics: string;
  /**
   * True when the remainder itself shows it is a separate word (it starts with the article ال, or
   * is لل = ل + ال). Weak stems (`وزير` → `زير`) only count when the lexicon knows the remainder.
   */
  strong: boolean;
}

export interface Token {
  start: number;
  /** Exclusive. */
  end: number;
  /** `text.slice(start, end)`. */
  surface: string;
  /** `normalizeWord(surface)`. */
  norm: string;
  kind: TokenKind;
  /** Proclitic-stripped readings, fewest clitics first; empty for most tokens. */
  readonly stems: readonly Stem[];
}

const NO_STEMS: readonly Stem[] = Object.freeze([]);

// Character classes, computed on first sight of each code unit.
const UNKNOWN = 0;
const SPACE = 1;
const LETTER = 2; // letters, combining marks, tatweel, zero-width joiners inside words
const DIGIT = 3;
const OTHER = 4; // punctuation and symbols: one token each
const classes = new Uint8Array(0x10000);

// eslint-disable-next-line no-misleading-character-class -- ZWNJ and ZWJ are each a letter here, not a joined pair
const LETTER_RE = /[\p{L}\p{M}\u0640\u200c\u200d\u00ad]/u;
const DIGIT_RE = /\p{Nd}/u;
const SPACE_RE = /[\s\p{Z}\u200b\u200e\u200f\u061c\ufeff\u202a-\u202e\u2066-\u2069]/u;

function classOf(c: number): number {
  let k = classes[c]!;
  if (k !== UNKNOWN) return k;
  if (c >= 0xd800 && c <= 0xdfff) return OTHER; // surrogates are classified as pairs by the caller
  const ch = String.fromCharCode(c);
  k = SPACE_RE.test(ch) ? SPACE : LETTER_RE.test(ch) ? LETTER : DIGIT_RE.test(ch) ? DIGIT : OTHER;
  classes[c] = k;
  return k;
}

/** Width in code units of the code point last classified by `classAt` (avoids a tuple per char). */
let lastWidth = 1;

/** Class of the code point starting at `i`; its width is left in `lastWidth`. */
function classAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  const k = classes[c]!;
  lastWidth = 1;
  if (k !== UNKNOWN) return k;
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) {
      lastWidth = 2;
      const ch = text.slice(i, i + 2);
      return LETTER_RE.test(ch) ? LETTER : DIGIT_RE.test(ch) ? DIGIT : OTHER;
    }
  }
  return classOf(c);
}

/** Separators that stay inside a number when a digit follows: `6.3`, `1,500`, `٣٫٥`. */
function isNumberJoiner(c: number): boolean {
  return c === 0x2e || c === 0x2c || c === 0x066b || c === 0x066c;
}

/**
 * Finds the end of the token starting at `start` (of class `cls`, first code point `width` units).
 * Letters run on while letters follow; numbers keep inner separators followed by a digit.
 */
function tokenEnd(text: string, start: number, cls: number, width: number): number {
  const n = text.length;
  let i = start + width;
  if (cls === LETTER || cls === DIGIT) {
    while (i < n) {
      const k = classAt(text, i);
      if (k === cls) i += lastWidth;
      else if (
        cls === DIGIT &&
        isNumberJoiner(text.charCodeAt(i)) &&
        i + 1 < n &&
        classAt(text, i + 1) === DIGIT
      )
        i += 1;
      else break;
    }
  }
  return i;
}

/** One token; its proclitic readings are worked out on first use (most callers never ask). */
class TextToken implements Token {
  private readings: readonly Stem[] | undefined;

  constructor(
    readonly start: number,
    readonly end: number,
    readonly surface: string,
    readonly norm: string,
    readonly kind: TokenKind,
  ) {}

  get stems(): readonly Stem[] {
    this.readings ??= this.kind === "word" ? procliticStems(this.surface, this.norm) : NO_STEMS;
    return this.readings;
  }
}

/**
 * Walks the tokens of `text` in order, calling `visit(start, end, class)` for each: the one scan
 * loop that `tokenize` and `normalizedTokens` share, so text and aliases split alike.
 */
function scanTokens(text: string, visit: (start: number, end: number, cls: number) => void): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    const cls = classAt(text, i);
    if (cls === SPACE) {
      i += lastWidth;
      continue;
    }
    const start = i;
    i = tokenEnd(text, start, cls, lastWidth);
    visit(start, i, cls);
  }
}

/** Tokenizes `text`; tokens are in order, never overlap, and never include whitespace. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  scanTokens(text, (start, end, cls) => {
    const surface = text.slice(start, end);
    tokens.push(
      new TextToken(
        start,
        end,
        surface,
        normalizeWord(surface),
        cls === LETTER ? "word" : cls === DIGIT ? "number" : "punct",
      ),
    );
  });
  return tokens;
}

/**
 * The normalised tokens of a short string (an alias), split exactly as `tokenize` splits text but
 * without building Token objects: the lexicon compiler calls this once per alias.
 */
export function normalizedTokens(text: string): string[] {
  const out: string[] = [];
  scanTokens(text, (start, end) => {
    const norm = normalizeWord(text.slice(start, end));
    if (norm.length > 0) out.push(norm);
  });
  return out;
}

const ARTICLE = "ال";
/** Shortest stem worth a weak reading: shorter remainders are almost always part of the word. */
const MIN_WEAK_STEM = 3;

/**
 * The readings of a word with its proclitics peeled: conjunction (و ف), then preposition (ب ل ك),
 * in every combination the language allows. `surface` is needed to place offsets past diacritics.
 */
export function procliticStems(surface: string, norm: string): readonly Stem[] {
  const splits = procliticSplits(norm);
  if (splits === 0) return NO_STEMS;
  const stems: Stem[] = [];
  for (let bit = 0; bit < 4; bit++) {
    if (!(splits & (1 << bit))) continue;
    const length = SPLIT_LENGTH[bit]!;
    const lamLam = SPLIT_LAMLAM[bit]!;
    const form = stemForm(norm, length, lamLam);
    const strong = isStrongStem(form, lamLam);
    if (!strong && form.length < MIN_WEAK_STEM) continue;
    const offset = surface === norm ? length : originalOffsetInWord(surface, length);
    stems.push({ form, offset, clitics: norm.slice(0, length), strong });
  }
  return stems.length === 0 ? NO_STEMS : stems;
}

const WAW = 0x648;
const FA = 0x641;
const BA = 0x628;
const LAM = 0x644;
const KAF = 0x643;

/** Split flags, fewest clitics first: bit → clitic length, and whether it is the لل reading. */
const SPLIT_LENGTH = [1, 1, 2, 2] as const;
const SPLIT_LAMLAM = [true, false, true, false] as const;

/**
 * The proclitic splits a word's spelling allows, as bit flags (see SPLIT_LENGTH): conjunction
 * (و ف), then preposition (ب ل ك), at least one clitic; ل before ل also reads as ل + ال
 * (للعراق = ل + العراق, while للبنان = ل + لبنان). Allocation-free, for hot loops; callers
 * turn a flag into its stem with `stemForm`.
 */
export function procliticSplits(norm: string): number {
  const first = norm.charCodeAt(0);
  if (first !== WAW && first !== FA && first !== BA && first !== LAM && first !== KAF) return 0;
  let flags = 0;
  const conj = first === WAW || first === FA;
  if (conj) flags |= 1 << 1; // و / ف alone
  for (let c = conj ? 1 : 0, bit = conj ? 2 : 0; c <= (conj ? 1 : 0); c++) {
    const p = norm.charCodeAt(c);
    if (p !== BA && p !== LAM && p !== KAF) break;
    if (p === LAM && norm.charCodeAt(c + 1) === LAM && norm.length - c - 1 >= 3) flags |= 1 << bit;
    flags |= 1 << (bit + 1);
  }
  return flags;
}

/** The stem left by a split: `norm` without its first `length` letters (لل restores the alef). */
export function stemForm(norm: string, length: number, lamLam: boolean): string {
  return lamLam ? "ا" + norm.slice(length) : norm.slice(length);
}

/** Whether a stem shows it is a word of its own: it carries the article (or is the لل reading). */
export function isStrongStem(form: string, lamLam: boolean): boolean {
  return lamLam || (form.startsWith(ARTICLE) && form.length > ARTICLE.length + 1);
}

export { SPLIT_LENGTH, SPLIT_LAMLAM, MIN_WEAK_STEM };

const PROCLITIC_SEQUENCES = [
  "",
  "و",
  "ف",
  "ب",
  "ل",
  "ك",
  "وب",
  "ول",
  "وك",
  "فب",
  "فل",
  "فك",
] as const;

/**
 * Every normalised form under which the given words can appear in text with proclitics attached
 * (`العام` → `العام`, `والعام`, `للعام`, `وللعام` …). A set of these lets a scanner skip, with one
 * lookup, the tokens that cannot start what it looks for, without working out their stems.
 */
export function formsWithProclitics(words: Iterable<string>): Set<string> {
  const forms = new Set<string>();
  for (const word of words) {
    const w = normalizeWord(word);
    for (const p of PROCLITIC_SEQUENCES) forms.add(p + w);
    if (w.startsWith(ARTICLE) && w.length > 2) {
      for (const p of ["ل", "ول", "فل"]) forms.add(p + w.slice(1)); // لل = ل + ال
    }
  }
  return forms;
}

/** The raw surface tokens, as a learned tagger trained on the corpora expects them. */
export function surfaces(tokens: readonly Token[]): string[] {
  return tokens.map((t) => t.surface);
}
