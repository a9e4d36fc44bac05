import { createExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { signState, wechatVoterHash } from "../../../src/domain/wechat";
import app from "../../../src/index";
import { makeCampaign, reconcile, voterCookie } from "../../helpers";
import { MockWeChat } from "../../mocks/wechat";

/**
 * The WeChat identity mode end to end inside workerd, against a local mock of WeChat's two
 * endpoints (test/mocks/wechat.ts): the worker's outbound fetch to the mock's origins is answered
 * by the mock; everything else (D1, cookies, pages) is real.
 */

const WECHAT = {
  WECHAT_APP_ID: "wxmock0000000001",
  WECHAT_APP_SECRET: "mock-secret-0123456789abcdef",
  WECHAT_OPEN_ORIGIN: "http://wechat-open.mock",
  WECHAT_API_ORIGIN: "http://wechat-api.mock",
};
const IN_WECHAT =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.47(0x18002f2c) NetType/WIFI Language/zh_CN";
const BROWSER =
  "Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36";

let mock: MockWeChat;
let now = Date.now();

beforeEach(() => {
  now = Date.now();
  mock = new MockWeChat({
    appId: WECHAT.WECHAT_APP_ID,
    appSecret: WECHAT.WECHAT_APP_SECRET,
    now: () => now,
  });
  const real = globalThis.fetch;
  vi.spyOn(globalThis, "fetch").mockImplementation((input, init) => {
    const request = new Request(input, init);
    const origin = new URL(request.url).origin;
    if (origin === WECHAT.WECHAT_API_ORIGIN || origin === WECHAT.WECHAT_OPEN_ORIGIN) {
      return mock.fetch(request);
    }
    return real(input, init);
  });
});

afterEach(() => {
  vi.restoreAllMocks();
});

/** A request to the worker with WeChat configured (or not). */
function send(
  path: string,
  init: RequestInit & { ua?: string; cookies?: string[]; ip?: string } = {},
  configured = true,
): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set("User-Agent", init.ua ?? BROWSER);
  headers.set("CF-Connecting-IP", init.ip ?? "198.51.100.7");
  if (init.cookies?.length) headers.set("Cookie", init.cookies.join("; "));
  const request = new Request(`http://localhost${path}`, { ...init, headers, redirect: "manual" });
  return Promise.resolve(
    app.fetch(request, configured ? { ...env, ...WECHAT } : env, createExecutionContext()),
  );
}

/** `name=value` of a cookie a response set (the last one of that name). */
function cookie(res: Response, name: string): string | undefined {
  const all = res.headers.getSetCookie();
  const found = all.filter((c) => c.startsWith(`${name}=`)).pop();
  return found?.split(";")[0];
}

/** Inside WeChat: open a profile, follow the silent sign-in through the mock, land back. */
async function signIn(slug: string, number: number, user: string) {
  const page = await send(`/c/${slug}/${number}`, { ua: IN_WECHAT });
  expect(page.status).toBe(302);
  const nonce = cookie(page, "by_wechat_state");
  const toWeChat = page.headers.get("Location") ?? "";
  const back = await mock.fetch(
    new Request(toWeChat, { headers: { "User-Agent": IN_WECHAT, "X-Mock-User": user } }),
  );
  expect(back.status).toBe(302);
  const callback = new URL(back.headers.get("Location") ?? "");
  const landed = await send(`${callback.pathname}${callback.search}`, {
    ua: IN_WECHAT,
    cookies: nonce ? [nonce] : [],
  });
  return { page, toWeChat, callback, nonce, landed, identity: cookie(landed, "by_wechat") };
}

function like(slug: string, number: number, cookies: string[], ip = "198.51.100.7") {
  return send(`/api/campaigns/${slug}/candidates/${number}/likes`, { method: "POST", cookies, ip });
}

