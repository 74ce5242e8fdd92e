// @vitest-environment happy-dom
// The popup against a stand-in background: what it lists for a tab, the card it opens, deleting
// an event, the search, the site switch and the "open in popup" hand-over.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { render } from "preact";
import { fakeBrowser } from "wxt/testing/fake-browser";
import type { EntityView, EntitySummary } from "@/src/messaging/messages/kb";
import type { MessageType, RequestOf } from "@/src/messaging/protocol";
import { loadSettings, saveSettings, setSiteEnabled } from "@/src/settings/settings";
import { POPUP_FOCUS_KEY } from "@/src/messaging/messages/page";
import { translator } from "@/src/i18n/i18n";
import type { LearnedView } from "@/src/messaging/messages/kb";

const calls: { type: string; payload: unknown }[] = [];
let answers: Partial<Record<MessageType, (payload: never) => unknown>> = {};

vi.mock("@/src/messaging/client", () => ({
  sendMessage: async (type: MessageType, payload: RequestOf<MessageType>) => {
    calls.push({ type, payload });
    const answer = answers[type];
    if (!answer) throw new Error(`no answer to ${type}`);
    return answer(payload as never);
  },
}));

const { Popup } = await import("@/src/ui/popup/Popup");

const iraq: EntitySummary = { id: "country:iq", type: "LOC", names: { ar: "العراق", en: "Iraq" } };
const isis: EntitySummary = { id: "org:isis", type: "ORG", names: { ar: "داعش", en: "ISIS" } };

function iraqView(): EntityView {
  return {
    entity: {
      ...iraq,
      aliases: ["العراق", "بلاد الرافدين", "جمهورية العراق"],
      aliasKeys: [],
      description: { ar: "دولة في غرب آسيا", en: "Country in West Asia" },
      facts: [{ label: { ar: "العاصمة", en: "Capital" }, value: { ar: "بغداد", en: "Baghdad" } }],
      source: "starter",
      updatedAt: 0,
    },
    events: [
      {
        id: "e-page-2014",
        date: "2014-06",
        title: { ar: "احتلال داعش للمدن" },
        entityIds: ["country:iq"],
        origin: "page",
        source: { url: "http://127.0.0.1/seed-article.html", title: "مقال البذرة" },
        createdAt: 1,
        alsoIn: [{ url: "https://b.example/1" }, { url: "https://c.example/2" }],
      },
      {
        id: "e-pack-2003",
        date: "2003-04-09",
        title: { ar: "سقوط بغداد", en: "Fall of Baghdad" },
        entityIds: ["country:iq"],
        origin: "pack",
        source: { pack: "starter" },
        createdAt: 1,
      },
      {
        id: "e-page-evil",
        date: "2011",
        title: { ar: "انسحاب" },
        entityIds: ["country:iq"],
        origin: "page",
        source: { url: "javascript:alert(1)", title: "x" },
        createdAt: 1,
      },
    ],
    seenIn: 3,
    articles: [{ url: "http://127.0.0.1/seed-article.html", title: "مقال البذرة", seenAt: 1 }],
  };
}

let host: HTMLElement;
const flush = async (rounds = 8) => {
  for (let i = 0; i < rounds; i++) await new Promise((r) => setTimeout(r, 0));
};
async function waitFor<T>(find: () => T | null | undefined, what: string): Promise<T> {
  for (let i = 0; i < 100; i++) {
    const found = find();
    if (found) return found;
    await flush(1);
  }
  throw new Error(`never appeared: ${what}\n${host.innerHTML.slice(0, 2000)}`);
}
const text = () => host.textContent ?? "";
const buttonNamed = (name: string) =>
  [...host.querySelectorAll("button")].find(
    (b) => b.textContent?.includes(name) || b.getAttribute("aria-label")?.includes(name),
  );

