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

const handlers = () => ({ onOpen: vi.fn(), onSave: vi.fn(), onCancel: vi.fn() });

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
    host.querySelector("form")!.dispatchEvent(new Event("submit", { bubbles: true, cancelable: true }));
    expect(on.onSave).toHaveBeenCalledWith("تصريح رسمي", ["أمن", "انسحاب"]);
  });

  it("cancels on Escape", () => {
    const on = handlers();
    render(<HighlightPanel view={{ kind: "editor", quote: "نص" }} {...on} />, host);
    host.querySelector("textarea")!.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true, cancelable: true }));
    expect(on.onCancel).toHaveBeenCalledOnce();
    expect(on.onSave).not.toHaveBeenCalled();
  });
});

describe("tagsFromInput", () => {
  it("splits on Latin and Arabic commas and semicolons, trims and dedupes", () => {
    expect(tagsFromInput("أمن، انسحاب;العراق ؛ أمن\n ,")).toEqual(["أمن", "انسحاب", "العراق"]);
    expect(tagsFromInput("   ")).toEqual([]);
  });
});
