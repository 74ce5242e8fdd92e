// Head nouns that announce an organisation or a place the knowledge base may not know. Whether the
// head belongs to the name is the news convention: `حزب الله`, `مجلس النواب العراقي`, `مطار بغداد
// الدولي` keep it; `لتنظيم داعش`, `العاصمة بغداد`, `مدينة الموصل` do not.

export interface HeadNoun {
  word: string;
  type: "ORG" | "LOC";
  /**
   * How far the phrase may reach past genitives and adjectives: `coordinated` lets one `و` + noun
   * with the article continue it (`وزارة التعليم العالي والبحث العلمي`); `subunit` lets a ب +
   * organisation phrase follow (`كلية الآداب بجامعة الإسكندرية`: the faculty of that university).
   */
  reach?: "coordinated" | "subunit";
  /**
   * `always`: the head is part of the name. `before-article`: part of it only when a descriptive
   * phrase follows (`حركة المقاومة الإسلامية`), not before a proper name (`حركة حماس` → `حماس`).
   * `never`: a generic head; the name is what follows (`مدينة الموصل` → `الموصل`).
   */
  keep: "always" | "before-article" | "never";
}

export const HEAD_NOUNS: readonly HeadNoun[] = [
  // Organisations named with their head.
  { word: "حزب", type: "ORG", keep: "always" },
  { word: "مجلس", type: "ORG", keep: "always" },
  { word: "وزارة", type: "ORG", keep: "always", reach: "coordinated" },
  { word: "فيلق", type: "ORG", keep: "always" },
  { word: "جيش", type: "ORG", keep: "always" },
  { word: "منظمة", type: "ORG", keep: "always" },
  { word: "جامعة", type: "ORG", keep: "always" },
  { word: "اتحاد", type: "ORG", keep: "always" },
  { word: "هيئة", type: "ORG", keep: "always" },
  { word: "لجنة", type: "ORG", keep: "always" },
  { word: "جبهة", type: "ORG", keep: "always" },
  { word: "كتائب", type: "ORG", keep: "always" },
  { word: "بنك", type: "ORG", keep: "always" },
  { word: "البنك", type: "ORG", keep: "always" },
  { word: "محكمة", type: "ORG", keep: "always" },
  { word: "المحكمة", type: "ORG", keep: "always" },
  { word: "مؤسسة", type: "ORG", keep: "always" },
  { word: "صندوق", type: "ORG", keep: "always" },
  { word: "الحرس", type: "ORG", keep: "always" },
  { word: "حرس", type: "ORG", keep: "always" },
  { word: "التحالف", type: "ORG", keep: "always" },
  { word: "كلية", type: "ORG", keep: "always", reach: "subunit" },
  { word: "معهد", type: "ORG", keep: "always", reach: "subunit" },
  { word: "سفارة", type: "ORG", keep: "always" },
  { word: "السفارة", type: "ORG", keep: "always" },
  { word: "قنصلية", type: "ORG", keep: "always" },
  { word: "القنصلية", type: "ORG", keep: "always" },
  { word: "رئاسة", type: "ORG", keep: "always" },
  { word: "شرطة", type: "ORG", keep: "always" },
  { word: "مديرية", type: "ORG", keep: "always" },
  { word: "نقابة", type: "ORG", keep: "always" },
  { word: "مصرف", type: "ORG", keep: "always" },
  { word: "المصرف", type: "ORG", keep: "always" },
  { word: "المجلس", type: "ORG", keep: "always" },
  { word: "الهيئة", type: "ORG", keep: "always" },
  { word: "المنظمة", type: "ORG", keep: "always" },
  { word: "الجامعة", type: "ORG", keep: "always" },
  { word: "الاتحاد", type: "ORG", keep: "always" },
  { word: "الحزب", type: "ORG", keep: "always" },
  { word: "الجبهة", type: "ORG", keep: "always" },
  { word: "المرصد", type: "ORG", keep: "always" },
  { word: "الائتلاف", type: "ORG", keep: "always" },
  { word: "المفوضية", type: "ORG", keep: "always" },
  { word: "الوكالة", type: "ORG", keep: "always" },
  { word: "حركة", type: "ORG", keep: "before-article" },
  { word: "تنظيم", type: "ORG", keep: "before-article" },
  { word: "جماعة", type: "ORG", keep: "before-article" },
  { word: "وكالة", type: "ORG", keep: "before-article" },
  { word: "شركة", type: "ORG", keep: "never" },
  { word: "صحيفة", type: "ORG", keep: "never" },
  { word: "جريدة", type: "ORG", keep: "never" },
  { word: "مجلة", type: "ORG", keep: "never" },
  { word: "قناة", type: "ORG", keep: "never" },
  { word: "نادي", type: "ORG", keep: "never" },
  { word: "منصة", type: "ORG", keep: "never" },
  { word: "موقع", type: "ORG", keep: "never" },
  // Places named with their head.
  { word: "مطار", type: "LOC", keep: "always" },
  { word: "إقليم", type: "LOC", keep: "always" },
  { word: "ميناء", type: "LOC", keep: "always" },
  { word: "مضيق", type: "LOC", keep: "always" },
  { word: "خليج", type: "LOC", keep: "always" },
  { word: "جبل", type: "LOC", keep: "always" },
  { word: "بحيرة", type: "LOC", keep: "always" },
  { word: "مرفأ", type: "LOC", keep: "always" },
  { word: "شاطئ", type: "LOC", keep: "always" },
  // Generic place heads: the name follows.
  { word: "مدينة", type: "LOC", keep: "never" },
  { word: "محافظة", type: "LOC", keep: "never" },
  { word: "العاصمة", type: "LOC", keep: "never" },
  { word: "عاصمة", type: "LOC", keep: "never" },
  { word: "منطقة", type: "LOC", keep: "never" },
  { word: "بلدة", type: "LOC", keep: "never" },
  { word: "قرية", type: "LOC", keep: "never" },
  { word: "ولاية", type: "LOC", keep: "never" },
  { word: "جزيرة", type: "LOC", keep: "never" },
  { word: "نهر", type: "LOC", keep: "never" },
  { word: "مقاطعة", type: "LOC", keep: "never" },
  { word: "مخيم", type: "LOC", keep: "never" },
  { word: "ضاحية", type: "LOC", keep: "never" },
  { word: "حي", type: "LOC", keep: "never" },
];

