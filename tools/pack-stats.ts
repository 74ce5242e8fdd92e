// `npm run --silent pack:stats -- [PACK.json]`: one JSON line about a knowledge pack (the shipped
// starter pack when no file is named): `{"entities","events","aliases","byType","withQid"}`.
// The pack is validated first; an invalid pack is reported on stderr with a non-zero exit.
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { PackError, parsePack, type Pack } from "@/src/contracts/pack-schema";
import { aliasKeysOf } from "@/src/kb/alias-keys";
import { errorText } from "@/src/shared/error-text";
import { STARTER_PACK_FILE } from "@/src/shared/shipped-files";

export { STARTER_PACK_FILE };

export interface PackStats {
  entities: number;
  events: number;
  /** Distinct names the recognizer can match: Arabic and English names plus aliases, per entity. */
  aliases: number;
  byType: Record<string, number>;
  withQid: number;
}

export function packStats(pack: Pack): PackStats {
  const byType: Record<string, number> = {};
  let aliases = 0;
  let withQid = 0;
  for (const entity of pack.entities) {
    byType[entity.type] = (byType[entity.type] ?? 0) + 1;
    aliases += aliasKeysOf(entity, { variants: false }).length;
    if (entity.qid !== undefined) withQid++;
  }
  return { entities: pack.entities.length, events: pack.events.length, aliases, byType, withQid };
}

function main(argv: string[]): number {
  if (argv.length > 1) {
    console.error("usage: npm run --silent pack:stats -- [PACK.json]");
    return 2;
  }
  const file = argv[0] ?? STARTER_PACK_FILE;
  let json: string;
  try {
    json = readFileSync(file, "utf8");
  } catch (error) {
    console.error(`pack:stats: cannot read ${file}: ${errorText(error)}`);
    return 1;
  }
  try {
    console.log(JSON.stringify(packStats(parsePack(json))));
    return 0;
  } catch (error) {
    if (!(error instanceof PackError)) throw error;
    console.error(`pack:stats: ${file} is not a valid pack: ${error.message}`);
    return 1;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href)
  process.exitCode = main(process.argv.slice(2));
