// Who may send what. A message reaches the background from one of two kinds of sender, told apart
// by the browser (never by the message): an extension page (popup, options, library), which is as
// trusted as the background, or the content script of a web page, which is only as trusted as that
// page (a compromised renderer or a bug of ours runs there too). Each message type declares which
// of them may send it, in ./messages/<area>.ts; the dispatcher refuses every other sender.

export type SenderContext = "extension" | "content";

/** The sender as the browser reported it, reduced to what authorisation and handlers need. */
export interface Sender {
  context: SenderContext;
  /** The tab a content script runs in (its own tab; for extension pages, the tab they are open in, if any). */
  tabId?: number;
  /** For content scripts: the page's real address (from the browser, without fragment). */
  url?: string;
  /** For content scripts: the frame it runs in, 0 for the top document (a same-origin frame speaks for its tab's page). */
  frameId?: number;
}

/** Extension pages only (the popup, options and library). */
export const EXTENSION_ONLY = ["extension"] as const satisfies readonly SenderContext[];
/** The content script of the sender's own tab only. */
export const CONTENT_ONLY = ["content"] as const satisfies readonly SenderContext[];
/** Either. */
export const ANY_CONTEXT = ["extension", "content"] as const satisfies readonly SenderContext[];

/** The origin of an http(s) address; undefined for any other (about:, data:, extension pages). */
export function originOf(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.origin : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether a page at `pageUrl` may speak for `claimed`. Same origin (scheme, host and port), not the
 * same registrable domain: the origin is the web's own boundary — a page can already read any page
 * of its origin — while sibling subdomains are often run by different people (user pages, blogs,
 * hosted shops), and telling registrable domains apart needs the public-suffix list we do not ship.
 */
export function mayClaim(pageUrl: string, claimed: string): boolean {
  const origin = originOf(pageUrl);
  return origin !== undefined && origin === originOf(claimed);
}

/**
 * The address a content script's report is filed under: what the page claims (its canonical or
 * `og:url`) when that is on its own origin, else the real address the browser gave for the tab.
 * An extension page's claim stands: it is as trusted as the background.
 */
export function addressFor(sender: Sender, claimed: string): string {
  if (sender.context !== "content" || sender.url === undefined) return claimed;
  return mayClaim(sender.url, claimed) ? claimed : sender.url;
}
