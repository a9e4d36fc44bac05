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

function headers(hsts: boolean, turnstile: boolean) {
  const extra = turnstile ? [TURNSTILE_ORIGIN] : [];
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'", NONCE, ...extra],
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

// Turnstile's script and frame are allowed only when the organizer turned Turnstile on.
const variants = {
  local: headers(false, false),
  remote: headers(true, false),
  localTurnstile: headers(false, true),
  remoteTurnstile: headers(true, true),
};

export const securityHeaders = createMiddleware<AppEnv>((c, next) => {
  const local = isLocalHost(c.req.url);
  const turnstile = turnstileConfig(c.env) !== null;
  const pick = turnstile
    ? local
      ? variants.localTurnstile
      : variants.remoteTurnstile
    : local
      ? variants.local
      : variants.remote;
  return pick(c, next);
});
