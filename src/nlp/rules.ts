// Rules for names the knowledge base does not know: people after titles and roles, organisations
// and places after head nouns. The word lists are data (src/nlp/data); this module only decides
// where a title phrase ends, where a name starts and stops, and whether a head belongs to it.
import type { EntityType } from "./types";
import type { LexiconMatch } from "./lexicon";
import { formsWithProclitics, normalizedTokens, type Token } from "./tokenize";
import { TITLES, NAME_CONNECTORS, TITLE_LINKS, TITLE_CONTINUATIONS } from "./data/titles";
import {
  HEAD_NOUNS,
  GENERIC_COMPLEMENTS,
  NON_NAME_ADJECTIVES,
  PLACE_NAME_PREFIXES,
  DIRECTION_WORDS,
  GENERIC_HEADS_OF_ALIASES,
  EVERYDAY_WORD_OUTLETS,
  INTERVIEW_WORDS,
  type HeadNoun,
} from "./data/head-nouns";
import { FUNCTION_WORDS } from "./data/function-words";

/** A name found by a rule, in tokens and original offsets. */
export interface RuleMention {
  startToken: number;
  endToken: number;
  start: number;
  end: number;
  type: EntityType;
  /** Which rule found it: a title before a person, or a head noun before an organisation/place. */
  kind: "title" | "head";
  /** Set when the rule only retyped or confirmed a lexicon match. */
  lexicon?: LexiconMatch;
  /** The head noun says what a known word is here, against the KB's types (`جريدة الصباح`). */
  overrules?: boolean;
  confidence: number;
}

/** What the rules may ask about the text around them. */
export interface RuleContext {
  tokens: readonly Token[];
  /** The longest lexicon match starting at a token, if any. */
  lexiconAt(i: number): LexiconMatch | undefined;
  /** Tokens already taken by a date. */
  isDate(i: number): boolean;
  /** A line break separates token i from the one before it (names never cross lines). */
  breakBefore(i: number): boolean;
}

// Tables normalised once.
const toKey = (w: string) => normalizedTokens(w).join(" ");
const titlesByFirst = new Map<string, string[][]>();
for (const t of TITLES) {
  const words = normalizedTokens(t);
  const list = titlesByFirst.get(words[0]!) ?? [];
  list.push(words);
  list.sort((a, b) => b.length - a.length);
  titlesByFirst.set(words[0]!, list);
}
const heads = new Map<string, HeadNoun>(HEAD_NOUNS.map((h) => [toKey(h.word), h]));
const functionWords = new Set(FUNCTION_WORDS.map(toKey));
const connectors = new Set(NAME_CONNECTORS.map(toKey));
const titleLinks = new Set(TITLE_LINKS.map(toKey));
const titleContinuations = new Set(TITLE_CONTINUATIONS.map(toKey));
const genericComplements = new Set(GENERIC_COMPLEMENTS.map(toKey));
const nonNameAdjectives = new Set(NON_NAME_ADJECTIVES.map(toKey));
const placePrefixes = new Set(PLACE_NAME_PREFIXES.map(toKey));
const mediaNames = new Set(EVERYDAY_WORD_OUTLETS.map(toKey));
const interviewWords = new Set(INTERVIEW_WORDS.map(toKey));
const OPENING_QUOTES = new Set(["«", '"', "“", "'"]);
const CLOSING_QUOTES = new Set(["»", '"', "”", "'"]);
/** Words a quoted outlet's name may have (`«الأنباء الكويتية»`, `«سكاي نيوز عربية»`). */
const MAX_QUOTED_OUTLET = 4;
const directions = new Set(DIRECTION_WORDS.map(toKey));
/** Forms a title or head noun can take in text: every other token is skipped with one lookup. */
const triggers = formsWithProclitics([...titlesByFirst.keys(), ...heads.keys()]);
const ARTICLE = "ال";
const DOT = ".";

const RULE_CONFIDENCE = 0.7;
/** A title phrase longer than this is a sentence, not a title. */
const MAX_TITLE_PHRASE = 9;
const MAX_COMPLEMENT = 5;

function hasArticle(norm: string): boolean {
  return norm.startsWith(ARTICLE) && norm.length > 3;
}

