/**
 * Writes the placeholder portrait of every nominee of the seed campaign to
 * public/portraits/<campaign slug>/<number>.svg. Deterministic: running it again gives identical
 * bytes. Run with `npx tsx scripts/generate-portraits.ts`.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { zuimeiXinfang } from "../src/db/seed/zuimei-xinfang";
import { portraitSvg } from "../src/domain/portrait";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dir = join(root, "public", "portraits", zuimeiXinfang.slug);
mkdirSync(dir, { recursive: true });

for (const nominee of zuimeiXinfang.nominees) {
  const file = join(dir, `${nominee.number}.svg`);
  const svg = portraitSvg(nominee.name);
  writeFileSync(file, svg);
  console.log(`portraits: ${file.slice(root.length + 1)} (${Buffer.byteLength(svg)} bytes)`);
}
