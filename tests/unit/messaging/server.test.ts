import { describe, expect, it, vi } from "vitest";
import { dispatch, type Handlers } from "@/src/messaging/server";
import { createHandlers } from "@/src/background/handlers";

const EXTENSION_ID = "siyaq-test-extension";
const fromExtension = { id: EXTENSION_ID, tabId: 7, url: "https://example.com/a" };

function setup(overrides: Partial<Handlers> = {}) {
  const log = vi.fn();
  const handlers = { ...createHandlers("9.9.9"), ...overrides } as Handlers;
  const send = (message: unknown, sender: { id?: string; tabId?: number } = fromExtension) =>
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
    expect(await send({ type: "ping", payload: {} })).toEqual({ ok: false, error: "not a Siyaq message" });
    expect(await send("ping")).toMatchObject({ ok: false });
    expect(await send(null)).toMatchObject({ ok: false });
    // Prototype keys are not message types.
    expect(await send({ siyaq: 1, type: "toString", payload: {} })).toMatchObject({ ok: false });
    expect(log).toHaveBeenCalledTimes(5);
  });

  it("refuses payloads that do not validate and names the field", async () => {
    const handler = vi.fn();
    const { send } = setup({ "page.report": handler });
    const reply = await send({ siyaq: 1, type: "page.report", payload: { url: "x", title: "t", mentionCount: -1 } });
    expect(reply).toEqual({ ok: false, error: expect.stringMatching(/^invalid page\.report payload at mentionCount/) });
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

  it("passes the sender's tab to handlers", async () => {
    const { send } = setup();
    await send({ siyaq: 1, type: "page.report", payload: { url: "https://e.com/", title: "t", mentionCount: 3 } });
    const status = await send({ siyaq: 1, type: "page.status", payload: { tabId: 7 } });
    expect(status).toMatchObject({ ok: true, value: { url: "https://e.com/", mentionCount: 3 } });
    expect(await send({ siyaq: 1, type: "page.status", payload: { tabId: 8 } })).toEqual({ ok: true, value: null });
  });
});