describe("a wechat-mode campaign inside WeChat", () => {
  it("signs in silently, lands back on the same page and counts one like per WeChat account", async () => {
    const c = await makeCampaign({ identityMode: "wechat" });
    const { toWeChat, callback, landed, identity } = await signIn(c.slug, 2, "alice");
    const authorize = new URL(toWeChat);
    expect(authorize.origin + authorize.pathname).toBe(
      "http://wechat-open.mock/connect/oauth2/authorize",
    );
    expect(authorize.searchParams.get("scope")).toBe("snsapi_base");
    expect(authorize.searchParams.get("redirect_uri")).toBe(
      `http://localhost/wechat/callback?next=${encodeURIComponent(`/c/${c.slug}/2`)}`,
    );
    expect(authorize.hash).toBe("#wechat_redirect");
    expect(callback.searchParams.get("state")).toBe(authorize.searchParams.get("state"));
    expect(landed.status).toBe(303);
    expect(landed.headers.get("Location")).toBe(`/c/${c.slug}/2?wx=1#main`);
    expect(identity).toMatch(/^by_wechat=/);
    // The cookie holds the openid's keyed hash, never the openid.
    expect(decodeURIComponent(identity ?? "")).not.toContain(mock.openid("alice"));

    const page = await send(`/c/${c.slug}/2?wx=1`, { ua: IN_WECHAT, cookies: [identity ?? ""] });
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain("已通过微信确认身份");
    expect(html).toContain(`action="/c/${c.slug}/2"`);

    const first = await like(c.slug, 2, [identity ?? ""]);
    expect(first.status).toBe(201);
    // Another browser (new voter cookie, other address) with the same WeChat account is the same voter.
    const again = await like(c.slug, 2, [identity ?? ""], "203.0.113.99");
    expect(again.status).toBe(409);
    expect((await again.json<{ error: { code: string } }>()).error.code).toBe("already_liked");
    // Bob is another voter.
    const bob = await signIn(c.slug, 2, "bob");
    expect((await like(c.slug, 2, [bob.identity ?? ""])).status).toBe(201);

    const rows = await env.DB.prepare(
      "SELECT voter_hash FROM likes WHERE campaign_id = ? ORDER BY id",
    )
      .bind(c.id)
      .all<{ voter_hash: string }>();
    const secret = env.SESSION_SECRET;
    expect(rows.results.map((r) => r.voter_hash)).toEqual([
      await wechatVoterHash(secret, mock.openid("alice")),
      await wechatVoterHash(secret, mock.openid("bob")),
    ]);
    const dump = JSON.stringify(
      (await env.DB.prepare("SELECT * FROM likes WHERE campaign_id = ?").bind(c.id).all()).results,
    );
    expect(dump).not.toContain(mock.openid("alice"));
    expect((await reconcile(c.id)).find((r) => r.number === 2)).toMatchObject({
      counter: 2,
      counted: 2,
    });
  });

  it("survives WeChat loading the callback twice with the same code (one exchange)", async () => {
    const c = await makeCampaign({ identityMode: "wechat" });
    const { callback, nonce, identity } = await signIn(c.slug, 1, "carol");
    const repeat = await send(`${callback.pathname}${callback.search}`, {
      ua: IN_WECHAT,
      cookies: nonce ? [nonce] : [],
    });
    expect(repeat.status).toBe(303);
    expect(cookie(repeat, "by_wechat")).toBe(identity);
    expect(mock.exchanges).toHaveLength(1);
  });

  it("sends a no-JS like without the identity to sign in, and back", async () => {
    const c = await makeCampaign({ identityMode: "wechat" });
    const res = await send(`/c/${c.slug}/3`, { method: "POST", ua: IN_WECHAT });
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe(
      `/wechat/authorize?next=${encodeURIComponent(`/c/${c.slug}/3`)}`,
    );
    const start = await send(res.headers.get("Location") ?? "", { ua: IN_WECHAT });
    expect(start.status).toBe(302);
    expect(start.headers.get("Location")).toMatch(
      /^http:\/\/wechat-open\.mock\/connect\/oauth2\/authorize\?/,
    );
    expect(cookie(start, "by_wechat_state")).toBeDefined();
    expect((await reconcile(c.id)).every((r) => r.counted === 0)).toBe(true);
  });

  it("does not redirect again after a sign-in whose cookie did not stick, and offers a button", async () => {
    const c = await makeCampaign({ identityMode: "wechat" });
    const res = await send(`/c/${c.slug}/1?wx=1`, { ua: IN_WECHAT });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(`href="/wechat/authorize?next=${encodeURIComponent(`/c/${c.slug}/1`)}"`);
    expect(html).not.toContain(`action="/c/${c.slug}/1"`);
  });
});

