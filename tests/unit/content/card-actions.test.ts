// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import type { MarkedMention } from "@/src/content/mention-index";
import { loadSettings, siteRule } from "@/src/settings/settings";
import { cardTranslator } from "@/src/i18n/card-labels";

const t = cardTranslator();

const sent: { type: string; payload: unknown }[] = [];
const answers: Record<string, unknown> = {};
vi.mock("@/src/messaging/client", () => ({
  sendMessage: vi.fn(async (type: string, payload: unknown) => {
    sent.push({ type, payload });
    return answers[type];
  }),
}));
const saved: { range: Range; entity: unknown }[] = [];
/** The highlights' save as the content entry hands it in, recording what it was given. */
const saveSentence = async (range: Range, entity: unknown) => void saved.push({ range, entity });

const { cardActions, cardDetails } = await import("@/src/content/card-actions");

function mention(surface: string, type: MarkedMention["type"], entityId?: string): MarkedMention {
  const node = document.createTextNode(surface);
  document.body.appendChild(node);
  const range = document.createRange();
  range.selectNodeContents(node);
  return { surface, type, entityId, confidence: 1, range, nodes: [node] };
}

describe("card actions", () => {
  beforeEach(() => {
    fakeBrowser.reset();
    sent.length = 0;
    saved.length = 0;
    for (const key of Object.keys(answers)) delete answers[key];
  });

  it("adds an unknown name to the knowledge base as the reader saw it, then reads the page again", async () => {
    const rescan = vi.fn(async () => {});
    const actions = cardActions(mention("رائد العزاوي", "PER"), {
      host: "example.com",
      rescan,
      close: () => {},
      t,
    });
    expect(actions.openInPopup).toBeUndefined();
    expect(await actions.addToKnowledgeBase!()).toBe(t("hover.added"));
    expect(sent).toEqual([
      {
        type: "entity.upsert",
        payload: {
          entity: { type: "PER", names: { ar: "رائد العزاوي" }, aliases: ["رائد العزاوي"] },
        },
      },
    ]);
    expect(rescan).toHaveBeenCalledOnce();
  });

  it("looks an unknown name up by its name and type only, and keeps what was found", async () => {
    const rescan = vi.fn(async () => {});
    const actions = cardActions(mention(" مارك كارني ", "PER"), {
      host: "news.example",
      rescan,
      close: () => {},
      t,
      lookUpAtOnce: true,
    });
    expect(actions.lookUpAtOnce).toBe(true);
    answers["lookup.name"] = { status: "not-found", fetchedAt: 1 };
    expect(await actions.lookUp!()).toEqual({ status: "not-found", fetchedAt: 1 });
    expect(await actions.keepFound!("Q534285")).toBe(t("hover.kept"));
    expect(sent).toEqual([
      { type: "lookup.name", payload: { name: "مارك كارني", type: "PER" } },
      { type: "lookup.keep", payload: { qid: "Q534285", name: "مارك كارني" } },
    ]);
    expect(rescan).toHaveBeenCalledOnce();
    // Dates and linked names are not looked up.
    expect(
      cardActions(mention("2024", "DATE"), { host: "x", rescan, close: () => {}, t }).lookUp,
    ).toBeUndefined();
    expect(
      cardActions(mention("قاسم سليماني", "PER", "per:qasem-soleimani"), {
        host: "x",
        rescan,
        close: () => {},
        t,
      }).lookUp,
    ).toBeUndefined();
  });

  it("opens a linked entity in the popup, or says how when the browser will not", async () => {
    const actions = cardActions(mention("قاسم سليماني", "PER", "per:qasem-soleimani"), {
      host: "x",
      rescan: async () => {},
      close: () => {},
      t,
    });
    expect(actions.addToKnowledgeBase).toBeUndefined();
    answers["page.openInPopup"] = { opened: false };
    expect(await actions.openInPopup!()).toBe(t("hover.openInPopupHint"));
    answers["page.openInPopup"] = { opened: true };
    expect(await actions.openInPopup!()).toBeUndefined();
    expect(sent[0]).toEqual({
      type: "page.openInPopup",
      payload: { entityId: "per:qasem-soleimani" },
    });
  });

  it("asks the background to remember 'not an entity here' for this site and closes the card", async () => {
    const close = vi.fn();
    answers["suppression.add"] = { added: true };
    await cardActions(mention("الأمصار", "ORG"), {
      host: "news.example",
      rescan: async () => {},
      close,
      t,
    }).notAnEntity!();
    expect(sent).toEqual([{ type: "suppression.add", payload: { surface: "الأمصار" } }]);
    expect(close).toHaveBeenCalledOnce();
  });

  it("saves a highlight around the mention, and offers no KB action for a date", async () => {
    const date = mention("9 كانون الأول الماضي", "DATE");
    const actions = cardActions(date, {
      host: "x",
      rescan: async () => {},
      close: () => {},
      t,
      saveSentence,
    });
    expect(actions.addToKnowledgeBase).toBeUndefined();
    expect(actions.openInPopup).toBeUndefined();
    await actions.saveHighlight!();
    expect(saved[0]!.range.toString()).toBe("9 كانون الأول الماضي");
    expect(saved[0]!.entity).toEqual({ surface: "9 كانون الأول الماضي", type: "DATE" });
  });

  it("saves the sentence with the mention's entity, and turns Siyaq off for the site through the settings", async () => {
    const close = vi.fn();
    const actions = cardActions(mention("سليماني", "PER", "per:qasem-soleimani"), {
      host: "news.example",
      rescan: async () => {},
      close,
      t,
      saveSentence,
    });
    expect(await actions.saveHighlight!()).toBe(t("hover.saved"));
    expect(saved[0]!.entity).toEqual({
      surface: "سليماني",
      type: "PER",
      entityId: "per:qasem-soleimani",
    });
    await actions.turnOffSite!();
    expect(siteRule(await loadSettings(), "news.example")).toEqual({
      host: "news.example",
      enabled: false,
    });
    expect(close).toHaveBeenCalledOnce();
  });

  it("offers no save where no save is handed in (a frame: saved passages live in the top document)", () => {
    const actions = cardActions(mention("سليماني", "PER", "per:qasem-soleimani"), {
      host: "news.example",
      rescan: async () => {},
      close: () => {},
      t,
    });
    expect(actions.saveHighlight).toBeUndefined();
    expect(actions.openInPopup).toBeDefined();
  });

  it("describes a linked entity from the knowledge base, and an unknown name by where else it was met", async () => {
    answers["entity.get"] = { entity: { id: "country:iq" }, events: [], seenIn: 4, articles: [] };
    expect(await cardDetails(mention("العراق", "LOC", "country:iq"))).toMatchObject({
      state: "known",
      seenIn: 4,
    });
    answers["sightings.of"] = { pages: [] };
    expect(await cardDetails(mention("رائد العزاوي", "PER"))).toEqual({
      state: "unknown",
      seenIn: 0,
      elsewhere: [],
    });
    const pages = [1, 2, 3, 4].map((n) => ({
      url: `https://b.example/${n}`,
      title: `مقال ${n}`,
      seenAt: n,
    }));
    answers["sightings.of"] = { pages };
    expect(await cardDetails(mention("رائد العزاوي", "PER"))).toEqual({
      state: "unknown",
      seenIn: 4,
      elsewhere: pages.slice(0, 3),
    });
    // A learned name: the card counts every article it was met in, this one included.
    const learned = {
      key: "رائد العزاوي",
      name: "رائد العزاوي",
      type: "PER",
      spellings: ["رائد العزاوي"],
      seenIn: 5,
      articles: pages,
      coMentions: [],
    };
    answers["sightings.of"] = { pages, learned };
    expect(await cardDetails(mention("رائد العزاوي", "PER"))).toEqual({
      state: "unknown",
      seenIn: 5,
      elsewhere: pages.slice(0, 3),
      learned,
    });
    expect(sent.at(-1)).toEqual({ type: "sightings.of", payload: { surface: "رائد العزاوي" } });
  });
});
