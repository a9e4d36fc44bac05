import { createMiddleware } from "hono/factory";
import { NONCE, secureHeaders } from "hono/secure-headers";
import type { AppEnv } from "../types";
import { isLocalHost } from "./voter";

/**
 * Security headers on every answer: a CSP with a per-request nonce and no inline-script allowance
 * (pages load only our own /app.js and /admin.js; the JSON data blocks are never executed), no
 * framing, nosniff, a strict referrer policy, no powerful features, and HSTS outside localhost.
 * Inline style *attributes* stay allowed for the ranking bars' widths.
 */
function headers(hsts: boolean, nonce: boolean) {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: nonce ? ["'self'", NONCE] : ["'self'"],
      styleSrc: ["'self'"],
      styleSrcAttr: ["'unsafe-inline'"],
      imgSrc: ["'self'", "data:", "https:"],
      connectSrc: ["'self'"],
      workerSrc: ["'self'"],
      manifestSrc: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      baseUri: ["'none'"],
      objectSrc: ["'none'"],
    },
    xFrameOptions: "DENY",
    referrerPolicy: "strict-origin-when-cross-origin",
    strictTransportSecurity: hsts ? "max-age=31536000; includeSubDomains" : false,
    permissionsPolicy: {
      camera: [],
      microphone: [],
      geolocation: [],
      payment: [],
      usb: [],
    },
  });
}

// JSON under /api is never rendered as a page, so it gets the same policy without a nonce (making
// one per request was a measurable share of a cached results answer; see docs/benchmarks.md).
const pageLocal = headers(false, true);
const pageRemote = headers(true, true);
const apiLocal = headers(false, false);
const apiRemote = headers(true, false);

export const securityHeaders = createMiddleware<AppEnv>((c, next) => {
  const local = isLocalHost(c.req.url);
  const path = c.req.path;
  const api = path === "/api" || path.startsWith("/api/");
  return (api ? (local ? apiLocal : apiRemote) : local ? pageLocal : pageRemote)(c, next);
});
