// The knowledge base's aliases compiled into a token-level trie over normalised words, so every
// known name in a text is found longest-first in one left-to-right pass. Words are interned to
// integers and the trie lives in typed arrays: a 100k-alias lexicon builds in well under a second,
// stays compact in the background worker, and serialises to bytes for a fast cold start.
import type { EntityType, LexiconEntry } from "./types";
import { ENTITY_TYPES } from "./types";
import {
  MIN_WEAK_STEM,
  SPLIT_LAMLAM,
  SPLIT_LENGTH,
  isStrongStem,
  normalizedTokens,
  procliticSplits,
  stemForm,
  type Token,
} from "./tokenize";
import { normalizeWord, originalOffsetInWord } from "./normalize";
import { NAME_CONNECTORS } from "./data/titles";
import { errorText } from "@/src/shared/error-text";
import { spellingVariants } from "./spelling-variants";

/** One entity an alias may refer to. */
export interface LexiconCandidate {
  entityId: string;
  type: EntityType;
}

/** A known name found in a token sequence. */
export interface LexiconMatch {
  /** First and last+1 token of the match. */
  startToken: number;
  endToken: number;
  /** Original-text offsets of the name, proclitics of the first token excluded. */
  start: number;
  end: number;
  /** Proclitics peeled off the first token (normalised), `""` when none. */
  clitics: string;
  /** Every entity the alias names; several when the alias is ambiguous. */
  candidates: readonly LexiconCandidate[];
}

/** What an entity looks like to the lexicon compiler: the KB row and the pack entity share this. */
export interface LexiconSource {
  id: string;
  type: EntityType;
  names: { ar: string; en?: string };
  aliases: readonly string[];
  /**
   * Aliases that name something else too (`جبهة الإنقاذ`: several fronts): matched and typed, but
   * never linked on their own, since they stand beside a candidate for that other sense.
   */
  ambiguousAliases?: readonly string[];
}

/**
 * The candidate id of "another sense" of an ambiguous alias: an entity nobody installed. It makes
 * the match name several entities, so the recognizer leaves the link to the reader.
 */
export const OTHER_SENSE = "";

/** Aliases shorter than this (normalised) match too much ordinary text to be worth keeping. */
const MIN_ALIAS_CHARS = 2;

/** Every name and alias of every entity, one entry per distinct normalised alias per entity. */
export function entriesFromEntities(entities: readonly LexiconSource[]): LexiconEntry[] {
  const entries: LexiconEntry[] = [];
  const keyOf = (alias: unknown) =>
    typeof alias === "string" ? normalizedTokens(alias).join(" ") : "";
  // A spelling variant that is some entity's declared name is left out: it would make that name
  // ambiguous (two senses, so neither linked) where the pack meant one.
  const declared = new Set<string>();
  for (const entity of entities)
    for (const alias of [
      entity.names.ar,
      entity.names.en,
      ...entity.aliases,
      ...(entity.ambiguousAliases ?? []),
    ])
      declared.add(keyOf(alias));
  for (const entity of entities) {
    const seen = new Set<string>();
    const ambiguous = new Set((entity.ambiguousAliases ?? []).map(keyOf));
    for (const alias of [
      entity.names.ar,
      entity.names.en,
      ...entity.aliases,
      ...(entity.ambiguousAliases ?? []),
    ]) {
      const key = keyOf(alias);
      if (key.length < MIN_ALIAS_CHARS || seen.has(key)) continue;
      // The alias and the ways it is also written (./spelling-variants), each with its sense(s).
      for (const form of [alias as string, ...spellingVariants(alias as string, entity)]) {
        const formKey = form === alias ? key : keyOf(form);
        if (formKey.length < MIN_ALIAS_CHARS || seen.has(formKey)) continue;
        if (form !== alias && declared.has(formKey)) continue;
        seen.add(formKey);
        entries.push({ alias: form, entityId: entity.id, type: entity.type });
        if (ambiguous.has(key))
          entries.push({ alias: form, entityId: OTHER_SENSE, type: entity.type });
      }
    }
  }
  return entries;
}

