// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { MAX_PAINTED_NODE_CHARS, PageSession, summarise } from "@/src/content/session";
import { DEFAULT_SETTINGS, type Settings } from "@/src/settings/settings";
import { fakeRecognizer, SEED_NAMES } from "./fake-recognizer";

/** happy-dom has no CSS Custom Highlight API: a faithful-enough stand-in (a Highlight is a set of ranges). */
function installHighlightApi(): Map<string, Set<Range>> {
  const registry = new Map<string, Set<Range>>();
  const view = document.defaultView as unknown as Record<string, unknown>;
  view.Highlight = class extends Set<Range> {};
  view.CSS = { ...(view.CSS as object), highlights: registry };
  return registry;
}

function uninstallHighlightApi(): void {
  const view = document.defaultView as unknown as Record<string, unknown>;
  delete view.Highlight;
  view.CSS = { ...(view.CSS as object), highlights: undefined };
}

const ARTICLE = `<main><article>
  <h1>العراق: التحالف الدولي أبلغنا بعدم وجود وحدات قتالية في البلاد</h1>
  <p>وجاءت عمليات الانسحاب بعد الجولة الأخيرة بين بغداد وواشنطن.</p>
  <p>وأعلن مستشار الأمن القومي العراقي قاسم الأعرجي انتهاء المهام القتالية.</p>
</article></main>`;

function painted(registry: Map<string, Set<Range>>): string[] {
  return [...registry]
    .filter(([name]) => name.startsWith("siyaq-"))
    .flatMap(([name, ranges]) =>
      [...ranges].filter((r) => !r.collapsed).map((r) => `${name}:${r.toString()}`),
    )
    .sort();
}

