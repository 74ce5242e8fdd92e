// @vitest-environment happy-dom
// The options page against the real knowledge-base handlers (fake IndexedDB) and fake storage:
// the settings form round-trips, site rules, pack import errors that change nothing, the entity
// editor, and export → wipe → import of all data.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { render } from "preact";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { dispatch, type Handlers } from "@/src/messaging/server";
import type { MessageType, RequestOf } from "@/src/messaging/protocol";
import { createKbHandlers } from "@/src/background/kb-handlers";
import { useDatabase, type SiyaqDatabase } from "@/src/kb/db";
import { loadSettings, saveSettings, setSiteEnabled } from "@/src/settings/settings";
import { addSuppression, loadSuppressions } from "@/src/settings/suppressions";
import { translator } from "@/src/i18n/i18n";
import { freshDatabase, samplePack } from "../kb/sample-pack";
import { senderFor } from "../messaging/senders";

const handlers = createKbHandlers() as unknown as Handlers;
vi.mock("@/src/messaging/client", () => ({
  sendMessage: async (type: MessageType, payload: RequestOf<MessageType>) => {
    const reply = await dispatch(handlers, { siyaq: 1, type, payload }, senderFor(type, "x"), {
      extensionId: "x",
      log: () => {},
    });
    if (!reply.ok) throw new Error(reply.error);
    return reply.value;
  },
}));
const { Options } = await import("@/src/ui/options/Options");

let db: SiyaqDatabase;
let host: HTMLElement;
const flush = async (rounds = 5) => {
  for (let i = 0; i < rounds; i++) await new Promise((r) => setTimeout(r, 0));
};
async function until<T>(
  probe: () => T | null | undefined | false | Promise<T | null | undefined | false>,
  what: string,
): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const found = await probe();
    if (found) return found;
    await flush(1);
  }
  throw new Error(`never happened: ${what}\n${host.textContent?.slice(0, 1500)}`);
}
const $ = <E extends Element = HTMLElement>(selector: string) => host.querySelector<E>(selector);
const labelled = <E extends HTMLElement = HTMLInputElement>(label: string) => {
  const element = [...host.querySelectorAll("label")].find((l) => l.textContent?.trim() === label);
  const target = element?.htmlFor
    ? host.querySelector(`#${element.htmlFor}`)
    : element?.querySelector("input, select, textarea");
  if (!target) throw new Error(`no control labelled ${label}`);
  return target as E;
};
// Typing lets the page re-render before the next action, as a person's typing always does.
const type = async (input: HTMLInputElement | HTMLTextAreaElement, value: string) => {
  input.value = value;
  input.dispatchEvent(new Event("input", { bubbles: true }));
  await flush();
};
const choose = (input: HTMLInputElement | HTMLSelectElement, value?: string) => {
  if (value !== undefined) input.value = value;
  else if (input instanceof HTMLInputElement) input.checked = !input.checked;
  input.dispatchEvent(new Event("change", { bubbles: true }));
};
const pickFile = (input: HTMLInputElement, text: string) => {
  Object.defineProperty(input, "files", {
    configurable: true,
    value: [new File([text], "upload.json", { type: "application/json" })],
  });
  input.dispatchEvent(new Event("change", { bubbles: true }));
};
const counts = async () => ({
  entities: await db.entities.count(),
  events: await db.events.count(),
  packs: await db.packs.count(),
});

beforeEach(async () => {
  fakeBrowser.reset();
  db = freshDatabase();
  useDatabase(db);
  const reply = await dispatch(
    handlers,
    { siyaq: 1, type: "pack.import", payload: { json: JSON.stringify(samplePack()) } },
    senderFor("pack.import", "x"),
    { extensionId: "x" },
  );
  expect(reply.ok).toBe(true);
  host = document.createElement("div");
  document.body.replaceChildren(host);
  render(<Options t={translator("en")} />, host);
  await until(() => $('[data-testid="pack-list"]'), "options page loaded");
});
afterEach(async () => {
  render(null, host);
  await db.delete();
});

