// Where an entity links to, built once for every card (popup, hover card) and for what a lookup
// keeps. Packs give a Wikipedia article either as a full address or, when built from Wikidata, as
// a title; both become a safe link here: a title is the article on `{lang}.wikipedia.org` over
// https, and a full address passes only when it is http(s).
import type { EntityRecord } from "@/src/contracts/records";
import { QID_PATTERN } from "@/src/contracts/pack-schema";
import { webHref } from "@/src/shared/web-address";

export type LinkLanguage = "ar" | "en";

/** An address with a scheme (`https://…`); anything else is taken for an article title. */
const WITH_SCHEME = /^[a-z][a-z\d+.-]*:\/\//i;

/** A Wikipedia article, given as a title or a full address, as a link; undefined when it is neither. */
export function wikipediaHref(article: string | undefined, lang: LinkLanguage): string | undefined {
  const value = article?.trim();
  if (!value) return undefined;
  if (WITH_SCHEME.test(value)) return webHref(value);
  return `https://${lang}.wikipedia.org/wiki/${encodeURIComponent(value.replace(/ /g, "_"))}`;
}

/** The Wikidata page of a QID; undefined for anything that is not one. */
export function wikidataHref(qid: string | undefined): string | undefined {
  return qid && QID_PATTERN.test(qid) ? `https://www.wikidata.org/wiki/${qid}` : undefined;
}

/** The entity's Wikipedia article in `language`, else in the other one. */
export function entityWikipediaHref(
  entity: Pick<EntityRecord, "links">,
  language: LinkLanguage,
): string | undefined {
  const articles = entity.links?.wikipedia;
  const other = language === "ar" ? "en" : "ar";
  return wikipediaHref(articles?.[language], language) ?? wikipediaHref(articles?.[other], other);
}

/**
 * The one link a short card offers: the Wikipedia article, else the Wikidata page (an entity kept
 * from a lookup has its QID as its id).
 */
export function entityLink(
  entity: Pick<EntityRecord, "id" | "qid" | "links">,
  language: LinkLanguage,
): { kind: "wikipedia" | "wikidata"; href: string } | undefined {
  const wikipedia = entityWikipediaHref(entity, language);
  if (wikipedia) return { kind: "wikipedia", href: wikipedia };
  const wikidata = wikidataHref(entity.qid) ?? wikidataHref(entity.id);
  return wikidata ? { kind: "wikidata", href: wikidata } : undefined;
}