/**
 * Words after an organisation head that make a common noun phrase, not a name
 * (`رئيس مجلس الإدارة` is the chair of a company's board).
 */
export const GENERIC_COMPLEMENTS: readonly string[] = [
  "الإدارة",
  "إدارة",
  "الأمناء",
  "العائلة",
  "الأسرة",
  "العزاء",
  "الحرب",
  "المدينة",
  "الطلاب",
  "التلاميذ",
  "المرور",
  "السير",
  "الأسعار",
  "التجارة",
  "الصرف",
  "الخاصة",
  "الأمنية",
  "المسلحة",
];

/** Adjectives that follow a name phrase but are not part of it (`مجلس النواب العراقي المنحل`). */
export const NON_NAME_ADJECTIVES: readonly string[] = [
  "المنحل",
  "المنحلة",
  "السابق",
  "السابقة",
  "الحالي",
  "الحالية",
  "الجديد",
  "الجديدة",
  "المؤقت",
  "المؤقتة",
  "المقبل",
  "المقبلة",
  "المنتهية",
  "الأسبق",
  "المستقيل",
  "المستقيلة",
  "المكلف",
  "المكلفة",
  "المنتخب",
  "المنتخبة",
  "الراحل",
  "الراحلة",
  "الأخير",
  "الأخيرة",
  "نفسه",
  "نفسها",
  "ذاته",
  "ذاتها",
];

/** First words of multi-word place names (`شرم الشيخ`, `سان فرانسيسكو`, `دير الزور`). */
export const PLACE_NAME_PREFIXES: readonly string[] = [
  "سان",
  "سانت",
  "سانتا",
  "نيو",
  "بني",
  "بيت",
  "عين",
  "دير",
  "كفر",
  "تل",
  "رأس",
  "شرم",
  "بئر",
  "أم",
  "أبو",
  "جسر",
  "مرج",
  "وادي",
  "بوينس",
  "لوس",
  "لاس",
  "ريو",
  "هونغ",
  "كوالا",
];

/** Compass words that follow a place name but are not part of it (`حلب شمال سوريا`). */
export const DIRECTION_WORDS: readonly string[] = [
  "شمال",
  "جنوب",
  "شرق",
  "غرب",
  "وسط",
  "شمالي",
  "جنوبي",
  "شرقي",
  "غربي",
  "شمال شرق",
  "قرب",
  "غربي",
];

/**
 * Further words that open descriptive aliases in a knowledge base (`حكومة العراق`, `القوات
 * الأمريكية`) without being part of a name: a known name inside such an alias is reported alone.
 */
export const GENERIC_HEADS_OF_ALIASES: readonly string[] = [
  "حكومة",
  "الحكومة",
  "القوات",
  "قوات",
  "سلطات",
  "السلطات",
];

/**
 * Everyday words (function words elsewhere) that name an outlet after `صحيفة`, `جريدة`, `قناة`:
 * `صحيفة اليوم`, `جريدة الغد`. Other outlet names with the article need no entry.
 */
export const EVERYDAY_WORD_OUTLETS: readonly string[] = ["اليوم", "الغد", "الآن", "الوطن", "الأمس"];

/**
 * Words of speaking to the press before `لـ«…»` (`قال لـ«…»`, `في حديث لـ«…»`, `مصادر لـ«…»`):
 * the quoted name after the preposition is then the outlet spoken to.
 */
export const INTERVIEW_WORDS: readonly string[] = [
  "قال",
  "قالت",
  "أكد",
  "أكدت",
  "أوضح",
  "أوضحت",
  "كشف",
  "كشفت",
  "صرح",
  "صرحت",
  "أفاد",
  "أفادت",
  "أضاف",
  "أضافت",
  "تصريح",
  "تصريحات",
  "حديث",
  "حوار",
  "مقابلة",
  "مصدر",
  "مصادر",
];
