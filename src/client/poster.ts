/**
 * The 拉票海报 (→ public/poster.js): loaded by app.ts only when a voter asks for a poster, so the
 * profile's first view does not pay for it. Draws portrait, number, name, unit, headline, the
 * campaign and the profile's QR code (our own PNG route) on a 750×1334 canvas and shows the result
 * as a PNG <img>, which WeChat and phone browsers let the voter long-press to save or send.
 * Written for old Android WebViews: ES2017, a plain <canvas> and toDataURL (no OffscreenCanvas,
 * no toBlob, no ctx.filter, no roundRect), CJK text from the system's fonts.
 */

export interface PosterData {
  campaign: string;
  number: string;
  name: string;
  unit: string;
  headline: string;
  photo: string | null;
  qr: string;
  cta: string;
  site: string;
}

export const POSTER_WIDTH = 750;
export const POSTER_HEIGHT = 1334;

const FONTS =
  '"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Zen Hei", sans-serif';
const RED = "#b0102a";
const DARK = "#6e0a1b";
const GOLD = "#ffd66b";

function loadImage(src: string): Promise<HTMLImageElement | null> {
  return new Promise((resolve) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => resolve(null);
    img.src = src;
  });
}

/** Breaks `text` into at most `maxLines` lines that fit `width` (CJK breaks anywhere). */
function lines(ctx: CanvasRenderingContext2D, text: string, width: number, maxLines: number) {
  const out: string[] = [];
  let line = "";
  const chars = Array.from(text);
  for (let i = 0; i < chars.length; i++) {
    const next = line + chars[i];
    if (ctx.measureText(next).width > width && line) {
      out.push(line);
      line = chars[i] || "";
      if (out.length === maxLines) {
        const last = out[maxLines - 1] || "";
        out[maxLines - 1] = `${last.slice(0, -1)}…`;
        return out;
      }
    } else line = next;
  }
  if (line) out.push(line);
  return out;
}

function roundedRect(
  ctx: CanvasRenderingContext2D,
  x: number,
  y: number,
  w: number,
  h: number,
  r: number,
) {
  ctx.beginPath();
  ctx.moveTo(x + r, y);
  ctx.arcTo(x + w, y, x + w, y + h, r);
  ctx.arcTo(x + w, y + h, x, y + h, r);
  ctx.arcTo(x, y + h, x, y, r);
  ctx.arcTo(x, y, x + w, y, r);
  ctx.closePath();
}

/** Draws the portrait covering the box (cropped, not stretched). */
function cover(
  ctx: CanvasRenderingContext2D,
  img: HTMLImageElement,
  x: number,
  y: number,
  w: number,
  h: number,
) {
  const iw = img.naturalWidth || img.width;
  const ih = img.naturalHeight || img.height;
  const scale = Math.max(w / iw, h / ih);
  const sw = w / scale;
  const sh = h / scale;
  ctx.drawImage(img, (iw - sw) / 2, (ih - sh) / 2, sw, sh, x, y, w, h);
}

function draw(
  canvas: HTMLCanvasElement,
  d: PosterData,
  photo: HTMLImageElement | null,
  qr: HTMLImageElement | null,
) {
  const ctx = canvas.getContext("2d");
  if (!ctx) throw new Error("no 2d context");
  const W = POSTER_WIDTH;
  const H = POSTER_HEIGHT;
  const bg = ctx.createLinearGradient(0, 0, 0, H);
  bg.addColorStop(0, RED);
  bg.addColorStop(1, DARK);
  ctx.fillStyle = bg;
  ctx.fillRect(0, 0, W, H);
  ctx.textAlign = "center";
  ctx.textBaseline = "top";

  // The campaign, up to two lines.
  ctx.fillStyle = GOLD;
  ctx.font = `bold 40px ${FONTS}`;
  let y = 56;
  for (const l of lines(ctx, d.campaign, W - 100, 2)) {
    ctx.fillText(l, W / 2, y);
    y += 54;
  }

  // The card.
  const cardY = y + 24;
  const cardH = H - cardY - 60;
  ctx.fillStyle = "#fffdf7";
  roundedRect(ctx, 40, cardY, W - 80, cardH, 24);
  ctx.fill();

  // Portrait 300×400 with a gold frame, or the initial.
  const pw = 300;
  const ph = 400;
  const px = (W - pw) / 2;
  const py = cardY + 40;
  ctx.fillStyle = GOLD;
  ctx.fillRect(px - 6, py - 6, pw + 12, ph + 12);
  if (photo) cover(ctx, photo, px, py, pw, ph);
  else {
    ctx.fillStyle = DARK;
    ctx.fillRect(px, py, pw, ph);
    ctx.fillStyle = GOLD;
    ctx.font = `bold 180px ${FONTS}`;
    ctx.textBaseline = "middle";
    ctx.fillText(Array.from(d.name)[0] || "", W / 2, py + ph / 2);
    ctx.textBaseline = "top";
  }

  // Number badge, name, unit, headline.
  y = py + ph + 30;
  ctx.font = `bold 30px ${FONTS}`;
  const badge = d.number;
  const bw = ctx.measureText(badge).width + 40;
  ctx.fillStyle = RED;
  roundedRect(ctx, (W - bw) / 2, y, bw, 48, 24);
  ctx.fill();
  ctx.fillStyle = "#fff";
  ctx.fillText(badge, W / 2, y + 8);
  y += 66;
  ctx.fillStyle = "#1a1a1a";
  ctx.font = `bold 72px ${FONTS}`;
  ctx.fillText(d.name, W / 2, y);
  y += 92;
  ctx.fillStyle = "#555";
  ctx.font = `30px ${FONTS}`;
  for (const l of lines(ctx, d.unit, W - 140, 2)) {
    ctx.fillText(l, W / 2, y);
    y += 42;
  }
  y += 8;
  ctx.fillStyle = RED;
  ctx.font = `bold 34px ${FONTS}`;
  for (const l of lines(ctx, `“${d.headline}”`, W - 140, 2)) {
    ctx.fillText(l, W / 2, y);
    y += 48;
  }

  // QR code and the call to action at the bottom of the card.
  const qs = 200;
  const qy = cardY + cardH - qs - 90;
  if (qr) {
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(qr, (W - qs) / 2, qy, qs, qs);
  }
  ctx.fillStyle = "#1a1a1a";
  ctx.font = `bold 30px ${FONTS}`;
  ctx.fillText(d.cta, W / 2, qy + qs + 16);
  ctx.fillStyle = "#fff";
  ctx.font = `24px ${FONTS}`;
  ctx.fillText(d.site, W / 2, H - 46);
}

/**
 * The poster as a PNG data URL. A portrait that taints the canvas (another origin, an SVG in an
 * old WebView) makes toDataURL throw: then it is drawn again without the portrait.
 */
export async function makePoster(d: PosterData): Promise<string> {
  const [photo, qr] = await Promise.all([d.photo ? loadImage(d.photo) : null, loadImage(d.qr)]);
  const canvas = document.createElement("canvas");
  canvas.width = POSTER_WIDTH;
  canvas.height = POSTER_HEIGHT;
  draw(canvas, d, photo, qr);
  try {
    return canvas.toDataURL("image/png");
  } catch {
    const clean = document.createElement("canvas");
    clean.width = POSTER_WIDTH;
    clean.height = POSTER_HEIGHT;
    draw(clean, d, null, qr);
    return clean.toDataURL("image/png");
  }
}

(window as unknown as { bangyangPoster?: typeof makePoster }).bangyangPoster = makePoster;
