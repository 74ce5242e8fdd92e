// Matching-only normalisation of Arabic text: folds the spelling variants news sites mix freely
// (hamza on alef, ta marbuta, alef maqsura, diacritics, tatweel, Persian letters, digit systems,
// presentation forms) so lookups agree. It never changes what is shown: callers keep the original
// text and use the index map to report offsets into it.

/** What happens to one UTF-16 code unit: dropped (DROP), kept, or replaced by another unit. */
const DROP = -1;
const KEEP = -2;
/** Needs Unicode NFKC first (presentation forms, ligatures): the rare, slower path. */
const COMPAT = -3;

/** Code units that carry no letter of their own for matching purposes. */
function isIgnorable(c: number): boolean {
  return (
    (c >= 0x064b && c <= 0x065f) || // tashkeel: fathatan … wavy hamza below
    c === 0x0670 || // superscript (dagger) alef
    (c >= 0x0610 && c <= 0x061a) || // Quranic honorifics and small signs
    (c >= 0x06d6 && c <= 0x06dc) ||
    (c >= 0x06df && c <= 0x06e4) ||
    (c >= 0x06e7 && c <= 0x06e8) ||
    (c >= 0x06ea && c <= 0x06ed) ||
    c === 0x0640 || // tatweel (kashida)
    c === 0x061c || // Arabic letter mark
    (c >= 0x200b && c <= 0x200f) || // zero-width space/non-joiner/joiner, LRM, RLM
    (c >= 0x202a && c <= 0x202e) || // bidi embeddings
    (c >= 0x2066 && c <= 0x2069) || // bidi isolates
    c === 0xfeff || // byte order mark / zero-width no-break space
    c === 0x00ad // soft hyphen
  );
}

/** The single-unit foldings; anything not listed maps to itself. */
const FOLDS: ReadonlyArray<readonly [from: number, to: number]> = [
  [0x0623, 0x0627], // أ → ا
  [0x0625, 0x0627], // إ → ا
  [0x0622, 0x0627], // آ → ا
  [0x0671, 0x0627], // ٱ (wasla) → ا
  [0x0672, 0x0627], // ٲ → ا
  [0x0673, 0x0627], // ٳ → ا
  [0x0649, 0x064a], // ى → ي
  [0x06cc, 0x064a], // ی (Persian yeh) → ي
  [0x06d2, 0x064a], // ے (yeh barree) → ي
  [0x0629, 0x0647], // ة → ه
  [0x06c0, 0x0647], // ۀ → ه
  [0x06d5, 0x0647], // ە → ه
  [0x06c1, 0x0647], // ہ → ه
  [0x06a9, 0x0643], // ک (keheh) → ك
  [0x06af, 0x0643], // گ (gaf) is often written ك/ج in Arabic transliteration; ك is the usual
];

let table: Int32Array | undefined;

/** One entry per BMP code unit: DROP, KEEP, COMPAT or the replacement unit. Built once. */
function foldTable(): Int32Array {
  if (table) return table;
  const t = new Int32Array(0x10000).fill(KEEP);
  for (let c = 0x41; c <= 0x5a; c++) t[c] = c + 0x20; // ASCII case does not distinguish names
  for (let d = 0; d < 10; d++) {
    t[0x0660 + d] = 0x30 + d; // Arabic-Indic digits
    t[0x06f0 + d] = 0x30 + d; // Extended (Persian/Urdu) digits
  }
  for (const [from, to] of FOLDS) t[from] = to;
  for (let c = 0; c < 0x10000; c++) if (isIgnorable(c)) t[c] = DROP;
  // Arabic presentation forms A and B, and Latin ligatures: decompose with NFKC.
  for (let c = 0xfb00; c <= 0xfb06; c++) t[c] = COMPAT;
  for (let c = 0xfb50; c <= 0xfdff; c++) t[c] = COMPAT;
  for (let c = 0xfe70; c <= 0xfefc; c++) t[c] = COMPAT;
  for (let c = 0xff01; c <= 0xff5e; c++) t[c] = COMPAT; // full-width ASCII
  table = t;
  return t;
}

