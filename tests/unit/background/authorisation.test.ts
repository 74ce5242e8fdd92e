// What a web page's content script can and cannot make the background do (issue 14, findings 1–3):
// each test drives the real handlers through the dispatcher, as the browser would deliver messages.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { dispatch } from "@/src/messaging/server";
import type { SenderInfo } from "@/src/messaging/server";
import { createHandlers } from "@/src/background/handlers";
import { useDatabase, type SiyaqDatabase } from "@/src/kb/db";
import { MAX_PAGE_EVENTS_PER_ORIGIN_PER_DAY } from "@/src/kb/events";
import { describePassage } from "@/src/highlights/selectors";
import type { HighlightDraft } from "@/src/contracts/highlight";
import { freshDatabase, samplePack } from "../kb/sample-pack";
import { contentScript, extensionPage, messenger } from "../messaging/senders";

const ID = "siyaq-test";
const handlers = createHandlers("test");
const library = extensionPage(ID, "library.html");
const VICTIM = "https://victim.example/news/1";
const victimTab = contentScript(ID, 1, VICTIM);
const hostile = contentScript(ID, 2, "https://hostile.example/page");
let db: SiyaqDatabase;

const { send, ok } = messenger(handlers, ID);

beforeEach(async () => {
  db = freshDatabase();
  useDatabase(db);
  await ok(library, "pack.import", { json: JSON.stringify(samplePack()) });
});
afterEach(() => db.delete());

describe("entities from a page", () => {
  it("a page may add a new name but not overwrite a stored entity", async () => {
    const before = await db.entities.get("country:iq");
    const overwrite = await send(hostile, "entity.upsert", {
      entity: { id: "country:iq", type: "LOC", names: { ar: "مزور" }, aliases: ["مزور"] },
    });
    expect(overwrite).toMatchObject({ ok: false, error: expect.stringContaining("only add new") });
    expect(await db.entities.get("country:iq")).toEqual(before);
    const added = await ok(hostile, "entity.upsert", {
      entity: { type: "PER", names: { ar: "رائد العزاوي" }, aliases: ["رائد العزاوي"] },
    });
    expect(added.id).toMatch(/^user:/);
    // The options page still edits anything.
    await ok(library, "entity.upsert", {
      entity: { id: "country:iq", type: "LOC", names: { ar: "العراق" }, aliases: ["العراق"] },
    });
  });

  it("a page's card gets the entity and its timeline, not the articles the reader met it in", async () => {
    await ok(victimTab, "mentions.record", {
      url: VICTIM,
      title: "خبر",
      entityIds: ["country:iq"],
    });
    expect((await ok(library, "entity.get", { id: "country:iq" }))!.articles).toHaveLength(1);
    const view = await ok(hostile, "entity.get", { id: "country:iq" });
    expect(view!.articles).toEqual([]);
    expect(view!.seenIn).toBe(1);
  });
});

describe("reports filed under the page's real address", () => {
  it("mentions claimed for another site are filed under the tab's own address", async () => {
    await ok(hostile, "mentions.record", {
      url: VICTIM,
      title: "forged",
      entityIds: ["country:iq"],
    });
    const urls = (await db.mentions.toArray()).map((m) => m.url);
    expect(urls).toEqual(["https://hostile.example/page"]);
  });

  it("page events carry the tab's origin, and a same-origin canonical still counts", async () => {
    const event = (text: string) => ({ date: "2021-07-01", text, entityIds: ["country:iq"] });
    await ok(hostile, "events.addFromPage", {
      url: VICTIM,
      title: "forged",
      events: [event("جرت الجولة الأولى من الحوار في بغداد يوم الخميس الماضي")],
    });
    await ok(victimTab, "events.addFromPage", {
      url: "https://victim.example/canonical",
      title: "t",
      events: [
        { ...event("وصل الوفد العراقي إلى العاصمة الأمريكية صباح الخميس"), date: "1999-02-03" },
      ],
    });
    const sources = (await db.events.where("origin").equals("page").toArray())
      .map((e) => e.source?.url)
      .sort();
    expect(sources).toEqual(["https://hostile.example/page", "https://victim.example/canonical"]);
  });

  it("an origin adds at most its daily quota of page events", async () => {
    const words = [
      "بغداد",
      "البصرة",
      "الموصل",
      "أربيل",
      "كركوك",
      "النجف",
      "كربلاء",
      "الحلة",
      "الرمادي",
      "تكريت",
      "سامراء",
    ];
    const events = Array.from({ length: 200 }, (_, i) => ({
      date: `20${String(10 + (i % 14)).padStart(2, "0")}-0${1 + (i % 9)}-1${i % 10}`,
      text: `حدث رقم ${i} في ${words[i % words.length]} و${words[(i * 7) % words.length]} مع ${i * 13}`,
      entityIds: [i % 2 ? "country:iq" : "city:baghdad"],
    }));
    let added = 0;
    for (let i = 0; i < events.length; i += 50) {
      added += (
        await ok(hostile, "events.addFromPage", {
          url: "https://hostile.example/page",
          title: "t",
          events: events.slice(i, i + 50),
        })
      ).added;
    }
    expect(added).toBe(MAX_PAGE_EVENTS_PER_ORIGIN_PER_DAY);
    // Another origin has its own quota.
    expect(
      (
        await ok(victimTab, "events.addFromPage", {
          url: VICTIM,
          title: "t",
          events: [
            {
              date: "1999-02-03",
              text: "نص آخر تماما عن بغداد والعراق اليوم",
              entityIds: ["country:us"],
            },
          ],
        })
      ).added,
    ).toBe(1);
  });
});

