import { getSignedCookie, setSignedCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import { ipHash, randomId, voterHash } from "../domain/identity";
import type { AppEnv } from "../types";

export const VOTER_COOKIE = "by_voter";
const VOTER_COOKIE_MAX_AGE = 60 * 60 * 24 * 180;

/** Local development runs on plain http; everywhere else cookies are Secure. */
export function isLocalHost(url: string): boolean {
  const host = new URL(url).hostname;
  return host === "localhost" || host === "127.0.0.1" || host === "[::1]";
}

/** The client's IP as Cloudflare reports it. */
export function clientIp(headers: Headers): string {
  return headers.get("CF-Connecting-IP") ?? "0.0.0.0";
}

/**
 * Identifies the voter by a random id in an HMAC-signed, HttpOnly cookie, issuing one on first
 * contact (a tampered or foreign cookie is replaced, never trusted), and hashes the client IP with
 * a secret salt. Sets `c.var.voter`.
 */
export const identifyVoter = createMiddleware<AppEnv>(async (c, next) => {
  const secret = c.env.SESSION_SECRET;
  if (!secret || !c.env.IP_HASH_SALT)
    throw new Error("SESSION_SECRET and IP_HASH_SALT must be set");
  let id = await getSignedCookie(c, secret, VOTER_COOKIE);
  const isNew = !id || !/^[\w-]{16,64}$/.test(id);
  if (!id || isNew) {
    id = randomId();
    await setSignedCookie(c, VOTER_COOKIE, id, secret, {
      path: "/",
      httpOnly: true,
      sameSite: "Lax",
      secure: !isLocalHost(c.req.url),
      maxAge: VOTER_COOKIE_MAX_AGE,
    });
  }
  const ip = clientIp(c.req.raw.headers);
  c.set("voter", {
    hash: await voterHash(secret, id),
    ipHash: await ipHash(c.env.IP_HASH_SALT, ip),
    ip,
    isNew,
  });
  await next();
});
