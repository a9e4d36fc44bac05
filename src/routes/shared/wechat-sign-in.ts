import type { Context } from "hono";
import { signState } from "../../domain/wechat";
import { authorizeUrl, type WeChatOAuthConfig } from "../../integrations/wechat-oauth";
import { isLocalHost } from "../../middleware/voter";
import { issueStateNonce } from "../../middleware/wechat-identity";
import type { AppEnv } from "../../types";
import { publicOrigin } from "../pages/page-context";
import { WECHAT_CALLBACK_PATH } from "../wechat-paths";

/** Starting a WeChat sign-in (微信网页授权): shared by the profile page and the sign-in route. */

/** The query parameter the callback adds to the return path, so a page never redirects in a loop. */
export const SIGNED_IN_MARK = "wx";

/** The WeChat URL that signs this browser in and comes back to `returnPath`. */
export async function wechatSignInRedirect(
  c: Context<AppEnv>,
  config: WeChatOAuthConfig,
  returnPath: string,
): Promise<string> {
  const nonce = issueStateNonce(c, !isLocalHost(c.req.url));
  const state = await signState(c.env.SESSION_SECRET, returnPath, nonce, Date.now());
  const redirectUri = `${publicOrigin(c)}${WECHAT_CALLBACK_PATH}?next=${encodeURIComponent(returnPath)}`;
  return authorizeUrl(config, redirectUri, state);
}