const EMPTY = -1;

/** The best path found so far while matching at one token. */
interface Walk {
  end: number;
  node: number;
  /** Letters of proclitics peeled off the first token. */
  cliticLength: number;
}

/** Open-addressing hash of trie edges (parent node, word id) → child node. */
class EdgeTable {
  parent: Int32Array;
  word: Int32Array;
  child: Int32Array;
  size = 0;
  private mask: number;

  constructor(capacity = 1024) {
    const cap = 1 << Math.ceil(Math.log2(Math.max(16, capacity)));
    this.parent = new Int32Array(cap).fill(EMPTY);
    this.word = new Int32Array(cap);
    this.child = new Int32Array(cap);
    this.mask = cap - 1;
  }

  static from(parent: Int32Array, word: Int32Array, child: Int32Array, size: number): EdgeTable {
    const table = Object.create(EdgeTable.prototype) as EdgeTable;
    table.parent = parent;
    table.word = word;
    table.child = child;
    table.size = size;
    table.mask = parent.length - 1;
    return table;
  }

  private slot(parent: number, word: number): number {
    let h = Math.imul(parent, 0x9e3779b1) ^ Math.imul(word + 1, 0x85ebca77);
    h ^= h >>> 15;
    return h & this.mask;
  }

  get(parent: number, word: number): number {
    let s = this.slot(parent, word);
    for (;;) {
      const p = this.parent[s]!;
      if (p === EMPTY) return EMPTY;
      if (p === parent && this.word[s] === word) return this.child[s]!;
      s = (s + 1) & this.mask;
    }
  }

  set(parent: number, word: number, child: number): void {
    if ((this.size + 1) * 2 > this.parent.length) this.grow();
    let s = this.slot(parent, word);
    while (this.parent[s] !== EMPTY) s = (s + 1) & this.mask;
    this.parent[s] = parent;
    this.word[s] = word;
    this.child[s] = child;
    this.size++;
  }

  private grow(): void {
    const { parent, word, child } = this;
    const bigger = new EdgeTable(parent.length * 2);
    for (let s = 0; s < parent.length; s++)
      if (parent[s] !== EMPTY) bigger.set(parent[s]!, word[s]!, child[s]!);
    Object.assign(this, {
      parent: bigger.parent,
      word: bigger.word,
      child: bigger.child,
      mask: bigger.parent.length - 1,
    });
  }
}

/**
 * A family name the KB's people bear (the last word of a person's name of two words or more).
 * `entityId` is its dominant bearer: of the people whose names end on it, the one with the most
 * names and aliases in the KB — a record's spellings and aliases grow with how much it is written
 * about (`القذافي`: Muammar, 3, over Saif al-Islam, 1) — and undefined on a tie. `givenName`: the
 * word also opens a person's name (`صالح`); `otherSense`: it is a word of a non-person's name.
 */
export interface KnownFamilyName {
  entityId: string | undefined;
  givenName: boolean;
  otherSense: boolean;
}

/** A compiled lexicon. Immutable once built; share one instance across every caller. */
export class Lexicon {
  private constructor(
    private readonly vocab: Map<string, number>,
    private readonly words: readonly string[],
    private readonly edges: EdgeTable,
    /** CSR: candidates of node n are `entryEntity/entryType[termOffset[n] .. termOffset[n+1])`. */
    private readonly termOffset: Int32Array,
    private readonly entryEntity: Int32Array,
    private readonly entryType: Uint8Array,
    private readonly entityIds: readonly string[],
    /** Number of distinct (alias, entity) pairs compiled. */
    readonly size: number,
  ) {
    this.known = wordFilter(words);
  }

  /** A bit per hash of every word: most text words are no alias's, and this says so cheaply. */
  private readonly known: Uint32Array;

  private familyNameTable: Map<string, KnownFamilyName> | undefined;