let tabId: number;
beforeEach(async () => {
  fakeBrowser.reset();
  calls.length = 0;
  const tab = await fakeBrowser.tabs.create({ url: "https://www.alamsar.example/news/1" });
  tabId = tab.id!;
  let view = iraqView();
  answers = {
    "db.stats": () => ({ entities: 2, events: 3, mentions: 0, highlights: 0 }),
    "page.status": () => ({
      url: "https://www.alamsar.example/news/1",
      title: "العراق: التحالف الدولي أبلغنا",
      mentionCount: 17,
      reportedAt: 1,
      running: true,
      arabicPassages: false,
      entities: [
        { surface: "داعش", type: "ORG", entityId: "org:isis", count: 3, first: 4 },
        { surface: "العراق", type: "LOC", entityId: "country:iq", count: 12, first: 0 },
        { surface: "الخميس", type: "DATE", count: 1, first: 9 },
        { surface: "بغداد", type: "LOC", count: 1, first: 7 },
      ],
    }),
    "entities.byIds": ({ ids }: { ids: string[] }) =>
      [iraq, isis].filter((e) => ids.includes(e.id)),
    "learned.among": () => [],
    "entity.get": ({ id }: { id: string }) => (id === iraq.id ? view : null),
    "event.delete": ({ id }: { id: string }) => {
      const before = view.events.length;
      view = { ...view, events: view.events.filter((e) => e.id !== id) };
      return { deleted: view.events.length < before };
    },
    "entity.search": ({ query }: { query: string }) =>
      [iraq, isis].filter(
        (e) =>
          e.names.ar.includes(query) || e.names.en!.toLowerCase().includes(query.toLowerCase()),
      ),
  };
  host = document.createElement("div");
  document.body.replaceChildren(host);
});
afterEach(() => render(null, host));

