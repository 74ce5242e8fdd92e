// The background's answers to page requests.
import { browser } from "wxt/browser";
import type { Handlers } from "@/src/messaging/server";
import { addSuppression } from "@/src/settings/suppressions";
import { normalizeHost } from "@/src/settings/settings";
import {
  MAX_REPORTED_ENTITIES,
  POPUP_FOCUS_KEY,
  type PageEntity,
  type PageResponses,
  type PopupFocus,
} from "@/src/messaging/messages/page";

type PageHandlers = Pick<Handlers, keyof PageResponses>;

type PageStatus = NonNullable<PageResponses["page.status"]>;
/** One frame's last report. */
type FrameReport = PageStatus;
/** A tab's reports by frame id (0 is the top document). */
type FrameReports = Record<string, FrameReport>;

const withoutFragment = (url: string) => url.split("#")[0]!;

/**
 * A tab's status from its frames' reports: those about the page the tab shows now (the latest
 * report's address; a frame left over from the previous page is ignored), with the top frame's
 * title, mentions summed, and each name counted once over all frames, in reading order (the top
 * document first, then the frames).
 */
export function joinFrameReports(frames: FrameReports): PageStatus | null {
  const all = Object.entries(frames)
    .map(([frameId, report]) => ({ frameId: Number(frameId), report }))
    .sort((a, b) => a.frameId - b.frameId);
  if (all.length === 0) return null;
  const latest = all.reduce((a, b) => (b.report.reportedAt > a.report.reportedAt ? b : a));
  const current = all.filter(
    ({ report }) => withoutFragment(report.url) === withoutFragment(latest.report.url),
  );
  const top = current.find(({ frameId }) => frameId === 0)?.report ?? latest.report;
  const rows = new Map<string, PageEntity>();
  let offset = 0;
  for (const { report } of current) {
    for (const entity of report.entities) {
      const key = entity.entityId ? `id:${entity.entityId}` : `${entity.type}:${entity.surface}`;
      const known = rows.get(key);
      if (known) known.count += entity.count;
      else rows.set(key, { ...entity, first: entity.first + offset });
    }
    offset += report.mentionCount;
  }
  let entities = [...rows.values()];
  if (entities.length > MAX_REPORTED_ENTITIES) {
    entities = entities
      .sort((a, b) => b.count - a.count || a.first - b.first)
      .slice(0, MAX_REPORTED_ENTITIES)
      .sort((a, b) => a.first - b.first);
  }
  return {
    url: top.url,
    title: top.title,
    mentionCount: current.reduce(
      (sum, { report }) => sum + (report.running ? report.mentionCount : 0),
      0,
    ),
    entities,
    reportedAt: latest.report.reportedAt,
    running: current.some(({ report }) => report.running),
    arabicPassages: current.some(({ report }) => report.arabicPassages),
  };
}

/**
 * Per-tab reports describe open tabs, not history. They are kept in memory and mirrored to
 * `storage.session` (memory-only, gone with the browser session) so the popup still knows the
 * tab's names after the MV3 service worker slept and woke with an empty heap.
 */
function tabReports() {
  const memory = new Map<number, FrameReports>();
  const session = browser.storage.session as typeof browser.storage.local | undefined;
  const key = (tabId: number) => `siyaq.tab.${tabId}`;
  const persist = (work: Promise<unknown> | undefined) =>
    work?.catch((error: unknown) =>
      console.warn("[siyaq] could not keep a tab report across sleeps:", error),
    );
  const load = async (tabId: number): Promise<FrameReports> => {
    const known = memory.get(tabId);
    if (known || !session) return known ?? {};
    const stored = (await session.get(key(tabId)))[key(tabId)] as FrameReports | undefined;
    const frames = stored && typeof stored === "object" ? stored : {};
    memory.set(tabId, frames);
    return frames;
  };
  // A tab's frames report at the same moment: each update reads what the previous one wrote.
  let updates: Promise<unknown> = Promise.resolve();
  return {
    set(tabId: number, frameId: number, report: FrameReport): Promise<void> {
      const update = updates.then(async () => {
        const frames = { ...(await load(tabId)), [frameId]: report };
        memory.set(tabId, frames);
        await persist(session?.set({ [key(tabId)]: frames }));
      });
      updates = update.catch(() => {});
      return update;
    },
    async get(tabId: number): Promise<PageStatus | null> {
      return joinFrameReports(await load(tabId));
    },
    forget(tabId: number) {
      memory.delete(tabId);
      void persist(session?.remove(key(tabId)));
    },
  };
}

export function createPageHandlers(): PageHandlers {
  const reports = tabReports();
  browser.tabs?.onRemoved?.addListener((tabId) => reports.forget(tabId));
  return {
    // A tab reports about itself: its id and address are the browser's, not the payload's (a
    // frame's address is its tab's page, see senderOf); each frame keeps its own report.
    "page.report": async (
      { title, mentionCount, entities = [], running = true, arabicPassages = false },
      sender,
    ) => {
      if (sender.tabId === undefined || sender.url === undefined) return { recorded: false };
      const report = {
        url: sender.url,
        title,
        mentionCount,
        entities: running ? entities : [],
        reportedAt: Date.now(),
        running,
        arabicPassages,
      };
      await reports.set(sender.tabId, sender.frameId ?? 0, report);
      return { recorded: true };
    },
    "page.status": ({ tabId }) => reports.get(tabId),
    // The site is the tab's own, whatever the page would like to name.
    "suppression.add": async ({ surface }, sender) => {
      const host = sender.url === undefined ? "" : normalizeHost(sender.url);
      if (!host) return { added: false };
      await addSuppression(surface, host);
      return { added: true };
    },
    "page.openInPopup": async ({ entityId }) => {
      const focus: PopupFocus = { entityId, at: Date.now() };
      await browser.storage.local.set({ [POPUP_FOCUS_KEY]: focus });
      // `action.openPopup` exists in Chrome 127+ and Firefox; it may still refuse without a user gesture.
      const action = browser.action as { openPopup?: () => Promise<void> } | undefined;
      if (typeof action?.openPopup !== "function") return { opened: false };
      try {
        await action.openPopup();
        return { opened: true };
      } catch {
        return { opened: false };
      }
    },
  };
}
