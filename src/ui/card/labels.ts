// The hover card's words. The card sits on Arabic pages and is laid out right to left, so it
// speaks Arabic; English names of entities are shown beside the Arabic ones, not instead of them.
import type { EntityType } from "@/src/nlp/types";

export const TYPE_LABELS: Record<EntityType, string> = {
  PER: "شخص",
  ORG: "منظمة",
  LOC: "مكان",
  DATE: "تاريخ",
  EVENT: "حدث",
  MISC: "أخرى",
};

export const LABELS = {
  card: "بطاقة سياق",
  loading: "جارٍ التحميل…",
  close: "إغلاق",
  facts: "معلومات أساسية",
  /** Before the date a current office is known to hold as of: "(حتى 2025-10)". */
  asOf: "حتى",
  events: "أحدث الأحداث المرتبطة",
  noEvents: "لا أحداث مؤرخة بعد.",
  wikipedia: "ويكيبيديا",
  wikidata: "ويكي بيانات",
  openInPopup: "افتح في سياق",
  openInPopupHint: "اضغط زر سياق في شريط الأدوات لعرض البطاقة كاملة.",
  saveHighlight: "احفظ اقتباسًا",
  saved: "حُفظ الاقتباس.",
  notAnEntity: "ليس اسمًا هنا",
  addToKnowledgeBase: "أضف إلى قاعدة معرفتي",
  added: "أُضيف إلى قاعدة معرفتك.",
  unknown: "اسم لا تعرفه قاعدة المعرفة بعد.",
  resolvedDate: "التاريخ",
  elsewhere: "مقالات أخرى ورد فيها",
  failed: "تعذّر ذلك:",
} as const;

/** "seen in N articles you read", with Arabic number agreement. */
export function seenInLabel(n: number): string {
  if (n <= 0) return "لم يرد بعد في مقالاتك المقروءة";
  if (n === 1) return "ورد في مقال واحد قرأته";
  if (n === 2) return "ورد في مقالين قرأتهما";
  if (n <= 10) return `ورد في ${n} مقالات قرأتها`;
  return `ورد في ${n} مقالًا قرأته`;
}
