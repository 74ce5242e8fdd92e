// @vitest-environment happy-dom
// The library page against the real highlight handlers (fake IndexedDB): search forgiving
// spelling, the tag filter, editing, delete with undo, orphan marks, and an import error that
// names the record and changes nothing.
import { afterEach, beforeEach, expect, it, vi } from "vitest";
import { render } from "preact";
import { dispatch, type Handlers } from "@/src/messaging/server";
import type { MessageType, RequestOf, ResponseOf } from "@/src/messaging/protocol";
import { SiyaqDatabase, useDatabase } from "@/src/kb/db";
import { createHighlightHandlers } from "@/src/background/highlight-handlers";
import { describePassage } from "@/src/highlights/selectors";
import { libraryLabels } from "@/src/ui/library/labels";
import { senderFor } from "../../messaging/senders";
import { describeShared, fromShared, readShared } from "../../../shared-data";

const handlers = createHighlightHandlers() as unknown as Handlers;
async function call<K extends MessageType>(type: K, payload: RequestOf<K>): Promise<ResponseOf<K>> {
  const reply = await dispatch(handlers, { siyaq: 1, type, payload }, senderFor(type, "x"), {
    extensionId: "x",
    log: () => {},
  });
  if (!reply.ok) throw new Error(reply.error);
  return reply.value as ResponseOf<K>;
}
vi.mock("@/src/messaging/client", () => ({ sendMessage: call }));
const { Library } = await import("@/src/ui/library/Library");

const seed = fromShared(() => readShared("fixtures/seed-article.txt"), "");
const QUOTE_A = "وأعلن مستشار الأمن القومي العراقي قاسم الأعرجي";
const QUOTE_B = "مقتل قائد فيلق القدس الإيراني قاسم سليماني";

async function save(quote: string, tags: string[] = [], note = "") {
  const start = seed.indexOf(quote);
  const url = "https://example.org/iraq";
  return (
    await call("highlight.save", {
      url,
      target: { source: url, selector: describePassage(seed, start, start + quote.length) },
      note,
      tags,
      entities: [],
      citation: {
        title: "العراق: التحالف الدولي",
        url,
        accessedAt: "2026-11-29T10:00:00.000Z",
        outlet: "الأمصار",
      },
    })
  ).highlight;
}

let host: HTMLElement;
const t = libraryLabels("en");
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until<T>(probe: () => T | null | undefined | false, what: string): Promise<T> {
  for (let i = 0; i < 300; i++) {
    const found = probe();
    if (found) return found;
    await sleep(10);
  }
  throw new Error(`never happened: ${what}\n${host.textContent?.slice(0, 800)}`);
}
const quotes = () =>
  [...host.querySelectorAll("article.highlight .quote")].map((q) => q.textContent);
const input = (name: string) => host.querySelector<HTMLInputElement>(`[name="${name}"]`)!;
const typeInto = (element: HTMLInputElement | HTMLTextAreaElement, value: string) => {
  element.value = value;
  element.dispatchEvent(new Event("input", { bubbles: true }));
};
const button = (label: string, scope: ParentNode = host) =>
  [...scope.querySelectorAll("button")].find((b) => b.textContent?.trim() === label)!;

beforeEach(() => {
  useDatabase(new SiyaqDatabase(`siyaq-library-${Date.now()}-${Math.random()}`));
  host = document.createElement("div");
  document.body.append(host);
});
afterEach(() => {
  render(null, host);
  host.remove();
});

