// The content script's life on one page: decide whether Siyaq runs here (per-site rule, else the
// default mode and the page's language), run a page session while it should, and follow every
// change of settings or "not an entity here" at once — turning the site off removes every mark.
// It runs in the top document and in each same-origin or srcdoc frame (see ./frame): a frame reads
// and marks its own text and shows the card where the reader hovers, but counts what it read under
// the page's address and title, so a name in the article and in its frame is one sighting.
import { browser } from "wxt/browser";
import { sendMessage } from "@/src/messaging/client";
import {
  loadSettings,
  onSettingsChanged,
  shouldRun,
  siteRule,
  type Settings,
} from "@/src/settings/settings";
import {
  loadSuppressions,
  onSuppressionsChanged,
  suppressionMatcher,
  type Suppression,
} from "@/src/settings/suppressions";
import { pageEventReporter } from "@/src/content/page-events";
import { cardTranslator } from "@/src/i18n/card-labels";
import { cardActions, cardDetails, type SaveSentence } from "./card-actions";
import type { CardHost, ContentViews } from "./view";
import { NEXT_MENTION_MESSAGE } from "@/src/messaging/tab-commands";
import { startHover, type HoverControl } from "./hover";
import { hasArabicPassage, isMostlyArabic, sampleText } from "@/src/dom/language";
import { PageSession } from "./session";
import { recordSightings } from "./sightings";
import { publicationDay, readPageMeta } from "@/src/dom/page-meta";
import { frameContext } from "@/src/dom/frame";
import { timedAsync } from "@/src/shared/timing";

/** How often a single-page app's address is checked for a new article. */
const ADDRESS_POLL_MS = 1000;

/** What the content entry hands in: the card's view, and the highlights' save for its button. */
export interface ContentDeps {
  createCardHost: ContentViews["createCardHost"];
  saveSentence: SaveSentence;
}

