// Compiles the shipped starter pack into the lexicon the extension loads on the first page after
// install (src/kb/starter-lexicon.ts). Run by the WXT build hook in wxt.config.ts for every build
// (a clean clone's included); by hand: `npx tsx tools/starter-lexicon.ts OUT.bin`.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { compilePackLexicon } from "@/src/kb/starter-lexicon";
import { STARTER_PACK_FILE } from "@/src/shared/shipped-files";

const out = process.argv[2];
if (!out) {
  console.error("usage: tsx tools/starter-lexicon.ts OUT.bin");
  process.exit(2);
}
const bytes = compilePackLexicon(readFileSync(STARTER_PACK_FILE, "utf8")).lexicon.serialize();
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, bytes);
