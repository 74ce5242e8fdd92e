// The library page's words in Arabic and English (the page follows the browser's UI language).
import type { UiLanguage } from "@/src/i18n/i18n";

const en = {
  title: "Siyaq — saved highlights",
  heading: "Highlights library",
  search: "Search quotes, notes and tags",
  searchPlaceholder: "e.g. الاعرجي",
  entity: "Entity",
  tag: "Tag",
  site: "Site",
  from: "Saved from",
  to: "to",
  any: "All",
  orphanedOnly: "Only not found",
  count: "{shown} of {total} highlights",
  empty: "No highlights yet. Select a passage on a news page and press Save (or Alt+Shift+S).",
  noMatch: "No highlight matches the search.",
  orphaned: "Not found on the page at the last visit",
  saved: "Saved {date}",
  published: "published {date}",
  accessed: "accessed {date}",
  by: "by {author}",
  note: "Note",
  tags: "Tags (comma-separated)",
  edit: "Edit",
  save: "Save",
  cancel: "Cancel",
  remove: "Delete",
  removed: "Highlight deleted.",
  undo: "Undo",
  exportAs: "Export",
  exportRisHint:
    "RIS: for Zotero, EndNote, Mendeley and other reference managers (one item per article, highlights as notes)",
  exportCslHint: "CSL-JSON: for Zotero, Pandoc and citation processors (one item per article)",
  exportSkipped: "Exported {count} highlights; {skipped} damaged records were left out.",
  malformed: "{count} saved records are damaged and cannot be shown (ids: {ids}).",
  importFile: "Import JSON…",
  imported: "Highlights imported — new: {added}, already there: {skipped}.",
  importFailed: "Nothing was imported: {message}",
  failed: "Something went wrong: {message}",
  entities: "Entities",
};

const ar: typeof en = {
  title: "سياق — الاقتباسات المحفوظة",
  heading: "مكتبة الاقتباسات",
  search: "ابحث في الاقتباسات والملاحظات والوسوم",
  searchPlaceholder: "مثال: الاعرجي",
  entity: "الكيان",
  tag: "الوسم",
  site: "الموقع",
  from: "حُفظ من",
  to: "إلى",
  any: "الكل",
  orphanedOnly: "غير الموجودة فقط",
  // Counts as "label: number", so no Arabic plural form is needed.
  count: "الاقتباسات المعروضة: {shown} من {total}",
  empty: "لا اقتباسات بعد. حدّد مقطعًا في صفحة إخبارية واضغط «احفظ» (أو Alt+Shift+S).",
  noMatch: "لا اقتباس يطابق البحث.",
  orphaned: "لم يُعثر عليه في الصفحة عند آخر زيارة",
  saved: "حُفظ في {date}",
  published: "نُشر في {date}",
  accessed: "زيارة {date}",
  by: "بقلم {author}",
  note: "ملاحظة",
  tags: "وسوم (افصلها بفاصلة)",
  edit: "تعديل",
  save: "حفظ",
  cancel: "إلغاء",
  remove: "حذف",
  removed: "حُذف الاقتباس.",
  undo: "تراجع",
  exportAs: "تصدير",
  exportRisHint:
    "RIS: لبرامج إدارة المراجع مثل Zotero وEndNote وMendeley (مادة لكل مقال، والاقتباسات ملاحظات)",
  exportCslHint: "CSL-JSON: لـZotero وPandoc ومعالجات الاستشهاد (مادة لكل مقال)",
  exportSkipped: "صُدّرت الاقتباسات ({count})، وتُركت سجلات تالفة ({skipped}).",
  malformed: "سجلات محفوظة تالفة لا يمكن عرضها ({count}): {ids}",
  importFile: "استيراد JSON…",
  importFailed: "لم يُستورد شيء: {message}",
  imported: "استُوردت الاقتباسات — الجديدة: {added}، الموجودة من قبل: {skipped}.",
  failed: "حدث خطأ: {message}",
  entities: "الكيانات",
};

export type LibraryLabel = keyof typeof en;

export function libraryLabels(language: UiLanguage) {
  const table = language === "ar" ? ar : en;
  return (key: LibraryLabel, params: Record<string, string | number> = {}) =>
    table[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in params ? String(params[name]) : whole,
    );
}

export type LibraryText = ReturnType<typeof libraryLabels>;
