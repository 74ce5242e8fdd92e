import { beforeEach, describe, expect, it } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { dispatch, type Handlers } from "@/src/messaging/server";
import { createPageHandlers } from "@/src/background/page-handlers";
import { POPUP_FOCUS_KEY } from "@/src/messaging/messages/page";
import { contentScript, extensionPage, frameScript } from "../messaging/senders";
import { loadSuppressions } from "@/src/settings/suppressions";

const EXTENSION = "siyaq-test";
const fromTab = (tabId: number) => contentScript(EXTENSION, tabId, "https://news.example/a");
const fromPopup = extensionPage(EXTENSION, "popup.html");
/** A srcdoc frame (frame 3) of the page at `tabUrl`, of that page's origin. */
const fromFrame = (tabId: number, tabUrl = "https://news.example/a") =>
  frameScript(EXTENSION, tabId, 3, "about:srcdoc", tabUrl, new URL(tabUrl).origin);

describe("page requests", () => {
  let handlers: Handlers;
  const send = (type: string, payload: unknown, sender = fromTab(7)) =>
    dispatch(handlers, { siyaq: 1, type, payload }, sender, {
      extensionId: EXTENSION,
      log: () => {},
    });

  beforeEach(() => {
    fakeBrowser.reset();
    handlers = createPageHandlers() as unknown as Handlers;
  });

  const report = {
    url: "https://news.example/a",
    title: "العراق: التحالف الدولي أبلغنا",
    mentionCount: 3,
    entities: [{ surface: "العراق", type: "LOC", entityId: "country:iq", count: 2, first: 0 }],
  };

  it("keeps a tab's latest report for the popup", async () => {
    expect(await send("page.report", report)).toEqual({ ok: true, value: { recorded: true } });
    const status = await send("page.status", { tabId: 7 }, fromPopup);
    expect(status).toMatchObject({
      ok: true,
      value: { url: report.url, mentionCount: 3, entities: report.entities },
    });
    expect(await send("page.status", { tabId: 8 }, fromPopup)).toEqual({ ok: true, value: null });
  });

  it("still knows a tab's report after the service worker slept, and forgets closed tabs", async () => {
    await send("page.report", report);
    // A woken worker builds its handlers again with an empty heap.
    handlers = createPageHandlers() as unknown as Handlers;
    expect(await send("page.status", { tabId: 7 }, fromPopup)).toMatchObject({
      ok: true,
      value: { url: report.url, mentionCount: 3 },
    });
    await fakeBrowser.tabs.onRemoved.trigger(7, { windowId: 1, isWindowClosing: false });
    await new Promise((settle) => setTimeout(settle, 0));
    handlers = createPageHandlers() as unknown as Handlers;
    expect(await send("page.status", { tabId: 7 }, fromPopup)).toEqual({ ok: true, value: null });
  });

  it("joins the reports of a page's frames: one status, each name counted over all of them", async () => {
    const frame = {
      ...report,
      mentionCount: 2,
      entities: [
        { surface: "العراق", type: "LOC", entityId: "country:iq", count: 1, first: 0 },
        {
          surface: "قاسم سليماني",
          type: "PER",
          entityId: "per:qasem-soleimani",
          count: 1,
          first: 1,
        },
      ],
    };
    // Frames report at the same moment: neither report may be lost.
    await Promise.all([send("page.report", report), send("page.report", frame, fromFrame(7))]);
    handlers = createPageHandlers() as unknown as Handlers; // from storage, as after a sleep
    // The same frame reporting again replaces its report, it does not add to it.
    await send("page.report", frame, fromFrame(7));
    const status = await send("page.status", { tabId: 7 }, fromPopup);
    expect(status).toMatchObject({
      ok: true,
      value: {
        url: report.url,
        title: report.title,
        mentionCount: 5,
        running: true,
        entities: [
          { entityId: "country:iq", count: 3, first: 0 },
          // Reading order: the frame's names come after the top document's mentions.
          { entityId: "per:qasem-soleimani", count: 1, first: 4 },
        ],
      },
    });
  });

  it("ignores a frame's report left over from the page the tab showed before", async () => {
    await send("page.report", report, fromFrame(7, "https://news.example/old"));
    await new Promise((settle) => setTimeout(settle, 2));
    await send("page.report", report);
    expect(await send("page.status", { tabId: 7 }, fromPopup)).toMatchObject({
      ok: true,
      value: { url: report.url, mentionCount: 3 },
    });
  });

  it("keeps an offer from a page Siyaq does not run on apart from a running page", async () => {
    await send("page.report", {
      url: report.url,
      title: "Iraq",
      mentionCount: 0,
      running: false,
      arabicPassages: true,
    });
    expect(await send("page.status", { tabId: 7 }, fromPopup)).toMatchObject({
      ok: true,
      value: { running: false, arabicPassages: true, mentionCount: 0, entities: [] },
    });
  });

  it("refuses a report from a frame of another origin", async () => {
    const ad = frameScript(EXTENSION, 7, 4, "https://ads.example/frame", "https://news.example/a");
    expect(await send("page.report", report, ad)).toMatchObject({
      ok: false,
      error: expect.stringContaining("another origin"),
    });
    expect(await send("page.status", { tabId: 7 }, fromPopup)).toEqual({ ok: true, value: null });
  });

  it("refuses a malformed report with the field named, keeping the report it had", async () => {
    await send("page.report", report);
    const bad = await send("page.report", {
      ...report,
      entities: [{ ...report.entities[0], type: "PERSON" }],
    });
    expect(bad).toMatchObject({
      ok: false,
      error: expect.stringMatching(/page\.report.*entities\.0\.type/),
    });
    expect(await send("page.status", { tabId: 7 }, fromPopup)).toMatchObject({
      ok: true,
      value: { entities: report.entities },
    });
  });

  it("files a report under the tab's real address, not the one the page claims", async () => {
    await send("page.report", { ...report, url: "https://victim.example/inbox" });
    expect(await send("page.status", { tabId: 7 }, fromPopup)).toMatchObject({
      ok: true,
      value: { url: "https://news.example/a" },
    });
    // One tab cannot read what another reported.
    expect(await send("page.status", { tabId: 7 }, fromTab(9))).toMatchObject({ ok: false });
  });

  it("keeps every tab's 'not an entity here' when many arrive at once, each for the sender's own site", async () => {
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, tab) =>
        send(
          "suppression.add",
          { surface: `اسم ${tab}` },
          contentScript(EXTENSION, tab, `https://www.site${tab % 2}.example/a`),
        ),
      ),
    );
    expect(answers.every((answer) => answer.ok)).toBe(true);
    const stored = await loadSuppressions();
    expect(stored).toHaveLength(20);
    expect(new Set(stored.map((s) => s.host))).toEqual(new Set(["site0.example", "site1.example"]));
  });

  it("remembers the entity a card asked the popup to open", async () => {
    const answer = await send("page.openInPopup", { entityId: "per:qasem-soleimani" });
    expect(answer.ok).toBe(true);
    const stored = (await fakeBrowser.storage.local.get(POPUP_FOCUS_KEY))[POPUP_FOCUS_KEY] as {
      entityId: string;
    };
    expect(stored.entityId).toBe("per:qasem-soleimani");
  });
});