describe("PageSession", () => {
  let registry: Map<string, Set<Range>>;
  let sessions: PageSession[];
  const newSession = (
    settings: Settings = DEFAULT_SETTINGS,
    overrides: Partial<ConstructorParameters<typeof PageSession>[0]> = {},
  ) => {
    const { recognize, calls } = fakeRecognizer(SEED_NAMES);
    const recorded: string[][] = [];
    const reports: number[] = [];
    const session = new PageSession(
      {
        document,
        recognize,
        recordEntities: async (ids) => void recorded.push(ids),
        report: async (count) => void reports.push(count),
        isSuppressed: () => false,
        ...overrides,
      },
      settings,
    );
    sessions.push(session);
    return { session, calls, recorded, reports };
  };

  beforeEach(() => {
    sessions = [];
    document.head.innerHTML = "";
    document.body.innerHTML = ARTICLE;
    registry = installHighlightApi();
  });
  afterEach(() => {
    for (const session of sessions) session.stop();
    uninstallHighlightApi();
  });

  it("paints one highlight per type without changing the body's markup", async () => {
    const before = document.body.outerHTML;
    const { session } = newSession();
    await session.start();
    expect(painted(registry)).toEqual([
      "siyaq-loc:العراق",
      "siyaq-loc:بغداد",
      "siyaq-loc:واشنطن",
      "siyaq-org:التحالف الدولي",
      "siyaq-per:قاسم الأعرجي",
    ]);
    expect(document.body.outerHTML).toBe(before);
    expect(document.head.querySelector("style")?.textContent).toContain("::highlight(siyaq-per)");
  });

  it("applies a change of types at once, and hover ignores a hidden type", async () => {
    const { session } = newSession();
    await session.start();
    session.applySettings({ ...DEFAULT_SETTINGS, markTypes: ["PER", "ORG"] });
    expect(painted(registry)).toEqual(["siyaq-org:التحالف الدولي", "siyaq-per:قاسم الأعرجي"]);
    const baghdad = [...session.index.all()].find((m) => m.surface === "بغداد")!;
    expect(
      session.mentionAt(baghdad.range.startContainer, baghdad.range.startOffset),
    ).toBeUndefined();
    session.applySettings(DEFAULT_SETTINGS);
    expect(painted(registry)).toHaveLength(5);
  });

  it("removes every mark and its style at once when stopped", async () => {
    const { session } = newSession();
    await session.start();
    session.stop();
    expect(painted(registry)).toEqual([]);
    expect([...registry.keys()].filter((n) => n.startsWith("siyaq-"))).toEqual([]);
    expect(document.head.querySelector("style")).toBeNull();
  });

  it("leaves a highlight the page registered under our name alone when a type is switched off", async () => {
    const { session } = newSession();
    await session.start();
    const pages = new Set<Range>();
    registry.set("siyaq-date", pages);
    session.applySettings({ ...DEFAULT_SETTINGS, markTypes: ["PER"] });
    expect(registry.get("siyaq-date")).toBe(pages);
  });

  it("records each linked entity once per page, and gives marks back to text a framework re-renders", async () => {
    const { session, recorded } = newSession();
    await session.start();
    expect(recorded.flat().sort()).toEqual([
      "city:baghdad",
      "city:washington",
      "country:iq",
      "org:coalition",
      "per:qasim-al-araji",
    ]);

    for (const p of document.querySelectorAll("p"))
      p.replaceChild(document.createTextNode(p.firstChild!.textContent!), p.firstChild!);
    await vi.waitFor(() => expect(painted(registry)).toHaveLength(5), { timeout: 3000 });
    // Re-reading re-rendered text does not count the article twice.
    expect(recorded.flat()).toHaveLength(5);

    const more = document.createElement("p");
    more.textContent = "بين بغداد وواشنطن";
    document.querySelector("article")!.appendChild(more);
    await vi.waitFor(() => expect(painted(registry)).toHaveLength(7), { timeout: 3000 });
  });

  it("gives marks back to text re-rendered while the first read is still being recorded", async () => {
    // The framework swaps every text node after the marks are painted but before recording ends.
    let rerendered = false;
    const { session } = newSession(DEFAULT_SETTINGS, {
      recordEntities: async () => {
        for (const p of document.querySelectorAll("p"))
          p.replaceChild(document.createTextNode(p.firstChild!.textContent!), p.firstChild!);
        rerendered = true;
      },
    });
    await session.start();
    expect(rerendered).toBe(true);
    await vi.waitFor(
      () =>
        expect(
          [...session.index.all()]
            .filter((m) => session.isVisible(m))
            .map((m) => m.surface)
            .sort(),
        ).toEqual(["التحالف الدولي", "العراق", "بغداد", "قاسم الأعرجي", "واشنطن"].sort()),
      { timeout: 3000 },
    );
  });

  it("reads an edited text node again: marks follow its new text, none left doubled", async () => {
    const { session } = newSession();
    await session.start();
    const text = document.querySelectorAll("p")[0]!.firstChild as Text;
    text.data = "لقاء في بغداد ثم في بغداد";
    await vi.waitFor(
      () => expect(painted(registry).filter((m) => m === "siyaq-loc:بغداد")).toHaveLength(2),
      { timeout: 3000 },
    );
    expect(painted(registry)).not.toContain("siyaq-loc:واشنطن");
    expect(session.index.size).toBe(5);
  });

  it("records again when a single-page app moves to a new article", async () => {
    const { session, recorded } = newSession();
    await session.start();
    await session.rescanAll();
    expect(recorded.flat()).toHaveLength(5);
    await session.newArticle();
    expect(recorded.flat()).toHaveLength(10);
    expect(painted(registry)).toHaveLength(5);
  });

  it("drops names the reader suppressed, and brings them back on a full rescan once allowed", async () => {
    let suppressed = false;
    const { session } = newSession(DEFAULT_SETTINGS, {
      isSuppressed: (s) => suppressed && s === "بغداد",
    });
    await session.start();
    suppressed = true;
    await session.applySuppressions(false);
    expect(painted(registry)).not.toContain("siyaq-loc:بغداد");
    suppressed = false;
    await session.applySuppressions(true);
    expect(painted(registry)).toContain("siyaq-loc:بغداد");
  });

  it("paints only blocks near the viewport once a page has more names than it is worth painting at once", async () => {
    document.body.innerHTML = Array.from(
      { length: 12 },
      (_, i) => `<p id="p${i}">بين بغداد وواشنطن</p>`,
    ).join("");
    let report: (entered: Element[], left: Element[]) => void = () => {};
    const near = new Set<Element>([document.getElementById("p0")!]);
    const { session } = newSession(DEFAULT_SETTINGS, {
      paintAllUpTo: 10,
      viewportGate: (onChange) => {
        report = onChange;
        return {
          observe: () => {},
          unobserve: (b) => void near.delete(b),
          isNear: (b) => near.has(b),
          disconnect: () => near.clear(),
        };
      },
    });
    await session.start();
    expect(session.index.size).toBe(24);
    expect(painted(registry)).toEqual(["siyaq-loc:بغداد", "siyaq-loc:واشنطن"]);
    // Scrolling: p5 comes near, p0 goes away.
    const p5 = document.getElementById("p5")!;
    near.add(p5);
    near.delete(document.getElementById("p0")!);
    report([p5], [document.getElementById("p0")!]);
    const paintedRanges = [...registry.get("siyaq-loc")!].filter((r) => !r.collapsed);
    expect(paintedRanges.every((r) => p5.contains(r.startContainer))).toBe(true);
    expect(paintedRanges).toHaveLength(2);
    // Hover still finds names that are not painted: the index holds them all.
    const far = [...session.index.all()].find((m) =>
      document.getElementById("p9")!.contains(m.nodes[0]!),
    )!;
    expect(session.mentionAt(far.range.startContainer, far.range.startOffset)).toBe(far);
  });

  it("finds the names of a 1 MB single text node for hover but paints none of them (one huge task otherwise)", async () => {
    const sentence = "وجاءت عمليات الانسحاب بعد الجولة الأخيرة بين بغداد وواشنطن. ";
    const huge = sentence.repeat(Math.ceil(1_000_000 / sentence.length));
    document.body.innerHTML = `${ARTICLE}<div id="dump"></div>`;
    document.getElementById("dump")!.textContent = huge;
    const { session } = newSession();
    await session.start();
    const node = document.getElementById("dump")!.firstChild as Text;
    // Still hoverable: the mention index knows the names inside it (read in idle batches).
    await vi.waitFor(
      () => expect(session.mentionAt(node, huge.indexOf("بغداد") + 1)?.surface).toBe("بغداد"),
      { timeout: 30_000 },
    );
    // The article's own paragraphs are painted as before; nothing inside the huge node is.
    const marks = painted(registry);
    expect(marks).toContain("siyaq-per:قاسم الأعرجي");
    expect(
      [...registry.values()]
        .flatMap((ranges) => [...ranges])
        .some((r) => r.startContainer.textContent!.length > MAX_PAINTED_NODE_CHARS),
    ).toBe(false);
  }, 60_000);

  it("fails clearly when the background cannot recognise, leaving the page as it was", async () => {
    const before = document.body.outerHTML;
    const { session } = newSession(DEFAULT_SETTINGS, {
      recognize: async () => {
        throw new Error("recognize failed: no answer");
      },
    });
    await expect(session.start()).rejects.toThrow("recognize failed");
    expect(painted(registry)).toEqual([]);
    expect(document.body.outerHTML).toBe(before);
  });
});

