import { Hono } from "hono";
import { NONCE, secureHeaders } from "hono/secure-headers";
import { describe, expect, it } from "vitest";
import { securityHeaderList, securityHeaders } from "../../src/middleware/security-headers";

/** hono/secure-headers with the options this app used before it precomputed its own lists. */
function honoReference(hsts: boolean, page: boolean, turnstile: boolean) {
  const extra = turnstile ? ["https://challenges.cloudflare.com"] : [];
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: page ? ["'self'", NONCE, ...extra] : ["'self'", ...extra],
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
  it("are exactly what hono/secure-headers sends with our options, for every variant", async () => {
    for (const hsts of [false, true])
      for (const page of [false, true])
        for (const turnstile of [false, true]) {
          const res = await new Hono()
            .use(honoReference(hsts, page, turnstile))
            .get("*", (c) => c.body(null))
            .request("/");
          const csp = res.headers.get("Content-Security-Policy") ?? "";
          const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
          expect(Boolean(nonce)).toBe(page);
          expect(sorted(securityHeaderList({ hsts, page, turnstile }, nonce))).toEqual(
            sorted(res.headers),
          );
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
    expect(api.headers.get("Content-Security-Policy")).not.toContain("nonce");
  });
});
