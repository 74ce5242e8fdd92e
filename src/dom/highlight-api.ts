// The CSS Custom Highlight API as the content script sees it: the page window's registry (shared
// with the page, hence the `siyaq-` names) and its Highlight class. Null where the browser has none,
// so callers can fall back. Read through `doc.defaultView` so tests can hand in any window.

export type HighlightLike = {
  add(range: AbstractRange): unknown;
  delete(range: AbstractRange): boolean;
  clear(): void;
  readonly size: number;
};

export type HighlightRegistry = {
  get(name: string): unknown;
  set(name: string, highlight: HighlightLike): unknown;
  delete(name: string): boolean;
};

export interface HighlightApi {
  registry: HighlightRegistry;
  create: () => HighlightLike;
}

export function highlightApi(doc: Document): HighlightApi | null {
  const view = doc.defaultView as unknown as {
    Highlight?: new () => HighlightLike;
    CSS?: { highlights?: HighlightRegistry };
  } | null;
  const registry = view?.CSS?.highlights;
  const HighlightClass = view?.Highlight;
  if (!registry || typeof HighlightClass !== "function") return null;
  return { registry, create: () => new HighlightClass() };
}
