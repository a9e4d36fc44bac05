import { Hono } from "hono";
import { NONCE, secureHeaders } from "hono/secure-headers";
import { describe, expect, it } from "vitest";
import { securityHeaderList, securityHeaders } from "../../src/middleware/security-headers";

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
  it("are, on pages, exactly what hono/secure-headers sends with our options", async () => {
    for (const hsts of [false, true])
      for (const turnstile of [false, true]) {
        const res = await new Hono()
          .use(honoReference(hsts, turnstile))
          .get("*", (c) => c.body(null))
          .request("/");
        const csp = res.headers.get("Content-Security-Policy") ?? "";
        const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
        expect(nonce).toBeTruthy();
        expect(sorted(securityHeaderList({ hsts, page: true, turnstile }, nonce))).toEqual(
          sorted(res.headers),
        );
      }
  });

  it("are, on /api data, the REST set: nothing loads, frames, sniffs or embeds it", () => {
    for (const hsts of [false, true])
      for (const turnstile of [false, true]) {
        const headers = new Headers(securityHeaderList({ hsts, page: false, turnstile }));
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
    const api = await app.request("http://localhost/api/campaigns", {}, {});
    expect(await api.text()).toBe("none");
    expect(api.headers.get("Content-Security-Policy")).toBe(
      "default-src 'none'; frame-ancestors 'none'",
    );
  });
});
