// The permissions the extension asks for, pinned (issue 14): widening them must change this test
// and the README's table of reasons together. Read from wxt.config.ts for both browsers, and from the
// built manifests when a build is present.
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import config from "@/wxt.config";

const ROOT = resolve(import.meta.dirname, "../../..");
/** Every permission with the reason it is needed (the README lists the same). */
const EXPECTED_PERMISSIONS = ["storage", "contextMenus", "activeTab", "tabs"];
/**
 * Optional, never granted at install: asked when the reader turns "look up unknown names online"
 * on (issue 16). MV3 keeps them in `optional_host_permissions`; Firefox's MV2 build in `optional_permissions`.
 */
const EXPECTED_OPTIONAL_HOSTS = ["https://www.wikidata.org/*", "https://ar.wikipedia.org/*"];

type ManifestFn = (env: {
  browser: string;
  manifestVersion: 2 | 3;
  mode: string;
  command: "build" | "serve";
}) => {
  permissions?: string[];
  host_permissions?: string[];
  optional_permissions?: string[];
  optional_host_permissions?: string[];
};

describe("manifest", () => {
  it.each([
    ["chrome", 3],
    ["firefox", 2],
  ] as const)("asks for exactly the pinned permissions in %s", (browser, manifestVersion) => {
    const manifest = (config.manifest as unknown as ManifestFn)({
      browser,
      manifestVersion,
      mode: "production",
      command: "build",
    });
    expect(manifest.permissions).toEqual(EXPECTED_PERMISSIONS);
    expect(manifest.host_permissions).toBeUndefined();
    if (browser === "chrome") {
      expect(manifest.optional_host_permissions).toEqual(EXPECTED_OPTIONAL_HOSTS);
      expect(manifest.optional_permissions).toBeUndefined();
    } else {
      expect(manifest.optional_permissions).toEqual(EXPECTED_OPTIONAL_HOSTS);
      expect(manifest.optional_host_permissions).toBeUndefined();
    }
  });

  it("the README gives a reason for every permission", () => {
    const readme = readFileSync(resolve(ROOT, "README.md"), "utf8");
    for (const permission of EXPECTED_PERMISSIONS)
      expect(readme, permission).toMatch(new RegExp(`\\| \`${permission}\` \\|`));
    for (const host of EXPECTED_OPTIONAL_HOSTS) expect(readme, host).toContain(`\`${host}\``);
  });

  for (const [dir, hostsKey] of [
    ["chrome-mv3", "host_permissions"],
    ["firefox-mv2", "permissions"],
  ] as const) {
    const file = resolve(ROOT, ".output", dir, "manifest.json");
    it.skipIf(!existsSync(file))(
      `the built ${dir} manifest asks for nothing more (skipped without a build)`,
      () => {
        const built = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown> & {
          permissions?: string[];
          content_scripts?: { matches: string[] }[];
        };
        const permissions = (built.permissions ?? []).filter((p) => !p.includes("://"));
        expect(permissions).toEqual(EXPECTED_PERMISSIONS);
        // No host permission beyond what content scripts already match, and none in MV3's own key.
        const hosts = ((built[hostsKey] as string[] | undefined) ?? []).filter((p) =>
          p.includes("://"),
        );
        expect(hosts).toEqual([]);
        expect(built.content_scripts?.flatMap((c) => c.matches)).toEqual([
          "http://*/*",
          "https://*/*",
        ]);
        if (dir === "chrome-mv3") {
          expect(built.optional_host_permissions).toEqual(EXPECTED_OPTIONAL_HOSTS);
          expect(built.optional_permissions).toBeUndefined();
        } else expect(built.optional_permissions).toEqual(EXPECTED_OPTIONAL_HOSTS);
      },
    );
  }
});
