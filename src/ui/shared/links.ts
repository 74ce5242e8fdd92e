// The extension's own pages, named once for every page that links to them.
import { browser } from "wxt/browser";

/** The highlights library; WXT only types the entry points it has seen built, so it is named by hand. */
export const libraryUrl = (): string =>
  (browser.runtime.getURL as (path: string) => string)("/library.html");