describe("popup", () => {
  it("lists the described tab's names grouped by type, most salient first, with counts", async () => {
    render(<Popup t={translator("ar")} search={`?tab=${tabId}`} />, host);
    await waitFor(() => host.querySelector('[data-testid="page-entities"]'), "entity list");
    const groups = [...host.querySelectorAll("section.siyaq-group")].map((s) =>
      s.getAttribute("data-type"),
    );
    expect(groups).toEqual(["ORG", "LOC", "DATE"]);
    const places = [...host.querySelectorAll('section[data-type="LOC"] .siyaq-entity__name')].map(
      (n) => n.textContent,
    );
    expect(places).toEqual(["العراق", "بغداد"]);
    expect(host.querySelector('[data-testid="page-mentions"]')?.textContent).toBe(
      "ذُكرت الأسماء 17 مرة في هذه الصفحة",
    );
    // Each count says what it counts, in the plural form Arabic asks for.
    const iraqDetails = host.querySelector(
      'button[data-entity-id="country:iq"] .siyaq-visually-hidden',
    )?.textContent;
    expect(iraqDetails).toContain("ذُكر 12 مرة في هذه الصفحة");
    const isisDetails = host.querySelector(
      'button[data-entity-id="org:isis"] .siyaq-visually-hidden',
    )?.textContent;
    expect(isisDetails).toContain("ذُكر 3 مرات في هذه الصفحة");
    expect(calls.find((c) => c.type === "page.status")?.payload).toEqual({ tabId });
    // Only linked names ask the knowledge base, once.
    expect(calls.filter((c) => c.type === "entities.byIds").map((c) => c.payload)).toEqual([
      { ids: ["org:isis", "country:iq"] },
    ]);
    // Dates and unknown names are listed but are not buttons.
    expect(host.querySelectorAll('button[data-testid="page-entity"]')).toHaveLength(2);
  });

  it("puts its controls in reading order for the keyboard, each with a name", async () => {
    render(<Popup t={translator("ar")} search={`?tab=${tabId}`} />, host);
    await waitFor(
      () =>
        host.querySelector('[data-testid="site-switch"]') &&
        host.querySelector('[data-testid="page-entities"]'),
      "popup",
    );
    const focusable = [...host.querySelectorAll<HTMLElement>("a[href], button, input")].filter(
      (el) => el.tabIndex >= 0,
    );
    expect(
      focusable.map(
        (el) =>
          el.getAttribute("data-testid") ?? el.getAttribute("type") ?? el.tagName.toLowerCase(),
      ),
    ).toEqual(["site-switch", "search", "page-entity", "page-entity", "a", "a"]);
    // Names read in salience order within each type group: ORG (داعش) comes before LOC (العراق).
    expect(focusable.slice(2, 4).map((el) => el.getAttribute("data-entity-id"))).toEqual([
      "org:isis",
      "country:iq",
    ]);
    const accessibleName = (el: HTMLElement) =>
      el instanceof HTMLInputElement
        ? (el.closest("label") ?? host.querySelector(`label[for="${el.id}"]`))?.textContent?.trim()
        : (el.getAttribute("aria-label") ?? el.textContent?.trim());
    expect(focusable.filter((el) => !accessibleName(el))).toEqual([]);
  });

  it("lists names as the page writes them in an English UI, the English name beneath", async () => {
    render(<Popup t={translator("en")} search={`?tab=${tabId}`} />, host);
    await waitFor(() => host.querySelector('[data-testid="page-entities"]'), "entity list");
    const row = (id: string) => host.querySelector(`button[data-entity-id="${id}"]`)!;
    expect(row("country:iq").querySelector(".siyaq-entity__name")?.textContent).toBe("العراق");
    expect(row("country:iq").querySelector(".siyaq-entity__other")?.textContent).toBe("Iraq");
    expect(row("org:isis").querySelector(".siyaq-entity__name")?.textContent).toBe("داعش");
    // A name the knowledge base does not know has no second line.
    const baghdad = [...host.querySelectorAll('section[data-type="LOC"] li')].find((li) =>
      li.textContent?.includes("بغداد"),
    )!;
    expect(baghdad.querySelector(".siyaq-entity__other")).toBeNull();
    expect(text()).toContain("Places");
    // Dates are counted as dates, names as names.
    expect(host.querySelector('section[data-type="DATE"] .siyaq-group__count')?.textContent).toBe(
      "1 date",
    );
    expect(host.querySelector('section[data-type="LOC"] .siyaq-group__count')?.textContent).toBe(
      "2 names",
    );
    expect(host.querySelector('[data-testid="page-mentions"]')?.textContent).toBe(
      "17 mentions of names on this page",
    );
    expect(row("country:iq").querySelector(".siyaq-visually-hidden")?.textContent).toBe(
      "mentioned 12 times on this page, in the headline",
    );
  });

  it("shows the page's names as written in an Arabic UI too, with the English name beneath", async () => {
    render(<Popup t={translator("ar")} search={`?tab=${tabId}`} />, host);
    await waitFor(() => host.querySelector('[data-testid="page-entities"]'), "entity list");
    const iraqRow = host.querySelector('button[data-entity-id="country:iq"]')!;
    expect(iraqRow.querySelector(".siyaq-entity__name")?.textContent).toBe("العراق");
    expect(iraqRow.querySelector(".siyaq-entity__other")?.textContent).toBe("Iraq");
  });

  it("lists the highlights saved from this page and asks the tab to show one", async () => {
    const saved = (id: string, exact: string, note = "") => ({
      id,
      url: "https://www.alamsar.example/news/1",
      note,
      tags: [],
      entities: [],
      orphaned: false,
      createdAt: 1,
      updatedAt: 1,
      target: {
        source: "https://www.alamsar.example/news/1",
        selector: [
          { type: "TextQuoteSelector", exact, prefix: "", suffix: "" },
          { type: "TextPositionSelector", start: 0, end: exact.length },
        ],
      },
      citation: {
        title: "t",
        url: "https://www.alamsar.example/news/1",
        accessedAt: "2026-12-01T00:00:00.000Z",
      },
    });
    answers["highlights.forUrl"] = () => ({
      highlights: [
        saved("h1", "أبلغنا التحالف الدولي", "مهم للبحث"),
        saved("h2", "مقطع لم يعد في الصفحة"),
      ],
    });
    const sent: unknown[] = [];
    vi.spyOn(fakeBrowser.tabs, "sendMessage").mockImplementation(
      async (_tab: number, message: unknown) => {
        sent.push({ tab: _tab, message });
        return { shown: (message as { id: string }).id === "h1" };
      },
    );
    render(<Popup t={translator("ar")} search={`?tab=${tabId}`} />, host);
    const list = await waitFor(
      () => host.querySelector('[data-testid="page-highlights"]'),
      "highlights",
    );
    expect(calls.find((c) => c.type === "highlights.forUrl")?.payload).toEqual({
      urls: ["https://www.alamsar.example/news/1"],
    });
    expect(list.textContent).toContain("حفظت اقتباسين من هذه الصفحة");
    const buttons = [...list.querySelectorAll<HTMLButtonElement>('[data-testid="page-highlight"]')];
    expect(buttons.map((b) => b.querySelector(".siyaq-highlight__quote")?.textContent)).toEqual([
      "أبلغنا التحالف الدولي",
      "مقطع لم يعد في الصفحة",
    ]);
    expect(buttons[0]!.textContent).toContain("ملاحظة: مهم للبحث");
    buttons[0]!.click();
    await waitFor(() => sent.length === 1 || null, "show command");
    expect(sent[0]).toEqual({ tab: tabId, message: { siyaqCommand: "show-highlight", id: "h1" } });
    expect(list.querySelector(".siyaq-highlight__missing")).toBeNull();
    buttons[1]!.click();
    await waitFor(() => list.querySelector(".siyaq-highlight__missing"), "not found notice");
    expect(list.textContent).toContain("لم يعد هذا المقطع في الصفحة");
  });

  it("shows the keyboard shortcuts as the browser binds them", async () => {
    vi.spyOn(fakeBrowser.commands, "getAll").mockResolvedValue([
      { name: "save-highlight", shortcut: "Alt+Shift+S", description: "" },
      { name: "next-mention", shortcut: "Ctrl+Shift+Y", description: "" },
    ]);
    render(<Popup t={translator("en")} search={`?tab=${tabId}`} />, host);
    const keys = await waitFor(() => host.querySelector('[data-testid="shortcuts"]'), "shortcuts");
    const rows = [...keys.querySelectorAll("dt")].map(
      (dt) => `${dt.textContent} ${dt.nextElementSibling?.textContent}`,
    );
    expect(rows).toEqual([
      "Ctrl+Shift+Y step through the names on the page",
      "Alt+Shift+S save the selected passage",
    ]);
  });

  it("names the page's own Alt+Shift+N when the browser left the command unbound (Chromium does)", async () => {
    vi.spyOn(fakeBrowser.commands, "getAll").mockResolvedValue([
      { name: "save-highlight", shortcut: "", description: "" },
      { name: "next-mention", shortcut: "", description: "" },
    ]);
    render(<Popup t={translator("en")} search={`?tab=${tabId}`} />, host);
    const keys = await waitFor(() => host.querySelector('[data-testid="shortcuts"]'), "shortcuts");
    const rows = [...keys.querySelectorAll("dt")].map((dt) => dt.textContent);
    expect(rows).toEqual(["Alt+Shift+N", "no key set"]);
  });

  it("opens a full card with facts, aliases, a sourced timeline and the articles read", async () => {
    render(<Popup t={translator("ar")} search={`?tab=${tabId}`} />, host);
    (
      await waitFor(
        () => host.querySelector<HTMLButtonElement>('button[data-entity-id="country:iq"]'),
        "Iraq",
      )
    ).click();
    const card = await waitFor(() => host.querySelector('[data-testid="entity-card"]'), "card");
    expect(card.querySelector("h2")?.textContent).toBe("العراق");
    expect(card.textContent).toContain("Iraq");
    expect(card.textContent).toContain("بغداد"); // the capital fact
    expect(card.textContent).toContain("بلاد الرافدين");
    expect(card.textContent).toContain("ورد في 3 مقالات قرأتها");
    const events = [...card.querySelectorAll(".siyaq-timeline__event")];
    expect(events.map((e) => e.getAttribute("data-date"))).toEqual([
      "2014-06",
      "2011",
      "2003-04-09",
    ]);
    expect(events.map((e) => e.getAttribute("data-origin"))).toEqual(["page", "page", "pack"]);
    // The page event links to its article; a stored script URL never becomes a link.
    expect(events[0]!.querySelector("a")?.getAttribute("href")).toBe(
      "http://127.0.0.1/seed-article.html",
    );
    expect(events[1]!.querySelector("a")).toBeNull();
    expect(events[0]!.textContent).toContain("ورد أيضًا في مصدرين آخرين");
    // Pack events cannot be deleted from here.
    expect(events[2]!.querySelector("button")).toBeNull();
  });

  it("deletes a page event and shows the timeline without it", async () => {
    render(<Popup t={translator("ar")} search={`?tab=${tabId}`} />, host);
    (
      await waitFor(
        () => host.querySelector<HTMLButtonElement>('button[data-entity-id="country:iq"]'),
        "Iraq",
      )
    ).click();
    await waitFor(() => host.querySelector('[data-testid="entity-card"]'), "card");
    const remove = buttonNamed("يونيو 2014")!;
    // The name starts with the visible word (WCAG 2.5.3, label in name), then says which event.
    expect(remove.getAttribute("aria-label")).toBe(`${remove.textContent} حدث يونيو 2014`);
    remove.click();
    await waitFor(
      () => host.querySelectorAll(".siyaq-timeline__event").length === 2 || null,
      "two events left",
    );
    expect(calls.filter((c) => c.type === "event.delete").map((c) => c.payload)).toEqual([
      { id: "e-page-2014" },
    ]);
  });

  it("goes back from a card to the list", async () => {
    render(<Popup t={translator("ar")} search={`?tab=${tabId}`} />, host);
    (
      await waitFor(
        () => host.querySelector<HTMLButtonElement>('button[data-entity-id="country:iq"]'),
        "Iraq",
      )
    ).click();
    await waitFor(() => host.querySelector('[data-testid="entity-card"]'), "card");
    host.querySelector<HTMLButtonElement>('[data-testid="back"]')!.click();
    await waitFor(() => host.querySelector('[data-testid="page-entities"]'), "list again");
  });

  it("opens a name learned from reading: its articles, the names met with it, edit, promote", async () => {
    let learned: LearnedView | null = {
      key: "بغداد",
      name: "بغداد",
      type: "LOC",
      spellings: ["بغداد"],
      seenIn: 2,
      articles: [
        { url: "https://a.example/1", title: "المقال الأول", publishedAt: "2025-11-02", seenAt: 1 },
      ],
      coMentions: [{ entity: iraq, count: 2 }],
    };
    answers["learned.among"] = ({ surfaces }: { surfaces: string[] }) =>
      surfaces.includes("بغداد")
        ? [{ surface: "بغداد", key: "بغداد", name: "بغداد", seenIn: 2 }]
        : [];
    answers["learned.get"] = () => learned;
    answers["learned.edit"] = ({ edit }: { edit: { name: string; spellings: string[] } }) => {
      learned = { ...learned!, name: edit.name, spellings: [edit.name, ...edit.spellings] };
      return learned;
    };
    answers["learned.promote"] = () => iraq;
    render(<Popup t={translator("en")} search={`?tab=${tabId}`} />, host);
    // Unknown to the knowledge base but learned: a button now, the only unlinked name that is.
    (
      await waitFor(
        () => host.querySelector<HTMLButtonElement>('button[data-learned="بغداد"]'),
        "learned name",
      )
    ).click();
    await waitFor(() => host.querySelector('[data-testid="learned-panel"] h2'), "learned panel");
    expect(host.querySelector('[data-testid="learned-seen"]')!.textContent).toBe(
      "Learned from your reading: seen in 2 articles",
    );
    expect(host.querySelector('[data-testid="learned-panel"] a')!.textContent).toBe("المقال الأول");
    expect(host.querySelector('[data-testid="learned-with"]')!.textContent).toContain("Iraq (2)");

    const form = host.querySelector<HTMLFormElement>('[data-testid="learned-edit"]')!;
    const name = form.querySelector<HTMLInputElement>("input")!;
    name.value = "مدينة بغداد";
    name.dispatchEvent(new Event("input"));
    await flush();
    form.dispatchEvent(new Event("submit", { cancelable: true }));
    await waitFor(() => text().includes("Saved.") || null, "saved");
    expect(calls.find((c) => c.type === "learned.edit")?.payload).toMatchObject({
      key: "بغداد",
      edit: { name: "مدينة بغداد", type: "LOC", spellings: ["بغداد"] },
    });
    await waitFor(() => text().includes("مدينة بغداد") || null, "edited name");

    // Promoted, it opens as the entity it became.
    buttonNamed("Add to my knowledge base")!.click();
    await waitFor(() => host.querySelector('[data-testid="entity-card"]'), "entity card");
    expect(calls.find((c) => c.type === "learned.promote")?.payload).toEqual({ key: "بغداد" });
  });

  it("updates an entity's facts from Wikidata when lookups are on, and says what changed", async () => {
    const withQid = iraqView();
    withQid.entity.qid = "Q796";
    answers["entity.get"] = () => withQid;
    answers["lookup.refresh"] = () => ({
      outcome: { status: "found" },
      entity: iraq,
      changes: {
        added: [{ label: { ar: "المنصب", en: "Position" }, value: { en: "President (2022–)" } }],
        removed: [{ label: { en: "Position" }, value: { en: "President (2018–2022)" } }],
      },
    });
    await saveSettings({ lookupUnknown: true });
    render(<Popup t={translator("en")} search={`?tab=${tabId}`} />, host);
    (
      await waitFor(
        () => host.querySelector<HTMLButtonElement>('button[data-entity-id="country:iq"]'),
        "Iraq",
      )
    ).click();
    const button = await waitFor(() => buttonNamed("Update facts from Wikidata"), "refresh");
    button.click();
    const changes = await waitFor(
      () => host.querySelector('[data-testid="refresh-changes"]'),
      "changes",
    );
    expect(changes.textContent).toContain("Updated from Wikidata:");
    expect(changes.textContent).toContain("+ added: Position: President (2022–)");
    expect(changes.textContent).toContain("− removed: Position: President (2018–2022)");
    expect(calls.find((c) => c.type === "lookup.refresh")?.payload).toEqual({ id: "country:iq" });
  });

  it("offers no Wikidata update while lookups are off", async () => {
    const withQid = iraqView();
    withQid.entity.qid = "Q796";
    answers["entity.get"] = () => withQid;
    render(<Popup t={translator("en")} search={`?tab=${tabId}`} />, host);
    (
      await waitFor(
        () => host.querySelector<HTMLButtonElement>('button[data-entity-id="country:iq"]'),
        "Iraq",
      )
    ).click();
    await waitFor(() => host.querySelector('[data-testid="entity-card"]'), "card");
    await flush();
    expect(buttonNamed("Update facts from Wikidata")).toBeUndefined();
  });

  it("says when an entity is no longer in the knowledge base", async () => {
    await fakeBrowser.storage.local.set({
      [POPUP_FOCUS_KEY]: { entityId: "per:gone", at: Date.now() },
    });
    render(<Popup t={translator("ar")} search={`?tab=${tabId}`} />, host);
    await waitFor(() => text().includes("لم يعد هذا الكيان") || null, "not-found message");
  });

  it("opens the card the hover card asked for, and forgets the request", async () => {
    await fakeBrowser.storage.local.set({
      [POPUP_FOCUS_KEY]: { entityId: "country:iq", at: Date.now() },
    });
    render(<Popup t={translator("ar")} search={`?tab=${tabId}`} />, host);
    await waitFor(() => host.querySelector('[data-testid="entity-card"]'), "focused card");
    expect((await fakeBrowser.storage.local.get(POPUP_FOCUS_KEY))[POPUP_FOCUS_KEY]).toBeUndefined();
  });

  it("ignores a stale focus request", async () => {
    await fakeBrowser.storage.local.set({
      [POPUP_FOCUS_KEY]: { entityId: "country:iq", at: Date.now() - 10 * 60_000 },
    });
    render(<Popup t={translator("ar")} search={`?tab=${tabId}`} />, host);
    await waitFor(() => host.querySelector('[data-testid="page-entities"]'), "entity list");
    expect(host.querySelector('[data-testid="entity-card"]')).toBeNull();
  });

  it("searches the whole knowledge base and opens a result", async () => {
    render(<Popup t={translator("en")} search={`?tab=${tabId}`} />, host);
    const input = await waitFor(
      () => host.querySelector<HTMLInputElement>('input[type="search"]'),
      "search box",
    );
    expect(host.querySelector(`label[for="${input.id}"]`)?.textContent).toBe(
      "Search the knowledge base",
    );
    input.value = "ira";
    input.dispatchEvent(new Event("input", { bubbles: true }));
    const results = await waitFor(
      () => host.querySelector('[data-testid="search-results"]'),
      "results",
    );
    expect(results.textContent).toContain("Iraq");
    expect(results.textContent).not.toContain("ISIS");
    results.querySelector<HTMLButtonElement>("button")!.click();
    await waitFor(() => host.querySelector('[data-testid="entity-card"]'), "card from search");
    input.value = "zzz";
    input.dispatchEvent(new Event("input", { bubbles: true }));
    await waitFor(() => text().includes("Nothing matches “zzz”") || null, "no results");
  });

  it("switches the site off with its host name and follows the setting", async () => {
    render(<Popup t={translator("en")} search={`?tab=${tabId}`} />, host);
    const toggle = await waitFor(
      () => host.querySelector<HTMLInputElement>('[data-testid="site-switch"]'),
      "switch",
    );
    expect(toggle.closest("label")?.textContent).toBe("Run Siyaq on alamsar.example");
    expect(toggle.checked).toBe(true); // Arabic mode and the page reported: it runs here
    toggle.checked = false;
    toggle.dispatchEvent(new Event("change", { bubbles: true }));
    for (let i = 0; i < 50 && (await loadSettings()).sites.length === 0; i++) await flush(1);
    expect((await loadSettings()).sites).toEqual([{ host: "alamsar.example", enabled: false }]);
    await flush();
    expect(host.querySelector<HTMLInputElement>('[data-testid="site-switch"]')!.checked).toBe(
      false,
    );
    // A change made elsewhere (the options page) reaches the open popup.
    await setSiteEnabled("alamsar.example", true);
    await waitFor(
      () => host.querySelector<HTMLInputElement>('[data-testid="site-switch"]')!.checked || null,
      "switch on again",
    );
  });

  it("says so when the tab is not a web page, and when Siyaq has not read it", async () => {
    const blank = await fakeBrowser.tabs.create({ url: "about:blank" });
    answers["page.status"] = () => null;
    render(<Popup t={translator("en")} search={`?tab=${blank.id}`} />, host);
    await waitFor(() => text().includes("Siyaq has not read this page.") || null, "not running");
    expect(text()).toContain("Siyaq cannot run on this tab.");
    expect(host.querySelector('[data-testid="site-switch"]')).toBeNull();
  });

  it("offers the site when the page is not mostly Arabic but has Arabic passages", async () => {
    answers["page.status"] = () => ({
      url: "https://www.alamsar.example/news/1",
      title: "Iraq: the coalition told us",
      mentionCount: 0,
      entities: [],
      reportedAt: 1,
      running: false,
      arabicPassages: true,
    });
    render(<Popup t={translator("en")} search={`?tab=${tabId}`} />, host);
    await waitFor(() => host.querySelector('[data-testid="arabic-passages"]'), "offer");
    expect(text()).toContain("it has Arabic passages");
    expect(text()).toContain("Siyaq has not read this page.");
    expect(host.querySelector('[data-testid="page-mentions"]')).toBeNull();
    expect(host.querySelector<HTMLInputElement>('[data-testid="site-switch"]')!.checked).toBe(
      false,
    );
  });

  it("shows a background failure instead of an empty list", async () => {
    answers["page.status"] = () => {
      throw new Error("page.status failed: boom");
    };
    render(<Popup t={translator("en")} search={`?tab=${tabId}`} />, host);
    const alert = await waitFor(() => host.querySelector('[role="alert"]'), "alert");
    expect(alert.textContent).toContain("boom");
  });
});