  /**
   * The family names of the KB's people (see `KnownFamilyName`), read off the trie on first use —
   * so a lexicon reloaded from bytes has them too — and kept.
   */
  familyNames(): ReadonlyMap<string, KnownFamilyName> {
    if (this.familyNameTable) return this.familyNameTable;
    const nodes = this.termOffset.length - 1;
    const { parent, word, child } = this.edges;
    // Per node: its parent and the word on the edge into it (the trie only stores edges forward).
    const up = new Int32Array(nodes).fill(EMPTY);
    const wordInto = new Int32Array(nodes).fill(EMPTY);
    for (let e = 0; e < parent.length; e++) {
      if (parent[e] === EMPTY) continue;
      up[child[e]!] = parent[e]!;
      wordInto[child[e]!] = word[e]!;
    }
    const names = new Int32Array(this.entityIds.length);
    for (let k = 0; k < this.entryEntity.length; k++) names[this.entryEntity[k]!]!++;
    const per = ENTITY_TYPES.indexOf("PER");
    const connector = new Uint8Array(this.words.length);
    for (const w of NAME_CONNECTORS) {
      const id = this.vocab.get(normalizeWord(w));
      if (id !== undefined) connector[id] = 1;
    }
    // Per word id: 1 = opens a person's name, 2 = in a non-person's name.
    const role = new Uint8Array(this.words.length);
    const bearers = new Map<number, number[]>();
    for (let n = 1; n < nodes; n++) {
      for (let k = this.termOffset[n]!; k < this.termOffset[n + 1]!; k++) {
        if (this.entryType[k] !== per) {
          for (let m = n; m > 0; m = up[m]!) role[wordInto[m]!]! |= 2;
          continue;
        }
        const before = up[n]!;
        if (before <= 0) continue; // a one-word name
        let first = n;
        while (up[first]! > 0) first = up[first]!;
        role[wordInto[first]!]! |= 1;
        if (connector[wordInto[before]!]) continue; // `أبو الغيط`: a two-word family name
        const last = wordInto[n]!;
        const list = bearers.get(last);
        if (list) list.push(this.entryEntity[k]!);
        else bearers.set(last, [this.entryEntity[k]!]);
      }
    }
    const table = new Map<string, KnownFamilyName>();
    for (const [last, list] of bearers) {
      let best = list[0]!;
      let tie = false;
      for (const e of list) {
        if (e === best) continue;
        if (names[e]! > names[best]!) [best, tie] = [e, false];
        else if (names[e] === names[best]) tie = true;
      }
      const id = this.entityIds[best]!;
      table.set(this.words[last]!, {
        entityId: tie || id === OTHER_SENSE ? undefined : id,
        givenName: (role[last]! & 1) !== 0,
        otherSense: (role[last]! & 2) !== 0,
      });
    }
    return (this.familyNameTable = table);
  }

  /** Whether `word` may be in the vocabulary (false positives possible, no false negatives). */
  private mayKnow(hash: number): boolean {
    return (this.known[(hash >>> 5) & FILTER_MASK]! & (1 << (hash & 31))) !== 0;
  }

