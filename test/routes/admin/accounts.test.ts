import { createExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { totpCode } from "../../../src/domain/organizer-accounts";
import app from "../../../src/index";
import { call, makeCampaign } from "../../helpers";
import { asCall, errorCode, json } from "./admin-helpers";

/**
 * Named organizer accounts (issue 14): created by an admin, signed in with {username, password},
 * revocable server-side sessions, campaign scope and the second factor.
 */

let n = 0;
/** A fresh network per sign-in helper call, so the login limiter never mixes tests. */
const freshIp = () => `10.${20 + (++n % 200)}.${Math.floor(n / 200)}.9`;

async function createAccount(
  body: { role?: "admin" | "observer"; campaigns?: string[]; password?: string } = {},
) {
  const username = `user${++n}`;
  const password = body.password ?? "long-enough-password";
  const res = await asCall(
    "token",
    "/api/admin/accounts",
    json({
      username,
      displayName: `王主任${n}`,
      role: body.role ?? "admin",
      password,
      campaigns: body.campaigns ?? [],
    }),
  );
  expect(res.status, await res.clone().text()).toBe(201);
  const { account } = await res.json<{ account: { id: number; username: string } }>();
  return { ...account, password };
}

async function login(
  username: string,
  password: string,
  extra: { code?: string; ip?: string } = {},
): Promise<Response> {
  return call("/api/admin/session", {
    method: "POST",
    headers: { "Content-Type": "application/json", "CF-Connecting-IP": extra.ip ?? freshIp() },
    body: JSON.stringify({ username, password, ...(extra.code && { code: extra.code }) }),
  });
}

function cookieOf(res: Response): string {
  const cookie = /by_admin=[^;]+/.exec(res.headers.get("Set-Cookie") ?? "")?.[0];
  if (!cookie) throw new Error("no session cookie");
  return cookie;
}

async function signedIn(username: string, password: string): Promise<string> {
  const res = await login(username, password);
  expect(res.status, await res.clone().text()).toBe(201);
  return cookieOf(res);
}

const withCookie = (cookie: string, path: string, init: RequestInit = {}) =>
  call(path, { ...init, headers: { ...(init.headers as Record<string, string>), Cookie: cookie } });

describe("named accounts sign in", () => {
  it("signs in with {username, password}, case-insensitively, and shows who in the session", async () => {
    const a = await createAccount();
    const res = await login(a.username.toUpperCase(), a.password);
    expect(res.status).toBe(201);
    const body = await res.json<{ role: string; username: string; displayName: string }>();
    expect(body).toMatchObject({ role: "admin", username: a.username });
    const me = await withCookie(cookieOf(res), "/api/admin/session");
    expect(await me.json()).toMatchObject({ name: a.username, via: "account", role: "admin" });
  });

  it("refuses a wrong password, an unknown username and a disabled account alike (401)", async () => {
    const a = await createAccount();
    for (const [u, p] of [
      [a.username, "wrong-password-here"],
      ["nobody-here", a.password],
    ]) {
      const res = await login(u as string, p as string);
      expect(res.status).toBe(401);
      expect(await errorCode(res)).toBe("unauthorized");
    }
  });

  it("keeps {password} alone working for the built-in passwords", async () => {
    const res = await call("/api/admin/session", {
      method: "POST",
      headers: { "Content-Type": "application/json", "CF-Connecting-IP": freshIp() },
      body: JSON.stringify({ password: "test-observer-password" }),
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ role: "observer", name: "内置观察员" });
  });

  it("names the account in the audit log, not a self-declared name", async () => {
    const c = await makeCampaign();
    const a = await createAccount();
    const cookie = await signedIn(a.username, a.password);
    const res = await withCookie(cookie, `/api/admin/campaigns/${c.slug}/pause`, {
      method: "POST",
    });
    expect(res.status).toBe(200);
    const audit = await asCall("token", `/api/admin/audit?campaign=${c.slug}`);
    const { entries } = await audit.json<{ entries: { actor: string; action: string }[] }>();
    expect(entries[0]?.actor).toBe(`${a.username} (admin, account)`);
  });
});

describe("revocable sessions", () => {
  it("refuses a cookie copied before sign-out, right after it", async () => {
    const a = await createAccount();
    const cookie = await signedIn(a.username, a.password);
    const copy = cookie;
    expect((await withCookie(copy, "/api/admin/campaigns")).status).toBe(200);
    const out = await withCookie(cookie, "/api/admin/session", { method: "DELETE" });
    expect(out.status).toBe(204);
    const res = await withCookie(copy, "/api/admin/campaigns");
    expect(res.status).toBe(401);
    expect(await errorCode(res)).toBe("unauthorized");
    // The console shows the sign-in form, not the page.
    const page = await withCookie(copy, "/admin");
    expect(await page.text()).toContain('data-form="login"');
  });

  it("ends a built-in password's session on sign-out too", async () => {
    const res = await call("/api/admin/session", {
      method: "POST",
      headers: { "Content-Type": "application/json", "CF-Connecting-IP": freshIp() },
      body: JSON.stringify({ password: "test-admin-password" }),
    });
    const cookie = cookieOf(res);
    expect((await withCookie(cookie, "/api/admin/campaigns")).status).toBe(200);
    await withCookie(cookie, "/api/admin/session", { method: "DELETE" });
    expect((await withCookie(cookie, "/api/admin/campaigns")).status).toBe(401);
  });

  it("ends a built-in password's sessions when that password is changed", async () => {
    const cookieFor = async (password: string) =>
      cookieOf(
        await call("/api/admin/session", {
          method: "POST",
          headers: { "Content-Type": "application/json", "CF-Connecting-IP": freshIp() },
          body: JSON.stringify({ password }),
        }),
      );
    const admin = await cookieFor("test-admin-password");
    const observer = await cookieFor("test-observer-password");
    const fetchWith = (cookie: string, overrides: Partial<typeof env>) =>
      app.fetch(
        new Request("http://localhost/api/admin/campaigns", { headers: { Cookie: cookie } }),
        { ...env, ...overrides },
        createExecutionContext(),
      );
    expect((await fetchWith(admin, {})).status).toBe(200);
    const rotated = { ADMIN_PASSWORD: "a-rotated-admin-password" };
    expect((await fetchWith(admin, rotated)).status).toBe(401);
    expect((await fetchWith(observer, rotated)).status).toBe(200);
    // Unset: matches nothing, so its sessions end too.
    expect((await fetchWith(observer, { OBSERVER_PASSWORD: "" })).status).toBe(401);
  });

  it("ends every session of an account an admin disables, at once, and refuses its sign-in", async () => {
    const a = await createAccount();
    const first = await signedIn(a.username, a.password);
    const second = await signedIn(a.username, a.password);
    const res = await asCall("token", `/api/admin/accounts/${a.id}`, {
      ...json({ disabled: true }),
      method: "PATCH",
    });
    expect(res.status).toBe(200);
    expect((await res.json<{ account: { disabled: boolean } }>()).account.disabled).toBe(true);
    for (const cookie of [first, second]) {
      expect((await withCookie(cookie, "/api/admin/campaigns")).status).toBe(401);
    }
    expect((await login(a.username, a.password)).status).toBe(401);
    // Enabled again: signs in again, but the old sessions stay ended.
    await asCall("token", `/api/admin/accounts/${a.id}`, {
      ...json({ disabled: false }),
      method: "PATCH",
    });
    expect((await withCookie(first, "/api/admin/campaigns")).status).toBe(401);
    expect((await login(a.username, a.password)).status).toBe(201);
  });

  it("ends the sessions when an admin resets the password", async () => {
    const a = await createAccount();
    const cookie = await signedIn(a.username, a.password);
    const res = await asCall("token", `/api/admin/accounts/${a.id}`, {
      ...json({ password: "a-new-password-1" }),
      method: "PATCH",
    });
    expect(res.status).toBe(200);
    expect((await withCookie(cookie, "/api/admin/campaigns")).status).toBe(401);
    expect((await login(a.username, a.password)).status).toBe(401);
    expect((await login(a.username, "a-new-password-1")).status).toBe(201);
  });

  it("ends every session on the owner's own password change, and goes on in a fresh one", async () => {
    const a = await createAccount({ role: "observer" });
    const other = await signedIn(a.username, a.password);
    const mine = await signedIn(a.username, a.password);
    const wrong = await withCookie(mine, "/api/admin/me/password", {
      ...json({ currentPassword: "not-it", newPassword: "another-password-2" }),
    });
    expect(wrong.status).toBe(401);
    expect(await errorCode(wrong)).toBe("wrong_password");
    const res = await withCookie(mine, "/api/admin/me/password", {
      ...json({ currentPassword: a.password, newPassword: "another-password-2" }),
    });
    expect(res.status).toBe(200);
    const fresh = cookieOf(res);
    expect((await withCookie(other, "/api/admin/campaigns")).status).toBe(401);
    expect((await withCookie(mine, "/api/admin/campaigns")).status).toBe(401);
    expect((await withCookie(fresh, "/api/admin/campaigns")).status).toBe(200);
  });

  it("applies a role change to sessions already open", async () => {
    const a = await createAccount();
    const cookie = await signedIn(a.username, a.password);
    await asCall("token", `/api/admin/accounts/${a.id}`, {
      ...json({ role: "observer" }),
      method: "PATCH",
    });
    const res = await withCookie(cookie, "/api/admin/campaigns", json({}));
    expect(res.status).toBe(403);
  });
});

describe("accounts limited to some campaigns", () => {
  it("lists only its campaigns and answers 404 for any other, in the API and the console", async () => {
    const mine = await makeCampaign();
    const other = await makeCampaign();
    const a = await createAccount({ campaigns: [mine.slug] });
    const cookie = await signedIn(a.username, a.password);
    const list = await withCookie(cookie, "/api/admin/campaigns");
    const slugs = (await list.json<{ campaigns: { slug: string }[] }>()).campaigns.map(
      (x) => x.slug,
    );
    expect(slugs).toEqual([mine.slug]);
    expect((await withCookie(cookie, `/api/admin/campaigns/${mine.slug}`)).status).toBe(200);
    for (const path of [
      `/api/admin/campaigns/${other.slug}`,
      `/api/admin/campaigns/${other.slug}/votes.csv`,
      `/api/admin/campaigns/${other.slug}/dashboard`,
      `/api/admin/audit?campaign=${other.slug}`,
    ]) {
      const res = await withCookie(cookie, path);
      expect(res.status, path).toBe(404);
      expect(await errorCode(res)).toBe("campaign_not_found");
    }
    const write = await withCookie(cookie, `/api/admin/campaigns/${other.slug}/pause`, {
      method: "POST",
    });
    expect(write.status).toBe(404);
    expect((await withCookie(cookie, `/admin/c/${other.slug}`)).status).toBe(404);
    expect((await withCookie(cookie, `/admin/c/${mine.slug}`)).status).toBe(200);
    const page = await (await withCookie(cookie, "/admin")).text();
    expect(page).toContain(mine.slug);
    expect(page).not.toContain(other.slug);
    expect(page).not.toContain("新建评选活动");
  });

  it("refuses creating campaigns, the whole audit log and account management (403)", async () => {
    const mine = await makeCampaign();
    const a = await createAccount({ campaigns: [mine.slug] });
    const cookie = await signedIn(a.username, a.password);
    for (const [path, init] of [
      ["/api/admin/campaigns", json({ slug: "x-new" })],
      ["/api/admin/audit", {}],
      ["/api/admin/accounts", {}],
    ] as const) {
      const res = await withCookie(cookie, path, init);
      expect(res.status, path).toBe(403);
      expect(await errorCode(res)).toBe("forbidden");
    }
  });

  it("refuses an unknown campaign slug when creating an account (400)", async () => {
    const res = await asCall(
      "token",
      "/api/admin/accounts",
      json({
        username: `scope${++n}`,
        displayName: "李",
        role: "observer",
        password: "long-enough-password",
        campaigns: ["no-such-campaign"],
      }),
    );
    expect(res.status).toBe(400);
  });
});

describe("account management", () => {
  it("is for admins who see every campaign: observers and accounts get 403", async () => {
    expect((await asCall("observer", "/api/admin/accounts")).status).toBe(403);
    expect((await asCall("admin", "/api/admin/accounts")).status).toBe(200);
    expect((await asCall("none", "/api/admin/accounts")).status).toBe(401);
  });

  it("refuses a taken username (409), a short password and a bad username (400)", async () => {
    const a = await createAccount();
    const body = { displayName: "张", role: "admin", password: "long-enough-password" };
    const taken = await asCall(
      "token",
      "/api/admin/accounts",
      json({ ...body, username: a.username.toUpperCase() }),
    );
    expect(taken.status).toBe(409);
    expect(await errorCode(taken)).toBe("username_taken");
    for (const bad of [
      { ...body, username: "ok-name", password: "short" },
      { ...body, username: "王主任" },
      { ...body, username: "ab" },
    ]) {
      expect((await asCall("token", "/api/admin/accounts", json(bad))).status).toBe(400);
    }
  });

  it("keeps an admin from disabling or demoting their own account (409)", async () => {
    const a = await createAccount();
    const cookie = await signedIn(a.username, a.password);
    const res = await withCookie(cookie, `/api/admin/accounts/${a.id}`, {
      ...json({ disabled: true }),
      method: "PATCH",
    });
    expect(res.status).toBe(409);
  });

  it("answers 404 for an account that does not exist", async () => {
    const res = await asCall("token", "/api/admin/accounts/999999", {
      ...json({ disabled: true }),
      method: "PATCH",
    });
    expect(res.status).toBe(404);
  });
});

describe("second factor (TOTP)", () => {
  it("enrols with a code, then asks for it at sign-in and takes each code once", async () => {
    const a = await createAccount();
    const cookie = await signedIn(a.username, a.password);
    const fresh = await withCookie(cookie, "/api/admin/me/totp/new");
    const { secret, uri } = await fresh.json<{ secret: string; uri: string }>();
    expect(uri).toContain(`secret=${secret}`);
    const wrong = await withCookie(cookie, "/api/admin/me/totp", json({ secret, code: "000000" }));
    expect(wrong.status).toBe(400);
    const now = Date.now();
    const on = await withCookie(
      cookie,
      "/api/admin/me/totp",
      json({ secret, code: totpCode(secret, now) }),
    );
    expect(on.status).toBe(200);

    const noCode = await login(a.username, a.password);
    expect(noCode.status).toBe(401);
    expect(await errorCode(noCode)).toBe("totp_required");
    // A wrong password never learns whether a code is needed.
    expect(await errorCode(await login(a.username, "wrong-password-x"))).toBe("unauthorized");
    expect((await login(a.username, a.password, { code: "123456" })).status).toBe(401);
    // The enrolment's code was used: the next step's code signs in, once.
    const next = totpCode(secret, now + 30_000);
    expect((await login(a.username, a.password, { code: next })).status).toBe(201);
    expect((await login(a.username, a.password, { code: next })).status).toBe(401);
  });

  it("lets an admin remove a lost second factor, which ends the account's sessions", async () => {
    const a = await createAccount();
    const cookie = await signedIn(a.username, a.password);
    const { secret } = await (await withCookie(cookie, "/api/admin/me/totp/new")).json<{
      secret: string;
    }>();
    await withCookie(
      cookie,
      "/api/admin/me/totp",
      json({ secret, code: totpCode(secret, Date.now()) }),
    );
    const res = await asCall("token", `/api/admin/accounts/${a.id}`, {
      ...json({ resetTotp: true }),
      method: "PATCH",
    });
    expect((await res.json<{ account: { totp: boolean } }>()).account.totp).toBe(false);
    expect((await withCookie(cookie, "/api/admin/campaigns")).status).toBe(401);
    expect((await login(a.username, a.password)).status).toBe(201);
  });

  it("lets the owner turn it off with their password", async () => {
    const a = await createAccount({ role: "observer" });
    const cookie = await signedIn(a.username, a.password);
    const { secret } = await (await withCookie(cookie, "/api/admin/me/totp/new")).json<{
      secret: string;
    }>();
    await withCookie(
      cookie,
      "/api/admin/me/totp",
      json({ secret, code: totpCode(secret, Date.now()) }),
    );
    expect(await errorCode(await login(a.username, a.password))).toBe("totp_required");
    const off = (password: string) =>
      withCookie(cookie, "/api/admin/me/totp", { ...json({ password }), method: "DELETE" });
    const wrong = await off("not-the-password");
    expect(wrong.status).toBe(401);
    expect(await errorCode(wrong)).toBe("wrong_password");
    expect((await off(a.password)).status).toBe(200);
    expect((await login(a.username, a.password)).status).toBe(201);
  });

  it("is for named accounts only: the built-in passwords have no account (403)", async () => {
    const res = await asCall("admin", "/api/admin/me/totp/new");
    expect(res.status).toBe(403);
  });
});

describe("login limiter: network + account", () => {
  const guess = (username: string, ip: string) => login(username, "wrong-password-x", { ip });

  /**
   * The limiter counts in fixed minute windows (locally as on Cloudflare), so a scenario that
   * straddles a window's end sees its count restart. Such a run is repeated with a fresh account
   * and network; a run inside one window that fails still fails.
   */
  async function inOneWindow(scenario: () => Promise<void>): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const window = Math.floor(Date.now() / 60_000);
      try {
        await scenario();
        return;
      } catch (error) {
        if (attempt >= 3 || Math.floor(Date.now() / 60_000) === window) throw error;
      }
    }
  }

  it("does not let rotating addresses inside one /64 escape it", () =>
    inOneWindow(async () => {
      const a = await createAccount();
      const statuses: number[] = [];
      for (let i = 1; i <= 12; i++) {
        statuses.push((await guess(a.username, `2001:db8:77:${n}:${i.toString(16)}::1`)).status);
      }
      expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
      expect(statuses.slice(10)).toEqual([429, 429]);
      // Even the right password waits, from anywhere in that /64.
      const right = await login(a.username, a.password, { ip: `2001:db8:77:${n}:abcd::9` });
      expect(right.status).toBe(429);
      // Another /64 is another network.
      expect((await login(a.username, a.password, { ip: `2001:db8:78:${n}::1` })).status).toBe(201);
    }));

  it("does not lock another account out when one account is flooded", () =>
    inOneWindow(async () => {
      const target = await createAccount();
      const bystander = await createAccount();
      const ip = `10.250.${n % 250}.1`;
      for (let i = 0; i < 11; i++) await guess(target.username, ip);
      expect((await guess(target.username, ip)).status).toBe(429);
      expect((await login(bystander.username, bystander.password, { ip })).status).toBe(201);
      // And the flooded account still signs in from its owner's network.
      expect((await login(target.username, target.password)).status).toBe(201);
    }));
});