/** Relational adjective (`العراقي`, `الإسلامية`, `الدولي`): the end of most name phrases. */
export function isNisba(norm: string): boolean {
  return hasArticle(norm) && norm.length >= 5 && (norm.endsWith("ي") || norm.endsWith("يه"));
}

/** Endings of attached pronouns: a word wearing one is a common noun or verb, never a name. */
function hasPronounSuffix(norm: string): boolean {
  return norm.length > 4 && (norm.endsWith("ها") || norm.endsWith("هم") || norm.endsWith("هما"));
}

class RuleReader {
  private readonly tokens: readonly Token[];

  constructor(private readonly ctx: RuleContext) {
    this.tokens = ctx.tokens;
  }

  private norm(i: number): string {
    return this.tokens[i]?.norm ?? "";
  }

  private isWord(i: number): boolean {
    return this.tokens[i]?.kind === "word" && !this.ctx.isDate(i);
  }

  /** The first token read as written or with proclitics peeled; `accept` picks the reading. */
  private reading<T>(
    i: number,
    accept: (form: string) => T | undefined,
  ): { value: T; offset: number } | undefined {
    const t = this.tokens[i];
    if (!t || !this.isWord(i)) return undefined;
    const own = accept(t.norm);
    if (own !== undefined) return { value: own, offset: 0 };
    for (const s of t.stems) {
      const v = accept(s.form);
      if (v !== undefined) return { value: v, offset: s.offset };
    }
    return undefined;
  }

  private titleAt(i: number): { end: number; offset: number } | undefined {
    const r = this.reading(i, (form) => titlesByFirst.get(form));
    if (!r) return undefined;
    for (const words of r.value) {
      let ok = true;
      for (let k = 1; k < words.length; k++)
        if (this.norm(i + k) !== words[k] || this.ctx.breakBefore(i + k)) ok = false;
      if (ok) return { end: i + words.length, offset: r.offset };
    }
    return undefined;
  }

  private headAt(i: number): { head: HeadNoun; offset: number } | undefined {
    const r = this.reading(i, (form) => heads.get(form));
    return r && { head: r.value, offset: r.offset };
  }

  /** A word that may be part of a name: not a particle, verb of saying, number, or punctuation. */
  private nameWord(i: number): boolean {
    if (!this.isWord(i) || this.ctx.breakBefore(i)) return false;
    const n = this.norm(i);
    return n.length >= 2 && !functionWords.has(n) && !directions.has(n);
  }

  /** A word whose own proclitic shows it starts a new phrase (`بالعراق`, `وانسحابها`). */
  private startsNewPhrase(i: number, nameStart = false): boolean {
    const t = this.tokens[i];
    if (!t) return true;
    if (this.ctx.lexiconAt(i)?.clitics === "") return false;
    if (t.stems.some((s) => s.strong)) return true;
    if (this.ctx.lexiconAt(i)) return false;
    // `وانسحابها`; `بغارة` (a preposition on a feminine noun; names rarely look like that).
    // Inside a name a conjunction ends it; at its start `وليد`, `وائل` are names.
    return t.stems.some(
      (s) =>
        (s.clitics === "و" && !nameStart) || (s.form.endsWith("ه") && !s.clitics.startsWith("و")),
    );
  }

  private mention(
    startToken: number,
    offset: number,
    endToken: number,
    type: EntityType,
    confidence = RULE_CONFIDENCE,
  ): RuleMention {
    return {
      kind: type === "PER" ? "title" : "head",
      startToken,
      endToken,
      start: this.tokens[startToken]!.start + offset,
      end: this.tokens[endToken - 1]!.end,
      type,
      confidence,
    };
  }

  /** Every rule mention, left to right. */
  all(): RuleMention[] {
    const out: RuleMention[] = [];
    for (let i = 0; i < this.tokens.length;) {
      if (!triggers.has(this.tokens[i]!.norm)) {
        i++;
        continue;
      }
      const next = this.titlePhrase(i, out) ?? this.headPhrase(i, out);
      i = next !== undefined && next > i ? next : i + 1;
    }
    this.quotedOutlets(out);
    return out;
  }

