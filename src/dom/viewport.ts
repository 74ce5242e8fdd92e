// Which blocks of the page are near the reader's viewport. Chromium re-validates every range of
// every highlight whenever one changes, so a page with thousands of names painted at once spends
// seconds in rendering; beyond a threshold we paint only the blocks near the viewport.
export interface ViewportGate {
  observe(block: Element): void;
  unobserve(block: Element): void;
  /** Whether the block was last seen near the viewport (false until the browser first reports it). */
  isNear(block: Element): boolean;
  disconnect(): void;
}

/** How far beyond the viewport counts as near: a screen and a half above and below. */
export const NEAR_MARGIN = "150% 0px";

type ObserverFactory = (
  callback: IntersectionObserverCallback,
  options: IntersectionObserverInit,
) => Pick<IntersectionObserver, "observe" | "unobserve" | "disconnect">;

export function viewportGate(
  onChange: (entered: Element[], left: Element[]) => void,
  createObserver: ObserverFactory | null = typeof IntersectionObserver === "function"
    ? (cb, options) => new IntersectionObserver(cb, options)
    : null,
): ViewportGate {
  const near = new Set<Element>();
  // Without IntersectionObserver every block counts as near: correct, only slower on huge pages.
  if (!createObserver) {
    return { observe: () => {}, unobserve: () => {}, isNear: () => true, disconnect: () => {} };
  }
  const observer = createObserver(
    (entries) => {
      const entered: Element[] = [];
      const left: Element[] = [];
      for (const entry of entries) {
        if (entry.isIntersecting && !near.has(entry.target)) {
          near.add(entry.target);
          entered.push(entry.target);
        } else if (!entry.isIntersecting && near.delete(entry.target)) left.push(entry.target);
      }
      if (entered.length > 0 || left.length > 0) onChange(entered, left);
    },
    { rootMargin: NEAR_MARGIN },
  );
  return {
    observe: (block) => observer.observe(block),
    unobserve: (block) => {
      observer.unobserve(block);
      near.delete(block);
    },
    isNear: (block) => near.has(block),
    disconnect: () => {
      observer.disconnect();
      near.clear();
    },
  };
}
