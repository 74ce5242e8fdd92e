// `npx tsx tools/extract-page-text.ts [PAGE.html …] [--out DIR]`: the text the extension reads from a
// saved page — the content script's own `buildTextMap` (src/dom/text-map.ts) run over the page in
// happy-dom, so script, style, noscript, template, hidden, aria-hidden and navigation chrome are
// skipped exactly as in the browser. Prints `{"id","text"}` lines, or writes DIR/<id>.txt.
// Pages are decoded by their declared charset (arabic-media-directory-1 is windows-1256).
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { basename } from "node:path";
import { parseArgs } from "node:util";
import { Window } from "happy-dom";
import { buildTextMap } from "@/src/dom/text-map";

/** The charset a page declares in its first bytes (`<meta charset>` or http-equiv), else UTF-8. */
export function declaredCharset(bytes: Uint8Array): string {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 4096));
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head);
  return m ? m[1]!.toLowerCase() : "utf-8";
}

/** The visible text of an HTML page as the extension reads it. */
export function extractPageText(bytes: Uint8Array): string {
  const html = new TextDecoder(declaredCharset(bytes)).decode(bytes);
  const window = new Window({
    url: "http://localhost/",
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      navigation: {
        disableMainFrameNavigation: true,
        disableChildFrameNavigation: true,
        disableChildPageNavigation: true,
      },
    },
  });
  try {
    window.document.write(html);
    return buildTextMap(window.document as unknown as Document).text;
  } finally {
    void window.happyDOM.close();
  }
}

if (process.argv[1] && basename(process.argv[1]).startsWith("extract-page-text")) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { out: { type: "string" } },
  });
  for (const file of positionals) {
    const id = basename(file).replace(/\.html?$/, "");
    const text = extractPageText(readFileSync(file));
    if (values.out) {
      mkdirSync(values.out, { recursive: true });
      writeFileSync(`${values.out}/${id}.txt`, text);
    } else process.stdout.write(JSON.stringify({ id, text }) + "\n");
  }
}
