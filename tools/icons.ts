// `npm run icons`: draws Siyaq's toolbar icon as SVG and rasterises it with Chromium (the same
// browser the tests drive, so no image library is needed) into public/icon/:
//   icon/<size>.png          the default, drawn for light toolbars (a dark tile, so it also reads on dark ones)
//   icon/on-dark/<size>.png  for dark toolbars (Firefox picks it through `theme_icons`)
// The icon: three lines of right-to-left text on a tile, one word marked, as Siyaq marks names.
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { findChromium, CHROMIUM_MISSING } from "./chromium";
import { ROOT } from "./launch";

export const ICON_SIZES = [16, 32, 48, 128] as const;

interface Palette {
  tile: string;
  ink: string;
  mark: string;
}

const FOR_LIGHT_TOOLBAR: Palette = { tile: "#0b5c73", ink: "#fffdf8", mark: "#f5b700" };
const FOR_DARK_TOOLBAR: Palette = { tile: "#bfe6ee", ink: "#0b3340", mark: "#c2410c" };

/** The icon on a 128-unit grid; lines are thick enough to survive 16 px. */
export function iconSvg({ tile, ink, mark }: Palette, size: number): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 128 128">
  <rect x="6" y="6" width="116" height="116" rx="26" fill="${tile}"/>
  <rect x="26" y="28" width="76" height="16" rx="8" fill="${ink}"/>
  <rect x="26" y="56" width="22" height="16" rx="8" fill="${ink}"/>
  <rect x="56" y="52" width="50" height="24" rx="7" fill="${mark}"/>
  <rect x="44" y="84" width="58" height="16" rx="8" fill="${ink}"/>
</svg>`;
}

async function main(): Promise<void> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(CHROMIUM_MISSING);
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: ["--disable-gpu"],
  });
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1 });
    for (const [folder, palette] of [
      ["icon", FOR_LIGHT_TOOLBAR],
      ["icon/on-dark", FOR_DARK_TOOLBAR],
    ] as const) {
      await mkdir(join(ROOT, "public", folder), { recursive: true });
      for (const size of ICON_SIZES) {
        await page.setViewportSize({ width: size, height: size });
        await page.setContent(
          `<html><body style="margin:0;background:transparent">${iconSvg(palette, size)}</body></html>`,
        );
        const png = await page.screenshot({
          omitBackground: true,
          clip: { x: 0, y: 0, width: size, height: size },
        });
        const file = join(ROOT, "public", folder, `${size}.png`);
        await writeFile(file, png);
        console.log(`${file.slice(ROOT.length + 1)}  ${png.length} bytes`);
      }
    }
  } finally {
    await browser.close();
  }
}

await main();
