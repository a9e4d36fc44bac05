/**
 * WeChat JS-SDK share cards (DESIGN §1, issue 17). When an Official Account is configured
 * (`WECHAT_APP_ID` / `WECHAT_APP_SECRET`, the site's domain registered as its JS安全域名), the server
 * signs `wx.config` for a page: an access_token from `cgi-bin/token`, a jsapi_ticket from
 * `cgi-bin/ticket/getticket`, both valid 7,200 s and rate-limited by WeChat, so both are cached
 * until shortly before they expire — per isolate, and in D1 so isolates share them. The signature
 * is WeChat's: sha1 of `jsapi_ticket=…&noncestr=…&timestamp=…&url=…` (the page URL without `#…`).
 * `WECHAT_API_ORIGIN` points the calls at a local mock in tests (default api.weixin.qq.com).
 * Off without the keys; any failure to get a ticket is "no share config", never a 500.
 */
import type { Database } from "../db/client";
import {
  findWeChatCredential,
  forgetWeChatCredential,
  saveWeChatCredential,
  type WeChatCredentialKind,
} from "../db/queries/wechat";
import type { ShareConfig } from "../domain/wechat";
import { WECHAT_API_ORIGIN, wechatKeys, wechatOrigin } from "./wechat-oauth";

export { WECHAT_API_ORIGIN };
/**
 * WeChat's own JS-SDK script. It cannot be self-hosted here (no copy offline, and WeChat updates
 * it); inside WeChat it is loaded from WeChat's host, reachable in mainland China, which is the
 * documented way. Only pages opened inside WeChat with a signed config ever load it.
 */
export const JSSDK_URL = "https://res.wx.qq.com/open/js/jweixin-1.6.0.js";
export const JSSDK_ORIGIN = "https://res.wx.qq.com";
export const SHARE_APIS = [
  "updateAppMessageShareData",
  "updateTimelineShareData",
  "onMenuShareAppMessage",
  "onMenuShareTimeline",
];
/** Refresh this long before WeChat's expiry, so a page never gets a config about to die. */
const MARGIN_MS = 5 * 60_000;
const TIMEOUT_MS = 5_000;

export interface WeChatConfig {
  appId: string;
  appSecret: string;
  apiOrigin: string;
}

export function wechatConfig(env: {
  WECHAT_APP_ID?: string;
  WECHAT_APP_SECRET?: string;
  WECHAT_API_ORIGIN?: string;
}): WeChatConfig | null {
  const keys = wechatKeys(env);
  return keys && { ...keys, apiOrigin: wechatOrigin(env.WECHAT_API_ORIGIN, WECHAT_API_ORIGIN) };
}

/** WeChat answered with an error code, or not at all. */
export class WeChatError extends Error {
  constructor(
    message: string,
    readonly errcode?: number,
  ) {
    super(message);
  }
}

/** WeChat's signature for wx.config: sha1 hex of the four fields in this order. */
export async function jsapiSignature(
  ticket: string,
  nonceStr: string,
  timestamp: number,
  url: string,
): Promise<string> {
  const text = `jsapi_ticket=${ticket}&noncestr=${nonceStr}&timestamp=${timestamp}&url=${url}`;
  const digest = await crypto.subtle.digest("SHA-1", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

const memory = new Map<string, { value: string; expiresAt: number }>();

/** For tests: forget what this isolate holds. */
export function forgetWeChatMemory(): void {
  memory.clear();
}

async function getJson(url: string): Promise<Record<string, unknown>> {
  let res: Response;
  try {
    res = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch {
    throw new WeChatError("WeChat did not answer");
  }
  if (!res.ok) throw new WeChatError(`WeChat answered HTTP ${res.status}`);
  try {
    return (await res.json()) as Record<string, unknown>;
  } catch {
    throw new WeChatError("WeChat answered something other than JSON");
  }
}

/** An answer's value and lifetime, or a WeChatError with its errcode. */
function credentialFrom(
  body: Record<string, unknown>,
  field: "access_token" | "ticket",
  now: number,
): { value: string; expiresAt: number } {
  const errcode = typeof body.errcode === "number" ? body.errcode : 0;
  const value = body[field];
  if (errcode !== 0 || typeof value !== "string" || !value) {
    throw new WeChatError(`WeChat refused: ${errcode} ${String(body.errmsg ?? "")}`, errcode);
  }
  const seconds = typeof body.expires_in === "number" ? body.expires_in : 7200;
  return { value, expiresAt: now + seconds * 1000 - MARGIN_MS };
}

async function cached(
  db: Database,
  config: WeChatConfig,
  kind: WeChatCredentialKind,
  now: number,
  fetchFresh: () => Promise<{ value: string; expiresAt: number }>,
): Promise<string> {
  const key = `${config.appId}:${kind}`;
  const hit = memory.get(key);
  if (hit && hit.expiresAt > now) return hit.value;
  const shared = await findWeChatCredential(db, kind, config.appId, now);
  if (shared) {
    memory.set(key, shared);
    return shared.value;
  }
  const fresh = await fetchFresh();
  memory.set(key, fresh);
  await saveWeChatCredential(db, kind, config.appId, fresh.value, fresh.expiresAt);
  return fresh.value;
}

async function forget(db: Database, config: WeChatConfig, kind: WeChatCredentialKind) {
  memory.delete(`${config.appId}:${kind}`);
  await forgetWeChatCredential(db, kind);
}

function accessToken(db: Database, config: WeChatConfig, now: number): Promise<string> {
  return cached(db, config, "access_token", now, async () => {
    const q = new URLSearchParams({
      grant_type: "client_credential",
      appid: config.appId,
      secret: config.appSecret,
    });
    return credentialFrom(
      await getJson(`${config.apiOrigin}/cgi-bin/token?${q}`),
      "access_token",
      now,
    );
  });
}

/** access_token rejected as invalid (40001), expired (42001) or not the latest (40014). */
const STALE_TOKEN = new Set([40001, 40014, 42001]);

/** The jsapi_ticket, cached; a ticket call that finds the token stale refreshes it once. */
export function jsapiTicket(db: Database, config: WeChatConfig, now: number): Promise<string> {
  return cached(db, config, "jsapi_ticket", now, async () => {
    for (let attempt = 0; ; attempt++) {
      const token = await accessToken(db, config, now);
      const q = new URLSearchParams({ access_token: token, type: "jsapi" });
      try {
        return credentialFrom(
          await getJson(`${config.apiOrigin}/cgi-bin/ticket/getticket?${q}`),
          "ticket",
          now,
        );
      } catch (err) {
        if (attempt > 0 || !(err instanceof WeChatError) || !STALE_TOKEN.has(err.errcode ?? 0))
          throw err;
        await forget(db, config, "access_token");
      }
    }
  });
}

export type { ShareConfig };

/** The signed wx.config for `url` (its `#…` dropped, as WeChat signs it). */
export async function shareConfig(
  db: Database,
  config: WeChatConfig,
  url: string,
  now: number,
): Promise<ShareConfig> {
  const ticket = await jsapiTicket(db, config, now);
  const nonceStr = [...crypto.getRandomValues(new Uint8Array(12))]
    .map((b) => b.toString(36).padStart(2, "0"))
    .join("")
    .slice(0, 16);
  const timestamp = Math.floor(now / 1000);
  const page = url.split("#")[0] ?? url;
  return {
    appId: config.appId,
    timestamp,
    nonceStr,
    signature: await jsapiSignature(ticket, nonceStr, timestamp, page),
    jsApiList: SHARE_APIS,
    sdkUrl: JSSDK_URL,
  };
}
