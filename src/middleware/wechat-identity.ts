import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { randomId } from "../domain/identity";
import { readSignedCookie, writeSignedCookie } from "./signed-cookie";

/**
 * The WeChat identity a browser carries after 微信网页授权: a signed, HttpOnly cookie holding the
 * voter hash derived from the openid (domain/wechat.ts), never the openid. A week: inside WeChat a
 * new sign-in is silent, so a short life costs voters nothing.
 */
export const WECHAT_COOKIE = "by_wechat";
const WECHAT_COOKIE_MAX_AGE = 60 * 60 * 24 * 7;

/** The nonce a sign-in's `state` is bound to, for the ten minutes the round trip may take. */
export const WECHAT_STATE_COOKIE = "by_wechat_state";
const STATE_PATH = "/wechat";

// A distinct key from the voter cookie's, so one cookie's value can never pass as the other.
const key = (secret: string) => `wechat-identity:${secret}`;

/** The WeChat voter hash from the cookie, or null when there is none (or it is not ours). */
export async function readWeChatIdentity(c: Context, secret: string): Promise<string | null> {
  const value = await readSignedCookie(c, key(secret), WECHAT_COOKIE);
  return value && /^[0-9a-f]{32}$/.test(value) ? value : null;
}

/** `secure`: false only on local http (middleware/voter.ts `isLocalHost`). */
export async function writeWeChatIdentity(
  c: Context,
  secret: string,
  hash: string,
  secure: boolean,
): Promise<void> {
  await writeSignedCookie(c, WECHAT_COOKIE, hash, key(secret), {
    path: "/",
    httpOnly: true,
    sameSite: "Lax",
    secure,
    maxAge: WECHAT_COOKIE_MAX_AGE,
  });
}

/** A fresh nonce for a sign-in, kept in the browser until the callback. */
export function issueStateNonce(c: Context, secure: boolean): string {
  const nonce = randomId();
  // Lax: WeChat's redirect back to us is a top-level GET, which carries it.
  setCookie(c, WECHAT_STATE_COOKIE, nonce, {
    path: STATE_PATH,
    httpOnly: true,
    sameSite: "Lax",
    secure,
    maxAge: 600,
  });
  return nonce;
}

/** The sign-in's nonce, spent: the cookie is removed whatever the outcome. */
export function takeStateNonce(c: Context): string | undefined {
  const nonce = getCookie(c, WECHAT_STATE_COOKIE);
  if (nonce !== undefined) deleteCookie(c, WECHAT_STATE_COOKIE, { path: STATE_PATH });
  return nonce && /^[\w-]{16,64}$/.test(nonce) ? nonce : undefined;
}
