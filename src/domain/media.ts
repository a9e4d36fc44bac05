/** What an uploaded file really is, from its first bytes (never trust the client's type). */
export function sniffImage(bytes: Uint8Array): { mime: string; ext: string } | null {
  const b = (i: number) => bytes[i] ?? -1;
  if (b(0) === 0xff && b(1) === 0xd8 && b(2) === 0xff) return { mime: "image/jpeg", ext: "jpg" };
  if ([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((x, i) => b(i) === x)) {
    return { mime: "image/png", ext: "png" };
  }
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.slice(from, to));
  if (bytes.length >= 12 && ascii(0, 4) === "RIFF" && ascii(8, 12) === "WEBP")
    return { mime: "image/webp", ext: "webp" };
  return null;
}

/** Photos a unit may attach to one nomination. */
export const MAX_NOMINATION_PHOTOS = 6;
/** Photos on one nominee (the organizer may add to what the unit sent). */
export const MAX_NOMINEE_PHOTOS = 12;

/**
 * Nominee and nomination photos are stored under this R2 prefix, so the orphan sweep
 * (db/queries/photos.ts) lists only them: objects referenced from elsewhere (the certificate seal
 * under `seals/`) and uploads from before issue 14 (no prefix) are never touched.
 */
export const UPLOAD_PREFIX = "photos/";

/** An unreferenced upload younger than this may still be on its way into a row: keep it. */
export const ORPHAN_GRACE_MS = 60 * 60 * 1000;

/** The R2 key behind a `/media/…` URL of ours, or null for any other URL. */
export function mediaKey(url: string): string | null {
  return url.startsWith("/media/") ? url.slice("/media/".length) : null;
}

/** Which of `listed` (R2 objects) the sweep deletes: uploads no row references, past the grace. */
export function orphanKeys(
  listed: { key: string; uploaded: number }[],
  referenced: Set<string>,
  now: number,
): string[] {
  return listed
    .filter(
      (o) =>
        o.key.startsWith(UPLOAD_PREFIX) &&
        !referenced.has(o.key) &&
        o.uploaded < now - ORPHAN_GRACE_MS,
    )
    .map((o) => o.key);
}