/** Folds one code unit that is already NFKC-clean; returns -1 when it is dropped. */
function foldSimple(t: Int32Array, c: number): number {
  const f = t[c]!;
  if (f === KEEP || f === COMPAT) return c;
  return f; // DROP (-1) or a replacement
}

export interface NormalizedText {
  /** The folded text, for matching only. */
  text: string;
  /**
   * `toOriginal[i]` is the index in the original text of the code unit that produced `text[i]`;
   * `toOriginal[text.length]` is the original length, so an exclusive end maps too.
   */
  toOriginal: Int32Array;
}

/**
 * Normalises a whole text for matching and keeps a map from every normalised index back to the
 * original. Dropped units (diacritics, tatweel, zero-width) leave no trace in `text`.
 */
export function normalizeForMatch(text: string): NormalizedText {
  const t = foldTable();
  const out: number[] = [];
  const map: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const f = t[c]!;
    if (f === DROP) continue;
    if (f === KEEP) {
      out.push(c);
      map.push(i);
    } else if (f === COMPAT) {
      const expanded = text[i]!.normalize("NFKC");
      for (let k = 0; k < expanded.length; k++) {
        const g = foldSimple(t, expanded.charCodeAt(k));
        if (g < 0) continue;
        out.push(g);
        map.push(i);
      }
    } else {
      out.push(f);
      map.push(i);
    }
  }
  const toOriginal = new Int32Array(map.length + 1);
  toOriginal.set(map);
  toOriginal[map.length] = text.length;
  return { text: codesToString(out), toOriginal };
}

/**
 * Normalises one word (or alias) for lookup, without the index map: the cheap path used per token
 * and when compiling the lexicon.
 */
export function normalizeWord(word: string): string {
  const t = foldTable();
  let first = -1;
  for (let i = 0; i < word.length; i++) {
    if (t[word.charCodeAt(i)] !== KEEP) {
      first = i;
      break;
    }
  }
  if (first < 0) return word; // most tokens in undiacritised news need no copy
  // Short strings built by concatenation are the cheapest copy V8 offers; this runs per token.
  let out = word.slice(0, first);
  for (let i = first; i < word.length; i++) {
    const c = word.charCodeAt(i);
    const f = t[c]!;
    if (f === KEEP) out += word[i];
    else if (f === COMPAT) return normalizeForMatch(word).text;
    else if (f !== DROP) out += String.fromCharCode(f);
  }
  return out;
}

/**
 * The offset in `word` (original units) where the normalised index `index` starts: used to place
 * a stem's start after stripped proclitics when the word carries diacritics or tatweel.
 */
export function originalOffsetInWord(word: string, index: number): number {
  if (index <= 0) return 0;
  const t = foldTable();
  let produced = 0;
  for (let i = 0; i < word.length; i++) {
    const f = t[word.charCodeAt(i)]!;
    if (f === DROP) continue;
    const width = f === COMPAT ? compatWidth(t, word[i]!) : 1;
    if (produced + width > index) return i;
    produced += width;
    if (produced === index) {
      // Skip the dropped units (diacritics on the clitic) so the stem starts at its first letter.
      let j = i + 1;
      while (j < word.length && t[word.charCodeAt(j)] === DROP) j++;
      return j;
    }
  }
  return word.length;
}

function compatWidth(t: Int32Array, ch: string): number {
  const expanded = ch.normalize("NFKC");
  let n = 0;
  for (let k = 0; k < expanded.length; k++) if (foldSimple(t, expanded.charCodeAt(k)) >= 0) n++;
  return n;
}

function codesToString(codes: number[]): string {
  // Chunked so a 1 MB text never exceeds the engine's argument limit.
  let s = "";
  for (let i = 0; i < codes.length; i += 8192) {
    s += String.fromCharCode.apply(null, codes.slice(i, i + 8192));
  }
  return s;
}