describeShared("library page", () => {
  it("lists highlights and searches them forgiving Arabic spelling, and filters by tag", async () => {
    await save(QUOTE_A, ["أمن"]);
    await save(QUOTE_B, [], "غارة المطار");
    render(<Library t={t} language="en" />, host);
    await until(() => quotes().length === 2, "both listed");
    typeInto(input("query"), "الاعرجي");
    await until(() => quotes().length === 1 && quotes()[0] === QUOTE_A, "search without hamza");
    typeInto(input("query"), "");
    await until(() => quotes().length === 2, "search cleared");
    const tag = host.querySelector<HTMLSelectElement>('select[name="tag"]')!;
    tag.value = "أمن";
    tag.dispatchEvent(new Event("change", { bubbles: true }));
    await until(() => quotes().length === 1 && quotes()[0] === QUOTE_A, "tag filter");
  });

  it("edits note and tags in place", async () => {
    const saved = await save(QUOTE_A);
    render(<Library t={t} language="en" />, host);
    await until(() => quotes().length === 1, "listed");
    button(t("edit")).click();
    const form = await until(() => host.querySelector("form.edit"), "editor");
    typeInto(form.querySelector("textarea")!, "ملاحظة جديدة");
    typeInto(form.querySelector("input")!, "أمن، انسحاب");
    await sleep(0);
    form.dispatchEvent(new Event("submit", { bubbles: true, cancelable: true }));
    await until(() => host.querySelector(".note")?.textContent === "ملاحظة جديدة", "note shown");
    const stored = (await call("highlights.search", { query: "", filters: {} })).highlights[0]!;
    expect(stored).toMatchObject({ id: saved.id, note: "ملاحظة جديدة", tags: ["أمن", "انسحاب"] });
  });

  it("deletes with undo, and marks orphans", async () => {
    const saved = await save(QUOTE_A);
    await save(QUOTE_B);
    await call("highlight.setOrphaned", { id: saved.id, orphaned: true });
    render(<Library t={t} language="en" />, host);
    await until(() => quotes().length === 2, "listed");
    const orphan = host.querySelector("article.highlight.orphaned")!;
    expect(orphan.querySelector(".quote")!.textContent).toBe(QUOTE_A);
    expect(orphan.textContent).toContain(t("orphaned"));

    button(t("remove"), orphan).click();
    await until(() => quotes().length === 1, "deleted");
    button(t("undo")).click();
    await until(() => quotes().length === 2, "restored");
    expect(
      (await call("highlights.search", { query: "", filters: {} })).highlights.find(
        (h) => h.id === saved.id,
      ),
    ).toEqual({ ...saved, orphaned: true });
  });

  it("reports a bad import file by record and field and keeps the library as it was", async () => {
    await save(QUOTE_A);
    render(<Library t={t} language="en" />, host);
    await until(() => quotes().length === 1, "listed");
    const file = host.querySelector<HTMLInputElement>('input[type="file"]')!;
    const bad = JSON.stringify([
      {
        id: "a1",
        type: "Annotation",
        target: {
          source: "https://example.org/x",
          selector: [{ type: "TextQuoteSelector", exact: "نص" }],
        },
      },
    ]);
    Object.defineProperty(file, "files", {
      configurable: true,
      value: [new File([bad], "bad.json", { type: "application/json" })],
    });
    file.dispatchEvent(new Event("change", { bubbles: true }));
    const alert = await until(() => host.querySelector('[role="alert"]'), "error shown");
    expect(alert.textContent).toContain("record 1 (a1)");
    expect(alert.textContent).toContain("target.selector");
    expect(quotes()).toEqual([QUOTE_A]);
  });

  it("lists the good highlights when a stored record is damaged, says so, and offers RIS and CSL-JSON", async () => {
    await save(QUOTE_A);
    const { database } = await import("@/src/kb/db");
    await database().highlights.add({
      id: "broken-1",
      url: "https://example.org/a",
      createdAt: 1,
      updatedAt: 1,
      tags: [],
      entityIds: [],
    });
    render(<Library t={t} language="en" />, host);
    await until(() => quotes().length === 1, "the good one listed");
    const notice = await until(() => host.querySelector("[data-malformed]"), "damage reported");
    expect(notice.textContent).toBe(t("malformed", { count: 1, ids: "broken-1" }));
    expect(
      [...host.querySelectorAll("button[data-export]")].map((b) => b.getAttribute("data-export")),
    ).toEqual(["json", "csv", "markdown", "ris", "csl-json"]);
    expect(host.querySelector('button[data-export="ris"]')!.getAttribute("title")).toBe(
      t("exportRisHint"),
    );
  });
});
