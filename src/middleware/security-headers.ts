import { createMiddleware } from "hono/factory";
import { turnstileConfig } from "../integrations/turnstile";
import type { AppEnv } from "../types";
import { isLocalHost } from "./voter";

/**
 * Security headers on every answer: a CSP with a per-request nonce and no inline-script allowance
 * (pages load only our own /app.js and /admin.js; the JSON data blocks are never executed), no
 * framing, nosniff, a strict referrer policy, no powerful features, and HSTS outside localhost.
 * Inline style *attributes* stay allowed for the ranking bars' widths. Pages get what
 * hono/secure-headers sends with these options; /api answers a smaller set for data (below). Both
 * are precomputed per variant as one list, so that a hot answer (a cached ranking) can be built
 * with its headers in one go (see routes/api/results.ts).
 */
const TURNSTILE_ORIGIN = "https://challenges.cloudflare.com";

export interface HeaderVariant {
  /** HSTS: everywhere but plain-http localhost. */
  hsts: boolean;
  /** A page (a document with scripts and a nonce), or data under /api (never rendered). */
  page: boolean;
  /** Turnstile's script and frame are allowed only when the organizer turned Turnstile on. */
  turnstile: boolean;
}

const NONCE_SLOT = "{nonce}";

function csp({ page, turnstile }: HeaderVariant): string {
  const extra = turnstile ? [TURNSTILE_ORIGIN] : [];
  const directives: [string, string[]][] = [
    ["default-src", ["'self'"]],
    ["script-src", ["'self'", ...(page ? [`'nonce-${NONCE_SLOT}'`] : []), ...extra]],
    ["frame-src", turnstile ? [TURNSTILE_ORIGIN] : ["'none'"]],
    ["style-src", ["'self'"]],
    ["style-src-attr", ["'unsafe-inline'"]],
    ["img-src", ["'self'", "data:", "https:"]],
    ["connect-src", ["'self'"]],
    ["worker-src", ["'self'"]],
    ["manifest-src", ["'self'"]],
    ["form-action", ["'self'"]],
    ["frame-ancestors", ["'none'"]],
    ["base-uri", ["'none'"]],
    ["object-src", ["'none'"]],
  ];
  return directives.map(([name, values]) => `${name} ${values.join(" ")}`).join("; ");
}

const HSTS: [string, string] = ["Strict-Transport-Security", "max-age=31536000; includeSubDomains"];

/** Pages: hono/secure-headers' document set with our CSP. */
function pageHeaders(variant: HeaderVariant): [string, string][] {
  return [
    ["Content-Security-Policy", csp(variant)],
    ["Cross-Origin-Opener-Policy", "same-origin"],
    ["Cross-Origin-Resource-Policy", "same-origin"],
    ["Origin-Agent-Cluster", "?1"],
    ["Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()"],
    ["Referrer-Policy", "strict-origin-when-cross-origin"],
    ...(variant.hsts ? [HSTS] : []),
    ["X-Content-Type-Options", "nosniff"],
    ["X-DNS-Prefetch-Control", "off"],
    ["X-Download-Options", "noopen"],
    ["X-Frame-Options", "DENY"],
    ["X-Permitted-Cross-Domain-Policies", "none"],
    ["X-XSS-Protection", "0"],
  ];
}

/**
 * JSON and CSV under /api are data, never documents: the headers that protect data (OWASP's REST
 * set). Nothing may load or frame it, browsers must not sniff it into something executable, and
 * other sites cannot pull it in. The document-only headers (COOP, Permissions-Policy, …) would
 * do nothing here, and every header is work on the hottest answers (a polled ranking).
 */
function apiHeaders(variant: HeaderVariant): [string, string][] {
  return [
    ["Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'"],
    ["Cross-Origin-Resource-Policy", "same-origin"],
    ...(variant.hsts ? [HSTS] : []),
    ["X-Content-Type-Options", "nosniff"],
    ["X-Frame-Options", "DENY"],
  ];
}

const build = (variant: HeaderVariant) =>
  variant.page ? pageHeaders(variant) : apiHeaders(variant);

const variants = new Map<string, [string, string][]>();
for (const hsts of [false, true])
  for (const page of [false, true])
    for (const turnstile of [false, true])
      variants.set(`${hsts}${page}${turnstile}`, build({ hsts, page, turnstile }));

/**
 * The headers for one answer. Pages pass their nonce; the list is shared (do not change it).
 */
export function securityHeaderList(variant: HeaderVariant, nonce?: string): [string, string][] {
  const list = variants.get(`${variant.hsts}${variant.page}${variant.turnstile}`);
  if (!list) throw new Error("no security header variant");
  if (!variant.page) return list;
  const [first, ...rest] = list;
  return [[first?.[0] ?? "", (first?.[1] ?? "").replace(NONCE_SLOT, nonce ?? "")], ...rest];
}

/** The variant of a request: its URL (localhost or not), path, and the Turnstile setting. */
export function headerVariant(url: string, path: string, env: object): HeaderVariant {
  return {
    hsts: !isLocalHost(url),
    page: !(path === "/api" || path.startsWith("/api/")),
    turnstile: turnstileConfig(env) !== null,
  };
}

/** 128 random bits, base64, as hono/secure-headers makes them. */
function makeNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}

export const securityHeaders = createMiddleware<AppEnv>(async (c, next) => {
  const variant = headerVariant(c.req.url, c.req.path, c.env);
  let nonce: string | undefined;
  if (variant.page) {
    nonce = makeNonce();
    c.set("secureHeadersNonce", nonce);
  }
  await next();
  const headers = c.res.headers;
  for (const [name, value] of securityHeaderList(variant, nonce)) headers.set(name, value);
});
