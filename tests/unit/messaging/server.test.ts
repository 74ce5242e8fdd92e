import { describe, expect, it, vi } from "vitest";
import { dispatch, type Handlers, type SenderInfo } from "@/src/messaging/server";
import { createHandlers } from "@/src/background/handlers";
import { requestSchemas, requestSenders, type MessageType } from "@/src/messaging/protocol";
import { contentScript, extensionPage } from "./senders";

const EXTENSION_ID = "siyaq-test-extension";
const fromExtension = extensionPage(EXTENSION_ID, "popup.html");

function setup(overrides: Partial<Handlers> = {}) {
  const log = vi.fn();
  const handlers = { ...createHandlers("9.9.9"), ...overrides } as Handlers;
  const send = (message: unknown, sender: SenderInfo = fromExtension) =>
    dispatch(handlers, message, sender, { extensionId: EXTENSION_ID, log });
  return { send, log };
}

describe("dispatch", () => {
  it("answers a valid message from this extension", async () => {
    const { send, log } = setup();
    await expect(send({ siyaq: 1, type: "ping", payload: {} })).resolves.toEqual({
      ok: true,
      value: { version: "9.9.9", ready: true },
    });
    expect(log).not.toHaveBeenCalled();
  });

  it("refuses messages from other extensions and pages, with a logged reason", async () => {
    const { send, log } = setup();
    const reply = await send({ siyaq: 1, type: "ping", payload: {} }, { id: "someone-else" });
    expect(reply).toEqual({ ok: false, error: expect.stringContaining("not this extension") });
    expect(await send({ siyaq: 1, type: "ping", payload: {} }, {})).toMatchObject({ ok: false });
    expect(log).toHaveBeenCalledTimes(2);
  });

  it("refuses unknown types and non-Siyaq messages", async () => {
    const { send, log } = setup();
    expect(await send({ siyaq: 1, type: "db.drop", payload: {} })).toEqual({
      ok: false,
      error: 'unknown message type "db.drop"',
    });
    expect(await send({ type: "ping", payload: {} })).toEqual({
      ok: false,
      error: "not a Siyaq message",
    });
    expect(await send("ping")).toMatchObject({ ok: false });
    expect(await send(null)).toMatchObject({ ok: false });
    // Prototype keys are not message types.
    expect(await send({ siyaq: 1, type: "toString", payload: {} })).toMatchObject({ ok: false });
    expect(log).toHaveBeenCalledTimes(5);
  });

  it("refuses payloads that do not validate and names the field", async () => {
    const handler = vi.fn();
    const { send } = setup({ "page.report": handler });
    const tab = contentScript(EXTENSION_ID, 7, "https://example.com/a");
    const reply = await send(
      { siyaq: 1, type: "page.report", payload: { url: "x", title: "t", mentionCount: -1 } },
      tab,
    );
    expect(reply).toEqual({
      ok: false,
      error: expect.stringMatching(/^invalid page\.report payload at mentionCount/),
    });
    expect(await send({ siyaq: 1, type: "recognize", payload: { text: 5 } })).toMatchObject({
      ok: false,
      error: expect.stringContaining("at text"),
    });
    expect(handler).not.toHaveBeenCalled();
  });

  it("turns a handler's failure into an error reply instead of a rejected promise", async () => {
    const { send } = setup({
      ping: () => {
        throw new Error("database is on fire");
      },
    });
    vi.spyOn(console, "error").mockImplementation(() => {});
    expect(await send({ siyaq: 1, type: "ping", payload: {} })).toEqual({
      ok: false,
      error: "ping failed: database is on fire",
    });
  });

  it("passes the sender's tab and real address to handlers", async () => {
    const { send } = setup();
    const tab = contentScript(EXTENSION_ID, 7, "https://e.com/#part");
    await send(
      {
        siyaq: 1,
        type: "page.report",
        payload: { url: "https://other.example/", title: "t", mentionCount: 3 },
      },
      tab,
    );
    const status = await send({ siyaq: 1, type: "page.status", payload: { tabId: 7 } });
    expect(status).toMatchObject({ ok: true, value: { url: "https://e.com/", mentionCount: 3 } });
    expect(await send({ siyaq: 1, type: "page.status", payload: { tabId: 8 } })).toEqual({
      ok: true,
      value: null,
    });
  });
});

