// The content script's life on one page: decide whether Siyaq runs here (per-site rule, else the
// default mode and the page's language), run a page session while it should, and follow every
// change of settings or "not an entity here" at once — turning the site off removes every mark.
import { browser } from "wxt/browser";
import { sendMessage } from "@/src/messaging/client";
import { loadSettings, onSettingsChanged, shouldRun, siteRule, type Settings } from "@/src/settings/settings";
import { loadSuppressions, onSuppressionsChanged, suppressionMatcher, type Suppression } from "@/src/settings/suppressions";
import { pageEventReporter } from "@/src/events/page-events";
import { createCardHost, type CardHost } from "@/src/ui/card/card-host";
import { cardActions, cardDetails } from "./card-actions";
import { NEXT_MENTION_MESSAGE } from "./commands";
import { startHover, type HoverControl } from "./hover";
import { isMostlyArabic, sampleText } from "./language";
import { PageSession } from "./session";
import { recordSightings } from "./sightings";
import { publicationDay, readPageMeta } from "./page-meta";

/** How often a single-page app's address is checked for a new article. */
const ADDRESS_POLL_MS = 1000;

export async function startContent(signal: AbortSignal): Promise<void> {
  performance.mark("siyaq:start");
  const doc = document;
  const host = location.hostname;
  let [settings, suppressions] = await Promise.all([loadSettings(), loadSuppressions()]);
  performance.mark("siyaq:settings-loaded");
  let isSuppressed = suppressionMatcher(suppressions, host);
  let arabic: boolean | undefined;
  let session: PageSession | null = null;
  let hover: { control: HoverControl; stop: AbortController; card: CardHost } | null = null;
  let refDate = publicationDay(readPageMeta(doc).publishedAt);
  let pageEvents = pageEventReporter(doc);
  if (signal.aborted) return;

  // The language test reads the page only when no per-site rule already decides.
  const wanted = () =>
    siteRule(settings, host) ? shouldRun(settings, host, false) : shouldRun(settings, host, (arabic ??= isMostlyArabic(sampleText(doc))));

  const title = () => doc.title.slice(0, 2000);
  // An article is one article whatever fragment the reader jumped to.
  const address = () => location.href.split("#")[0]!;
  const newSession = () =>
    new PageSession(
      {
        document: doc,
        recognize: async (text) => {
          const asked = performance.now();
          const { mentions } = await sendMessage("recognize", { text, ...(refDate ? { refDate } : {}) });
          // The first answer's round trip, for the page bench (one entry per page, not per call).
          if (performance.getEntriesByName("siyaq:recognize").length === 0) {
            performance.measure("siyaq:recognize", { start: asked, duration: performance.now() - asked });
          }
          // Dated sentences with linked names become the entities' page events (src/events).
          pageEvents.report(text, mentions).catch((error: unknown) => console.warn("[siyaq] page events not stored:", error));
          return mentions;
        },
        recordEntities: async (entityIds) => {
          await sendMessage("mentions.record", { url: address(), title: title(), entityIds });
        },
        recordUnknown: (names) => recordSightings(title(), names),
        report: async (mentionCount, entities) => {
          await sendMessage("page.report", { url: location.href, title: title(), mentionCount, entities });
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
        details: (mention) => cardDetails(mention),
        actions: (mention, close) => cardActions(mention, { host, close, rescan: () => current.rescanAll() }),
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
    if (!wanted()) return stopSession();
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
    const restored = before.some((old) => !next.some((s) => s.key === old.key && s.host === old.host));
    void session?.applySuppressions(restored);
  });
  const onCommand = (message: unknown) => {
    if ((message as { siyaqCommand?: unknown } | null)?.siyaqCommand === NEXT_MENTION_MESSAGE.siyaqCommand) hover?.control.showNext();
  };
  browser.runtime.onMessage.addListener(onCommand);
  // Single-page apps change the address without reloading; content scripts cannot hear the
  // page's pushState, so the address is compared now and then (cheap: one string).
  let lastAddress = address();
  const addressWatch = setInterval(() => {
    if (address() === lastAddress) return;
    lastAddress = address();
    refDate = publicationDay(readPageMeta(doc).publishedAt);
    pageEvents = pageEventReporter(doc);
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
