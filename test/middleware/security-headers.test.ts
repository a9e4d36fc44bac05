import { Hono } from "hono";
import { NONCE, secureHeaders } from "hono/secure-headers";
import { describe, expect, it } from "vitest";
import {
  headerKind,
  securityHeaderList,
  securityHeaders,
} from "../../src/middleware/security-headers";

/** hono/secure-headers with the options the pages used before they got precomputed lists. */
function honoReference(hsts: boolean, turnstile: boolean) {
  const extra = turnstile ? ["https://challenges.cloudflare.com"] : [];
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'", NONCE, ...extra],
      frameSrc: turnstile ? ["https://challenges.cloudflare.com"] : ["'none'"],
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
    permissionsPolicy: { camera: [], microphone: [], geolocation: [], payment: [], usb: [] },
  });
}

const sorted = (headers: Iterable<[string, string]>) =>
  [...headers].map(([k, v]) => `${k.toLowerCase()}: ${v}`).sort();

describe("security headers", () => {
  it("are, on console and link pages, exactly what hono/secure-headers sends with our options", async () => {
    for (const hsts of [false, true])
      for (const turnstile of [false, true]) {
        const res = await new Hono()
          .use(honoReference(hsts, turnstile))
          .get("*", (c) => c.body(null))
          .request("/");
        const csp = res.headers.get("Content-Security-Policy") ?? "";
        const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
        expect(nonce).toBeTruthy();
        expect(sorted(securityHeaderList({ hsts, kind: "private", turnstile }, nonce))).toEqual(
          sorted(res.headers),
        );
        // The voters' pages: the same set but COOP, which would cost a fresh renderer process.
        expect(sorted(securityHeaderList({ hsts, kind: "public", turnstile }, nonce))).toEqual(
          sorted(res.headers).filter((h) => !h.startsWith("cross-origin-opener-policy:")),
        );
      }
  });

  it("tell the voters' pages from the console, the private links and /api", () => {
    for (const path of ["/", "/c/x", "/c/x/12", "/c/x/results", "/c/x/12/card", "/c/x/12/qr.svg"])
      expect(headerKind(path), path).toBe("public");
    for (const path of [
      "/admin",
      "/admin/c/x",
      "/n/token",
      "/j/token",
      "/media/a.png",
      "/cx",
      "/nope",
    ])
      expect(headerKind(path), path).toBe("private");
    for (const path of ["/api", "/api/campaigns", "/api/admin/session"])
      expect(headerKind(path), path).toBe("api");
  });

  it("are, on /api data, the REST set: nothing loads, frames, sniffs or embeds it", () => {
    for (const hsts of [false, true])
      for (const turnstile of [false, true]) {
        const headers = new Headers(securityHeaderList({ hsts, kind: "api", turnstile }));
        expect(headers.get("Content-Security-Policy")).toBe(
          "default-src 'none'; frame-ancestors 'none'",
        );
        expect(headers.get("X-Content-Type-Options")).toBe("nosniff");
        expect(headers.get("X-Frame-Options")).toBe("DENY");
        expect(headers.get("Cross-Origin-Resource-Policy")).toBe("same-origin");
        expect(headers.has("Strict-Transport-Security")).toBe(hsts);
        expect([...headers.keys()]).toHaveLength(hsts ? 5 : 4);
      }
  });

  it("give each page its own nonce, shared with the views, and none to /api", async () => {
    const app = new Hono()
      .use(securityHeaders)
      .get("*", (c) => c.text(c.get("secureHeadersNonce" as never) ?? "none"));
    const a = await app.request("http://localhost/c/x", {}, {});
    const b = await app.request("http://localhost/c/x", {}, {});
    const nonceA = await a.text();
    expect(nonceA).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(a.headers.get("Content-Security-Policy")).toContain(`'nonce-${nonceA}'`);
    expect(await b.text()).not.toBe(nonceA);
    expect(a.headers.has("Cross-Origin-Opener-Policy")).toBe(false);
    const consolePage = await app.request("http://localhost/admin", {}, {});
    expect(consolePage.headers.get("Cross-Origin-Opener-Policy")).toBe("same-origin");
    expect(consolePage.headers.get("Content-Security-Policy")).toContain(
      `'nonce-${await consolePage.text()}'`,
    );
    const api = await app.request("http://localhost/api/campaigns", {}, {});
    expect(await api.text()).toBe("none");
    expect(api.headers.get("Content-Security-Policy")).toBe(
      "default-src 'none'; frame-ancestors 'none'",
    );
  });
});
