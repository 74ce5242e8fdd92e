// The in-page highlight UI's words. It sits on Arabic pages, laid out right to left, like the card.
export const LABELS = {
  saveButton: "احفظ",
  saveButtonHint: "احفظ المقطع المحدد في مكتبة سياق (Alt+Shift+S)",
  editor: "حفظ اقتباس",
  note: "ملاحظة",
  notePlaceholder: "لماذا يهمّك هذا المقطع؟",
  tags: "وسوم",
  tagsPlaceholder: "مثال: أمن، انسحاب",
  tagsHint: "افصل الوسوم بفاصلة",
  save: "احفظ",
  cancel: "إلغاء",
  saving: "جارٍ الحفظ…",
  saved: "حُفظ الاقتباس في المكتبة.",
  failed: "تعذّر الحفظ: {message}",
  noText: "لا نص قابلًا للحفظ في هذا التحديد.",
} as const;