export async function startContent(
  signal: AbortSignal,
  { createCardHost, saveSentence }: ContentDeps,
): Promise<void> {
  const { isTop, page } = frameContext();
  // A frame of another site (an advert, an embedded player) is not this article.
  if (!page) return;
  performance.mark("siyaq:start");
  const doc = document;
  // The page's address, title and metadata: the top document's, also inside its frames.
  const pageDoc = page.document;
  const pageLocation = page.location;
  const host = pageLocation.hostname;
  let [settings, suppressions] = await Promise.all([loadSettings(), loadSuppressions()]);
  performance.mark("siyaq:settings-loaded");
  let isSuppressed = suppressionMatcher(suppressions, host);
  let arabic: boolean | undefined;
  let session: PageSession | null = null;
  let hover: { control: HoverControl; stop: AbortController; card: CardHost } | null = null;
  let refDate = publicationDay(readPageMeta(pageDoc).publishedAt);
  let pageEvents = pageEventReporter(pageDoc);
  // The card's language (a UI-language setting picks it here).
  const cardT = cardTranslator();
  if (signal.aborted) return;

  let sample: string | undefined;
  const pageSample = () => (sample ??= sampleText(doc));
  // The language test reads the page only when no per-site rule already decides. A site the
  // reader switched on is read whatever its language: its Arabic passages get their marks.
  const wanted = () =>
    siteRule(settings, host)
      ? shouldRun(settings, host, false)
      : shouldRun(settings, host, (arabic ??= isMostlyArabic(pageSample())));
  /**
   * Not running here: say so (a running report of this page would otherwise outlive its marks),
   * and whether the page has Arabic passages the reader may want read — the popup offers the site
   * then. A page with no Arabic and nothing to take back sends nothing.
   */
  let reportedRunning = false;
  const reportIdle = async () => {
    const offer = !siteRule(settings, host) && hasArabicPassage(pageSample());
    if (!offer && !reportedRunning) return;
    reportedRunning = false;
    await sendMessage("page.report", {
      url: pageLocation.href,
      title: title(),
      mentionCount: 0,
      running: false,
      arabicPassages: offer,
    });
  };

  const title = () => pageDoc.title.slice(0, 2000);
  // An article is one article whatever fragment the reader jumped to.
  const address = () => pageLocation.href.split("#")[0]!;
  const newSession = () =>
    new PageSession(
      {
        document: doc,
        recognize: async (text) => {
          // The wait for the background's answer (see src/timing): the page's thread is free meanwhile.
          const { mentions } = await timedAsync("siyaq:recognize", () =>
            sendMessage("recognize", { text, ...(refDate ? { refDate } : {}) }),
          );
          // Dated sentences with linked names become the entities' page events (src/events).
          pageEvents
            .report(text, mentions)
            .catch((error: unknown) => console.warn("[siyaq] page events not stored:", error));
          return mentions;
        },
        recordEntities: async (entityIds) => {
          await sendMessage("mentions.record", { url: address(), title: title(), entityIds });
        },
        recordUnknown: (names) => recordSightings(title(), names, refDate),
        report: async (mentionCount, entities) => {
          reportedRunning = true;
          await sendMessage("page.report", {
            url: pageLocation.href,
            title: title(),
            mentionCount,
            entities,
          });
        },
        isSuppressed: (surface) => isSuppressed(surface),
      },
      settings,
    );

  const startHoverFor = (current: PageSession) => {
    const stop = new AbortController();
    const card = createCardHost(doc);
    const control = startHover(
      {
        doc,
        card,
        mentionAt: (node, offset) => current.mentionAt(node, offset),
        nextMention: (mention) => current.nextMention(mention),
        dwellMs: () => settings.hoverDelayMs,
        asOf: () => refDate,
        t: () => cardT,
        host,
        details: (mention) => cardDetails(mention),
        actions: (mention, close) => {
          return cardActions(mention, {
            host,
            close,
            t: cardT,
            rescan: () => current.rescanAll(),
            lookUpAtOnce: settings.lookupUnknown,
            // Saved passages are anchored in the top document only (src/content/highlights): a
            // frame's text would be saved under an address that never paints it again.
            ...(isTop ? { saveSentence } : {}),
          });
        },
      },
      stop.signal,
    );
    return { control, stop, card };
  };

  const stopSession = () => {
    hover?.stop.abort();
    hover?.card.destroy();
    hover = null;
    session?.stop();
    session = null;
  };

  /** Starts or stops the session to match the settings; a running session takes new looks at once. */
  const apply = async () => {
    if (signal.aborted) return;
    if (!wanted()) {
      stopSession();
      return reportIdle().catch((error: unknown) =>
        console.warn("[siyaq] could not report this page:", error),
      );
    }
    if (session) return session.applySettings(settings);
    const current = newSession();
    session = current;
    hover = startHoverFor(current);
    try {
      await current.start();
    } catch (error) {
      console.warn("[siyaq] could not mark this page:", error);
    }
  };

  const unsubscribeSettings = onSettingsChanged((next: Settings) => {
    settings = next;
    void apply();
  });
  const unsubscribeSuppressions = onSuppressionsChanged((next: Suppression[]) => {
    const before = suppressions;
    suppressions = next;
    isSuppressed = suppressionMatcher(next, host);
    const restored = before.some(
      (old) => !next.some((s) => s.key === old.key && s.host === old.host),
    );
    void session?.applySuppressions(restored);
  });
  const onCommand = (message: unknown) => {
    if (
      (message as { siyaqCommand?: unknown } | null)?.siyaqCommand !==
      NEXT_MENTION_MESSAGE.siyaqCommand
    )
      return;
    // The command reaches every frame of the tab: the one the reader is in steps through its names.
    if (hasKeyboard(doc, isTop)) hover?.control.showNext();
  };
  browser.runtime.onMessage.addListener(onCommand);
  // Single-page apps change the address without reloading; content scripts cannot hear the
  // page's pushState, so the address is compared now and then (cheap: one string).
  let lastAddress = address();
  const addressWatch = setInterval(() => {
    if (address() === lastAddress) return;
    lastAddress = address();
    refDate = publicationDay(readPageMeta(pageDoc).publishedAt);
    pageEvents = pageEventReporter(pageDoc);
    void session?.newArticle();
  }, ADDRESS_POLL_MS);
  signal.addEventListener("abort", () => {
    clearInterval(addressWatch);
    unsubscribeSettings();
    unsubscribeSuppressions();
    browser.runtime.onMessage.removeListener(onCommand);
    stopSession();
  });

  await apply();
}

/**
 * Whether keystrokes go to this document: a frame when it has focus; the top document when it has
 * focus and no frame inside it does (focus in a frame also counts as focus in its parent).
 */
export function hasKeyboard(doc: Document, isTop: boolean): boolean {
  if (!isTop) return doc.hasFocus();
  const active = doc.activeElement;
  return !(active && (active.tagName === "IFRAME" || active.tagName === "FRAME") && doc.hasFocus());
}
