// @vitest-environment happy-dom
// The unknown-name card's "look it up": what it says is sent, what it shows when found, and the
// plain line it shows when offline.
import { describe, expect, it, vi } from "vitest";
import { render } from "preact";
import { HoverCard } from "@/src/ui/card/HoverCard";
import type { CardActions } from "@/src/content/view";
import { cardTranslator } from "@/src/i18n/card-labels";
import type { LookupOutcome } from "@/src/contracts/lookup";

const FOUND: LookupOutcome = {
  status: "found",
  fetchedAt: 0,
  entity: {
    qid: "Q534285",
    type: "PER",
    label: { ar: "مارك كارني", en: "Mark Carney" },
    description: { ar: "اقتصادي وسياسي كندي" },
    typeMatched: true,
    born: "1965-03-16",
    positions: [{ qid: "Q839078", label: { ar: "رئيس وزراء كندا" }, start: "2025-03-14" }],
    countries: [],
    wikipedia: { ar: "مارك كارني" },
    extract: "مارك كارني اقتصادي وسياسي كندي.",
  },
};

const t = cardTranslator();
const flush = async () => {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
};

function show(actions: Partial<CardActions>) {
  const root = document.createElement("div");
  document.body.appendChild(root);
  render(
    <HoverCard
      mention={{ surface: "مارك كارني", type: "PER" }}
      details={{ state: "unknown" }}
      actions={{ close: () => {}, ...actions }}
    />,
    root,
  );
  return root;
}
const button = (root: HTMLElement, label: string) =>
  [...root.querySelectorAll("button")].find((b) => b.textContent === label);

describe("unknown-name card lookup", () => {
  it("offers the lookup saying only the name is sent, then shows description, dates, office, extract and keep", async () => {
    const keepFound = vi.fn(async () => t("hover.kept"));
    const root = show({ lookUp: async () => FOUND, keepFound });
    expect(root.textContent).toContain(t("hover.lookUpSends"));
    button(root, t("hover.lookUp"))!.click();
    await flush();
    const text = root.textContent!;
    for (const part of [
      "اقتصادي وسياسي كندي",
      "1965-03-16",
      "رئيس وزراء كندا (2025-03-14 – )",
      "مارك كارني اقتصادي",
    ])
      expect(text).toContain(part);
    expect(root.querySelector(".lookup a")!.getAttribute("href")).toBe(
      "https://www.wikidata.org/wiki/Q534285",
    );
    button(root, t("hover.keep"))!.click();
    await flush();
    expect(keepFound).toHaveBeenCalledWith("Q534285");
    expect(root.textContent).toContain(t("hover.kept"));
  });

  it("says plainly when the lookup is unavailable, and does not offer it for a known entity", async () => {
    const root = show({ lookUp: async () => ({ status: "unavailable", reason: "network" }) });
    button(root, t("hover.lookUp"))!.click();
    await flush();
    expect(root.textContent).toContain(t("hover.lookupUnavailable"));
    expect(root.querySelector("[role=alert]")).toBeNull();
  });

  it("looks up at once when the reader turned lookups on", async () => {
    const lookUp = vi.fn(async () => FOUND);
    const root = show({ lookUp, lookUpAtOnce: true });
    await flush();
    expect(lookUp).toHaveBeenCalledOnce();
    expect(root.textContent).toContain("اقتصادي وسياسي كندي");
    // The card still says what was sent.
    expect(root.textContent).toContain(t("hover.lookUpSends"));
  });
});