describe("PageSession without the Highlight API", () => {
  it("falls back to spans, and unwraps them all when stopped", async () => {
    uninstallHighlightApi();
    document.head.innerHTML = "";
    document.body.innerHTML = ARTICLE;
    const text = document.body.textContent;
    const { recognize } = fakeRecognizer(SEED_NAMES);
    const session = new PageSession(
      {
        document,
        recognize,
        recordEntities: async () => {},
        report: async () => {},
        isSuppressed: () => false,
      },
      DEFAULT_SETTINGS,
    );
    await session.start();
    const marks = [...document.querySelectorAll("span[data-siyaq-mark]")].map((s) => s.textContent);
    expect(marks.sort()).toEqual(
      ["التحالف الدولي", "العراق", "بغداد", "قاسم الأعرجي", "واشنطن"].sort(),
    );
    expect(document.body.textContent).toBe(text);
    // Hover still finds a wrapped name, though wrapping split the nodes the index knew.
    const span = [...document.querySelectorAll("span[data-siyaq-mark]")].find(
      (s) => s.textContent === "واشنطن",
    )!;
    expect(session.mentionAt(span.firstChild!, 1)?.surface).toBe("واشنطن");
    session.stop();
    expect(document.querySelectorAll("span[data-siyaq-mark]")).toHaveLength(0);
    expect(document.body.textContent).toBe(text);
  });
});

describe("summarise", () => {
  it("counts names per entity in order of first appearance", async () => {
    document.body.innerHTML = ARTICLE;
    installHighlightApi();
    const { recognize } = fakeRecognizer([
      ...SEED_NAMES,
      { surface: "وحدات قتالية", type: "MISC" },
    ]);
    const session = new PageSession(
      {
        document,
        recognize,
        recordEntities: async () => {},
        report: async () => {},
        isSuppressed: () => false,
      },
      DEFAULT_SETTINGS,
    );
    await session.start();
    const rows = summarise(session.index.inOrder());
    expect(rows.map((r) => [r.surface, r.count, r.first])).toEqual([
      ["العراق", 1, 0],
      ["التحالف الدولي", 1, 1],
      ["وحدات قتالية", 1, 2],
      ["بغداد", 1, 3],
      ["واشنطن", 1, 4],
      ["قاسم الأعرجي", 1, 5],
    ]);
    session.stop();
    uninstallHighlightApi();
  });
});
