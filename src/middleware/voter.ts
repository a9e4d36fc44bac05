import { createMiddleware } from "hono/factory";
import { randomId, voterHash } from "../domain/identity";
import type { AppEnv } from "../types";
import { readSignedCookie, writeSignedCookie } from "./signed-cookie";
import { readWeChatIdentity } from "./wechat-identity";

export const VOTER_COOKIE = "by_voter";
const VOTER_COOKIE_MAX_AGE = 60 * 60 * 24 * 180;

// The host of an absolute URL as a request carries it (no userinfo); matched, not parsed: every
// request asks, and building a URL for it was a visible share of a cached answer's time.
const LOCAL_HOST = /^[a-z][a-z0-9+.-]*:\/\/(?:localhost|127\.0\.0\.1|\[::1\])(?:[:/?#]|$)/i;

/** Local development runs on plain http; everywhere else cookies are Secure. */
export function isLocalHost(url: string): boolean {
  return LOCAL_HOST.test(url);
}

/** The client's IP as Cloudflare reports it. */
export function clientIp(headers: Headers): string {
  return headers.get("CF-Connecting-IP") ?? "0.0.0.0";
}

/**
 * Identifies the voter by a random id in an HMAC-signed, HttpOnly cookie, issuing one on first
 * contact (a tampered or foreign cookie is replaced, never trusted). Sets `c.var.voter`; the IP is
 * hashed (salted per campaign) only where a like is written.
 */
export const identifyVoter = createMiddleware<AppEnv>(async (c, next) => {
  const secret = c.env.SESSION_SECRET;
  if (!secret || !c.env.IP_HASH_SALT)
    throw new Error("SESSION_SECRET and IP_HASH_SALT must be set");
  let id = await readSignedCookie(c, secret, VOTER_COOKIE);
  const isNew = !id || !/^[\w-]{16,64}$/.test(id);
  if (!id || isNew) {
    id = randomId();
    await writeSignedCookie(c, VOTER_COOKIE, id, secret, {
      path: "/",
      httpOnly: true,
      sameSite: "Lax",
      secure: !isLocalHost(c.req.url),
      maxAge: VOTER_COOKIE_MAX_AGE,
    });
  }
  c.set("voter", {
    hash: await voterHash(secret, id),
    ip: clientIp(c.req.raw.headers),
    isNew,
    // Only what a WeChat sign-in left (issue 13 item 5); wechat-mode campaigns count by it.
    wechatHash: await readWeChatIdentity(c, secret),
  });
  await next();
});
