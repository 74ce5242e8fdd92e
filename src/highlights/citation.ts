// How to cite the article a highlight comes from: the page's metadata (src/dom/page-meta) plus
// the access date, with the publication time as an ISO instant.
import type { Citation } from "@/src/contracts/highlight";
import { readPageMeta } from "@/src/dom/page-meta";

export { pageAddress } from "@/src/dom/page-meta";

/** An ISO date-time if the value parses as a date, else undefined. */
function isoDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  // A bare date stays a date: turning it into midnight UTC would invent a time (and a day, by zone).
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

export function readCitation(document: Document, pageUrl: string, now: Date): Citation {
  const { publishedAt, ...meta } = readPageMeta(document, pageUrl);
  const published = isoDate(publishedAt);
  return {
    ...meta,
    accessedAt: now.toISOString(),
    ...(published ? { publishedAt: published } : {}),
  };
}
