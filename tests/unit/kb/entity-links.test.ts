// One builder for every link from an entity: the popup's card, the hover card and what a lookup
// keeps agree on where a title or an address leads, and only web addresses become links.
import { describe, expect, it } from "vitest";
import {
  entityLink,
  entityWikipediaHref,
  wikidataHref,
  wikipediaHref,
} from "@/src/kb/entity-links";

const TITLE = "قاسم سليماني";
const AR_ARTICLE = `https://ar.wikipedia.org/wiki/${encodeURIComponent("قاسم_سليماني")}`;

describe("wikipediaHref", () => {
  it("makes a title (as packs from Wikidata store it) the article on that language's Wikipedia", () => {
    expect(wikipediaHref(TITLE, "ar")).toBe(AR_ARTICLE);
    expect(wikipediaHref(" Qasem Soleimani ", "en")).toBe(
      "https://en.wikipedia.org/wiki/Qasem_Soleimani",
    );
    // A title is always a path segment of the article, never a way out of it.
    expect(wikipediaHref("AC/DC?x=1#y", "en")).toBe(
      "https://en.wikipedia.org/wiki/AC%2FDC%3Fx%3D1%23y",
    );
  });

  it("passes a full http(s) address, and nothing else with a scheme", () => {
    expect(wikipediaHref(AR_ARTICLE, "ar")).toBe(AR_ARTICLE);
    expect(wikipediaHref("http://example.org/a", "ar")).toBe("http://example.org/a");
    expect(wikipediaHref("javascript://%0aalert(1)", "ar")).toBeUndefined();
    expect(wikipediaHref("ftp://example.org/a", "ar")).toBeUndefined();
  });

  it("gives no link for nothing", () => {
    expect(wikipediaHref(undefined, "ar")).toBeUndefined();
    expect(wikipediaHref("  ", "ar")).toBeUndefined();
  });
});

describe("entity links", () => {
  const entity = {
    id: "per:qasem-soleimani",
    qid: "Q1055393",
    links: { wikipedia: { ar: TITLE, en: "Qasem Soleimani" } },
  };

  it("prefers the article in the UI language, else the other one", () => {
    expect(entityWikipediaHref(entity, "ar")).toBe(AR_ARTICLE);
    expect(entityWikipediaHref(entity, "en")).toBe("https://en.wikipedia.org/wiki/Qasem_Soleimani");
    expect(entityWikipediaHref({ links: { wikipedia: { ar: TITLE } } }, "en")).toBe(AR_ARTICLE);
  });

  it("falls back to the Wikidata page of the entity's QID, or of an id that is one", () => {
    expect(entityLink({ ...entity, links: undefined }, "ar")).toEqual({
      kind: "wikidata",
      href: "https://www.wikidata.org/wiki/Q1055393",
    });
    expect(entityLink({ id: "Q534285" }, "ar")?.href).toBe("https://www.wikidata.org/wiki/Q534285");
    expect(entityLink({ id: "per:x" }, "ar")).toBeUndefined();
    expect(wikidataHref("Q1055393/../x")).toBeUndefined();
  });
});
