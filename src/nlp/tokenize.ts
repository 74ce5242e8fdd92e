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
  stems: readonly Stem[];
}

const NO_STEMS: readonly Stem[] = Object.freeze([]);

// Character classes, computed on first sight of each code unit.
const UNKNOWN = 0;
const SPACE = 1;
const LETTER = 2; // letters, combining marks, tatweel, zero-width joiners inside words
const DIGIT = 3;
const OTHER = 4; // punctuation and symbols: one token each
const classes = new Uint8Array(0x10000);

const LETTER_RE = /[\p{L}\p{M}\u0640\u200c\u200d]/u;
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

/** Class of the code point starting at `i`, and how many units it takes. */
function classAt(text: string, i: number): [cls: number, width: number] {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) {
      const ch = text.slice(i, i + 2);
      return [LETTER_RE.test(ch) ? LETTER : DIGIT_RE.test(ch) ? DIGIT : OTHER, 2];
    }
  }
  return [classOf(c), 1];
}

/** Separators that stay inside a number when a digit follows: `6.3`, `1,500`, `٣٫٥`. */
function isNumberJoiner(c: number): boolean {
  return c === 0x2e || c === 0x2c || c === 0x066b || c === 0x066c;
}

/** Tokenizes `text`; tokens are in order, never overlap, and never include whitespace. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const [cls, width] = classAt(text, i);
    if (cls === SPACE) {
      i += width;
      continue;
    }
    const start = i;
    i += width;
    if (cls === LETTER) {
      while (i < n) {
        const [k, w] = classAt(text, i);
        if (k !== LETTER) break;
        i += w;
      }
    } else if (cls === DIGIT) {
      while (i < n) {
        const [k, w] = classAt(text, i);
        if (k === DIGIT) i += w;
        else if (isNumberJoiner(text.charCodeAt(i)) && i + 1 < n && classAt(text, i + 1)[0] === DIGIT) i += 1;
        else break;
      }
    }
    tokens.push(makeToken(text, start, i, cls === LETTER ? "word" : cls === DIGIT ? "number" : "punct"));
  }
  return tokens;
}

function makeToken(text: string, start: number, end: number, kind: TokenKind): Token {
  const surface = text.slice(start, end);
  const norm = normalizeWord(surface);
  const stems = kind === "word" ? procliticStems(surface, norm) : NO_STEMS;
  return { start, end, surface, norm, kind, stems };
}

const CONJUNCTIONS = ["و", "ف"] as const;
const PREPOSITIONS = ["ب", "ل", "ك"] as const;
const ARTICLE = "ال";
/** Shortest stem worth a weak reading: shorter remainders are almost always part of the word. */
const MIN_WEAK_STEM = 3;

/**
 * The readings of a word with its proclitics peeled: conjunction (و ف), then preposition (ب ل ك),
 * in every combination the language allows. `surface` is needed to place offsets past diacritics.
 */
export function procliticStems(surface: string, norm: string): readonly Stem[] {
  const first = norm.charCodeAt(0);
  // Cheap exit: only و ف ب ل ك can start a proclitic.
  if (first !== 0x648 && first !== 0x641 && first !== 0x628 && first !== 0x644 && first !== 0x643) return NO_STEMS;
  let stems: Stem[] | undefined;
  const add = (clitics: string, isLamLam: boolean) => {
    const rest = norm.slice(clitics.length);
    let form: string;
    let strong: boolean;
    if (isLamLam) {
      form = "ا" + rest; // لل = ل + ال with the article's alef elided
      strong = true;
    } else {
      strong = rest.startsWith(ARTICLE) && rest.length > ARTICLE.length + 1;
      if (!strong && rest.length < MIN_WEAK_STEM) return;
      form = rest;
    }
    const offset = surface === norm ? clitics.length : originalOffsetInWord(surface, clitics.length);
    (stems ??= []).push({ form, offset, clitics, strong });
  };
  const tryPreposition = (conj: string) => {
    const rest = norm.slice(conj.length);
    for (const prep of PREPOSITIONS) {
      if (!rest.startsWith(prep)) continue;
      const after = rest.slice(prep.length);
      // للبنان is ل + لبنان, للعراق is ل + ال + عراق: offer both readings.
      if (prep === "ل" && after.startsWith("ل") && after.length >= 3) add(conj + prep, true);
      add(conj + prep, false);
    }
  };
  for (const conj of CONJUNCTIONS) {
    if (!norm.startsWith(conj)) continue;
    add(conj, false);
    tryPreposition(conj);
  }
  tryPreposition("");
  if (!stems) return NO_STEMS;
  stems.sort((a, b) => a.clitics.length - b.clitics.length);
  return stems;
}

/**
 * The normalised tokens of a short string (an alias), split exactly as `tokenize` splits text but
 * without building Token objects: the lexicon compiler calls this once per alias.
 */
export function normalizedTokens(text: string): string[] {
  const out: string[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const [cls, width] = classAt(text, i);
    if (cls === SPACE) {
      i += width;
      continue;
    }
    const start = i;
    i += width;
    if (cls === LETTER || cls === DIGIT) {
      while (i < n) {
        const [k, w] = classAt(text, i);
        if (k === cls) i += w;
        else if (cls === DIGIT && isNumberJoiner(text.charCodeAt(i)) && i + 1 < n && classAt(text, i + 1)[0] === DIGIT) i += 1;
        else break;
      }
    }
    const norm = normalizeWord(text.slice(start, i));
    if (norm.length > 0) out.push(norm);
  }
  return out;
}

/** The raw surface tokens, as a learned tagger trained on the corpora expects them. */
export function surfaces(tokens: readonly Token[]): string[] {
  return tokens.map((t) => t.surface);
}
