/**
 * Writes the app icons to public/: favicon.ico (16/32/48 px PNG-in-ICO), apple-touch-icon.png
 * (180 px), icon-192.png, icon-512.png and manifest.webmanifest: a vermilion rounded square with a
 * white five-pointed star, drawn pixel by pixel here, without fonts, so it looks the same on every
 * device. (There is no SVG icon: an SVG image is a document of its own in Chromium, and one with 榜
 * in it needed the CJK font laid out during the first view.) No dependencies beyond node:zlib;
 * deterministic.
 * Run with `npx tsx scripts/generate-icons.ts`.
 */
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { encodePng as encodeRgba, insidePolygon, type Point } from "./lib/png";

const BRAND_RGB = [0xc8, 0x10, 0x2e] as const;

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const publicDir = join(root, "public");

// ---------------------------------------------------------------------------------------------
// Drawing

/** A regular five-pointed star centred on (cx, cy), one point up. */
function star(cx: number, cy: number, outer: number): Point[] {
  const inner = outer * 0.381966; // sin 18° / sin 54°: the classic regular star
  const points: Point[] = [];
  for (let i = 0; i < 10; i++) {
    const r = i % 2 === 0 ? outer : inner;
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    points.push([cx + r * Math.cos(a), cy + r * Math.sin(a)]);
  }
  return points;
}

function insideRoundedSquare(x: number, y: number, size: number, radius: number): boolean {
  if (x < 0 || y < 0 || x > size || y > size) return false;
  const dx = Math.max(radius - x, 0, x - (size - radius));
  const dy = Math.max(radius - y, 0, y - (size - radius));
  return dx * dx + dy * dy <= radius * radius;
}

/**
 * The raster mark: a vermilion square (rounded unless `fullBleed`) with a white star, anti-aliased
 * by 8×8 supersampling. Returns straight (non-premultiplied) RGBA rows.
 */
function drawIcon(size: number, fullBleed: boolean): Uint8Array {
  const radius = fullBleed ? 0 : size * 0.2;
  const outer = size * 0.31;
  // A star's points reach `outer` upwards but only outer·cos 36° downwards: shift it down by half
  // the difference so it sits optically centred.
  const shape = star(size / 2, size / 2 + (outer * (1 - Math.cos(Math.PI / 5))) / 2, outer);
  const ss = 8;
  const rgba = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let bg = 0;
      let white = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const x = px + (sx + 0.5) / ss;
          const y = py + (sy + 0.5) / ss;
          if (!insideRoundedSquare(x, y, size, radius)) continue;
          if (insidePolygon(x, y, shape)) white++;
          else bg++;
        }
      }
      const covered = bg + white;
      const o = (py * size + px) * 4;
      if (covered === 0) continue;
      for (let c = 0; c < 3; c++) {
        rgba[o + c] = Math.round(((BRAND_RGB[c] ?? 0) * bg + 255 * white) / covered);
      }
      rgba[o + 3] = Math.round((255 * covered) / (ss * ss));
    }
  }
  return rgba;
}

// ---------------------------------------------------------------------------------------------
// Encoding

const encodePng = (size: number, rgba: Uint8Array) => encodeRgba(size, size, rgba);

/** An ICO holding PNG images (supported by every browser that matters). */
function encodeIco(images: { size: number; png: Buffer }[]): Buffer {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, png }, i) => {
    const e = 6 + 16 * i;
    header[e] = size >= 256 ? 0 : size;
    header[e + 1] = size >= 256 ? 0 : size;
    header[e + 2] = 0; // palette size
    header[e + 3] = 0; // reserved
    header.writeUInt16LE(1, e + 4); // planes
    header.writeUInt16LE(32, e + 6); // bits per pixel
    header.writeUInt32LE(png.length, e + 8);
    header.writeUInt32LE(offset, e + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...images.map((image) => image.png)]);
}

// ---------------------------------------------------------------------------------------------
// Output

function write(name: string, data: string | Buffer): void {
  writeFileSync(join(publicDir, name), data);
  console.log(`icons: public/${name} (${Buffer.byteLength(data)} bytes)`);
}

const png = (size: number, fullBleed = false) => encodePng(size, drawIcon(size, fullBleed));

write("favicon.ico", encodeIco([16, 32, 48].map((size) => ({ size, png: png(size) }))));
// iOS masks the corners itself and fills transparency with black, so this one is full-bleed.
write("apple-touch-icon.png", png(180, true));
write("icon-192.png", png(192));
write("icon-512.png", png(512));

const manifest = {
  name: "榜样",
  short_name: "榜样",
  lang: "zh-CN",
  start_url: "/",
  scope: "/",
  display: "standalone",
  // The pages' theme colour (app.css --brand), a shade darker than the icon for text contrast.
  theme_color: "#b0102a",
  background_color: "#FFFFFF",
  icons: [
    { src: "/icon-192.png", sizes: "192x192", type: "image/png" },
    { src: "/icon-512.png", sizes: "512x512", type: "image/png" },
  ],
};
write("manifest.webmanifest", `${JSON.stringify(manifest, null, 2)}\n`);