describe("highlights of another site", () => {
  const quote = "قاسم الأعرجي";
  const text = `وأعلن مستشار الأمن القومي العراقي ${quote} انتهاء المهام`;
  const start = text.indexOf(quote);
  const draft = (url: string): HighlightDraft => ({
    url,
    target: { source: url, selector: describePassage(text, start, start + quote.length) },
    note: "ملاحظة خاصة",
    tags: [],
    entities: [],
    citation: { title: "t", url, accessedAt: "2026-11-29T10:00:00.000Z" },
  });

  it("a page naming the victim's address gets none of its highlights and cannot mark them orphaned", async () => {
    const { highlight } = await ok(victimTab, "highlight.save", draft(VICTIM));
    expect(highlight.url).toBe(VICTIM);
    expect((await ok(hostile, "highlights.forUrl", { urls: [VICTIM] })).highlights).toEqual([]);
    expect(
      await ok(hostile, "highlight.setOrphaned", { id: highlight.id, orphaned: true }),
    ).toEqual({ updated: false });
    expect((await db.highlights.get(highlight.id))!.orphaned).not.toBe(true);
    // The victim's own page still finds and reports on them.
    expect((await ok(victimTab, "highlights.forUrl", { urls: [VICTIM] })).highlights).toHaveLength(
      1,
    );
    expect(
      await ok(victimTab, "highlight.setOrphaned", { id: highlight.id, orphaned: true }),
    ).toEqual({ updated: true });
  });

  it("a page edits the note of its own origin's highlights only, as the library does any", async () => {
    const { highlight } = await ok(victimTab, "highlight.save", draft(VICTIM));
    const refused = await send(hostile, "highlight.update", {
      id: highlight.id,
      note: "مكتوب من موقع آخر",
    });
    expect(refused).toEqual({
      ok: false,
      error: `highlight.update failed: no highlight ${highlight.id}`,
    });
    expect((await db.highlights.get(highlight.id))!.note).toBe("ملاحظة خاصة");
    // The reader clicking the passage on its page, and the library.
    expect(
      (
        await ok(victimTab, "highlight.update", {
          id: highlight.id,
          note: "عدّلتها على الصفحة",
          tags: ["أمن"],
        })
      ).highlight,
    ).toMatchObject({ note: "عدّلتها على الصفحة", tags: ["أمن"] });
    expect(
      (await ok(library, "highlight.update", { id: highlight.id, note: "من المكتبة" })).highlight
        .note,
    ).toBe("من المكتبة");
  });

  it("a highlight saved from a page is filed under the page's own origin, whatever it claims", async () => {
    const { highlight } = await ok(hostile, "highlight.save", draft(VICTIM));
    expect([highlight.url, highlight.target.source, highlight.citation.url]).toEqual(
      Array(3).fill("https://hostile.example/page"),
    );
    expect((await ok(victimTab, "highlights.forUrl", { urls: [VICTIM] })).highlights).toEqual([]);
  });
});

describe("recognition per tab", () => {
  it("a tab that floods recognize is refused past its budget, and other tabs are not", async () => {
    const limited = createHandlers("test", {
      recognizeLimit: { windowMs: 60_000, maxCalls: 5, maxChars: 1_000_000 },
    });
    const ask = (sender: SenderInfo) =>
      dispatch(
        limited,
        { siyaq: 1, type: "recognize", payload: { text: "قاسم سليماني" } },
        sender,
        { extensionId: ID, log: () => {} },
      );
    for (let i = 0; i < 5; i++) expect((await ask(hostile)).ok).toBe(true);
    expect(await ask(hostile)).toMatchObject({
      ok: false,
      error: expect.stringContaining("too many recognize requests"),
    });
    expect((await ask(victimTab)).ok).toBe(true);
    expect((await ask(library)).ok).toBe(true);
  });
});
