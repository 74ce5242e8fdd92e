// The hosts lookups talk to, as optional host permissions: declared in the manifest (wxt.config.ts)
// and requested only when the reader turns lookups on or clicks "look it up" (a user gesture).
// No imports: wxt.config.ts reads this file too.
export const LOOKUP_ORIGINS = ["https://www.wikidata.org/*", "https://ar.wikipedia.org/*"];
