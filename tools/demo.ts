// `npm run demo`: builds the extension, serves the bundled sample article on localhost, opens
// Chromium with the extension (headless without a display), hovers a marked name and writes a
// screenshot of the page with its card to demo-output/page.png, then prints what it found.
import { spawnSync } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { launchExtension, ROOT } from "./launch";
import { findChromium, CHROMIUM_MISSING } from "./chromium";
import { errorText } from "@/src/shared/error-text";

const OUT = join(ROOT, "demo-output");
/** The name hovered for the screenshot: the seed article's central figure. */
const HOVER_NAME = "قاسم سليماني";

interface FoundMention {
  type: string;
  surface: string;
}

async function main(): Promise<void> {
  if (!findChromium()) throw new Error(CHROMIUM_MISSING);
  if (!process.env.SIYAQ_DEMO_NO_BUILD) {
    const build = spawnSync("npx", ["wxt", "build"], { stdio: "inherit" });
    if (build.status !== 0) throw new Error("the extension did not build");
  }
  await mkdir(OUT, { recursive: true });
  const ext = await launchExtension({ headed: Boolean(process.env.DISPLAY) && !process.env.CI });
  try {
    const page = await ext.context.newPage();
    const url = `${ext.baseUrl}/seed-article.html`;
    await page.goto(url);
    console.log(`Serving the sample article at ${url}`);

    // Wait until the content script has painted (or given up after 15 s).
    const mentions = await waitForMarks(page);
    const target = await page.evaluate(findMentionRect, HOVER_NAME);
    if (target) {
      await page.evaluate((y) => window.scrollTo(0, Math.max(0, y - 300)), target.y);
      const rect = await page.evaluate(findMentionRect, HOVER_NAME);
      if (rect) await page.mouse.move(rect.x, rect.y);
      await page.waitForTimeout(1200);
    }
    const shot = join(OUT, "page.png");
    await page.screenshot({ path: shot });
    await writeFile(join(OUT, "entities.json"), JSON.stringify(mentions, null, 2));

    console.log(`\nSiyaq marked ${mentions.length} mentions on the sample article:`);
    const byType = new Map<string, Map<string, number>>();
    for (const { type, surface } of mentions) {
      const counts = byType.get(type) ?? new Map<string, number>();
      counts.set(surface, (counts.get(surface) ?? 0) + 1);
      byType.set(type, counts);
    }
    for (const [type, counts] of byType) {
      const list = [...counts]
        .map(([surface, n]) => (n > 1 ? `${surface} ×${n}` : surface))
        .join("، ");
      console.log(`  ${type.padEnd(5)} ${list}`);
    }
    console.log(
      target
        ? `\nHovered «${HOVER_NAME}».`
        : `\n«${HOVER_NAME}» was not marked, so no card was hovered.`,
    );
    console.log(`Screenshot: ${shot}`);
  } finally {
    await ext.close();
  }
}

async function waitForMarks(page: import("playwright-core").Page): Promise<FoundMention[]> {
  const deadline = Date.now() + 15_000;
  let found: FoundMention[] = [];
  while (Date.now() < deadline) {
    found = await page.evaluate(readPaintedMentions);
    if (found.length > 0) {
      // Give batching a moment to finish, then read the final state.
      await page.waitForTimeout(500);
      return page.evaluate(readPaintedMentions);
    }
    await page.waitForTimeout(250);
  }
  return found;
}

/** Runs in the page: the mentions Siyaq painted, in document order. */
function readPaintedMentions(): FoundMention[] {
  const found: { type: string; surface: string; range: Range }[] = [];
  if (typeof CSS === "undefined" || !("highlights" in CSS)) return [];
  CSS.highlights.forEach((highlight, name) => {
    if (!name.startsWith("siyaq-") || name === "siyaq-highlight") return;
    const type = name.slice("siyaq-".length).toUpperCase();
    highlight.forEach((range) => {
      if (range instanceof Range) found.push({ type, surface: range.toString(), range });
    });
  });
  found.sort((a, b) => a.range.compareBoundaryPoints(Range.START_TO_START, b.range));
  return found.map(({ type, surface }) => ({ type, surface }));
}

/** Runs in the page: the centre of the first painted range whose text is `name`. */
function findMentionRect(name: string): { x: number; y: number } | null {
  let hit: { x: number; y: number } | null = null;
  CSS.highlights.forEach((highlight, key) => {
    if (hit || !key.startsWith("siyaq-")) return;
    highlight.forEach((range) => {
      if (hit || !(range instanceof Range) || range.toString() !== name) return;
      const rect = range.getBoundingClientRect();
      hit = { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    });
  });
  return hit;
}

main().catch((error: unknown) => {
  console.error(`demo: ${errorText(error)}`);
  process.exit(1);
});
