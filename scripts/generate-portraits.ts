/**
 * Writes the placeholder portrait of every nominee of the seed campaign to
 * public/portraits/<campaign slug>/<number>.png (what the seed points to) and .svg (what local
 * databases seeded before the PNGs point to). Deterministic: running it again gives identical bytes.
 * Run with `npx tsx scripts/generate-portraits.ts`.
 *
 * Why PNG: every SVG <img> is a little document of its own for the browser (parse, style, layout),
 * which on a slow phone is main-thread time per portrait; a PNG is decoded off the main thread. And
 * WeChat and other share targets do not show SVG as a link's picture (og:image).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { zuimeiXinfang } from "../src/db/seed/zuimei-xinfang";
import { portraitColor, portraitSvg } from "../src/domain/portrait";
import { encodePng, insidePolygon, type Point } from "./lib/png";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dir = join(root, "public", "portraits", zuimeiXinfang.slug);
mkdirSync(dir, { recursive: true });

const WIDTH = 300;
const HEIGHT = 400;

function cubic(p0: Point, p1: Point, p2: Point, p3: Point, steps: number): Point[] {
  const out: Point[] = [];
  for (let i = 1; i <= steps; i++) {
    const t = i / steps;
    const u = 1 - t;
    out.push([
      u * u * u * p0[0] + 3 * u * u * t * p1[0] + 3 * u * t * t * p2[0] + t * t * t * p3[0],
      u * u * u * p0[1] + 3 * u * u * t * p1[1] + 3 * u * t * t * p2[1] + t * t * t * p3[1],
    ]);
  }
  return out;
}

// The SVG's silhouette (domain/portrait.ts): a head, circle (150, 168) r 66, and shoulders,
// "M30 400v-58c0-66 54-112 120-112s120 46 120 112v58z".
const SHOULDERS: Point[] = [
  [30, 400],
  [30, 342],
  ...cubic([30, 342], [30, 276], [84, 230], [150, 230], 48),
  ...cubic([150, 230], [216, 230], [270, 276], [270, 342], 48),
  [270, 400],
];

function insideSilhouette(x: number, y: number): boolean {
  const dx = x - 150;
  const dy = y - 168;
  return dx * dx + dy * dy <= 66 * 66 || insidePolygon(x, y, SHOULDERS);
}

/** RGB pixels: the background, the silhouette in white at 28 % over it, 4×4 supersampled. */
function drawPortrait(name: string): Uint8Array {
  const hex = portraitColor(name.trim());
  const bg = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
  const fg = bg.map((c) => c * 0.72 + 255 * 0.28);
  const ss = 4;
  const rgb = new Uint8Array(WIDTH * HEIGHT * 3);
  for (let py = 0; py < HEIGHT; py++) {
    for (let px = 0; px < WIDTH; px++) {
      let hits = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          if (insideSilhouette(px + (sx + 0.5) / ss, py + (sy + 0.5) / ss)) hits++;
        }
      }
      const a = hits / (ss * ss);
      const o = (py * WIDTH + px) * 3;
      for (let c = 0; c < 3; c++) {
        rgb[o + c] = Math.round((bg[c] ?? 0) * (1 - a) + (fg[c] ?? 0) * a);
      }
    }
  }
  return rgb;
}

for (const nominee of zuimeiXinfang.nominees) {
  const base = join(dir, String(nominee.number));
  const png = encodePng(WIDTH, HEIGHT, drawPortrait(nominee.name), 3);
  writeFileSync(`${base}.png`, png);
  writeFileSync(`${base}.svg`, portraitSvg(nominee.name));
  console.log(`portraits: ${base.slice(root.length + 1)}.png (${png.length} bytes) and .svg`);
}