  /** Compiles entries; aliases that normalise to nothing are skipped. */
  static build(entries: readonly LexiconEntry[]): Lexicon {
    // First pass: each alias as normalised words, so every array can be sized once.
    const aliasWords: (string[] | undefined)[] = new Array(entries.length);
    let totalWords = 0;
    for (let a = 0; a < entries.length; a++) {
      const entry = entries[a]!;
      if (
        typeof entry.alias !== "string" ||
        typeof entry.entityId !== "string" ||
        !ENTITY_TYPES.includes(entry.type)
      )
        continue;
      const words = normalizedTokens(entry.alias);
      let chars = 0;
      for (const w of words) chars += w.length;
      if (chars < MIN_ALIAS_CHARS) continue;
      aliasWords[a] = words;
      totalWords += words.length;
    }
    const vocab = new Map<string, number>();
    const words: string[] = [];
    const edges = new EdgeTable(totalWords * 2);
    const entityIds: string[] = [];
    // Terminal candidates per node, as linked lists in flat arrays until the CSR is built.
    let nodeCount = 1;
    const headOf = new Int32Array(totalWords + 1).fill(EMPTY);
    const listLength = new Int32Array(totalWords + 1);
    const next = new Int32Array(entries.length);
    const entEntity = new Int32Array(entries.length);
    const entType = new Uint8Array(entries.length);
    /** Exact duplicate check for the few aliases that many entities share. */
    const crowded = new Set<string>();
    let size = 0;

    for (let a = 0; a < entries.length; a++) {
      const tokens = aliasWords[a];
      if (!tokens) continue;
      const entry = entries[a]!;
      const typeIndex = ENTITY_TYPES.indexOf(entry.type);
      let node = 0;
      for (const t of tokens) {
        let id = vocab.get(t);
        if (id === undefined) {
          id = words.length;
          vocab.set(t, id);
          words.push(t);
        }
        let child = edges.get(node, id);
        if (child === EMPTY) {
          child = nodeCount++;
          edges.set(node, id, child);
        }
        node = child;
      }
      // A pack lists an entity's aliases together: reuse its index rather than hash every id.
      if (entityIds[entityIds.length - 1] !== entry.entityId) entityIds.push(entry.entityId);
      const e = entityIds.length - 1;
      if (listLength[node]! < CROWDED) {
        if (
          hasCandidate(
            headOf[node]!,
            next,
            entEntity,
            entType,
            entityIds,
            entry.entityId,
            typeIndex,
          )
        )
          continue;
        if (listLength[node] === CROWDED - 1) {
          for (let x = headOf[node]!; x !== EMPTY; x = next[x]!)
            crowded.add(`${node} ${entType[x]} ${entityIds[entEntity[x]!]}`);
        }
      }
      if (listLength[node]! >= CROWDED - 1) {
        const key = `${node} ${typeIndex} ${entry.entityId}`;
        if (crowded.has(key)) continue;
        crowded.add(key);
      }
      next[size] = headOf[node]!;
      entEntity[size] = e;
      entType[size] = typeIndex;
      headOf[node] = size;
      listLength[node]!++;
      size++;
    }

    const termOffset = new Int32Array(nodeCount + 1);
    const entryEntity = new Int32Array(size);
    const entryType = new Uint8Array(size);
    let k = 0;
    for (let n = 0; n < nodeCount; n++) {
      termOffset[n] = k;
      const count = listLength[n]!;
      // The lists were built newest-first; store them in the order the entries came.
      let at = k + count - 1;
      for (let x = headOf[n]!; x !== EMPTY; x = next[x]!, at--) {
        entryEntity[at] = entEntity[x]!;
        entryType[at] = entType[x]!;
      }
      k += count;
    }
    termOffset[nodeCount] = k;
    return new Lexicon(vocab, words, edges, termOffset, entryEntity, entryType, entityIds, size);
  }

  /** Word ids of the tokens (−1 for words no alias uses): compute once per text. */
  wordIds(tokens: readonly Token[]): Int32Array {
    const ids = new Int32Array(tokens.length);
    for (let i = 0; i < tokens.length; i++) {
      const norm = tokens[i]!.norm;
      ids[i] = this.mayKnow(suffixHash(norm, 0)) ? (this.vocab.get(norm) ?? EMPTY) : EMPTY;
    }
    return ids;
  }

