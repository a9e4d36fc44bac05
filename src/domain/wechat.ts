import { keyedHash } from "./identity";

/**
 * The rules of the WeChat identity mode (issue 13 item 5; DESIGN §2 "Voter"): who counts as being
 * inside WeChat, where a sign-in may return to, and the signed `state` that carries a sign-in
 * through WeChat and back. Pure but for HMACs; `now` is a parameter.
 */

/** WeChat's in-app browser (iOS, Android, desktop WeChat) says MicroMessenger in its user agent. */
export function isWeChatUserAgent(ua: string | null | undefined): boolean {
  return /MicroMessenger/i.test(ua ?? "");
}

/** How long a sign-in may take from our redirect to WeChat until its callback (WeChat's code lives 5 min). */
export const STATE_TTL_MS = 10 * 60 * 1000;

// A campaign's grid or a nominee's profile, nothing else: the return path can never leave the site
// (no scheme, no `//host`, no backslash), and never lands on a console or API path.
const RETURN_PATH = /^\/c\/[a-z0-9][a-z0-9-]{1,62}(?:\/[1-9]\d{0,8})?$/;

/** The path a sign-in returns to, if it is one of our public campaign pages; else null. */
export function safeReturnPath(path: string | null | undefined): string | null {
  return path && RETURN_PATH.test(path) ? path : null;
}

/**
 * The `state` of an authorize redirect: WeChat allows only [a-zA-Z0-9], ≤ 128 bytes, and hands it
 * back unchanged. Ours is the expiry (10 digits, Unix seconds) and an HMAC binding it to the
 * return path and to a nonce kept in the browser's cookie, so a state can neither be replayed
 * from another browser (login CSRF) nor sent somewhere else.
 */
export async function signState(
  secret: string,
  returnPath: string,
  nonce: string,
  now: number,
): Promise<string> {
  const exp = String(Math.floor((now + STATE_TTL_MS) / 1000)).padStart(10, "0");
  return `${exp}${await keyedHash(secret, `wechat-state:${exp}:${nonce}:${returnPath}`)}`;
}

export type StateCheck = "ok" | "malformed" | "expired" | "forged";

/** Checks a `state` against the return path and the browser's nonce. */
export async function checkState(
  secret: string,
  state: string | undefined,
  returnPath: string,
  nonce: string | undefined,
  now: number,
): Promise<StateCheck> {
  const m = state ? /^(\d{10})([0-9a-f]{32})$/.exec(state) : null;
  if (!m?.[1] || !m[2]) return "malformed";
  if (!nonce) return "forged";
  const expected = await keyedHash(secret, `wechat-state:${m[1]}:${nonce}:${returnPath}`);
  if (!timingSafeEqual(expected, m[2])) return "forged";
  return Number(m[1]) * 1000 < now ? "expired" : "ok";
}

function timingSafeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/**
 * The ledger's voter hash for a WeChat account: a keyed HMAC of the openid, like the cookie id's
 * (domain/identity.ts), so the raw openid is never stored and nobody without the secret can test a
 * known openid against an exported ledger.
 */
export const wechatVoterHash = (sessionSecret: string, openid: string) =>
  keyedHash(sessionSecret, `wechat:${openid}`);

/** Which variant of the like box a wechat-mode campaign shows this visitor. */
export type WeChatGate =
  /** Signed in with WeChat: the normal like button. */
  | "ready"
  /** In WeChat but not signed in (the silent redirect was not possible): a sign-in button. */
  | "sign_in"
  /** Outside WeChat: a QR code to open the page in WeChat, and why. */
  | "open_in_wechat"
  /** The deployment has no Official Account configured: voting is not possible. */
  | "unavailable";

export function wechatGate(opts: {
  signedIn: boolean;
  inWeChat: boolean;
  configured: boolean;
}): WeChatGate {
  if (opts.signedIn) return "ready";
  if (!opts.configured) return "unavailable";
  return opts.inWeChat ? "sign_in" : "open_in_wechat";
}

/**
 * The signed wx.config the server gives a page inside WeChat (GET /api/wechat/share-config,
 * integrations/wechat-jssdk.ts) and the page passes to WeChat's JS-SDK.
 */
export interface ShareConfig {
  appId: string;
  timestamp: number;
  nonceStr: string;
  signature: string;
  jsApiList: string[];
  sdkUrl: string;
}
