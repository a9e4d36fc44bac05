import { createMiddleware } from "hono/factory";
import { ApiError } from "../errors";
import type { AppEnv } from "../types";
import { clientIp } from "./voter";

/**
 * Stops floods from one IP with the Workers Rate Limiting binding (approximate, per location). It
 * is set high (≥ 300 likes/min) on purpose: a whole office behind one NAT address must still vote.
 * The exact rules live in D1.
 */
export const floodGuard = createMiddleware<AppEnv>(async (c, next) => {
  const { success } = await c.env.LIKE_RATE_LIMITER.limit({
    key: `like:${clientIp(c.req.raw.headers)}`,
  });
  if (!success) {
    throw new ApiError(
      429,
      "rate_limited",
      "Too many likes from this network; try again in a minute.",
      {
        "Retry-After": "60",
      },
    );
  }
  await next();
});