  /**
   * The longest known name starting at token `i`. The first token is read as written and, when
   * that finds nothing longer, with its proclitics peeled (`وواشنطن`, `بالعراق`, `للعراق`); a
   * weak stem (one not starting with ال) is tried only when the whole word matches nothing.
   */
  matchAt(tokens: readonly Token[], ids: Int32Array, i: number): LexiconMatch | undefined {
    const token = tokens[i];
    if (!token) return undefined;
    let best: Walk | undefined;
    const own = ids[i]!;
    if (own !== EMPTY) best = this.walk(ids, i, own, 0, best);
    // Proclitic readings, without building Stem objects: this runs for every token.
    const splits = token.kind === "word" ? procliticSplits(token.norm) : 0;
    if (splits !== 0) {
      const wholeMatched = best !== undefined;
      for (let bit = 0; bit < 4; bit++) {
        if (!(splits & (1 << bit))) continue;
        const lamLam = SPLIT_LAMLAM[bit]!;
        // Hash the stem in place first: most stems are no alias's word, and then no string is made.
        const rest = suffixHash(token.norm, SPLIT_LENGTH[bit]!);
        if (!this.mayKnow(lamLam ? extendHash(rest, ALEF) : rest)) continue;
        const form = stemForm(token.norm, SPLIT_LENGTH[bit]!, lamLam);
        if (!isStrongStem(form, lamLam) && (wholeMatched || form.length < MIN_WEAK_STEM)) continue;
        const id = this.vocab.get(form);
        if (id !== undefined) best = this.walk(ids, i, id, SPLIT_LENGTH[bit]!, best);
      }
    }
    if (!best) return undefined;
    const length = best.cliticLength;
    const offset =
      length === 0 || token.surface === token.norm
        ? length
        : originalOffsetInWord(token.surface, length);
    return {
      startToken: i,
      endToken: best.end,
      start: token.start + offset,
      end: tokens[best.end - 1]!.end,
      clitics: token.norm.slice(0, length),
      candidates: this.candidatesOf(best.node),
    };
  }

  /** Follows the trie from the word `firstId` at token i; returns the longer of it and `best`. */
  private walk(
    ids: Int32Array,
    i: number,
    firstId: number,
    cliticLength: number,
    best: Walk | undefined,
  ): Walk | undefined {
    let node = this.edges.get(0, firstId);
    let j = i + 1;
    let found = best;
    while (node !== EMPTY) {
      if (this.termOffset[node + 1]! > this.termOffset[node]! && (!found || j > found.end)) {
        found = { end: j, node, cliticLength };
      }
      if (j >= ids.length) break;
      const w = ids[j]!;
      if (w === EMPTY) break;
      node = this.edges.get(node, w);
      j++;
    }
    return found;
  }

  /** Candidates for an exact alias, e.g. to check whether a word is a known name. */
  lookup(alias: string): readonly LexiconCandidate[] {
    let node = 0;
    for (const t of normalizedTokens(alias)) {
      const id = this.vocab.get(t);
      if (id === undefined) return [];
      node = this.edges.get(node, id);
      if (node === EMPTY) return [];
    }
    return node === 0 ? [] : this.candidatesOf(node);
  }

  private candidatesOf(node: number): LexiconCandidate[] {
    const out: LexiconCandidate[] = [];
    for (let k = this.termOffset[node]!; k < this.termOffset[node + 1]!; k++) {
      out.push({
        entityId: this.entityIds[this.entryEntity[k]!]!,
        type: ENTITY_TYPES[this.entryType[k]!]!,
      });
    }
    return out;
  }

