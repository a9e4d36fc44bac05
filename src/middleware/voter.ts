import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import { randomId, voterHash } from "../domain/identity";
import { voterShardKey } from "../shards/barrier";
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
 * Marks a cookie born on a POST (a like or its 428) until the client loads a page with it. The
 * mark is inside the signed value, after the id; the voter hash comes from the id alone, so the
 * voter stays the same when the mark is dropped.
 */
const NO_PAGE_MARK = "~";
const COOKIE_VALUE = /^([\w-]{16,64})(~?)$/;

/** A cookie value's id and whether it still carries the no-page-load mark; null if malformed. */
export function parseVoterCookie(
  value: string | undefined,
): { id: string; marked: boolean } | null {
  const m = value ? COOKIE_VALUE.exec(value) : null;
  return m?.[1] ? { id: m[1], marked: m[2] === NO_PAGE_MARK } : null;
}

/**
 * Identifies the voter by a random id in an HMAC-signed, HttpOnly cookie, issuing one on first
 * contact (a tampered or foreign cookie is replaced, never trusted). Sets `c.var.voter`; the IP is
 * hashed (salted per campaign) only where a like is written. A GET is a page load: it clears the
 * no-page-load mark of a cookie born on a like; a POST that gets a new cookie gets a marked one.
 */
export const identifyVoter = createMiddleware<AppEnv>(async (c, next) => {
  const secret = c.env.SESSION_SECRET;
  if (!secret || !c.env.IP_HASH_SALT)
    throw new Error("SESSION_SECRET and IP_HASH_SALT must be set");
  const parsed = parseVoterCookie(await readSignedCookie(c, secret, VOTER_COOKIE));
  const isNew = parsed === null;
  const pageLoad = c.req.method === "GET";
  const id = parsed?.id ?? randomId();
  const marked = !pageLoad && (isNew || parsed.marked);
  if (isNew || parsed.marked !== marked) {
    await writeSignedCookie(c, VOTER_COOKIE, marked ? `${id}${NO_PAGE_MARK}` : id, secret, {
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
    noPageLoad: marked,
  });
  await next();
});

/**
 * The key the voter's likes are sharded by (shards/barrier.ts `voterShardKey`), from the cookies
 * the request carries, issuing none. Null without a valid cookie.
 */
export async function carriedVoterKey(
  c: Context,
  identityMode: "cookie" | "wechat",
): Promise<string | null> {
  const secret = c.env.SESSION_SECRET as string | undefined;
  if (!secret) return null;
  const wechat = identityMode === "wechat" ? await readWeChatIdentity(c, secret) : null;
  const parsed = parseVoterCookie(await readSignedCookie(c, secret, VOTER_COOKIE));
  const cookieHash = parsed ? await voterHash(secret, parsed.id) : null;
  return cookieHash === null ? wechat : voterShardKey(identityMode, cookieHash, wechat);
}
