import { createMiddleware } from "hono/factory";
import { NONCE, secureHeaders } from "hono/secure-headers";
import { turnstileConfig } from "../integrations/turnstile";
import type { AppEnv } from "../types";
import { isLocalHost } from "./voter";

/**
 * Security headers on every answer: a CSP with a per-request nonce and no inline-script allowance
 * (pages load only our own /app.js and /admin.js; the JSON data blocks are never executed), no
 * framing, nosniff, a strict referrer policy, no powerful features, and HSTS outside localhost.
 * Inline style *attributes* stay allowed for the ranking bars' widths.
 */
const TURNSTILE_ORIGIN = "https://challenges.cloudflare.com";

function headers(hsts: boolean, nonce: boolean, turnstile: boolean) {
  const extra = turnstile ? [TURNSTILE_ORIGIN] : [];
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: nonce ? ["'self'", NONCE, ...extra] : ["'self'", ...extra],
      frameSrc: turnstile ? [TURNSTILE_ORIGIN] : ["'none'"],
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
// Turnstile's script and frame are allowed only when the organizer turned Turnstile on.
const variants = new Map<string, ReturnType<typeof headers>>();
for (const hsts of [false, true])
  for (const nonce of [false, true])
    for (const turnstile of [false, true])
      variants.set(`${hsts}${nonce}${turnstile}`, headers(hsts, nonce, turnstile));

export const securityHeaders = createMiddleware<AppEnv>((c, next) => {
  const remote = !isLocalHost(c.req.url);
  const path = c.req.path;
  const page = !(path === "/api" || path.startsWith("/api/"));
  const turnstile = turnstileConfig(c.env) !== null;
  const pick = variants.get(`${remote}${page}${turnstile}`);
  if (!pick) throw new Error("no security header variant");
  return pick(c, next);
});
