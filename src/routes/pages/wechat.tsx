import { type Context, Hono } from "hono";
import { TtlCache } from "../../domain/ttl-cache";
import { checkState, safeReturnPath, wechatVoterHash } from "../../domain/wechat";
import { exchangeCode, wechatOAuthConfig } from "../../integrations/wechat-oauth";
import { isLocalHost } from "../../middleware/voter";
import { takeStateNonce, writeWeChatIdentity } from "../../middleware/wechat-identity";
import type { AppEnv } from "../../types";
import { WeChatFailurePage } from "../../views/pages/wechat-page";
import { type SignInFailure, WECHAT_TEXT } from "../../views/wechat-text";
import { SIGNED_IN_MARK, wechatSignInRedirect } from "../shared/wechat-sign-in";
import { WECHAT_CALLBACK_PATH, wechatSignInPath } from "../wechat-paths";
import { publicOrigin } from "./page-context";

/**
 * 微信网页授权 for wechat-mode campaigns (issue 13 item 5): `/wechat/authorize?next=<page>` sends
 * the browser to WeChat with a signed state; WeChat sends it back to `/wechat/callback` with a
 * code, which the server exchanges for the openid. The browser then carries only the openid's
 * HMAC, in a signed cookie (middleware/wechat-identity.ts), and lands on the page it came from.
 */

/**
 * Sign-ins finished in this isolate in the last five minutes (a code's life), by code and state.
 * WeChat's browser is known to load the callback twice with the same code (the first load
 * aborted); the second exchange would fail with "code been used" and show a failure for a sign-in
 * that worked. The state is bound to this browser's nonce, so a repeat from elsewhere still fails.
 */
const recentSignIns = new TtlCache<string>(2000);

function failure(
  c: Context<AppEnv>,
  reason: SignInFailure,
  returnPath: string | null,
  status: 400 | 403 | 502 | 503,
) {
  const retryable = reason !== "misconfigured" && reason !== "snapshot_user";
  const page = (
    <WeChatFailurePage
      t={WECHAT_TEXT[c.var.prefs.locale]}
      reason={reason}
      prefs={c.var.prefs}
      // The page's language and text-size links lead to the page the sign-in came from: the
      // callback's own URL cannot be loaded twice (its nonce is spent).
      url={`${publicOrigin(c)}${returnPath ?? "/"}`}
      returnPath={returnPath}
      retryUrl={retryable && returnPath ? wechatSignInPath(...splitReturnPath(returnPath)) : null}
    />
  );
  c.header("Cache-Control", "no-store");
  return c.html(`<!doctype html>${String(page)}`, status);
}

/** `/c/<slug>[/<number>]` → [slug, number?] (the path passed safeReturnPath). */
function splitReturnPath(path: string): [string, number?] {
  const [, , slug = "", number] = path.split("/");
  return number ? [slug, Number(number)] : [slug];
}

export const wechatPages = new Hono<AppEnv>()
  .get("/wechat/authorize", async (c) => {
    const returnPath = safeReturnPath(c.req.query("next"));
    if (!returnPath) return failure(c, "link_invalid", null, 400);
    const config = wechatOAuthConfig(c.env);
    if (!config) return failure(c, "misconfigured", returnPath, 503);
    c.header("Cache-Control", "no-store");
    return c.redirect(await wechatSignInRedirect(c, config, returnPath), 302);
  })
  .get(WECHAT_CALLBACK_PATH, async (c) => {
    // The nonce is spent whatever happens next: a state is good for one sign-in.
    const nonce = takeStateNonce(c);
    const returnPath = safeReturnPath(c.req.query("next"));
    if (!returnPath) return failure(c, "link_invalid", null, 400);
    const config = wechatOAuthConfig(c.env);
    if (!config) return failure(c, "misconfigured", returnPath, 503);
    const secret = c.env.SESSION_SECRET;
    const check = await checkState(secret, c.req.query("state"), returnPath, nonce, Date.now());
    if (check === "expired") return failure(c, "link_expired", returnPath, 400);
    if (check !== "ok") return failure(c, "link_invalid", returnPath, 400);
    const code = c.req.query("code");
    if (!code) return failure(c, "code_invalid", returnPath, 400);
    const now = Date.now();
    const key = `${code}\n${c.req.query("state")}`;
    const repeat = recentSignIns.get(key, now);
    const result = repeat ? null : await exchangeCode(config, code);
    if (result && !result.ok) {
      if (result.errcode !== undefined && result.reason !== "code_invalid") {
        console.error(`WeChat code exchange refused: errcode ${result.errcode}`);
      }
      const status =
        result.reason === "code_invalid" ? 400 : result.reason === "snapshot_user" ? 403 : 502;
      return failure(c, result.reason, returnPath, status);
    }
    const hash = repeat ?? (await wechatVoterHash(secret, result?.openid ?? ""));
    recentSignIns.set(key, hash, now + 5 * 60 * 1000);
    await writeWeChatIdentity(c, secret, hash, !isLocalHost(c.req.url));
    c.header("Cache-Control", "no-store");
    // An explicit fragment: a browser would otherwise keep the authorize URL's #wechat_redirect.
    return c.redirect(`${returnPath}?${SIGNED_IN_MARK}=1#main`, 303);
  });