describe("settings form", () => {
  it("saves every control and shows changes made elsewhere", async () => {
    choose(labelled("Only on sites I switch on"));
    choose(labelled("Dates"));
    choose(labelled<HTMLSelectElement>("Mark style"), "background");
    await type(labelled("Card delay on hover (milliseconds)"), "550");
    await until(async () => (await loadSettings()).hoverDelayMs === 550, "delay saved");
    expect(await loadSettings()).toMatchObject({
      defaultMode: "chosen",
      markTypes: ["PER", "ORG", "LOC"],
      markStyle: "background",
      hoverDelayMs: 550,
    });

    await saveSettings({ markStyle: "outline", defaultMode: "arabic", markTypes: ["PER"] });
    await until(
      () => labelled<HTMLSelectElement>("Mark style").value === "outline",
      "form follows storage",
    );
    expect(labelled("On every page that is mostly Arabic").checked).toBe(true);
    expect(labelled("Places").checked).toBe(false);
    expect(labelled("People").checked).toBe(true);
  });

  it("turns online lookups on only once the browser grants the two sites, asked at that click", async () => {
    expect((await loadSettings()).lookupUnknown).toBe(false);
    expect(host.textContent).toContain("send the name only — never the page's text or its address");
    const request = vi.spyOn(fakeBrowser.permissions, "request").mockResolvedValueOnce(false);
    choose(labelled("Look up unknown names online"));
    await until(() => host.textContent?.includes("lookups stay off"), "refusal shown");
    expect(request).toHaveBeenCalledWith({
      origins: ["https://www.wikidata.org/*", "https://ar.wikipedia.org/*"],
    });
    expect((await loadSettings()).lookupUnknown).toBe(false);
    request.mockResolvedValueOnce(true);
    choose(labelled("Look up unknown names online"));
    await until(async () => (await loadSettings()).lookupUnknown, "lookups on");
    expect(request).toHaveBeenCalledTimes(2);
  });

  it("stores the UI language the reader chooses, each language named in itself", async () => {
    const language = labelled<HTMLSelectElement>("Language of Siyaq");
    expect(language.value).toBe("browser");
    expect([...language.options].map((o) => o.textContent)).toEqual([
      "Follow the browser",
      "العربية",
      "English",
    ]);
    expect(language.options[1]!.lang).toBe("ar");
    choose(language, "ar");
    await until(async () => (await loadSettings()).uiLanguage === "ar", "language saved");
    choose(language, "browser");
    await until(
      async () => (await loadSettings()).uiLanguage === "browser",
      "back to the browser's language",
    );
  });

  it("links to the highlights library", () => {
    const link = $<HTMLAnchorElement>('[data-testid="library-link"]')!;
    expect(link.textContent).toBe("Open the highlights library");
    expect(link.getAttribute("href")).toMatch(/\/library\.html$/);
  });

  it("refuses a hover delay out of range without saving it", async () => {
    const delay = labelled("Card delay on hover (milliseconds)");
    await type(delay, "99999");
    await flush();
    expect(delay.getAttribute("aria-invalid")).toBe("true");
    expect((await loadSettings()).hoverDelayMs).toBe(300);
  });
});

describe("names not marked", () => {
  it("lists what the reader suppressed from cards and marks a name again", async () => {
    expect(host.textContent).toContain("You have not told Siyaq to skip any name.");
    await addSuppression("الأمصار", "news.example");
    await addSuppression("تويتر");
    const list = await until(
      () => $('[data-testid="suppression-list"]'),
      "list shows the suppressions",
    );
    await until(() => list.querySelectorAll("li").length === 2, "both listed");
    expect(list.textContent).toContain("news.example");
    expect(list.textContent).toContain("every site");
    $<HTMLButtonElement>('[aria-label="Mark الأمصار again on news.example"]')!.click();
    await until(async () => (await loadSuppressions()).length === 1, "suppression removed");
    expect((await loadSuppressions())[0]!.surface).toBe("تويتر");
    await until(
      () => $('[data-testid="suppression-list"]')?.querySelectorAll("li").length === 1,
      "list follows storage",
    );
  });
});

