import type { Context } from "hono";
import { BODY_BYTES } from "../../domain/body-limits";
import { sniffImage } from "../../domain/media";
import { ApiError } from "../../errors";
import type { AppEnv } from "../../types";
import { validate } from "../../validators/hook";
import { UploadQuery } from "../../validators/queries";
import { maxBody } from "./body-limit";

/** What a photo upload route declares: its body allowance and its `?caption=`. */
export const photoBody = maxBody(BODY_BYTES.photo);
export const photoQuery = validate("query", UploadQuery, "invalid_query");

/**
 * Stores the request body as a photo in R2 under `<keyPrefix>/<uuid>.<ext>` and returns it as a
 * photo entry (`/media/…` URL and the caption, the route's validated `?caption=`). The type comes from the bytes, never from the
 * client's Content-Type: only JPEG, PNG and WebP are accepted. Shared by the organizer's and the
 * units' uploads.
 */
export async function storeUploadedPhoto(
  c: Context<AppEnv>,
  keyPrefix: string,
  caption: string,
): Promise<{ url: string; caption: string }> {
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  if (bytes.byteLength === 0)
    throw new ApiError(400, "invalid_body", "Send the image bytes as the request body.");
  if (bytes.byteLength > BODY_BYTES.photo)
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

/** 409 `too_many_photos`: a nominee's or a nomination's photos are at their cap. */
export function tooManyPhotos(max: number, per: "nominee" | "nomination"): ApiError {
  return new ApiError(
    409,
    "too_many_photos",
    `At most ${max} photos per ${per}: remove one before adding another.`,
  );
}

/**
 * Adds an uploaded photo to a nominee or a nomination: refused at the cap, stored, then appended
 * by `append` (in SQL, under the cap, so concurrent uploads all land). When the append does not
 * land (null) the stored file is removed again and null is returned.
 */
export async function addUploadedPhoto<T>(
  c: Context<AppEnv>,
  has: { photos: readonly unknown[] },
  cap: { max: number; per: "nominee" | "nomination"; keyPrefix: string; caption: string },
  append: (photo: { url: string; caption: string }) => Promise<T | null | undefined>,
): Promise<T | null> {
  if (has.photos.length >= cap.max) throw tooManyPhotos(cap.max, cap.per);
  const photo = await storeUploadedPhoto(c, cap.keyPrefix, cap.caption);
  const added = await append(photo);
  if (added) return added;
  await removeStoredPhoto(c, photo.url);
  return null;
}
