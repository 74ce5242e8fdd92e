// Follows a living page: collects what a MutationObserver reports and, in idle time, hands over
// the smallest set of blocks whose text changed (framework re-renders, infinite scroll, edits).
import type { SliceScheduler } from "@/src/dom/idle";
import { blockAround } from "./scanner";
import { isReadable, SIYAQ_HOST_ATTRIBUTE } from "@/src/dom/text-map";

export interface PageWatch {
  /** Drops records made by our own DOM writes (the fallback painter), before they are delivered. */
  discardPending(): void;
  stop(): void;
}

export interface WatchOptions {
  scheduler: SliceScheduler;
  signal: AbortSignal;
  /** Blocks to read again, outermost only, all readable. `removed` says nodes left the page. */
  onChange(changed: Element[], removed: boolean): void;
}

function isOurs(node: Node): boolean {
  const element = node.nodeType === 1 ? (node as Element) : node.parentElement;
  return element?.closest(`[${SIYAQ_HOST_ATTRIBUTE}]`) != null;
}

/** Keeps only elements no other element of the list contains. */
export function outermost(elements: Iterable<Element>): Element[] {
  const unique = [...new Set(elements)];
  return unique.filter(
    (element) => !unique.some((other) => other !== element && other.contains(element)),
  );
}

export function watchPage(root: Element, options: WatchOptions): PageWatch {
  const pending = new Set<Element>();
  let removed = false;
  let scheduled = false;

  const flush = () => {
    scheduled = false;
    if (options.signal.aborted) return;
    const changed = outermost(
      [...pending].filter((element) => element.isConnected && isReadable(element)),
    );
    const anyRemoved = removed;
    pending.clear();
    removed = false;
    if (changed.length > 0 || anyRemoved) options.onChange(changed, anyRemoved);
  };

  const note = (node: Node) => {
    if (isOurs(node)) return;
    const block = blockAround(node);
    if (block && root.contains(block)) pending.add(block);
    else if (node.nodeType === 1 && root.contains(node)) pending.add(node as Element);
  };

  const take = (records: MutationRecord[]) => {
    for (const record of records) {
      if (record.type === "characterData") note(record.target);
      else {
        for (const node of record.addedNodes) {
          if (node.nodeType === 3 || node.nodeType === 1) note(node);
        }
        if (record.removedNodes.length > 0 && !isOurs(record.target)) removed = true;
      }
    }
    if (!scheduled && (pending.size > 0 || removed)) {
      scheduled = true;
      options.scheduler.schedule(flush);
    }
  };

  const observer = new MutationObserver(take);
  observer.observe(root, { childList: true, characterData: true, subtree: true });
  const stop = () => {
    observer.disconnect();
    pending.clear();
  };
  options.signal.addEventListener("abort", stop, { once: true });
  return {
    discardPending: () => void observer.takeRecords(),
    stop,
  };
}
