import { describe, expect, it } from "vitest";
import { auditLog } from "../../../src/db/schema";
import { totpCode } from "../../../src/domain/organizer-accounts";
import { call, db, makeCampaign } from "../../helpers";
import { asCall, json } from "./admin-helpers";

/** The console's account pages and the sign-in form with accounts (issue 14). */

let n = 0;

async function account(role: "admin" | "observer" = "admin") {
  const username = `page${++n}`;
  const password = "long-enough-password";
  const res = await asCall(
    "token",
    "/api/admin/accounts",
    json({ username, displayName: `李科长${n}`, role, password }),
  );
  expect(res.status).toBe(201);
  const signIn = await call("/api/admin/session", {
    method: "POST",
    headers: { "Content-Type": "application/json", "CF-Connecting-IP": `10.60.${n}.1` },
    body: JSON.stringify({ username, password }),
  });
  expect(signIn.status).toBe(201);
  const cookie = /by_admin=[^;]+/.exec(signIn.headers.get("Set-Cookie") ?? "")?.[0] ?? "";
  return { username, password, cookie };
}

const page = (cookie: string, path: string) => call(path, { headers: { Cookie: cookie } });

describe("the sign-in form", () => {
  it("asks for the account, the password and the code", async () => {
    const text = await (await call("/admin")).text();
    expect(text).toContain('name="username"');
    expect(text).toContain('autocomplete="one-time-code"');
  });

  it("signs an account in without JavaScript, and asks for the code when it has one", async () => {
    const a = await account();
    const form = (body: Record<string, string>, ip: string) =>
      call("/admin", {
        method: "POST",
        headers: {
          "Content-Type": "application/x-www-form-urlencoded",
          "CF-Connecting-IP": ip,
        },
        body: new URLSearchParams(body).toString(),
        redirect: "manual",
      });
    const ok = await form({ username: a.username, password: a.password }, "10.61.0.1");
    expect(ok.status).toBe(303);
    const wrong = await form({ username: a.username, password: "nope-nope-nope" }, "10.61.0.2");
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).toContain("账号、密码或动态验证码不正确");

    const { secret } = await (await page(a.cookie, "/api/admin/me/totp/new")).json<{
      secret: string;
    }>();
    const now = Date.now();
    await call("/api/admin/me/totp", {
      ...json({ secret, code: totpCode(secret, now) }),
      headers: { "Content-Type": "application/json", Cookie: a.cookie },
    });
    const needsCode = await form({ username: a.username, password: a.password }, "10.61.0.3");
    expect(needsCode.status).toBe(401);
    expect(await needsCode.text()).toContain("6 位动态验证码");
    const withCode = await form(
      { username: a.username, password: a.password, code: totpCode(secret, now + 30_000) },
      "10.61.0.4",
    );
    expect(withCode.status).toBe(303);
  });
});

