// The layer rule of docs/architecture.md, enforced by dependency-cruiser (.dependency-cruiser.cjs,
// `npm run lint:deps` in `npm test`). These tests show the rules bite: a small tree with one of
// each forbidden import is refused rule by rule, and the real tree passes. src/nlp's freedom from
// DOM and extension globals, which an import graph cannot see, is checked on its syntax tree.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ts from "typescript";
import { afterAll, describe, expect, it } from "vitest";
import { cruise, type ICruiseResult } from "dependency-cruiser";
import extractDepcruiseOptions from "dependency-cruiser/config-utl/extract-depcruise-options";

const CONFIG = path.resolve(".dependency-cruiser.cjs");

async function violations(files: string[], baseDir?: string): Promise<string[]> {
  const options = await extractDepcruiseOptions(CONFIG);
  // A throwaway tree: relative imports only, no tsconfig, nothing installed.
  if (baseDir) delete options.tsConfig;
  const { output } = await cruise(files, {
    ...options,
    validate: true,
    ...(baseDir ? { baseDir } : {}),
  });
  const result = output as ICruiseResult;
  return result.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`);
}

describe("the dependency rules", () => {
  const tree = mkdtempSync(path.join(tmpdir(), "siyaq-layers-"));
  afterAll(() => rmSync(tree, { recursive: true, force: true }));
  const file = (name: string, text: string) => {
    mkdirSync(path.dirname(path.join(tree, name)), { recursive: true });
    writeFileSync(path.join(tree, name), text);
  };

  it("refuse circles, upward imports, src/ui from below, extension APIs in src/nlp and tests from src", async () => {
    file("src/ui/view.ts", "export const view = 1;\n");
    file("tests/helper.ts", "export const helper = 1;\n");
    file("src/kb/a.ts", 'import { b } from "./b";\nexport const a = b;\n');
    file("src/kb/b.ts", 'import { a } from "./a";\nexport const b = a;\n');
    file("src/dom/up.ts", 'import { view } from "../ui/view";\nexport const up = view;\n');
    file(
      "src/nlp/impure.ts",
      'import { browser } from "wxt/browser";\nexport const b = browser;\n',
    );
    file(
      "src/content/c.ts",
      'import { helper } from "../../tests/helper";\nexport const c = helper;\n',
    );
    file("src/ui/u.ts", 'import { c } from "../content/c";\nexport const u = c;\n');
    file("src/messaging/m.ts", 'import { up } from "../dom/up";\nexport const m = up;\n');
    const found = await violations(["src"], tree);
    expect(found).toEqual(
      expect.arrayContaining([
        "no-circular: src/kb/a.ts → src/kb/b.ts",
        "no-upward-from-dom-kb: src/dom/up.ts → src/ui/view.ts",
        "nothing-below-ui-imports-ui: src/dom/up.ts → src/ui/view.ts",
        "nlp-is-pure: src/nlp/impure.ts → wxt/browser",
        "src-not-tests-or-tools: src/content/c.ts → tests/helper.ts",
        "contexts-apart: src/ui/u.ts → src/content/c.ts",
        "no-upward-from-messaging-settings-i18n: src/messaging/m.ts → src/dom/up.ts",
      ]),
    );
  });

  it("hold for src/ and entrypoints/ as they are", async () => {
    expect(await violations(["src", "entrypoints"])).toEqual([]);
  });
});

/** Globals that belong to a page or an extension, not to text analysis. */
const PAGE_GLOBALS = new Set([
  "window",
  "document",
  "navigator",
  "location",
  "localStorage",
  "sessionStorage",
  "indexedDB",
  "browser",
  "chrome",
  "fetch",
]);

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** Identifiers in `source` that read a page or extension global (not a property, a key or a local). */
function pageGlobalsIn(fileName: string, source: string): string[] {
  const sourceFile = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isIdentifier(node) && PAGE_GLOBALS.has(node.text)) {
      const parent = node.parent;
      const isName =
        (ts.isPropertyAccessExpression(parent) && parent.name === node) ||
        (ts.isPropertyAssignment(parent) && parent.name === node) ||
        ts.isPropertySignature(parent) ||
        ts.isParameter(parent) ||
        ts.isVariableDeclaration(parent) ||
        ts.isBindingElement(parent);
      if (!isName) found.push(`${fileName}: ${node.text}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}

describe("src/nlp and src/shared", () => {
  it("read no page or extension globals", () => {
    const used = ["src/nlp", "src/shared"]
      .flatMap(filesUnder)
      .flatMap((f) => pageGlobalsIn(f, readFileSync(f, "utf8")));
    expect(used).toEqual([]);
  });

  it("would be caught reading one", () => {
    expect(pageGlobalsIn("x.ts", "const n = document.title.length;")).toEqual(["x.ts: document"]);
    expect(pageGlobalsIn("x.ts", "const o = { document: 1 }; o.document;")).toEqual([]);
  });
});