describe("sites", () => {
  it("adds a site from a pasted address, toggles and removes it", async () => {
    await type(
      labelled("Site address (for example aljazeera.net)"),
      "https://www.AlJazeera.net/news/1",
    );
    $<HTMLFormElement>(".siyaq-inline-form")!.dispatchEvent(
      new Event("submit", { bubbles: true, cancelable: true }),
    );
    await until(async () => (await loadSettings()).sites.length === 1, "site added");
    expect((await loadSettings()).sites).toEqual([{ host: "aljazeera.net", enabled: true }]);

    choose(await until(() => $<HTMLInputElement>('[data-host="aljazeera.net"] input'), "site row"));
    await until(
      async () => (await loadSettings()).sites[0]?.enabled === false,
      "site switched off",
    );

    await setSiteEnabled("alamsar.example", true);
    await until(() => $('[data-host="alamsar.example"]'), "rule made in the popup appears");

    $<HTMLButtonElement>('[aria-label="Remove the rule for aljazeera.net"]')!.click();
    await until(async () => (await loadSettings()).sites.length === 1, "site removed");
    expect((await loadSettings()).sites).toEqual([{ host: "alamsar.example", enabled: true }]);
  });

  it("says what is wrong with an address that is not a site, and saves nothing", async () => {
    await type(labelled("Site address (for example aljazeera.net)"), "not a site");
    $<HTMLFormElement>(".siyaq-inline-form")!.dispatchEvent(
      new Event("submit", { bubbles: true, cancelable: true }),
    );
    const alert = await until(() => $('[role="alert"]'), "alert");
    expect(alert.textContent).toBe("“not a site” is not a site address.");
    expect((await loadSettings()).sites).toEqual([]);
  });
});

describe("knowledge packs", () => {
  it("lists the installed pack", () => {
    const row = $('[data-pack-id="sample"]')!;
    expect(row.textContent).toContain("Sample pack");
    expect(row.textContent).toMatch(/version 2026\.11\.1 · entities: \d+ · events: \d+/);
  });

  it("shows which record and field of a malformed pack is wrong, and changes nothing", async () => {
    const before = await counts();
    const broken = samplePack({ id: "broken", version: "1" });
    (broken.entities[1] as { names: unknown }).names = { en: "Baghdad" };
    pickFile($<HTMLInputElement>('[data-testid="pack-import"]')!, JSON.stringify(broken));
    const alert = await until(() => $('[data-testid="pack-notice"][role="alert"]'), "import error");
    expect(alert.textContent).toMatch(/^Nothing was changed\./);
    expect(alert.textContent).toMatch(/entities\[1\]|entities\.1/);
    expect(alert.textContent).toContain("names");
    expect(await counts()).toEqual(before);
    expect(host.querySelectorAll("[data-pack-id]")).toHaveLength(1);

    pickFile($<HTMLInputElement>('[data-testid="pack-import"]')!, "{ not json");
    await until(
      () => $('[data-testid="pack-notice"][role="alert"]')?.textContent?.includes("JSON") || null,
      "JSON error",
    );
    expect(await counts()).toEqual(before);
  });

  it("imports a valid pack and lists it", async () => {
    const other = samplePack({
      id: "second",
      version: "1.0",
      name: { ar: "حزمة ثانية", en: "Second pack" },
      events: [],
    });
    other.entities = other.entities.slice(0, 1).map((e) => ({ ...e, id: "country:iq2" }));
    pickFile($<HTMLInputElement>('[data-testid="pack-import"]')!, JSON.stringify(other));
    await until(() => $('[data-pack-id="second"]'), "second pack listed");
    expect($('[data-testid="pack-notice"]')!.getAttribute("role")).toBe("status");
    expect($('[data-testid="pack-notice"]')!.textContent).toContain("Imported second 1.0");
  });

  it("removes a pack with its entities", async () => {
    $<HTMLButtonElement>('[aria-label="Remove Sample pack"]')!.click();
    await until(
      () => host.textContent?.includes("No knowledge pack is installed.") || null,
      "pack gone",
    );
    expect((await counts()).packs).toBe(0);
  });
});

