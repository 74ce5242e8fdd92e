// Web addresses from pages, packs and imports: only http(s) ones become links or stored sources, so
// a `javascript:` or `data:` address can never run in an extension page or reach an export.

/** Whether a string is an absolute http(s) address. */
export function isHttpUrl(value: unknown): value is string {
  if (typeof value !== "string") return false;
  try {
    const { protocol } = new URL(value);
    return protocol === "http:" || protocol === "https:";
  } catch {
    return false;
  }
}

/** The address as a link (normalised by `URL`) when it is http(s); undefined for anything else. */
export function webHref(address: string | undefined): string | undefined {
  return address && isHttpUrl(address) ? new URL(address).href : undefined;
}
