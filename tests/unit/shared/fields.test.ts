// The shared field schemas keep each door exactly as strict as it was when every message file
// declared its own `Url`: a tab's report takes any address, a record of reading needs one, and
// whatever becomes a link or an export must be http(s).
import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { pageRequests } from "@/src/messaging/messages/page";
import { kbRequests } from "@/src/messaging/messages/kb";
import { highlightRequests } from "@/src/messaging/messages/highlights";
import { CitationSchema } from "@/src/contracts/highlight";
import { MAX_URL_LENGTH } from "@/src/shared/fields";
import { isHttpUrl, webHref } from "@/src/shared/web-address";

const ARTICLE = "https://www.aljazeera.net/news/2020/1/3/مقتل-قاسم-سليماني";
const TOO_LONG = `https://example.org/${"a".repeat(MAX_URL_LENGTH)}`;

const pageReport = (url: string) =>
  v.safeParse(pageRequests["page.report"], { url, title: "", mentionCount: 0 }).success;
const mentions = (url: string) =>
  v.safeParse(kbRequests["mentions.record"], { url, title: "", entityIds: [] }).success;
const forUrl = (url: string) =>
  v.safeParse(highlightRequests["highlights.forUrl"], { urls: [url] }).success;
const citation = (url: string) =>
  v.safeParse(CitationSchema, { title: "t", url, accessedAt: "2026-12-04T18:00:00Z" }).success;

describe("shared URL fields, at each door", () => {
  it("a page report takes any address up to the limit, even an empty or non-web one", () => {
    expect([ARTICLE, "", "about:srcdoc", "file:///tmp/a.html"].map(pageReport)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(pageReport(TOO_LONG)).toBe(false);
  });

  it("a record of reading needs an address, of any scheme", () => {
    expect(mentions(ARTICLE)).toBe(true);
    expect(mentions("file:///tmp/a.html")).toBe(true);
    expect(mentions("")).toBe(false);
    expect(mentions(TOO_LONG)).toBe(false);
  });

  it("looking up highlights by address takes what the tab reports", () => {
    expect(forUrl(ARTICLE)).toBe(true);
    expect(forUrl("")).toBe(true);
    expect(forUrl(TOO_LONG)).toBe(false);
  });

  it("a citation (stored, exported, imported) takes http(s) addresses only", () => {
    expect(citation(ARTICLE)).toBe(true);
    expect(citation("http://example.org/a")).toBe(true);
    expect(citation("javascript:alert(1)")).toBe(false);
    expect(citation("data:text/html,<b>x</b>")).toBe(false);
    expect(citation("")).toBe(false);
    expect(citation(TOO_LONG)).toBe(false);
  });
});

describe("web addresses", () => {
  it("only absolute http(s) addresses are web addresses", () => {
    expect(isHttpUrl(ARTICLE)).toBe(true);
    expect(isHttpUrl("javascript:alert(1)")).toBe(false);
    expect(isHttpUrl("/relative/path")).toBe(false);
    expect(isHttpUrl(42)).toBe(false);
  });

  it("a link is the normalised address, or nothing", () => {
    expect(webHref("HTTPS://Example.org")).toBe("https://example.org/");
    expect(webHref("javascript:alert(1)")).toBeUndefined();
    expect(webHref(undefined)).toBeUndefined();
  });
});