  /**
   * The press's way of naming who it spoke to: the preposition written apart (`لـ`) before a
   * quoted name, after a word of speaking or before a colon — `قال لـ«الشرق الأوسط» إن`,
   * `X لـ"الأنباء الكويتية": …` — names an outlet, whatever else its words mean (the KB's
   * region `الشرق الأوسط`, the everyday `الصباح`). Linked when the KB knows it as an
   * organisation.
   */
  private quotedOutlets(out: RuleMention[]): void {
    const tokens = this.tokens;
    for (let i = 0; i + 3 < tokens.length; i++) {
      const t = tokens[i]!;
      if (t.kind !== "word" || t.norm !== "ل" || !OPENING_QUOTES.has(tokens[i + 1]!.surface))
        continue;
      if (tokens[i + 1]!.start - t.end > 1) continue; // `لـ«` is written together
      let close = i + 2;
      while (close < tokens.length && close - (i + 2) <= MAX_QUOTED_OUTLET) {
        if (!this.isWord(close) || this.ctx.breakBefore(close)) break;
        close++;
      }
      if (close === i + 2 || !CLOSING_QUOTES.has(tokens[close]?.surface ?? "")) continue;
      if (close - (i + 2) > MAX_QUOTED_OUTLET) continue;
      let spoken = this.norm(close + 1) === ":";
      for (let k = Math.max(0, i - 3); k < i && !spoken; k++)
        spoken = this.reading(k, (f) => (interviewWords.has(f) ? true : undefined)) !== undefined;
      if (!spoken) continue;
      const from = i + 2;
      // One particle or pronoun-bearing word is no outlet (`لـ«هذا»`); `الشرق الأوسط` is.
      const one = close - from === 1;
      if (one && (functionWords.has(this.norm(from)) || hasPronounSuffix(this.norm(from))))
        continue;
      const lex = this.ctx.lexiconAt(from);
      const known =
        lex &&
        lex.clitics === "" &&
        lex.endToken === close &&
        lex.candidates.some((c) => c.type === "ORG");
      out.push({
        ...this.mention(from, 0, close, "ORG", 0.9),
        kind: "head",
        ...(known ? { lexicon: lex } : { overrules: true }),
      });
    }
  }

  /**
   * `الرئيس الأمريكي جو بايدن`, `رئيس مجلس النواب العراقي المنحل محمد الحلبوسي`: the title, its
   * descriptive words (adjectives, organisations and places it belongs to), then the name.
   */
  private titlePhrase(i: number, out: RuleMention[]): number | undefined {
    const title = this.titleAt(i);
    if (!title) return undefined;
    let j = title.end;
    while (j < this.tokens.length && j - i < MAX_TITLE_PHRASE && !this.ctx.breakBefore(j)) {
      if (this.norm(j) === DOT && this.norm(j - 1) === "د") {
        j++;
        continue;
      }
      // An apposition: `السناتور الجمهوري ، ارلن سبيكتر ،`.
      if (
        (this.norm(j) === "،" || this.norm(j) === ",") &&
        j > title.end - 1 &&
        this.personName(j + 1)
      ) {
        j++;
        continue;
      }
      const innerTitle = this.titleAt(j);
      if (innerTitle && innerTitle.offset === 0) {
        j = innerTitle.end;
        continue;
      }
      const head = this.headAt(j);
      if (head && head.offset === 0) {
        const end = this.headPhrase(j, out);
        if (end !== undefined) {
          j = end;
          continue;
        }
      }
      const lex = this.ctx.lexiconAt(j);
      if (lex && lex.clitics === "" && !lex.candidates.some((c) => c.type === "PER")) {
        j = lex.endToken;
        continue;
      }
      const n = this.norm(j);
      if (titleContinuations.has(n)) {
        j++;
        continue;
      }
      const after = this.norm(j + 1);
      if (
        titleLinks.has(n) &&
        (hasArticle(after) || this.ctx.lexiconAt(j + 1) || heads.has(after) || this.titleAt(j + 1))
      ) {
        j++;
        continue;
      }
      if (this.isWord(j) && hasArticle(n) && !functionWords.has(n)) {
        j++;
        continue;
      }
      break;
    }
    const name = this.personName(j);
    if (!name) return j > title.end ? j : undefined;
    out.push(name);
    return name.endToken;
  }

