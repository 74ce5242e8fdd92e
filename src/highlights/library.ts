// Finding saved highlights again: full-text search over quote, note, tags and title that forgives
// Arabic spelling variation, and filters by entity, tag, site and date. Pure: records in, records out.
import { foldForMatch } from "./match-normalize";
import { siteOf, type Highlight, type LibraryFacets } from "@/src/contracts/highlight";

export interface LibraryFilters {
  entityId?: string;
  tag?: string;
  site?: string;
  /** Saved on or after this instant (ms since epoch). */
  from?: number;
  /** Saved before this instant (ms since epoch). */
  to?: number;
  orphanedOnly?: boolean;
}

/** The words of a query, folded like the records so `الاعرجي` finds `الأعرجي`. */
export function queryTerms(query: string): string[] {
  return foldForMatch(query).text.split(" ").filter(Boolean);
}

function searchableText(highlight: Highlight): string {
  return foldForMatch(
    [
      highlight.target.selector[0].exact,
      highlight.note,
      highlight.tags.join(" "),
      highlight.citation.title,
    ].join("\n"),
  ).text;
}

/** Highlights that hold every query word and pass every filter, newest first. */
export function searchHighlights(
  highlights: readonly Highlight[],
  query: string,
  filters: LibraryFilters = {},
): Highlight[] {
  const terms = queryTerms(query);
  return highlights
    .filter((highlight) => passesFilters(highlight, filters))
    .filter((highlight) => {
      if (terms.length === 0) return true;
      const haystack = searchableText(highlight);
      return terms.every((term) => haystack.includes(term));
    })
    .sort((a, b) => b.createdAt - a.createdAt);
}

function passesFilters(highlight: Highlight, filters: LibraryFilters): boolean {
  if (filters.entityId && !highlight.entityIds.includes(filters.entityId)) return false;
  if (filters.tag && !highlight.tags.includes(filters.tag)) return false;
  if (filters.site && siteOf(highlight) !== filters.site) return false;
  if (filters.from !== undefined && highlight.createdAt < filters.from) return false;
  if (filters.to !== undefined && highlight.createdAt >= filters.to) return false;
  if (filters.orphanedOnly && !highlight.orphaned) return false;
  return true;
}

/** What the filters can offer, counted over all highlights, most used first. */
export function libraryFacets(highlights: readonly Highlight[]): LibraryFacets {
  const tags = new Map<string, number>();
  const sites = new Map<string, number>();
  const entities = new Map<string, { label: string; count: number }>();
  for (const highlight of highlights) {
    for (const tag of highlight.tags) tags.set(tag, (tags.get(tag) ?? 0) + 1);
    const site = siteOf(highlight);
    if (site) sites.set(site, (sites.get(site) ?? 0) + 1);
    for (const entityId of highlight.entityIds) {
      const label =
        highlight.entities.find((entity) => entity.entityId === entityId)?.surface ?? entityId;
      const seen = entities.get(entityId);
      entities.set(entityId, { label: seen?.label ?? label, count: (seen?.count ?? 0) + 1 });
    }
  }
  const byCount = <T extends { count: number }>(a: T, b: T) => b.count - a.count;
  return {
    tags: [...tags].map(([tag, count]) => ({ tag, count })).sort(byCount),
    sites: [...sites].map(([site, count]) => ({ site, count })).sort(byCount),
    entities: [...entities]
      .map(([entityId, { label, count }]) => ({ entityId, label, count }))
      .sort(byCount),
  };
}
