// Requests about open pages: what a tab's content script found, for the popup.
import * as v from "valibot";

const Url = v.pipe(v.string(), v.maxLength(8192));

export const pageRequests = {
  /** A page reporting that its content script is active, with what it found. */
  "page.report": v.object({
    url: Url,
    title: v.pipe(v.string(), v.maxLength(2000)),
    mentionCount: v.pipe(v.number(), v.integer(), v.minValue(0)),
  }),
  /** What the content script of a tab last reported. */
  "page.status": v.object({ tabId: v.pipe(v.number(), v.integer()) }),
};

export interface PageResponses {
  "page.report": { recorded: boolean };
  "page.status": { url: string; title: string; mentionCount: number; reportedAt: number } | null;
}