describe("a wechat-mode campaign outside WeChat", () => {
  it("shows the QR code to open the page in WeChat and says why, with no like button", async () => {
    const c = await makeCampaign({ identityMode: "wechat" });
    const res = await send(`/c/${c.slug}/2`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("本次评选用微信投票");
    expect(html).toContain("一个微信号算一位投票人");
    expect(html).toContain(`src="/c/${c.slug}/2/qr.svg"`);
    expect(html).toContain(`value="http://localhost/c/${c.slug}/2"`);
    expect(html).not.toContain(`action="/c/${c.slug}/2"`);
    const en = await (await send(`/c/${c.slug}/2?lang=en`)).text();
    expect(en).toContain("This campaign votes with WeChat");
  });

  it("answers the API like with 403 wechat_identity_required and counts nothing", async () => {
    const c = await makeCampaign({ identityMode: "wechat" });
    const res = await like(c.slug, 1, []);
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({
      error: {
        code: "wechat_identity_required",
        message: expect.any(String),
        signInUrl: `/wechat/authorize?next=${encodeURIComponent(`/c/${c.slug}/1`)}`,
      },
    });
    // A voter cookie is not a WeChat identity, even a returning one.
    const voter = voterCookie(await send(`/c/${c.slug}`));
    expect((await like(c.slug, 1, [voter])).status).toBe(403);
    // Nor is a forged identity cookie.
    expect(
      (await like(c.slug, 1, ["by_wechat=0123456789abcdef0123456789abcdef.forged"])).status,
    ).toBe(403);
    expect((await reconcile(c.id)).every((r) => r.counted === 0)).toBe(true);
    const form = await send(`/c/${c.slug}/1`, { method: "POST" });
    expect(form.status).toBe(303);
    expect(form.headers.get("Location")).toBe(`/c/${c.slug}/1?r=wechat_identity_required#main`);
  });

  it("keeps cookie-mode campaigns as they were", async () => {
    const c = await makeCampaign();
    const page = await (await send(`/c/${c.slug}/1`, { ua: IN_WECHAT })).text();
    expect(page).toContain(`action="/c/${c.slug}/1"`);
    expect(page).not.toContain("本次评选用微信投票");
    expect((await like(c.slug, 1, [])).status).toBe(201);
  });

  it("says voting is not possible while no Official Account is configured", async () => {
    const c = await makeCampaign({ identityMode: "wechat" });
    const res = await send(`/c/${c.slug}/1`, { ua: IN_WECHAT }, false);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("尚未完成微信公众号配置");
  });
});

describe("a sign-in that fails shows a clear page and counts nothing", () => {
  async function start(slug: string, number = 1) {
    const page = await send(`/c/${slug}/${number}`, { ua: IN_WECHAT });
    const authorize = new URL(page.headers.get("Location") ?? "");
    return {
      nonce: cookie(page, "by_wechat_state") ?? "",
      state: authorize.searchParams.get("state") ?? "",
      next: `/c/${slug}/${number}`,
    };
  }
  const callbackPath = (next: string, state: string, code?: string) =>
    `/wechat/callback?next=${encodeURIComponent(next)}&state=${state}${code ? `&code=${code}` : ""}`;

  async function expectFailure(res: Response, status: number, text: string) {
    expect(res.status).toBe(status);
    expect(res.headers.get("Content-Type")).toContain("text/html");
    expect(cookie(res, "by_wechat")).toBeUndefined();
    const html = await res.text();
    expect(html).toContain('<html lang="zh-CN"');
    expect(html).toContain("微信身份确认未完成");
    expect(html).toContain(text);
    expect(html).toContain("本次操作没有记录任何点赞");
    expect(html).not.toMatch(/errcode|invalid code|40029|40163/);
    return html;
  }

  it("for a code already used, an expired code, and no code", async () => {
    const c = await makeCampaign({ identityMode: "wechat" });
    let s = await start(c.slug);
    const used = mock.issueCode("dave");
    await mock.fetch(
      new Request(
        `${WECHAT.WECHAT_API_ORIGIN}/sns/oauth2/access_token?appid=${WECHAT.WECHAT_APP_ID}&secret=${WECHAT.WECHAT_APP_SECRET}&code=${used}&grant_type=authorization_code`,
      ),
    );
    const html = await expectFailure(
      await send(callbackPath(s.next, s.state, used), { ua: IN_WECHAT, cookies: [s.nonce] }),
      400,
      "授权码无效、已被使用或已过期",
    );
    // The way back: try again (a new sign-in for the same page) or return to it.
    expect(html).toContain(`href="/wechat/authorize?next=${encodeURIComponent(s.next)}"`);
    expect(html).toContain(`href="${s.next}"`);
    // The language toggle leads to that page, not to the spent callback again.
    expect(html).toContain(`href="${s.next}?lang=en"`);

    s = await start(c.slug);
    const stale = mock.issueCode("dave");
    now += 6 * 60 * 1000;
    await expectFailure(
      await send(callbackPath(s.next, s.state, stale), { ua: IN_WECHAT, cookies: [s.nonce] }),
      400,
      "授权码无效、已被使用或已过期",
    );
    s = await start(c.slug);
    await expectFailure(
      await send(callbackPath(s.next, s.state), { ua: IN_WECHAT, cookies: [s.nonce] }),
      400,
      "授权码无效",
    );
    expect((await reconcile(c.id)).every((r) => r.counted === 0)).toBe(true);
  });

  it("for WeChat errors: unreachable, a refused secret, a snapshot page", async () => {
    const c = await makeCampaign({ identityMode: "wechat" });
    let s = await start(c.slug);
    mock.faults.push({ kind: "http", status: 502 });
    await expectFailure(
      await send(callbackPath(s.next, s.state, mock.issueCode("e")), {
        ua: IN_WECHAT,
        cookies: [s.nonce],
      }),
      502,
      "暂时无法连接微信服务器",
    );
    s = await start(c.slug);
    mock.faults.push({ kind: "errcode", errcode: 40125, errmsg: "invalid appsecret" });
    await expectFailure(
      await send(callbackPath(s.next, s.state, mock.issueCode("e")), {
        ua: IN_WECHAT,
        cookies: [s.nonce],
      }),
      502,
      "配置有误",
    );
    s = await start(c.slug);
    mock.faults.push({ kind: "snapshot" });
    await expectFailure(
      await send(callbackPath(s.next, s.state, mock.issueCode("e")), {
        ua: IN_WECHAT,
        cookies: [s.nonce],
      }),
      403,
      "快照页",
    );
  });

  it("for a forged, foreign, expired or misdirected state, and never redirects off the site", async () => {
    const c = await makeCampaign({ identityMode: "wechat" });
    const s = await start(c.slug);
    const code = () => mock.issueCode("mallory");
    // Another browser (no nonce, or its own) cannot finish this browser's sign-in.
    await expectFailure(
      await send(callbackPath(s.next, s.state, code()), { ua: IN_WECHAT }),
      400,
      "链接无效",
    );
    await expectFailure(
      await send(callbackPath(s.next, s.state, code()), {
        ua: IN_WECHAT,
        cookies: ["by_wechat_state=someone-elses-nonce-000"],
      }),
      400,
      "链接无效",
    );
    // The state names its return path: another page (or another site) is refused.
    await expectFailure(
      await send(callbackPath(`/c/${c.slug}/2`, s.state, code()), {
        ua: IN_WECHAT,
        cookies: [s.nonce],
      }),
      400,
      "链接无效",
    );
    for (const next of ["//evil.example/c/x/1", "https://evil.example/", "/admin"]) {
      const res = await send(callbackPath(next, s.state, code()), {
        ua: IN_WECHAT,
        cookies: [s.nonce],
      });
      expect(res.headers.get("Location")).toBeNull();
      await expectFailure(res, 400, "链接无效");
      const begin = await send(`/wechat/authorize?next=${encodeURIComponent(next)}`, {
        ua: IN_WECHAT,
      });
      expect(begin.headers.get("Location")).toBeNull();
      expect(begin.status).toBe(400);
    }
    const old = await signState(
      env.SESSION_SECRET,
      s.next,
      s.nonce.split("=")[1] ?? "",
      Date.now() - 11 * 60 * 1000,
    );
    await expectFailure(
      await send(callbackPath(s.next, old, code()), { ua: IN_WECHAT, cookies: [s.nonce] }),
      400,
      "已过期",
    );
    expect(mock.exchanges).toHaveLength(0);
  });
});

describe("the campaign setting", () => {
  const admin = { Authorization: "Bearer test-admin-token", "Content-Type": "application/json" };

  it("is public in the campaign API and refused while WeChat is not configured", async () => {
    const c = await makeCampaign({ identityMode: "wechat" });
    const pub = await (await send(`/api/campaigns/${c.slug}`)).json<{ identityMode: string }>();
    expect(pub.identityMode).toBe("wechat");
    const plain = await makeCampaign();
    const body = JSON.stringify({ identityMode: "wechat" });
    const refused = await send(
      `/api/admin/campaigns/${plain.slug}`,
      { method: "PATCH", headers: admin, body },
      false,
    );
    expect(refused.status).toBe(400);
    expect((await refused.json<{ error: { code: string } }>()).error.code).toBe(
      "wechat_not_configured",
    );
    const ok = await send(`/api/admin/campaigns/${plain.slug}`, {
      method: "PATCH",
      headers: admin,
      body,
    });
    expect(ok.status).toBe(200);
    expect((await ok.json<{ identityMode: string }>()).identityMode).toBe("wechat");
    const bad = await send(`/api/admin/campaigns/${plain.slug}`, {
      method: "PATCH",
      headers: admin,
      body: JSON.stringify({ identityMode: "phone" }),
    });
    expect(bad.status).toBe(400);
    // A like after the switch needs WeChat at once (the like path's campaign cache is guarded).
    expect((await like(plain.slug, 1, [])).status).toBe(403);
  });
});
