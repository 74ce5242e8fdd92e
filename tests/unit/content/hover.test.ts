// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { caretAt, CLOSE_GRACE_MS, startHover, type HoverDeps } from "@/src/content/hover";
import type { MarkedMention } from "@/src/content/mention-index";
import type { CardHost, HoverCardProps } from "@/src/content/view";

/** A mention laid out at a fixed box (happy-dom has no layout), on its own text node. */
function mentionAt(
  surface: string,
  box: { left: number; top: number; width: number; height: number },
): MarkedMention {
  const node = document.createTextNode(surface);
  document.body.appendChild(node);
  const rect = {
    ...box,
    right: box.left + box.width,
    bottom: box.top + box.height,
    x: box.left,
    y: box.top,
  };
  const range = {
    startContainer: node,
    getClientRects: () => [rect],
    getBoundingClientRect: () => rect,
  } as unknown as Range;
  return { type: "PER", surface, entityId: `per:${surface}`, confidence: 1, range, nodes: [node] };
}

function fakeCard() {
  const shown: HoverCardProps[] = [];
  let open = false;
  const host = document.createElement("siyaq-card");
  document.documentElement.appendChild(host);
  const card: CardHost = {
    show: (props) => {
      shown.push(props);
      open = true;
    },
    hide: () => void (open = false),
    get open() {
      return open;
    },
    isCard: (target) => target === host,
    destroy: () => {},
  };
  return { card, shown, host };
}

/** What the browser dispatches for the reader's own input; page script's events are not trusted. */
function trusted<E extends Event>(event: E): E {
  Object.defineProperty(event, "isTrusted", { value: true });
  return event;
}

describe("hover", () => {
  let controller: AbortController;
  const first = () => mentionAt("قاسم سليماني", { left: 100, top: 100, width: 80, height: 20 });
  const second = () => mentionAt("محمد الحلبوسي", { left: 300, top: 200, width: 90, height: 20 });
  let a: MarkedMention;
  let b: MarkedMention;
  let caret: { node: Node; offset: number } | null;

  const setup = (overrides: Partial<HoverDeps> = {}) => {
    const { card, shown, host } = fakeCard();
    const details = vi.fn(async () => ({ state: "unknown" as const }));
    const control = startHover(
      {
        doc: document,
        card,
        mentionAt: (node) => [a, b].find((m) => m.nodes[0] === node),
        nextMention: (current) => (current === a ? b : a),
        dwellMs: () => 300,
        details,
        actions: () => ({}),
        ...overrides,
      },
      controller.signal,
    );
    return { control, card, shown, host, details };
  };
  const move = (x: number, y: number, target: EventTarget = document.body) => {
    const event = new PointerEvent("pointermove", { clientX: x, clientY: y, bubbles: true });
    target.dispatchEvent(trusted(event));
  };

  beforeEach(() => {
    vi.useFakeTimers();
    controller = new AbortController();
    document.body.innerHTML = "";
    a = first();
    b = second();
    caret = null;
    (document as unknown as { caretPositionFromPoint: unknown }).caretPositionFromPoint = () =>
      caret ? { offsetNode: caret.node, offset: caret.offset } : null;
  });
  afterEach(() => {
    controller.abort();
    vi.useRealTimers();
    delete (document as unknown as { caretPositionFromPoint?: unknown }).caretPositionFromPoint;
  });

  it("opens a card only after the pointer dwells on a name", async () => {
    const { shown, details } = setup();
    caret = { node: a.nodes[0]!, offset: 2 };
    move(120, 110);
    vi.advanceTimersByTime(299);
    expect(shown).toHaveLength(0);
    vi.advanceTimersByTime(1);
    expect(shown[0]!.mention.surface).toBe("قاسم سليماني");
    expect(details).toHaveBeenCalledWith(a);
  });

  it("ignores a caret that snapped to a name from blank space beside it", () => {
    const { shown } = setup();
    caret = { node: a.nodes[0]!, offset: 2 };
    move(600, 110); // same line, far from the word's box
    vi.advanceTimersByTime(400);
    expect(shown).toHaveLength(0);
  });

  it("closes after a grace period when the pointer leaves, but not when it reaches the card", () => {
    const { card, host } = setup();
    caret = { node: a.nodes[0]!, offset: 2 };
    move(120, 110);
    vi.advanceTimersByTime(300);
    expect(card.open).toBe(true);
    caret = null;
    move(120, 160); // on the way to the card
    vi.advanceTimersByTime(CLOSE_GRACE_MS - 50);
    move(130, 200, host); // on the card
    vi.advanceTimersByTime(CLOSE_GRACE_MS * 2);
    expect(card.open).toBe(true);
    move(700, 700);
    vi.advanceTimersByTime(CLOSE_GRACE_MS);
    expect(card.open).toBe(false);
  });

  it("closes on Escape and steps through names with Alt+Shift+N, taking keyboard focus", () => {
    const { card, shown } = setup();
    a.nodes[0]!.parentElement!.scrollIntoView = () => {};
    // Page script pressing the shortcut is ignored: no card, no focus taken.
    document.dispatchEvent(
      new KeyboardEvent("keydown", { key: "N", code: "KeyN", altKey: true, shiftKey: true }),
    );
    expect(shown).toHaveLength(0);
    document.dispatchEvent(
      trusted(
        new KeyboardEvent("keydown", { key: "N", code: "KeyN", altKey: true, shiftKey: true }),
      ),
    );
    expect(shown.at(-1)!.mention.surface).toBe("قاسم سليماني");
    expect(shown.at(-1)!.takeFocus).toBe(true);
    vi.advanceTimersByTime(200);
    document.dispatchEvent(
      trusted(
        new KeyboardEvent("keydown", { key: "N", code: "KeyN", altKey: true, shiftKey: true }),
      ),
    );
    expect(shown.at(-1)!.mention.surface).toBe("محمد الحلبوسي");
    // Nor can it close the card.
    document.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape" }));
    expect(card.open).toBe(true);
    document.dispatchEvent(trusted(new KeyboardEvent("keydown", { key: "Escape" })));
    expect(card.open).toBe(false);
  });

  it("drops details that arrive for a card already replaced", async () => {
    let release: (() => void) | undefined;
    const { shown } = setup({
      details: (mention) =>
        mention === a
          ? new Promise((resolve) => (release = () => resolve({ state: "unknown", seenIn: 9 })))
          : Promise.resolve({ state: "unknown" }),
    });
    caret = { node: a.nodes[0]!, offset: 1 };
    move(120, 110);
    vi.advanceTimersByTime(300);
    caret = { node: b.nodes[0]!, offset: 1 };
    move(320, 210);
    vi.advanceTimersByTime(300);
    release!();
    await vi.runAllTimersAsync();
    expect(shown.at(-1)!.mention.surface).toBe("محمد الحلبوسي");
    expect(shown.some((p) => p.details.state === "unknown" && p.details.seenIn === 9)).toBe(false);
  });
});

describe("caretAt", () => {
  it("falls back to caretRangeFromPoint where caretPositionFromPoint is missing", () => {
    const node = document.createTextNode("بغداد");
    const fakeDoc = {
      caretRangeFromPoint: () => ({ startContainer: node, startOffset: 3 }),
    } as unknown as Document;
    expect(caretAt(fakeDoc, 1, 1)).toEqual({ node, offset: 3 });
    expect(caretAt({} as Document, 1, 1)).toBeNull();
  });
});