describe("authorisation by sender context", () => {
  const page = contentScript(EXTENSION_ID, 3, "https://hostile.example/article");
  const popup = extensionPage(EXTENSION_ID, "popup.html");
  const types = Object.keys(requestSchemas) as MessageType[];

  it("every message type declares who may send it", () => {
    expect(Object.keys(requestSenders).sort()).toEqual([...types].sort());
    for (const type of types) expect(requestSenders[type].length, type).toBeGreaterThan(0);
    // A content script is only as trusted as its page: it reaches what its own tab needs, nothing else.
    expect(types.filter((type) => requestSenders[type].includes("content")).sort()).toEqual([
      // highlight.update: the reader edits a note on the page; the handler limits it to the tab's origin.
      "entity.get",
      "entity.upsert",
      "events.addFromPage",
      "highlight.save",
      "highlight.setOrphaned",
      "highlight.update",
      "highlights.forUrl",
      "lookup.keep",
      "lookup.name",
      "mentions.record",
      "page.openInPopup",
      "page.report",
      "ping",
      "recognize",
      "sightings.of",
      "sightings.record",
      "suppression.add",
    ]);
  });

  it.each(
    types.flatMap((type) =>
      (["extension", "content"] as const)
        .filter((c) => !requestSenders[type].includes(c))
        .map((c) => [type, c] as const),
    ),
  )("refuses %s from a %s sender before its handler runs", async (type, context) => {
    const handler = vi.fn();
    const { send, log } = setup({ [type]: handler } as Partial<Handlers>);
    const reply = await send({ siyaq: 1, type, payload: {} }, context === "content" ? page : popup);
    expect(reply).toEqual({ ok: false, error: expect.stringContaining(`${type} is not accepted`) });
    expect(handler).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledOnce();
  });

  it("refuses a subframe, a sender without a tab and a non-web page, before any handler", async () => {
    const handler = vi.fn();
    const { send } = setup({ ping: handler });
    const ping = { siyaq: 1, type: "ping", payload: {} };
    expect(await send(ping, { ...page, frameId: 2 })).toMatchObject({
      ok: false,
      error: expect.stringContaining("subframe"),
    });
    expect(await send(ping, { id: EXTENSION_ID, url: "https://e.com/" })).toMatchObject({
      ok: false,
      error: expect.stringContaining("without a tab"),
    });
    expect(
      await send(ping, { id: EXTENSION_ID, tabId: 1, url: "file:///etc/passwd" }),
    ).toMatchObject({ ok: false });
    // Another extension's pages are not ours, even with our id forged into the address.
    expect(
      await send(ping, {
        id: EXTENSION_ID,
        url: "chrome-extension://evil/?chrome-extension://siyaq-test-extension/",
      }),
    ).toMatchObject({ ok: false });
    expect(handler).not.toHaveBeenCalled();
  });

  it("takes a frame of the page's own origin as its tab's page, and refuses any other frame", async () => {
    const handler = vi.fn(() => ({ version: "test", ready: true }));
    const { send } = setup({ ping: handler });
    const ping = { siyaq: 1, type: "ping", payload: {} };
    const tabUrl = "https://news.example/iraq#top";
    const frame = { id: EXTENSION_ID, tabId: 4, frameId: 2, tabUrl };
    // A same-origin frame and a srcdoc frame (whose origin is its parent's) speak for the page.
    expect(await send(ping, { ...frame, url: "https://news.example/embed/story" })).toMatchObject({
      ok: true,
    });
    expect(
      await send(ping, { ...frame, url: "about:srcdoc", origin: "https://news.example" }),
    ).toMatchObject({ ok: true });
    expect(handler).toHaveBeenNthCalledWith(
      1,
      {},
      { context: "content", tabId: 4, url: "https://news.example/iraq", frameId: 2 },
    );
    expect(handler).toHaveBeenNthCalledWith(
      2,
      {},
      { context: "content", tabId: 4, url: "https://news.example/iraq", frameId: 2 },
    );
    // An advert's frame, a sandboxed srcdoc frame (opaque origin) and a frame of an unknown tab are not.
    for (const other of [
      { ...frame, url: "https://ads.example/slot" },
      { ...frame, url: "about:srcdoc", origin: "null" },
      { ...frame, url: "about:srcdoc" },
      { id: EXTENSION_ID, tabId: 4, frameId: 2, url: "https://news.example/embed/story" },
    ]) {
      expect(await send(ping, other)).toMatchObject({
        ok: false,
        error: expect.stringContaining("subframe"),
      });
    }
    expect(handler).toHaveBeenCalledTimes(2);
  });

  it("a page cannot export, wipe or read another tab, and can reach what its card needs", async () => {
    const { send } = setup();
    expect(await send({ siyaq: 1, type: "data.export", payload: {} }, page)).toMatchObject({
      ok: false,
    });
    expect(
      await send({ siyaq: 1, type: "data.wipe", payload: { confirm: "wipe" } }, page),
    ).toMatchObject({ ok: false });
    expect(
      await send({ siyaq: 1, type: "page.status", payload: { tabId: 1 } }, page),
    ).toMatchObject({ ok: false });
    expect(await send({ siyaq: 1, type: "ping", payload: {} }, page)).toMatchObject({ ok: true });
  });
});
