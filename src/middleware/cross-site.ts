import { createMiddleware } from "hono/factory";
import { ApiError } from "../errors";
import type { AppEnv } from "../types";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Refuses state-changing requests made by another site, so no page elsewhere can cast likes (or
 * anything else) for its visitors. Browsers send `Sec-Fetch-Site` and/or `Origin` on such
 * requests; scripts like curl send neither and pass (the flood limit and the rules still apply).
 */
export const refuseCrossSite = createMiddleware<AppEnv>(async (c, next) => {
  if (!SAFE_METHODS.has(c.req.method)) {
    const fetchSite = c.req.header("Sec-Fetch-Site");
    if (fetchSite && fetchSite !== "same-origin" && fetchSite !== "none") {
      throw crossSite();
    }
    const origin = c.req.header("Origin");
    if (origin !== undefined && !sameOrigin(origin, c.req.url, c.env.PUBLIC_ORIGIN)) {
      throw crossSite();
    }
  }
  await next();
});

function sameOrigin(origin: string, requestUrl: string, publicOrigin: string): boolean {
  if (origin === new URL(requestUrl).origin) return true;
  return publicOrigin !== "" && origin === publicOrigin;
}

function crossSite(): ApiError {
  return new ApiError(403, "cross_site", "Requests from other sites are not accepted.");
}
