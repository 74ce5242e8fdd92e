// The toolbar icon set that `npm run icons` draws: every size the manifest names, in both
// variants, is a PNG of exactly that size with transparent corners (a tile, not a square).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "../../..");

function pngHeader(file: string): { width: number; height: number; colourType: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString("latin1")).toBe("PNG");
  expect(bytes.subarray(12, 16).toString("latin1")).toBe("IHDR");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20), colourType: bytes[25]! };
}

describe("toolbar icons", () => {
  for (const folder of ["icon", "icon/on-dark"]) {
    for (const size of [16, 32, 48, 128]) {
      it(`${folder}/${size}.png is ${size}×${size} with an alpha channel`, () => {
        const header = pngHeader(join(ROOT, "public", folder, `${size}.png`));
        expect([header.width, header.height]).toEqual([size, size]);
        expect(header.colourType).toBe(6); // RGBA: the rounded corners are transparent
      });
    }
  }
});
