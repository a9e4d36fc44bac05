import { type Context, Hono } from "hono";
import * as v from "valibot";
import { sniffImage } from "../domain/media";
import { ApiError } from "../errors";
import type { AppEnv } from "../types";

/** The largest photo accepted (phones' JPEGs are 2–4 MB); also the upload paths' body limit. */
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;

const Caption = v.optional(v.pipe(v.string(), v.trim(), v.maxLength(200)), "");

/**
 * Stores the request body as a photo in R2 under `<keyPrefix>/<uuid>.<ext>` and returns it as a
 * photo entry (`/media/…` URL and the `?caption=`). The type comes from the bytes, never from the
 * client's Content-Type: only JPEG, PNG and WebP are accepted. Shared by the organizer's and the
 * units' uploads.
 */
export async function storeUploadedPhoto(
  c: Context<AppEnv>,
  keyPrefix: string,
): Promise<{ url: string; caption: string }> {
  const caption = v.parse(Caption, c.req.query("caption") ?? "");
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  if (bytes.byteLength === 0)
    throw new ApiError(400, "invalid_body", "Send the image bytes as the request body.");
  if (bytes.byteLength > MAX_PHOTO_BYTES)
    throw new ApiError(413, "payload_too_large", "Photos are limited to 5 MB.");
  const type = sniffImage(bytes);
  if (!type)
    throw new ApiError(
      415,
      "unsupported_media_type",
      "Only JPEG, PNG and WebP photos are accepted.",
    );
  const key = `${keyPrefix}/${crypto.randomUUID()}.${type.ext}`;
  await c.env.MEDIA.put(key, bytes, { httpMetadata: { contentType: type.mime } });
  return { url: `/media/${key}`, caption };
}

/** Deletes an upload that never made it into a row (refused by the cap or the row's state). */
export async function removeStoredPhoto(c: Context<AppEnv>, url: string): Promise<void> {
  await c.env.MEDIA.delete(url.slice("/media/".length));
}

/**
 * Uploaded photos from R2. Keys are unique per upload (a new photo gets a new key), so the
 * response can be cached for a year.
 */
export const mediaRoutes = new Hono<AppEnv>().get("/media/:key{.+}", async (c) => {
  const key = c.req.param("key");
  if (key.includes("..")) return c.notFound();
  const object = await c.env.MEDIA.get(key);
  if (!object) return c.notFound();
  c.header("Content-Type", object.httpMetadata?.contentType ?? "application/octet-stream");
  c.header("Cache-Control", "public, max-age=31536000, immutable");
  c.header("ETag", object.httpEtag);
  c.header("X-Content-Type-Options", "nosniff");
  return c.body(object.body);
});
