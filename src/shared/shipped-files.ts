// The files the extension ships from `public/`, named once. The extension reads them at
// `browser.runtime.getURL(path)`; Node (tools and tests) reads the same file in the repository.

/** The starter knowledge pack (assembled by `npm run pack:starter`). */
export const STARTER_PACK_PATH = "/packs/starter.json";
/** The starter pack's lexicon, compiled from the pack at build time (wxt.config.ts; not in public/). */
export const STARTER_LEXICON_PATH = "/lexicon/starter.bin";
/** The learned tagger's weights (written by `npm run train`). */
export const TAGGER_PATH = "/models/tagger.bin";

/** A shipped file in the repository, relative to its root (where npm scripts and tests run). */
export const repoFileOf = (path: string): string => `public${path}`;

export const STARTER_PACK_FILE = repoFileOf(STARTER_PACK_PATH);
export const TAGGER_FILE = repoFileOf(TAGGER_PATH);
