import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { createMiddleware } from "hono/factory";
import { matchedRoutes } from "hono/route";
import { BODY_BYTES } from "../../domain/body-limits";
import { ApiError } from "../../errors";
import type { AppEnv } from "../../types";

/**
 * Request bodies larger than a route allows are refused with 413 before anything reads them.
 * A route (or its sub-app, for all its routes) declares its allowance with `maxBody(bytes)`;
 * `limitBodies`, once in front of the router, enforces the largest allowance among the handlers
 * the request matched, and `BODY_BYTES.public` where none is declared.
 */

const BODY_LIMIT = Symbol.for("bangyang.bodyLimit");

type Marked = MiddlewareHandler & { [BODY_LIMIT]?: number };

/** Declares that the routes this middleware is registered for accept bodies up to `bytes`. */
export function maxBody(bytes: number): MiddlewareHandler {
  const declare: MiddlewareHandler = (_c, next) => next();
  return Object.assign(declare, { [BODY_LIMIT]: bytes });
}

// One limiter per size, built once.
const limiters = new Map<number, MiddlewareHandler>();
function limiterFor(maxSize: number): MiddlewareHandler {
  let limiter = limiters.get(maxSize);
  if (!limiter) {
    limiter = bodyLimit({
      maxSize,
      onError: () => {
        throw new ApiError(
          413,
          "payload_too_large",
          `Request bodies are limited to ${maxSize} bytes here.`,
        );
      },
    });
    limiters.set(maxSize, limiter);
  }
  return limiter;
}

/** The allowance the request's route declared (the largest, where a sub-app and a route both do). */
export function declaredBodyLimit(c: Parameters<typeof matchedRoutes>[0]): number {
  let bytes = 0;
  for (const route of matchedRoutes(c))
    bytes = Math.max(bytes, (route.handler as Marked)[BODY_LIMIT] ?? 0);
  return bytes || BODY_BYTES.public;
}

/** Requests without a body (GET, HEAD) skip it. */
export const limitBodies = createMiddleware<AppEnv>((c, next) =>
  c.req.method === "GET" || c.req.method === "HEAD"
    ? next()
    : limiterFor(declaredBodyLimit(c))(c, next),
);
