/**
 * 微信网页授权 (WeChat web OAuth) with scope `snsapi_base`: silent inside WeChat, it gives the
 * account's openid for our Official Account and nothing else (no nickname, no avatar). On only when
 * WECHAT_APP_ID and WECHAT_APP_SECRET are set. The hosts can be pointed at a local mock with
 * WECHAT_OPEN_ORIGIN / WECHAT_API_ORIGIN (tests, e2e); empty means WeChat's own.
 *
 * Flow: our page redirects to `<open>/connect/oauth2/authorize?appid&redirect_uri&response_type=code
 * &scope=snsapi_base&state#wechat_redirect`; WeChat redirects back to `redirect_uri?code&state`;
 * the server exchanges the code (single use, valid 5 minutes) at
 * `<api>/sns/oauth2/access_token?appid&secret&code&grant_type=authorization_code` for
 * `{access_token, expires_in, refresh_token, openid, scope}` or `{errcode, errmsg}`.
 */

export const WECHAT_OPEN_ORIGIN = "https://open.weixin.qq.com";
export const WECHAT_API_ORIGIN = "https://api.weixin.qq.com";

export interface WeChatOAuthConfig {
  appId: string;
  appSecret: string;
  openOrigin: string;
  apiOrigin: string;
}

/** The Official Account's keys, both set, or null: every WeChat feature is off without them. */
export function wechatKeys(env: {
  WECHAT_APP_ID?: string;
  WECHAT_APP_SECRET?: string;
}): { appId: string; appSecret: string } | null {
  const appId = env.WECHAT_APP_ID?.trim();
  const appSecret = env.WECHAT_APP_SECRET?.trim();
  return appId && appSecret ? { appId, appSecret } : null;
}

/** A configured host (a local mock in tests), or WeChat's own; no trailing slash. */
export const wechatOrigin = (configured: string | undefined, own: string) =>
  (configured?.trim() || own).replace(/\/+$/, "");

export function wechatOAuthConfig(env: {
  WECHAT_APP_ID?: string;
  WECHAT_APP_SECRET?: string;
  WECHAT_OPEN_ORIGIN?: string;
  WECHAT_API_ORIGIN?: string;
}): WeChatOAuthConfig | null {
  const keys = wechatKeys(env);
  if (!keys) return null;
  return {
    ...keys,
    openOrigin: wechatOrigin(env.WECHAT_OPEN_ORIGIN, WECHAT_OPEN_ORIGIN),
    apiOrigin: wechatOrigin(env.WECHAT_API_ORIGIN, WECHAT_API_ORIGIN),
  };
}

/** Where to send the browser: WeChat asks nothing for snsapi_base and comes straight back. */
export function authorizeUrl(
  config: WeChatOAuthConfig,
  redirectUri: string,
  state: string,
): string {
  const q = new URLSearchParams({
    appid: config.appId,
    redirect_uri: redirectUri,
    response_type: "code",
    scope: "snsapi_base",
    state,
  });
  // WeChat documents the parameters in this order and needs the fragment.
  return `${config.openOrigin}/connect/oauth2/authorize?${q}#wechat_redirect`;
}

/** Why an exchange failed, for the page the voter sees (never the raw errmsg). */
export type ExchangeFailure =
  /** 40029 invalid code, 40163 code been used, 42003 code expired, or no code at all. */
  | "code_invalid"
  /** A 朋友圈 snapshot-page virtual account (is_snapshotuser): not a real WeChat user yet. */
  | "snapshot_user"
  /** Our app id or secret was refused (40013, 40125, 40164 IP not whitelisted, …). */
  | "misconfigured"
  /** WeChat did not answer, or not with JSON (timeout, network, 5xx, -1 system busy). */
  | "unavailable";

export type ExchangeResult =
  | { ok: true; openid: string }
  | { ok: false; reason: ExchangeFailure; errcode?: number };

const CODE_ERRORS = new Set([40029, 40163, 42003, 41008]);
const CONFIG_ERRORS = new Set([40001, 40013, 40125, 40164, 41002, 41004, 48001, 50001]);

/**
 * Exchanges an authorization code for the openid. Any failure is an answer, never a throw: the
 * caller shows a page and counts nothing. `fetcher` is injectable for tests.
 */
export async function exchangeCode(
  config: WeChatOAuthConfig,
  code: string,
  fetcher: typeof fetch = fetch,
): Promise<ExchangeResult> {
  if (!/^[\w-]{1,128}$/.test(code)) return { ok: false, reason: "code_invalid" };
  const url = new URL(`${config.apiOrigin}/sns/oauth2/access_token`);
  url.search = new URLSearchParams({
    appid: config.appId,
    secret: config.appSecret,
    code,
    grant_type: "authorization_code",
  }).toString();
  let body: { openid?: unknown; errcode?: unknown; is_snapshotuser?: unknown };
  try {
    const res = await fetcher(url.toString(), { signal: AbortSignal.timeout(5000) });
    if (!res.ok) return { ok: false, reason: "unavailable" };
    body = await res.json();
  } catch {
    return { ok: false, reason: "unavailable" };
  }
  if (typeof body !== "object" || body === null) return { ok: false, reason: "unavailable" };
  const errcode = typeof body.errcode === "number" ? body.errcode : 0;
  if (errcode !== 0) {
    if (CODE_ERRORS.has(errcode)) return { ok: false, reason: "code_invalid", errcode };
    if (CONFIG_ERRORS.has(errcode)) return { ok: false, reason: "misconfigured", errcode };
    return { ok: false, reason: "unavailable", errcode };
  }
  if (body.is_snapshotuser === 1) return { ok: false, reason: "snapshot_user" };
  if (typeof body.openid !== "string" || !/^[\w-]{6,64}$/.test(body.openid)) {
    return { ok: false, reason: "unavailable" };
  }
  return { ok: true, openid: body.openid };
}