  /** A person's name starting at token i: a given name, then one or two more parts. */
  private personName(i: number): RuleMention | undefined {
    if (!this.nameWord(i)) return undefined;
    const first = this.norm(i);
    if (hasArticle(first) || hasPronounSuffix(first) || titleContinuations.has(first))
      return undefined;
    if (this.titleAt(i) || this.headAt(i) || this.startsNewPhrase(i, true)) return undefined;
    const lex = this.ctx.lexiconAt(i);
    if (lex && lex.clitics === "") {
      // A known name: the lexicon reports it; a person's title tells its type.
      const person = lex.candidates.some((c) => c.type === "PER");
      if (!person) return undefined;
      return { ...this.mention(i, 0, lex.endToken, "PER", 0.9), lexicon: lex };
    }
    let end = i + 1;
    let parts = 1;
    let needsNext = connectors.has(first);
    while (end < this.tokens.length && parts < 4) {
      if (!this.nameWord(end) || this.titleAt(end) || this.startsNewPhrase(end)) break;
      const n = this.norm(end);
      if (nonNameAdjectives.has(n) || hasPronounSuffix(n)) break;
      const known = this.ctx.lexiconAt(end);
      if (known && !known.candidates.some((c) => c.type === "PER")) break; // `ماكرون باريس`
      if (needsNext) {
        needsNext = false;
      } else if (connectors.has(n)) {
        needsNext = true;
      } else if (parts >= 2 && !hasArticle(n)) {
        break; // a third part is a family name with the article (`محمد باقر الحكيم`)
      }
      end++;
      parts++;
    }
    if (needsNext) end--; // a dangling connector is not part of the name
    if (end <= i) return undefined;
    return this.mention(i, 0, end, "PER");
  }

  /** `حزب الله`, `مجلس النواب العراقي`, `لتنظيم داعش` → `داعش`, `العاصمة بغداد` → `بغداد`. */
  private headPhrase(i: number, out: RuleMention[]): number | undefined {
    const found = this.headAt(i);
    if (!found) return undefined;
    const { head, offset } = found;
    // A known name that starts with its head (`فيلق القدس`, `تنظيم الدولة`) is the lexicon's.
    const whole = this.ctx.lexiconAt(i);
    if (whole && whole.endToken > i + 1) {
      out.push({
        ...this.mention(
          i,
          whole.start - this.tokens[i]!.start,
          whole.endToken,
          pickType(whole, head.type),
          0.9,
        ),
        lexicon: whole,
      });
      return whole.endToken;
    }
    let j = i + 1;
    if (j >= this.tokens.length || this.ctx.breakBefore(j)) return undefined;
    // `العاصمة الأردنية عمان`: adjectives of a generic place head come before the name.
    if (head.keep === "never" && head.type === "LOC") {
      while (isNisba(this.norm(j)) && !this.ctx.lexiconAt(j) && j < i + 3) j++;
    }
    const headHasArticle = hasArticle(this.norm(i)) && offset === 0;
    const lex = this.ctx.lexiconAt(j);
    if (lex && lex.clitics === "") {
      if (headHasArticle && !hasArticle(this.norm(j))) return undefined;
      if (head.keep === "always") {
        if (!lex.candidates.some((c) => c.type !== "PER")) return undefined; // `جيش` + a person
        // `مطار بغداد الدولي` keeps its adjective; after an organisation named for a known name
        // a nationality adjective describes it (`فيلق القدس الإيراني` → `فيلق القدس`).
        const end = this.trailingAdjectives(lex.endToken, head.type === "LOC" ? 1 : 0);
        out.push(this.mention(i, offset, end, head.type));
        return end;
      }
      // After a newspaper's or channel's head the name is the outlet, even when the KB knows the
      // word only as something else (`جريدة الصباح`, `صحيفة اليوم`).
      const type = head.type === "ORG" && head.keep === "never" ? "ORG" : pickType(lex, head.type);
      const known = lex.candidates.some((c) => c.type === type);
      out.push({
        ...this.mention(j, 0, lex.endToken, type, 0.9),
        ...(known ? { lexicon: lex } : { overrules: true }),
      });
      return lex.endToken;
    }
    // An outlet named by an everyday word: `صحيفة اليوم`, `جريدة الشروق`.
    if (
      head.type === "ORG" &&
      head.keep === "never" &&
      mediaNames.has(this.norm(j)) &&
      this.isWord(j) &&
      !this.ctx.breakBefore(j)
    ) {
      out.push(this.mention(j, 0, j + 1, "ORG"));
      return j + 1;
    }
    if (!this.nameWord(j) || this.startsNewPhrase(j)) return undefined;
    const c0 = this.norm(j);
    // Another head inside a naming head's phrase is its genitive (`هيئة قناة السويس`).
    const innerHead = heads.has(c0) && !(head.keep === "always" && hasArticle(this.norm(j + 1)));
    if (
      genericComplements.has(c0) ||
      nonNameAdjectives.has(c0) ||
      hasPronounSuffix(c0) ||
      innerHead
    )
      return undefined;
    // A head with the article is followed by words with it (`الحرس الثوري`, `البنك الدولي`);
    // before a bare word it is a common noun (`قائد الحرس قاسم …`).
    if (headHasArticle && !hasArticle(c0)) return undefined;
    if (head.keep === "always" || (head.keep === "before-article" && hasArticle(c0))) {
      // After an organisation head, a bare noun is a name only inside a construct chain that
      // reaches a word with the article (`هيئة تحرير الشام`, `اتحاد كرة القدم`): `لجنة تحقيق` is
      // a committee. Places take bare names (`إقليم كردستان`).
      if (head.type === "ORG" && !hasArticle(c0) && !hasArticle(this.norm(j + 1))) return undefined;
      const end = this.complement(j, head);
      out.push(this.mention(i, offset, end, head.type));
      return end;
    }
    // The head stays out; the name is what follows.
    if (!hasArticle(c0) && c0.endsWith("ه")) return undefined; // an indefinite adjective: `منطقة عازلة`
    let end = j + 1;
    if (placePrefixes.has(c0) && this.nameWord(end)) end++;
    else if (head.type === "ORG" && hasArticle(c0)) end = this.articleWords(end, 2);
    // Media and companies often carry two-word foreign names; groups after `تنظيم`, `حركة` one.
    else if (head.type === "ORG" && head.keep === "never") end = this.foreignNameWords(end, 1);
    out.push(this.mention(j, 0, end, head.type));
    return end;
  }

