import { createMiddleware } from "hono/factory";
import { turnstileConfig } from "../integrations/turnstile";
import { JSSDK_ORIGIN, wechatConfig } from "../integrations/wechat-jssdk";
import type { AppEnv } from "../types";
import { isLocalHost } from "./voter";

/**
 * Security headers on every answer: a CSP with a per-request nonce and no inline-script allowance
 * (pages load only our own /app.js and /admin.js; the JSON data blocks are never executed), no
 * framing, nosniff, a strict referrer policy, no powerful features, and HSTS outside localhost.
 * Inline style *attributes* stay allowed for the ranking bars' widths. Console and link pages get
 * what hono/secure-headers sends with these options; the public pages the same without COOP (below);
 * /api answers a smaller set for data. All are precomputed per variant as one list, so that a hot
 * answer (a cached ranking) can be built with its headers in one go (see routes/api/results.ts).
 */
const TURNSTILE_ORIGIN = "https://challenges.cloudflare.com";

/**
 * - `private`: a page that holds a session or a private link (the console, unit and jury pages).
 * - `public`: the voters' pages, `/` and `/c/…`. They hold nothing another window could want: no
 *   session, no secret, a like refuses cross-site POSTs, and `frame-ancestors 'none'` still forbids
 *   framing. They go without `Cross-Origin-Opener-Policy`: a visitor arrives from a chat, a new tab
 *   or another site, and COOP then forces a new browsing-context group, which in Chromium means a
 *   fresh renderer process before the first paint (a cold V8 context and font cache). In Lighthouse,
 *   a fresh browser per run, that was about +250 ms of blocking time and −7 points on the profile
 *   page (docs/benchmarks.md, "Lighthouse on this machine").
 * - `api`: data under /api, never rendered.
 */
export type HeaderKind = "private" | "public" | "api";

export interface HeaderVariant {
  /** HSTS: everywhere but plain-http localhost. */
  hsts: boolean;
  kind: HeaderKind;
  /** Turnstile's script and frame are allowed only when the organizer turned Turnstile on (pages). */
  turnstile: boolean;
  /**
   * WeChat's JS-SDK script (res.wx.qq.com) is allowed only when an Official Account is configured
   * (pages; src/client/app.ts loads it inside WeChat only).
   */
  wechat?: boolean;
}

const NONCE_SLOT = "{nonce}";

/** A page's CSP (/api answers have their own, in apiHeaders). */
function pageCsp(turnstile: boolean, wechat: boolean): string {
  const extra = [...(turnstile ? [TURNSTILE_ORIGIN] : []), ...(wechat ? [JSSDK_ORIGIN] : [])];
  const directives: [string, string[]][] = [
    ["default-src", ["'self'"]],
    ["script-src", ["'self'", `'nonce-${NONCE_SLOT}'`, ...extra]],
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

/** Pages: hono/secure-headers' document set with our CSP; public pages without COOP. */
function pageHeaders(variant: HeaderVariant): [string, string][] {
  return [
    ["Content-Security-Policy", pageCsp(variant.turnstile, variant.wechat === true)],
    ...(variant.kind === "private"
      ? [["Cross-Origin-Opener-Policy", "same-origin"] as [string, string]]
      : []),
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
  variant.kind === "api" ? apiHeaders(variant) : pageHeaders(variant);

const variants = new Map<string, [string, string][]>();
for (const hsts of [false, true])
  for (const kind of ["private", "public", "api"] as const)
    for (const turnstile of [false, true])
      for (const wechat of [false, true])
        variants.set(
          `${hsts}${kind}${turnstile}${wechat}`,
          build({ hsts, kind, turnstile, wechat }),
        );

/**
 * The headers for one answer. Pages pass their nonce; the list is shared (do not change it).
 */
export function securityHeaderList(variant: HeaderVariant, nonce?: string): [string, string][] {
  const list = variants.get(
    `${variant.hsts}${variant.kind}${variant.turnstile}${variant.wechat === true}`,
  );
  if (!list) throw new Error("no security header variant");
  if (variant.kind === "api") return list;
  const [first, ...rest] = list;
  return [[first?.[0] ?? "", (first?.[1] ?? "").replace(NONCE_SLOT, nonce ?? "")], ...rest];
}

/** Which kind of answer a path gets (see HeaderKind). */
export function headerKind(path: string): HeaderKind {
  if (path === "/api" || path.startsWith("/api/")) return "api";
  return path === "/" || path.startsWith("/c/") ? "public" : "private";
}

/** The variant of a request: its URL (localhost or not), path, and the Turnstile setting. */
export function headerVariant(url: string, path: string, env: object): HeaderVariant {
  const kind = headerKind(path);
  return {
    hsts: !isLocalHost(url),
    kind,
    // Only a page's CSP names Turnstile; /api answers are the same either way.
    turnstile: kind !== "api" && turnstileConfig(env) !== null,
    wechat: kind === "public" && wechatConfig(env) !== null,
  };
}

/** 128 random bits, base64, as hono/secure-headers makes them. */
function makeNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}

export const securityHeaders = createMiddleware<AppEnv>(async (c, next) => {
  const variant = headerVariant(c.req.url, c.req.path, c.env);
  let nonce: string | undefined;
  if (variant.kind !== "api") {
    nonce = makeNonce();
    c.set("secureHeadersNonce", nonce);
  }
  await next();
  const headers = c.res.headers;
  for (const [name, value] of securityHeaderList(variant, nonce)) headers.set(name, value);
});
