// @vitest-environment happy-dom
// The in-page save button and editor: keeps the page's selection, edits note and tags from the
// keyboard, Escape cancels.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { render } from "preact";
import { HighlightPanel } from "@/src/ui/highlight/HighlightPanel";
import { tagsFromInput } from "@/src/ui/highlight/tags";

let host: HTMLElement;
// Effects run after the next frame.
const sleep = () => new Promise((r) => setTimeout(r, 50));
beforeEach(() => {
  host = document.createElement("div");
  document.body.append(host);
});
afterEach(() => {
  render(null, host);
  host.remove();
});

const handlers = () => ({ onOpen: vi.fn(), onSave: vi.fn(), onCancel: vi.fn(), onEdit: vi.fn() });

describe("HighlightPanel", () => {
  it("offers a labelled save button that does not take the selection away", () => {
    const on = handlers();
    render(<HighlightPanel view={{ kind: "button" }} {...on} />, host);
    const button = host.querySelector("button")!;
    expect(button.getAttribute("aria-label")).toContain("Alt+Shift+S");
    const press = new MouseEvent("mousedown", { bubbles: true, cancelable: true });
    button.dispatchEvent(press);
    expect(press.defaultPrevented).toBe(true);
    button.click();
    expect(on.onOpen).toHaveBeenCalledOnce();
  });

  it("saves the note and tags typed in the editor, focused on the note first", async () => {
    const on = handlers();
    render(<HighlightPanel view={{ kind: "editor", quote: "قاسم الأعرجي" }} {...on} />, host);
    await sleep();
    const note = host.querySelector("textarea")!;
    expect(document.activeElement).toBe(note);
    expect(host.querySelector("blockquote")!.textContent).toBe("قاسم الأعرجي");
    note.value = "  تصريح رسمي ";
    note.dispatchEvent(new Event("input", { bubbles: true }));
    const tags = host.querySelector<HTMLInputElement>('input[name="tags"]')!;
    tags.value = "أمن، انسحاب, أمن";
    tags.dispatchEvent(new Event("input", { bubbles: true }));
    await sleep();
    host
      .querySelector("form")!
      .dispatchEvent(new Event("submit", { bubbles: true, cancelable: true }));
    expect(on.onSave).toHaveBeenCalledWith("تصريح رسمي", ["أمن", "انسحاب"]);
  });

  it("cancels on Escape", () => {
    const on = handlers();
    render(<HighlightPanel view={{ kind: "editor", quote: "نص" }} {...on} />, host);
    host
      .querySelector("textarea")!
      .dispatchEvent(
        new KeyboardEvent("keydown", { key: "Escape", bubbles: true, cancelable: true }),
      );
    expect(on.onCancel).toHaveBeenCalledOnce();
    expect(on.onSave).not.toHaveBeenCalled();
  });
});

describe("a saved highlight's panel", () => {
  it("shows the note and tags, offers editing, and takes focus when the keyboard brought it", async () => {
    const on = handlers();
    render(
      <HighlightPanel
        view={{
          kind: "saved",
          id: "h1",
          quote: "نص",
          note: "أول إعلان رسمي",
          tags: ["انسحاب", "أمن"],
          focus: true,
        }}
        {...on}
      />,
      host,
    );
    await sleep();
    const panel = host.querySelector("[role=dialog]")!;
    expect(document.activeElement).toBe(panel);
    expect(panel.getAttribute("aria-label")).toBe("اقتباسك");
    expect(host.querySelector(".saved-note")!.textContent).toBe("أول إعلان رسمي");
    expect([...host.querySelectorAll(".saved-tags li")].map((li) => li.textContent)).toEqual([
      "#انسحاب",
      "#أمن",
    ]);
    expect(host.textContent).toContain("Alt+Shift+H");
    host.querySelector<HTMLButtonElement>("button.primary")!.click();
    expect(on.onEdit).toHaveBeenCalledOnce();
    panel.dispatchEvent(
      new KeyboardEvent("keydown", { key: "Escape", bubbles: true, cancelable: true }),
    );
    expect(on.onCancel).toHaveBeenCalledOnce();
  });

  it("says when there is no note yet, without taking focus on hover", async () => {
    render(
      <HighlightPanel
        view={{ kind: "saved", id: "h2", quote: "نص", note: "", tags: [] }}
        {...handlers()}
      />,
      host,
    );
    await sleep();
    expect(host.textContent).toContain("لا ملاحظة بعد.");
    expect(document.activeElement).not.toBe(host.querySelector("[role=dialog]"));
  });

  it("opens the editor on the saved note and tags", async () => {
    const on = handlers();
    render(
      <HighlightPanel
        view={{
          kind: "editor",
          id: "h1",
          quote: "نص",
          note: "ملاحظة قديمة",
          tags: ["أمن", "العراق"],
        }}
        {...on}
      />,
      host,
    );
    await sleep();
    expect(host.querySelector("textarea")!.value).toBe("ملاحظة قديمة");
    host
      .querySelector("form")!
      .dispatchEvent(new Event("submit", { bubbles: true, cancelable: true }));
    expect(on.onSave).toHaveBeenCalledWith("ملاحظة قديمة", ["أمن", "العراق"]);
  });
});

describe("tagsFromInput", () => {
  it("splits on Latin and Arabic commas and semicolons, trims and dedupes", () => {
    expect(tagsFromInput("أمن، انسحاب;العراق ؛ أمن\n ,")).toEqual(["أمن", "انسحاب", "العراق"]);
    expect(tagsFromInput("   ")).toEqual([]);
  });
});