  /**
   * Complement of a head that belongs to the name: genitive nouns, then relational adjectives. An
   * organisation's phrase goes on through one ل + article genitive (`المجلس الأعلى للقوات المسلحة`),
   * and, where the head allows it, one و + article noun (`وزارة التعليم العالي والبحث العلمي`) or a
   * ب + organisation phrase (`كلية الآداب بجامعة الإسكندرية`).
   */
  private complement(j: number, head?: HeadNoun): number {
    let end = j + 1;
    let sawNisba = isNisba(this.norm(j));
    let extended = false;
    while (end < this.tokens.length && end - j < MAX_COMPLEMENT && this.nameWord(end)) {
      if (head?.type === "ORG" && !extended) {
        const t = this.tokens[end]!;
        const next = this.norm(end + 1);
        const lamArticle = t.stems.find((st) => st.clitics === "ل" && st.strong);
        const andArticle =
          head.reach === "coordinated"
            ? t.stems.find((st) => st.clitics === "و" && st.strong)
            : undefined;
        const stem = lamArticle ?? andArticle;
        if (
          stem &&
          !isNisba(stem.form) &&
          !nonNameAdjectives.has(stem.form) &&
          !hasPronounSuffix(stem.form) &&
          !genericComplements.has(stem.form)
        ) {
          extended = true;
          sawNisba = false;
          end++;
          continue;
        }
        const inner =
          head.reach === "subunit"
            ? t.stems.find((st) => st.clitics === "ب" && heads.get(st.form)?.keep === "always")
            : undefined;
        if (inner && this.nameWord(end + 1) && (hasArticle(next) || this.ctx.lexiconAt(end + 1))) {
          const known = this.ctx.lexiconAt(end + 1);
          end =
            known && known.clitics === ""
              ? this.trailingAdjectives(known.endToken, 1)
              : this.complement(end + 1);
          break;
        }
      }
      if (this.startsNewPhrase(end)) break;
      const n = this.norm(end);
      if (!hasArticle(n) || nonNameAdjectives.has(n) || hasPronounSuffix(n)) break;
      const nisba = isNisba(n);
      if (sawNisba && !nisba) break; // after an adjective only adjectives follow
      sawNisba ||= nisba;
      end++;
    }
    return end;
  }