describe("账号管理", () => {
  it("shows the accounts to an admin who sees every campaign, with the header link", async () => {
    const a = await account();
    const res = await page(a.cookie, "/admin/accounts");
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toContain("新建账号");
    expect(text).toContain(a.username);
    expect(text).toContain('href="/admin/accounts"');
    expect(text).toContain('href="/admin/account"');
    // The sign-in is in the account record, named by the account.
    expect(text).toContain(`${a.username} · 管理员 · 个人账号`);
  });

  it("refuses observers (403) and gives them no link", async () => {
    const o = await account("observer");
    expect((await page(o.cookie, "/admin/accounts")).status).toBe(403);
    const home = await (await page(o.cookie, "/admin")).text();
    expect(home).not.toContain('href="/admin/accounts"');
    expect(home).toContain('href="/admin/account"');
  });

  it("lists each account as a card with a link to its page, and the campaigns only once", async () => {
    const a = await account();
    await account("observer");
    await makeCampaign();
    const text = await (await page(a.cookie, "/admin/accounts")).text();
    const accounts = (
      await (
        await asCall("token", "/api/admin/accounts")
      ).json<{
        accounts: { id: number }[];
      }>()
    ).accounts;
    const checkboxes = text.match(/name="campaigns"/g)?.length ?? 0;
    // One list of campaigns (the new account's), however many cards there are: with a list per
    // card the page grew with accounts × campaigns (2.5 MB with 44 accounts and 290 campaigns).
    const campaigns = (
      await asCall("token", "/api/admin/campaigns").then((r) =>
        r.json<{
          campaigns: unknown[];
        }>(),
      )
    ).campaigns.length;
    expect(checkboxes).toBe(campaigns);
    for (const { id } of accounts) expect(text).toContain(`href="/admin/accounts/${id}"`);
    expect(text).not.toContain('data-form="account-edit"');
  });

  it("shows one account's page with its name, role, campaigns and password forms", async () => {
    const a = await account();
    const scoped = await makeCampaign();
    const slug = (
      await db().query.campaigns.findFirst({
        where: (c, { eq }) => eq(c.id, scoped.id),
      })
    )?.slug;
    const res = await asCall(
      "token",
      "/api/admin/accounts",
      json({
        username: `scoped${++n}`,
        displayName: "王干事",
        role: "observer",
        password: "long-enough-password",
        campaigns: [slug],
      }),
    );
    const { account: other } = await res.json<{ account: { id: number } }>();
    const text = await (await page(a.cookie, `/admin/accounts/${other.id}`)).text();
    expect(text).toContain("修改 王干事 的账号");
    expect(text).toContain('data-form="account-edit"');
    expect(text).toContain('data-form="account-password"');
    expect(text).toContain('name="role"');
    expect(text).toContain("停用 王干事");
    // Its campaign is ticked, no other.
    expect(text.match(/checked=""/g)?.length).toBe(1);
    expect(text).toMatch(new RegExp(`value="${slug}" checked=""`));
  });

  it("answers an unknown or malformed account 404, observers 403, and keeps one's own role", async () => {
    const a = await account();
    for (const path of ["/admin/accounts/999999", "/admin/accounts/abc", "/admin/accounts/0"]) {
      const res = await page(a.cookie, path);
      expect(res.status).toBe(404);
      expect(await res.text()).toContain("没有这个账号");
    }
    const o = await account("observer");
    expect((await page(o.cookie, "/admin/accounts/1")).status).toBe(403);
    const accounts = (
      await (
        await asCall("token", "/api/admin/accounts")
      ).json<{
        accounts: { id: number; username: string }[];
      }>()
    ).accounts;
    const own = accounts.find((x) => x.username === a.username);
    const text = await (await page(a.cookie, `/admin/accounts/${own?.id}`)).text();
    expect(text).toContain('data-form="account-edit"');
    expect(text).not.toContain('name="role"');
    expect(text).not.toContain(`停用 `);
  });

  it("is the sign-in form for nobody", async () => {
    const text = await (await call("/admin/accounts")).text();
    expect(text).toContain('data-form="login"');
    expect(text).not.toContain("新建账号");
  });
});

describe("我的账号", () => {
  it("offers the password change and two-step verification to an account", async () => {
    const a = await account("observer");
    const text = await (await page(a.cookie, "/admin/account")).text();
    expect(text).toContain('data-form="my-password"');
    expect(text).toContain('href="/admin/account/totp"');
  });

  it("enrols with a QR code and the secret as text", async () => {
    const a = await account();
    const text = await (await page(a.cookie, "/admin/account/totp")).text();
    expect(text).toContain("<svg");
    const secret = /name="secret" value="([A-Z2-7]{32})"/.exec(text)?.[1];
    expect(secret).toBeDefined();
    // Shown grouped for typing by hand.
    expect(text).toContain(secret?.slice(0, 4));
  });

  it("tells a built-in password's session that it has no account", async () => {
    const text = await (await asCall("admin", "/admin/account")).text();
    expect(text).toContain("没有个人账号");
  });
});

describe("the audit log's actors", () => {
  it("shows a named account, a built-in password and entries from before accounts", async () => {
    const c = await makeCampaign();
    const now = Date.now();
    await db()
      .insert(auditLog)
      .values(
        [
          "王主任 (admin, session)",
          "内置观察员 (observer, session)",
          "wang.li (admin, account)",
          "token (admin, token)",
        ].map((actor, i) => ({
          campaignId: c.id,
          actor,
          action: "campaign.pause",
          createdAt: now + i,
        })),
      );
    const text = await (await asCall("admin", `/admin/c/${c.slug}/audit`)).text();
    const plain = text.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
    expect(plain).toContain("王主任 管理员 · 内置口令登录");
    expect(plain).toContain("内置观察员 观察员（只读） · 内置口令登录");
    expect(plain).toContain("wang.li 管理员 · 个人账号");
    expect(plain).toContain("API 调用 管理员 · API 令牌");
  });
});