  /**
   * The compiled lexicon as bytes, to store and reload without recompiling (the MV3 worker
   * sleeps and must come back fast). Layout: a JSON header, then the typed arrays, 4-aligned.
   */
  serialize(): Uint8Array {
    const strings = new TextEncoder().encode(JSON.stringify([this.words, this.entityIds]));
    const arrays = [
      this.edges.parent,
      this.edges.word,
      this.edges.child,
      this.termOffset,
      this.entryEntity,
    ];
    const header = {
      format: SERIAL_FORMAT,
      size: this.size,
      edges: this.edges.size,
      lengths: arrays.map((a) => a.length),
      types: this.entryType.length,
      strings: strings.length,
    };
    const head = new TextEncoder().encode(JSON.stringify(header));
    const headLen = align4(4 + head.length);
    let total = headLen;
    for (const a of arrays) total += a.byteLength;
    total += align4(this.entryType.length) + strings.length;
    const out = new Uint8Array(total);
    new DataView(out.buffer).setUint32(0, head.length, true);
    out.set(head, 4);
    let at = headLen;
    for (const a of arrays) {
      out.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), at);
      at += a.byteLength;
    }
    out.set(this.entryType, at);
    at += align4(this.entryType.length);
    out.set(strings, at);
    return out;
  }

  /** Reloads `serialize()` output; throws a clear error on bytes that are not a lexicon. */
  static load(bytes: Uint8Array): Lexicon {
    try {
      const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      const headLength = view.getUint32(0, true);
      const header = JSON.parse(new TextDecoder().decode(bytes.subarray(4, 4 + headLength))) as {
        format: string;
        size: number;
        edges: number;
        lengths: number[];
        types: number;
        strings: number;
      };
      if (header.format !== SERIAL_FORMAT)
        throw new Error(`unknown format ${String(header.format)}`);
      // Copy into a fresh, aligned buffer so typed-array views are always legal (not `slice`: on a
      // Node Buffer that is a view into a larger, possibly shared, buffer).
      const body = new Uint8Array(bytes.subarray(align4(4 + headLength)));
      let at = 0;
      const ints = header.lengths.map((n) => {
        const a = new Int32Array(body.buffer, at, n);
        at += n * 4;
        return a;
      });
      const entryType = body.slice(at, at + header.types);
      at += align4(header.types);
      const [words, entityIds] = JSON.parse(
        new TextDecoder().decode(body.subarray(at, at + header.strings)),
      ) as [string[], string[]];
      const vocab = new Map<string, number>();
      for (let i = 0; i < words.length; i++) vocab.set(words[i]!, i);
      const [parent, word, child, termOffset, entryEntity] = ints as [
        Int32Array,
        Int32Array,
        Int32Array,
        Int32Array,
        Int32Array,
      ];
      return new Lexicon(
        vocab,
        words,
        EdgeTable.from(parent, word, child, header.edges),
        termOffset,
        entryEntity,
        entryType,
        entityIds,
        header.size,
      );
    } catch (error) {
      throw new Error(`not a serialised Siyaq lexicon: ${errorText(error)}`, { cause: error });
    }
  }
}

/** 2^21 bits (256 KB): about 7 % false positives at 160k words. */
const FILTER_WORDS = 1 << 16;
const FILTER_MASK = FILTER_WORDS - 1;
const ALEF = 0x627;

/**
 * Hash of `s.slice(from)` computed from the last character backwards, so that prepending a
 * character (the alef of the لل reading) is one more step: `extendHash`.
 */
function suffixHash(s: string, from: number): number {
  let h = 0x811c9dc5;
  for (let i = s.length - 1; i >= from; i--) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** The hash of `c + s` from the hash of `s`. */
function extendHash(hash: number, c: number): number {
  return Math.imul(hash ^ c, 0x01000193) >>> 0;
}

function wordFilter(words: readonly string[]): Uint32Array {
  const bits = new Uint32Array(FILTER_WORDS);
  for (const w of words) {
    const h = suffixHash(w, 0);
    bits[(h >>> 5) & FILTER_MASK]! |= 1 << (h & 31);
  }
  return bits;
}

/** Candidate lists longer than this switch from a scan to a set for the duplicate check. */
const CROWDED = 16;

/** Whether a node's candidate list (a linked list, usually of one) already holds this entity. */
function hasCandidate(
  head: number,
  next: Int32Array,
  entity: Int32Array,
  type: Uint8Array,
  entityIds: readonly string[],
  entityId: string,
  t: number,
): boolean {
  for (let x = head; x !== EMPTY; x = next[x]!)
    if (type[x] === t && entityIds[entity[x]!] === entityId) return true;
  return false;
}

const SERIAL_FORMAT = "siyaq-lexicon/1";

function align4(n: number): number {
  return (n + 3) & ~3;
}

/** Convenience: compile entries (same as `Lexicon.build`). */
export function buildLexicon(entries: readonly LexiconEntry[]): Lexicon {
  return Lexicon.build(entries);
}

export function serializeLexicon(lexicon: Lexicon): Uint8Array {
  return lexicon.serialize();
}

export function loadLexicon(bytes: Uint8Array): Lexicon {
  return Lexicon.load(bytes);
}
