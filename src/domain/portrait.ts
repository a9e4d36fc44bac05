/**
 * Placeholder portraits for nominees without a real photo: a 3:4 SVG (viewBox 0 0 300 400) with a
 * calm background colour picked deterministically from the name and a neutral head-and-shoulders
 * silhouette. The name is not drawn: pages print it next to the picture, and CJK text inside an
 * SVG <img> cost phones a measurable share of their main-thread time (font fallback per image).
 * Pure: the same name always gives the same bytes.
 */

/**
 * Calm, dignified backgrounds. Every colour gives white text a contrast ratio of at least 5.8:1
 * (WCAG AA needs 4.5:1); the silhouette only darkens the background, so the text over it keeps that.
 */
export const PORTRAIT_PALETTE = [
  "#3B5B7A", // slate blue
  "#2F6B66", // deep teal
  "#4E6151", // sage
  "#5E4F72", // muted plum
  "#7A5A44", // walnut
  "#7A3E48", // wine
  "#475569", // slate
  "#3F4E7A", // indigo
] as const;

/** FNV-1a over the name's code points: stable across runtimes, unlike anything locale-dependent. */
function hashName(name: string): number {
  let h = 0x811c9dc5;
  for (const ch of name) {
    h ^= ch.codePointAt(0) ?? 0;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** The background colour of `name`'s placeholder portrait. */
export function portraitColor(name: string): string {
  return PORTRAIT_PALETTE[hashName(name) % PORTRAIT_PALETTE.length] ?? PORTRAIT_PALETTE[0];
}

function escapeXml(s: string): string {
  return s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

/** The accessible name of `name`'s placeholder, e.g. "陈顺（肖像占位图）". */
export function portraitLabel(name: string): string {
  return `${name}（肖像占位图）`;
}

/** A self-contained SVG placeholder portrait for `name`: no scripts, no external references. */
export function portraitSvg(name: string): string {
  const trimmed = name.trim();
  const label = escapeXml(portraitLabel(trimmed));
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 400" width="300" height="400" role="img" aria-label="${label}">`,
    `<title>${label}</title>`,
    `<rect width="300" height="400" fill="${portraitColor(trimmed)}"/>`,
    `<g fill="#fff" fill-opacity=".28">`,
    `<circle cx="150" cy="168" r="66"/>`,
    `<path d="M30 400v-58c0-66 54-112 120-112s120 46 120 112v58z"/>`,
    `</g>`,
    `</svg>`,
    "",
  ].join("\n");
}