describe("entity editor", () => {
  it("finds an entity, edits its aliases and saves it as the user's", async () => {
    await type(labelled("Find an entity to edit"), "عراق");
    (
      await until(
        () => $<HTMLButtonElement>('[data-testid="editor-results"] [data-entity-id="country:iq"]'),
        "result",
      )
    ).click();
    const aliases = await until(() => {
      const field = labelled<HTMLTextAreaElement>("Other spellings and names, one per line");
      return field.value ? field : null;
    }, "draft filled");
    expect(labelled("Name in English").value).toBe("Iraq");
    await type(aliases, `${aliases.value}\nبلاد الرافدين\n\n  بلاد الرافدين `);
    $<HTMLFormElement>('[data-testid="entity-form"]')!.dispatchEvent(
      new Event("submit", { bubbles: true, cancelable: true }),
    );
    await until(() => $('[data-testid="entity-notice"][role="status"]'), "saved");
    const stored = await db.entities.get("country:iq");
    expect(stored?.aliases).toEqual(["جمهورية العراق", "Republic of Iraq", "بلاد الرافدين"]);
    expect(stored?.source).toBe("user");
    expect(stored?.facts?.length).toBe(1); // facts survive an edit that does not touch them
  });

  it("adds a new entity and refuses one without an Arabic name", async () => {
    $<HTMLFormElement>('[data-testid="entity-form"]')!.dispatchEvent(
      new Event("submit", { bubbles: true, cancelable: true }),
    );
    await until(() => $('[data-testid="entity-notice"][role="alert"]'), "needs a name");
    const before = await db.entities.count();
    choose(labelled<HTMLSelectElement>("Type"), "ORG");
    await type(labelled("Name in Arabic"), "الأمصار");
    await type(labelled("Name in English"), "Al-Amsar");
    await type(labelled<HTMLTextAreaElement>("Description in English"), "News site");
    $<HTMLFormElement>('[data-testid="entity-form"]')!.dispatchEvent(
      new Event("submit", { bubbles: true, cancelable: true }),
    );
    await until(() => $('[data-testid="entity-notice"][role="status"]'), "saved");
    expect(await db.entities.count()).toBe(before + 1);
    const [found] = await db.entities.where("source").equals("user").toArray();
    expect(found).toMatchObject({
      type: "ORG",
      names: { ar: "الأمصار", en: "Al-Amsar" },
      description: { en: "News site" },
    });
  });
});

/** Clicks "export all data" and returns the file's text as the download would have saved it. */
async function exportAllData(): Promise<string> {
  let exported = "";
  vi.spyOn(URL, "createObjectURL").mockImplementation((blob) => {
    void (blob as Blob).text().then((text) => (exported = text));
    return "blob:siyaq-test";
  });
  $<HTMLButtonElement>('[data-testid="data-export"]')!.click();
  return until(() => exported, "export file");
}

describe("all data", () => {
  it("asks before erasing, erases on confirmation, and imports an export back", async () => {
    const exported = await exportAllData();
    const before = await counts();

    const dialog = $<HTMLDialogElement>("dialog")!;
    $<HTMLButtonElement>('[data-testid="data-wipe"]')!.click();
    expect(dialog.open).toBe(true);
    [...dialog.querySelectorAll("button")].find((b) => b.textContent === "Cancel")!.click();
    expect(dialog.open).toBe(false);
    expect(await counts()).toEqual(before);

    $<HTMLButtonElement>('[data-testid="data-wipe"]')!.click();
    $<HTMLButtonElement>('[data-testid="wipe-confirm"]')!.click();
    await until(
      () => $('[data-testid="data-notice"]')?.textContent === "All data erased." || null,
      "wiped",
    );
    expect(await counts()).toEqual({ entities: 0, events: 0, packs: 0 });
    await until(
      () => host.textContent?.includes("No knowledge pack is installed.") || null,
      "pack list refreshed",
    );

    pickFile($<HTMLInputElement>('[data-testid="data-import"]')!, exported);
    await until(
      () => $('[data-testid="data-notice"]')?.textContent?.startsWith("Imported:") || null,
      "imported",
    );
    expect(await counts()).toEqual(before);
    await until(() => $('[data-pack-id="sample"]'), "pack listed again");
  });
});

describe("all data with a damaged record", () => {
  it("exports the rest and says how many records were left out", async () => {
    await db.highlights.add({
      id: "damaged",
      url: "https://example.org/a",
      createdAt: 1,
      updatedAt: 1,
      tags: [],
      entityIds: [],
    });
    const exported = await exportAllData();
    await until(
      () => $('[data-testid="data-notice"]')?.textContent?.includes("1 damaged records") || null,
      "skipped reported",
    );
    expect(JSON.parse(exported).highlights).toEqual([]);
  });
});
