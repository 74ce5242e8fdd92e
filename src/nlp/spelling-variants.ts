// Spelling variants of a name that the matching normalisation (./normalize) cannot fold without
// merging ordinary words, generated once per alias when the lexicon and the alias keys are built.
// Folding them in the normaliser would act on every word of every page, and on the tagger's
// features (its weights were trained with today's normaliser): ئ→ا would make every رئيس read as
// رايس (Rice), غ→ج would make الغرب read as الجرب, and dropping ال would make الأسد a lion. An
// alias variant only adds a way to write that one name.
//
// - Medial hamza seats (هيئة/هيأة, مسؤول/مسئول): every medial ئ and ؤ written on the other seats.
// - A foreign "g" (أنغولا/أنجولا, غوتيريش/جوتيريش; Gulf/Maghrebi ق, Iraqi ك): only for names whose
//   English name has a "g" that is not "gh" (Ghazi's غ is Arabic), and in a one-word alias only
//   from five letters up (جدة would become غدة, a gland). ج and غ (and ك or ق written for them)
//   become each other; ق only inside names of two words or more; ك never (measured: Gwadar's ك form
//   is كوادر, "cadres", a false mark on a held-out page).
// - Maghrebi surnames with and without ال (راشد الغنوشي/راشد غنوشي): people only, the last word of
//   a name of two words or more when it is a nisba (ends in ي), never after عبد/أبو/بن… nor in
//   الدين/الله compounds or regnal numbers (عبد الله الثاني); a one-word alias never loses ال
//   (الأسد is also a lion).
import type { EntityType } from "./types";
import { normalizeWord } from "./normalize";

const HAMZA_SEATS = ["أ", "ئ", "ؤ"] as const;
/** Letters a foreign "g" is written with, and those a variant may use instead. */
const G_SOURCES = ["غ", "ج", "ق", "ك"] as const;
const G_TARGETS = ["غ", "ج"] as const;
const G_TARGETS_IN_PHRASES = ["غ", "ج", "ق"] as const;
/** A one-word alias shorter than this (letters) gets no "g" variant. */
const MIN_G_WORD = 5;
/** Variants per alias at most: the lexicon grows by a bounded factor. */
const MAX_VARIANTS = 8;
const ARTICLE = "ال";
/** Words after which ال belongs to a compound name (عبد الرحمن, أبو الغيط, بن الشيبة). */
const COMPOUND_HEADS = new Set(
  ["عبد", "ابو", "ابي", "ام", "بن", "ابن", "بنت", "ال", "ذو", "ذي"].map(normalizeWord),
);
/** Second halves of compound names and regnal numbers, which always keep ال. */
const COMPOUND_TAILS = new Set(
  [
    "الدين",
    "الله",
    "الاسلام",
    "الرحمن",
    "الاول",
    "الثاني",
    "الثالث",
    "الرابع",
    "الخامس",
    "السادس",
    "السابع",
    "الثامن",
    "التاسع",
    "العاشر",
  ].map(normalizeWord),
);

export interface VariantSource {
  type: EntityType;
  names: { en?: string };
}

const ARABIC = /[\u0600-\u06FF]/;

/** Each medial hamza seat of `word` (not its first or last letter) on each other seat. */
function hamzaVariants(alias: string): string[] {
  // From ئ and ؤ only: a medial أ in a pack name is already the seat news sites write.
  const medial = /(?<=[\u0600-\u06FF])[ئؤ](?=[\u0600-\u06FF])/g;
  if (!medial.test(alias)) return [];
  return HAMZA_SEATS.map((seat) => alias.replace(medial, seat)).filter((v) => v !== alias);
}

/** Whether the English name has a "g" that is a g (not the "gh" of an Arabic ghayn). */
function hasForeignG(english: string | undefined): boolean {
  return english !== undefined && /g(?!h)/i.test(english.replace(/gh/gi, ""));
}

function gVariants(alias: string): string[] {
  const words = alias.trim().split(/\s+/);
  const letters = (w: string) => normalizeWord(w).replace(/^ال/, "").length;
  if (words.length === 1 && letters(words[0]!) < MIN_G_WORD) return [];
  if (!/[غجقك]/.test(alias)) return [];
  const variants = new Set<string>();
  // ج and غ stand for each other; ق only inside a name of two words or more (a one-word ق form
  // meets ordinary words too often), ك never on its own (كوادر, cadres, is Gwadar's ك form).
  const targets = words.length > 1 ? G_TARGETS_IN_PHRASES : G_TARGETS;
  for (const from of G_SOURCES) {
    if (!alias.includes(from)) continue;
    for (const to of targets) if (to !== from) variants.add(alias.split(from).join(to));
  }
  return [...variants];
}

function articleVariant(alias: string): string[] {
  const words = alias.trim().split(/\s+/);
  if (words.length < 2) return [];
  const last = words.at(-1)!;
  const before = normalizeWord(words.at(-2)!);
  if (!ARABIC.test(last) || COMPOUND_HEADS.has(before)) return [];
  if (COMPOUND_TAILS.has(normalizeWord(last))) return [];
  const withArticle = last.startsWith(ARTICLE);
  const bare = withArticle ? last.slice(ARTICLE.length) : last;
  // Surnames that are nisbas (الغنوشي, المرزوقي, السبسي): the ones Maghrebi writing drops ال from.
  const letters = normalizeWord(bare);
  if (letters.length < 3 || !letters.endsWith("ي")) return [];
  return [[...words.slice(0, -1), withArticle ? bare : ARTICLE + bare].join(" ")];
}

/**
 * Other ways news sites write `alias` of `entity`, never `alias` itself: the lexicon and the alias
 * keys add them beside it. Empty for names in Latin script.
 */
export function spellingVariants(alias: string, entity: VariantSource): string[] {
  if (!ARABIC.test(alias)) return [];
  const out = new Set<string>();
  const bases = [alias];
  if (entity.type === "PER") bases.push(...articleVariant(alias));
  for (const base of bases) {
    out.add(base);
    for (const variant of hamzaVariants(base)) out.add(variant);
  }
  if (hasForeignG(entity.names.en))
    for (const base of [...out]) for (const variant of gVariants(base)) out.add(variant);
  out.delete(alias);
  return [...out].slice(0, MAX_VARIANTS);
}
