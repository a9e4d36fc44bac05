import { Hono } from "hono";
import type { AppEnv } from "../types";

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
