// Words that decide where a name's span starts and ends, whichever source proposed it (rules,
// lexicon, tagger). Written for this project: general Arabic vocabulary, no corpus text.

/**
 * Given names and foreign names that begin with و: in them the letter is part of the name, while
 * before any other word a glued و is the conjunction (`ومبارك` → `مبارك`, `وفرانك` → `فرانك`).
 * Known names (the lexicon) need no entry here: a word the knowledge base knows whole stays whole.
 */
export const WAW_INITIAL_NAMES: readonly string[] = [
  "وليد",
  "وائل",
  "وسام",
  "وفاء",
  "وديع",
  "وديعة",
  "وهيب",
  "وهيبة",
  "وجدي",
  "وجدان",
  "وحيد",
  "وحيدة",
  "وصفي",
  "وضاح",
  "ولاء",
  "وئام",
  "وداد",
  "وردة",
  "وهبة",
  "وهبي",
  "وصال",
  "وعد",
  "ولید",
  "ويليام",
  "وليام",
  "ويلسون",
  "والتر",
  "وارن",
  "ونستون",
  "وانغ",
  "ويل",
  "ويندي",
  "وودي",
  "ويتكوف",
  "وهاب",
];

/**
 * Role nouns that follow a name in apposition and are not part of it (`محمد صلاح لاعب ليفربول`,
 * `فرانك مدرب توتنهام`). Titles (data/titles.ts) count too, with or without the article.
 */
export const TRAILING_ROLES: readonly string[] = [
  "لاعب",
  "مهاجم",
  "مدافع",
  "حارس",
  "نجم",
  "مدرب",
  "صاحب",
  "مؤسس",
  "مالك",
  "رئيس",
  "رئيسة",
  "وزير",
  "وزيرة",
  "نائب",
  "مدير",
  "مديرة",
  "مستشار",
  "سفير",
  "عضو",
  "قائد",
  "زعيم",
  "مرشح",
  "المتحدث",
  "متحدث",
  "الناطق",
  "ناطق",
  "مراسل",
  "محرر",
  "كاتب",
  "الكاتب",
  "بطل",
  "بطلة",
  "مغني",
  "الممثل",
  "ممثل",
  "ممثلة",
];

/**
 * Words spelled like a name only in careless writing: `على` is the preposition "on", which some
 * texts also write for the name `علي`. Never a name alone, never the last word of one (a name
 * followed by `على` is followed by the preposition: `خالد عبد الكريم على هامش …`). Compared as
 * written, not normalised (normalising turns ى into ي and the preposition into the name).
 */
export const NEVER_NAME_AS_WRITTEN: readonly string[] = [
  "على",
  "إلى",
  "الى",
  "حتى",
  "متى",
  "لدى",
  "سوى",
  "عسى",
];
