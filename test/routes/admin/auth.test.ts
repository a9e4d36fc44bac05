import { describe, expect, it } from "vitest";
import { call, makeCampaign } from "../../helpers";
import { asCall, errorCode } from "./admin-helpers";

/**
 * Every organizer route, walked as nobody, a bad token, a forged cookie, an observer and an admin:
 * 401 without valid credentials, 403 for observers writing, and never a 2xx for either.
 */
const ROUTES: [method: string, path: (slug: string) => string, write: boolean][] = [
  ["GET", () => "/api/admin/campaigns", false],
  ["POST", () => "/api/admin/campaigns", true],
  ["GET", (s) => `/api/admin/campaigns/${s}`, false],
  ["PATCH", (s) => `/api/admin/campaigns/${s}`, true],
  ["DELETE", (s) => `/api/admin/campaigns/${s}`, true],
  ["POST", (s) => `/api/admin/campaigns/${s}/open`, true],
  ["POST", (s) => `/api/admin/campaigns/${s}/pause`, true],
  ["POST", (s) => `/api/admin/campaigns/${s}/resume`, true],
  ["POST", (s) => `/api/admin/campaigns/${s}/close`, true],
  ["POST", (s) => `/api/admin/campaigns/${s}/publish`, true],
  ["GET", (s) => `/api/admin/campaigns/${s}/dashboard`, false],
  ["GET", (s) => `/api/admin/campaigns/${s}/nominees`, false],
  ["POST", (s) => `/api/admin/campaigns/${s}/nominees`, true],
  ["POST", (s) => `/api/admin/campaigns/${s}/nominees/reorder`, true],
  ["POST", (s) => `/api/admin/campaigns/${s}/nominees/import?dryRun=1`, true],
  ["PATCH", (s) => `/api/admin/campaigns/${s}/nominees/1`, true],
  ["DELETE", (s) => `/api/admin/campaigns/${s}/nominees/1`, true],
  ["POST", (s) => `/api/admin/campaigns/${s}/nominees/1/photos`, true],
  ["GET", (s) => `/api/admin/campaigns/${s}/export.csv`, false],
  ["GET", (s) => `/api/admin/campaigns/${s}/export.json`, false],
  ["GET", (s) => `/api/admin/campaigns/${s}/votes.csv`, false],
  ["POST", (s) => `/api/admin/campaigns/${s}/votes/void`, true],
  ["GET", () => "/api/admin/audit", false],
  ["GET", (s) => `/api/admin/campaigns/${s}/certificate`, false],
  ["PUT", (s) => `/api/admin/campaigns/${s}/certificate`, true],
  ["POST", (s) => `/api/admin/campaigns/${s}/certificate/seal`, true],
  ["DELETE", (s) => `/api/admin/campaigns/${s}/certificate/seal`, true],
];

describe("organizer auth on every admin route", () => {
  it("refuses anyone without valid credentials with 401 unauthorized", async () => {
    const c = await makeCampaign();
    for (const as of ["none", "bad-token", "forged"] as const) {
      for (const [method, path] of ROUTES) {
        const res = await asCall(as, path(c.slug), {
          method,
          body: method === "GET" ? undefined : "{}",
        });
        expect(res.status, `${as} ${method} ${path(c.slug)}`).toBe(401);
        expect(await errorCode(res)).toBe("unauthorized");
      }
    }
  });

  it("lets observers read and refuses their writes with 403 forbidden", async () => {
    const c = await makeCampaign();
    for (const [method, path, write] of ROUTES) {
      const res = await asCall("observer", path(c.slug), {
        method,
        body: method === "GET" ? undefined : "{}",
      });
      const label = `observer ${method} ${path(c.slug)}`;
      if (write) {
        expect(res.status, label).toBe(403);
        expect(await errorCode(res)).toBe("forbidden");
      } else {
        expect(res.status, label).toBe(200);
      }
    }
  });

  it("lets admins (token or session) through to the handlers", async () => {
    const c = await makeCampaign();
    for (const as of ["token", "admin"] as const) {
      for (const [method, path] of ROUTES) {
        if (method === "DELETE") continue; // would remove the fixture
        const res = await asCall(as, path(c.slug), {
          method,
          body: method === "GET" ? undefined : "{}",
        });
        expect([401, 403], `${as} ${method} ${path(c.slug)}`).not.toContain(res.status);
        expect(res.status, `${as} ${method} ${path(c.slug)}`).toBeLessThan(500);
      }
    }
  });
});

describe("console sessions", () => {
  it("signs in with a password into an HttpOnly, SameSite=Strict cookie that expires", async () => {
    const res = await call("/api/admin/session", {
      method: "POST",
      headers: { "Content-Type": "application/json", "CF-Connecting-IP": "10.1.1.1" },
      body: JSON.stringify({ password: "test-admin-password" }),
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ role: "admin" });
    const cookie = res.headers.get("Set-Cookie") ?? "";
    expect(cookie).toMatch(/^by_admin=/);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Strict");
    expect(cookie).toMatch(/Max-Age=28800/);
  });

  it("refuses a wrong password with 401 and limits attempts per IP", async () => {
    const attempt = () =>
      call("/api/admin/session", {
        method: "POST",
        headers: { "Content-Type": "application/json", "CF-Connecting-IP": "10.2.2.2" },
        body: JSON.stringify({ password: "guess" }),
      });
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) statuses.push((await attempt()).status);
    expect(statuses[0]).toBe(401);
    expect(statuses).toContain(429);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(20);
  });

  it("refuses a cross-site login", async () => {
    const res = await call("/api/admin/session", {
      method: "POST",
      headers: { "Content-Type": "application/json", Origin: "https://evil.example" },
      body: JSON.stringify({ password: "test-admin-password" }),
    });
    expect(res.status).toBe(403);
    expect(await errorCode(res)).toBe("cross_site");
  });
});

describe("a missing SESSION_SECRET", () => {
  it("never lets a cookie signed with a guessable key in, and refuses to start sessions", async () => {
    const { env, createExecutionContext } = await import("cloudflare:test").then(async (t) => ({
      env: (await import("cloudflare:workers")).env,
      createExecutionContext: t.createExecutionContext,
    }));
    const app = (await import("../../../src/index")).default;
    for (const secret of [undefined, ""]) {
      const broken = { ...env, SESSION_SECRET: secret as unknown as string };
      // What a cookie "signed" with the key a missing secret would give looks like.
      const key = await crypto.subtle.importKey(
        "raw",
        new TextEncoder().encode(`organizer-session:${secret}`),
        { name: "HMAC", hash: "SHA-256" },
        false,
        ["sign"],
      );
      const value = `admin.${Date.now() + 3_600_000}.x`;
      const mac = await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(value));
      const sig = btoa(String.fromCharCode(...new Uint8Array(mac)));
      const forged = `by_admin=${encodeURIComponent(`${value}.${sig}`)}`;
      const res = await app.fetch(
        new Request("http://localhost/api/admin/campaigns", { headers: { Cookie: forged } }),
        broken,
        createExecutionContext(),
      );
      expect(res.status, String(secret)).toBe(401);
    }
    const broken = { ...env, SESSION_SECRET: "" };
    const login = await app.fetch(
      new Request("http://localhost/api/admin/session", {
        method: "POST",
        headers: { "Content-Type": "application/json", "CF-Connecting-IP": "10.3.3.3" },
        body: JSON.stringify({ password: "test-admin-password" }),
      }),
      broken,
      createExecutionContext(),
    );
    expect(login.status).toBe(503);
    expect(login.headers.get("Set-Cookie")).toBeNull();
  });
});
