import { Hono } from "hono";
import { ApiError } from "../../errors";
import { shareConfig, WeChatError, wechatConfig } from "../../integrations/wechat-jssdk";
import type { AppEnv } from "../../types";
import { publicOrigin } from "../pages/page-context";

/**
 * GET /api/wechat/share-config?url=<the page's URL> — the signed wx.config for one of our own
 * pages (src/client/app.ts asks for it inside WeChat only). 404 `wechat_not_configured` without an
 * Official Account; 400 `invalid_query` for a URL that is not ours; 503 `wechat_unavailable` when
 * WeChat refuses or does not answer (the page then shows its hint instead).
 */
export const wechatApi = new Hono<AppEnv>().get("/share-config", async (c) => {
  c.header("Cache-Control", "no-store");
  const config = wechatConfig(c.env);
  if (!config)
    throw new ApiError(404, "wechat_not_configured", "No WeChat Official Account is configured.");
  const raw = c.req.query("url") ?? "";
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ApiError(400, "invalid_query", "url must be the full address of one of our pages.");
  }
  const ours = [publicOrigin(c), new URL(c.req.url).origin];
  if (raw.length > 2000 || !ours.includes(url.origin)) {
    throw new ApiError(400, "invalid_query", "url must be the full address of one of our pages.");
  }
  try {
    return c.json(await shareConfig(c.var.db, config, raw, Date.now()));
  } catch (err) {
    if (!(err instanceof WeChatError)) throw err;
    console.warn(`wechat share-config: ${err.message}`);
    throw new ApiError(503, "wechat_unavailable", "WeChat did not give a share signature.");
  }
});