  /** Up to `max` relational adjectives after a name (`مطار بغداد الدولي`). */
  private trailingAdjectives(end: number, max: number): number {
    let k = end;
    while (
      k < end + max &&
      isNisba(this.norm(k)) &&
      this.nameWord(k) &&
      !nonNameAdjectives.has(this.norm(k))
    )
      k++;
    return k;
  }

  /**
   * Up to `max` further words of a name written without the article, as foreign names are
   * (`موقع دايلي ميل`, `صحيفة نيويورك تايمز`): not particles, adjectives or another phrase's start.
   */
  private foreignNameWords(end: number, max: number): number {
    let k = end;
    while (k < end + max && this.nameWord(k) && !this.startsNewPhrase(k)) {
      const n = this.norm(k);
      if (
        hasArticle(n) ||
        n.endsWith("ه") ||
        hasPronounSuffix(n) ||
        heads.has(n) ||
        this.titleAt(k)
      )
        break;
      const known = this.ctx.lexiconAt(k);
      if (known && !known.candidates.some((c) => c.type === "ORG")) break;
      k++;
    }
    return k;
  }

  /** Up to `max` further words with the article that are not adjectives (`الشرق الأوسط`). */
  private articleWords(end: number, max: number): number {
    let k = end;
    while (
      k < end + max &&
      this.nameWord(k) &&
      hasArticle(this.norm(k)) &&
      !isNisba(this.norm(k)) &&
      !this.startsNewPhrase(k)
    )
      k++;
    return k;
  }
}

/** Heads that are not part of a name (`تنظيم`, `منصة`, `حكومة`, `مدينة`), as normalised words. */
const genericHeads = new Set([
  ...HEAD_NOUNS.filter((h) => h.keep !== "always").map((h) => toKey(h.word)),
  ...GENERIC_HEADS_OF_ALIASES.map(toKey),
]);

/**
 * Whether a known alias that starts with this word should yield to the name inside it: the KB may
 * list `تنظيم داعش` or `حكومة العراق` as aliases, but the span is `داعش`, `العراق`.
 */
export function isGenericHead(word: string): boolean {
  return genericHeads.has(word);
}

const genericPlaceHeads = new Set(
  HEAD_NOUNS.filter((h) => h.keep === "never" && h.type === "LOC").map((h) => toKey(h.word)),
);

/** Whether a word is a generic place head (`مدينة`, `منطقة`, `العاصمة`): never part of the name. */
export function isGenericPlaceHead(word: string): boolean {
  return genericPlaceHeads.has(word);
}

const descriptiveHeads = new Set(GENERIC_HEADS_OF_ALIASES.map(toKey));

/**
 * Whether an alias opening with this word and followed only by adjectives describes rather than
 * names (`القوات الأمريكية`, `الحكومة العراقية`); after other generic heads the adjective is the
 * name (`قناة العربية` → `العربية`).
 */
export function isDescriptiveHead(word: string): boolean {
  return descriptiveHeads.has(word);
}

const namingHeads = new Set(
  HEAD_NOUNS.filter((h) => h.keep === "always").map((h) => toKey(h.word)),
);

/** Whether a head noun is part of the name it opens (`مطار بغداد الدولي`, `حزب الله`, `إقليم كردستان`). */
export function isNamingHead(word: string): boolean {
  return namingHeads.has(word);
}

/** The candidate type a head noun or title asks for, when the alias is ambiguous. */
function pickType(lex: LexiconMatch, wanted: EntityType): EntityType {
  return lex.candidates.some((c) => c.type === wanted) ? wanted : lex.candidates[0]!.type;
}

/** Every name the rules find in the tokens, left to right. */
export function findByRules(ctx: RuleContext): RuleMention[] {
  return new RuleReader(ctx).all();
}
