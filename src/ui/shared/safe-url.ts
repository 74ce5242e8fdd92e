// Links built from page- or pack-supplied addresses: only web addresses become links, so a stored
// `javascript:` URL can never run in an extension page (the check itself: src/shared/web-address).
import { webHref } from "@/src/shared/web-address";

/** The host name of a web address, without a leading `www.`; undefined for anything else. */
export function siteHost(address: string | undefined): string | undefined {
  const href = webHref(address);
  return href ? new URL(href).hostname.replace(/^www\./, "") : undefined;
}

/**
 * A web search for a name and nothing else: the reader opens it, the extension sends nothing. The
 * name is the whole query, so no page text rides along.
 */
export function webSearchHref(name: string): string {
  return `https://duckduckgo.com/?q=${encodeURIComponent(name.trim().slice(0, 200))}`;
}
