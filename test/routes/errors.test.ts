import { describe, expect, it } from "vitest";
import { call, makeCampaign } from "../helpers";

/** Bad input of every kind gets our envelope and a 4xx: never a 5xx, never a stack trace. */
describe("bad input never yields a 5xx", () => {
  it("answers every odd request with a 4xx JSON envelope", async () => {
    const c = await makeCampaign();
    const base = `/api/campaigns/${c.slug}`;
    const requests: [string, RequestInit?][] = [
      ["/api/nope"],
      ["/api/campaigns/%"],
      ["/api/campaigns/%ZZ/results"],
      [`${base}/candidates/%E0%A4%A`],
      [`${base}/candidates?sort=%00`],
      [`${base}/candidates?group=${"x".repeat(5000)}`],
      [`${base}/candidates/1/likes`, { method: "PUT" }],
      [`${base}/candidates/1/likes`, { method: "DELETE" }],
      [`${base}/results`, { method: "POST" }],
      [`${base}/candidates/1/likes`, { method: "POST", body: "\u0000\u0001" }],
      [
        `${base}/candidates/1/likes`,
        { method: "POST", body: "{".repeat(3000), headers: { "Content-Type": "application/json" } },
      ],
      [
        `${base}/candidates/1/likes`,
        {
          method: "POST",
          body: "a=1",
          headers: { "Content-Type": "application/x-www-form-urlencoded" },
        },
      ],
      [`${base}/candidates/1/likes`, { method: "POST", body: new Uint8Array(10_000) }],
    ];
    for (const [path, init] of requests) {
      const res = await call(path, { headers: { "CF-Connecting-IP": "203.0.113.99" }, ...init });
      const label = `${init?.method ?? "GET"} ${path.slice(0, 80)}`;
      expect(res.status, label).toBeGreaterThanOrEqual(400);
      expect(res.status, label).toBeLessThan(500);
      const text = await res.text();
      expect(text, label).not.toMatch(/at \w+ \(|Error:|stack/i);
      const body = JSON.parse(text);
      expect(body.error.code, label).toMatch(/^[a-z_]+$/);
      expect(typeof body.error.message, label).toBe("string");
    }
  });

  it("treats a badly encoded search as text, not as a crash", async () => {
    const c = await makeCampaign();
    const res = await call(`/api/campaigns/${c.slug}/candidates?q=%E0%A4%A`);
    expect(res.status).toBe(200);
    expect((await res.json<{ total: number }>()).total).toBe(0);
  });

  it("sends security headers on API answers", async () => {
    const res = await call("/api/campaigns");
    expect(res.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(res.headers.get("X-Frame-Options")).toBe("DENY");
  });
});

describe("security headers on pages", () => {
  it("sends a nonce CSP without inline-script allowance, no framing, nosniff and no HSTS on localhost", async () => {
    const { makeCampaign: make, call: get } = await import("../helpers");
    const c = await make();
    const res = await get(`/c/${c.slug}/1`);
    const csp = res.headers.get("Content-Security-Policy") ?? "";
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).toMatch(/script-src 'self' 'nonce-/);
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(res.headers.get("Permissions-Policy")).toContain("camera=()");
    expect(res.headers.get("Strict-Transport-Security")).toBeNull();
    const html = await res.text();
    expect(html).toContain(`<script src="/app.js" defer="" nonce="${nonce}">`);
    // Every executable script tag carries the nonce; the only other script is the JSON data block.
    const scripts = html.match(/<script[^>]*>/g) ?? [];
    for (const tag of scripts)
      expect(tag.includes(`nonce="${nonce}"`) || tag.includes('type="application/json"'), tag).toBe(
        true,
      );
  });

  it("sends HSTS outside localhost", async () => {
    const { exports } = await import("cloudflare:workers");
    const res = await exports.default.fetch(
      new Request("https://bangyang.example.cn/api/campaigns"),
    );
    expect(res.headers.get("Strict-Transport-Security")).toContain("max-age=31536000");
  });
});
