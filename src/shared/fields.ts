// Fields that many message payloads and stored records share, declared once so their limits cannot
// drift apart. Each use site picks the strictness it needs: a tab's report may carry any address
// (the background files it under the tab's real one), a record of reading needs one, and whatever
// is stored as a link or exported (highlights, backups) must be http(s).
import * as v from "valibot";
import { isHttpUrl } from "./web-address";

export const MAX_URL_LENGTH = 8192;
export const MAX_PAGE_TITLE_LENGTH = 2000;

/** An address as a page reports it: any text up to the limit, even empty. */
export const UrlSchema = v.pipe(v.string(), v.maxLength(MAX_URL_LENGTH));

/** An address that must be there, of any scheme. */
export const NonEmptyUrlSchema = v.pipe(v.string(), v.nonEmpty(), v.maxLength(MAX_URL_LENGTH));

/** An http(s) address: `javascript:`, `data:` and other schemes are refused at every door. */
export const HttpUrlSchema = v.pipe(
  v.string(),
  v.maxLength(MAX_URL_LENGTH),
  v.check((value: string) => isHttpUrl(value), "must be an http(s) address"),
);

/** A page's title as the page gives it. */
export const PageTitleSchema = v.pipe(v.string(), v.maxLength(MAX_PAGE_TITLE_LENGTH));
