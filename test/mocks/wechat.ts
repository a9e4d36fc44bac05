/**
 * A local stand-in for WeChat's two web-OAuth endpoints, as a plain fetch handler (Request →
 * Response), so the same code serves the vitest suite inside workerd (through a spy on fetch) and
 * the e2e run (through a Node HTTP server, e2e/wechat-mock-server.ts).
 *
 * What it imitates (developers.weixin.qq.com, 网页授权):
 * - `GET /connect/oauth2/authorize?appid&redirect_uri&response_type=code&scope=snsapi_base&state`
 *   inside WeChat: a 302 to `redirect_uri?code=…&state=…` with a fresh code, silently; outside
 *   WeChat: the page "请在微信客户端打开链接" (200), no code.
 * - `GET /sns/oauth2/access_token?appid&secret&code&grant_type=authorization_code`:
 *   `{access_token, expires_in: 7200, refresh_token, openid, scope}`, or `{errcode, errmsg}`:
 *   40013 invalid appid, 40125 invalid appsecret, 41008 missing code, 40029 invalid code (unknown,
 *   and in practice also expired), 40163 code been used. A code lives 5 minutes and works once.
 *
 * The WeChat account behind a browser is the `mock_wx_user` cookie on the mock's origin (made on
 * first visit), or the `X-Mock-User` header; its openid is stable per user, like WeChat's per app.
 */
export interface MockWeChatOptions {
  appId: string;
  appSecret: string;
  /** The clock, for expiring codes (tests move it). */
  now?: () => number;
}

export type MockFault =
  | { kind: "errcode"; errcode: number; errmsg: string }
  | { kind: "http"; status: number }
  | { kind: "garbage" }
  | { kind: "snapshot" };

interface IssuedCode {
  openid: string;
  expires: number;
  used: boolean;
}

const CODE_TTL_MS = 5 * 60 * 1000;

/** The jsapi_ticket the mock hands out (e2e checks wx.config's signature against it). */
export const MOCK_JSAPI_TICKET = "mock-jsapi-ticket-0123456789";

export class MockWeChat {
  readonly codes = new Map<string, IssuedCode>();
  /** Every exchange asked for, in order (code and the errcode answered, 0 = success). */
  readonly exchanges: { code: string; errcode: number }[] = [];
  /** Faults to answer the next exchanges with, first in first out. */
  readonly faults: MockFault[] = [];
  readonly #now: () => number;

  constructor(readonly options: MockWeChatOptions) {
    this.#now = options.now ?? Date.now;
  }

  /** The openid this mock gives a user (stable, 28 characters like WeChat's). */
  openid(user: string): string {
    let h = 2166136261;
    for (const ch of user) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
    return `oMock${h.toString(36).padStart(7, "0")}${user.replace(/\W/g, "").slice(0, 16)}`
      .padEnd(28, "x")
      .slice(0, 28);
  }

  /** Makes a code for `user` as an authorize redirect would (for tests that skip the browser). */
  issueCode(user: string): string {
    const code = `${crypto.randomUUID().replaceAll("-", "")}`;
    this.codes.set(code, {
      openid: this.openid(user),
      expires: this.#now() + CODE_TTL_MS,
      used: false,
    });
    return code;
  }

  /** JS-SDK share (issue 17): `cgi-bin/token` and `cgi-bin/ticket/getticket` calls answered. */
  readonly jssdkCalls = { token: 0, ticket: 0 };

  async fetch(request: Request): Promise<Response> {
    const url = new URL(request.url);
    if (url.pathname === "/connect/oauth2/authorize") return this.#authorize(request, url);
    if (url.pathname === "/sns/oauth2/access_token") return this.#exchange(url);
    if (url.pathname === "/cgi-bin/token") return this.#token(url);
    if (url.pathname === "/cgi-bin/ticket/getticket") return this.#ticket(url);
    if (url.pathname === "/__mock/jssdk-calls") return Response.json(this.jssdkCalls);
    return new Response("not found", { status: 404 });
  }

  /** `cgi-bin/token?grant_type=client_credential&appid&secret` → an access_token for 7,200 s. */
  #token(url: URL): Response {
    this.jssdkCalls.token++;
    const q = url.searchParams;
    if (q.get("grant_type") !== "client_credential")
      return Response.json({ errcode: 40002, errmsg: "invalid grant_type" });
    if (q.get("appid") !== this.options.appId)
      return Response.json({ errcode: 40013, errmsg: "invalid appid" });
    if (q.get("secret") !== this.options.appSecret)
      return Response.json({ errcode: 40125, errmsg: "invalid appsecret" });
    return Response.json({ access_token: `MOCK-TOKEN-${this.jssdkCalls.token}`, expires_in: 7200 });
  }

  /** `cgi-bin/ticket/getticket?access_token&type=jsapi` → MOCK_JSAPI_TICKET for 7,200 s. */
  #ticket(url: URL): Response {
    this.jssdkCalls.ticket++;
    const q = url.searchParams;
    if (!q.get("access_token")?.startsWith("MOCK-TOKEN-"))
      return Response.json({ errcode: 40001, errmsg: "invalid credential" });
    if (q.get("type") !== "jsapi") return Response.json({ errcode: 40097, errmsg: "invalid args" });
    return Response.json({ errcode: 0, errmsg: "ok", ticket: MOCK_JSAPI_TICKET, expires_in: 7200 });
  }

  #authorize(request: Request, url: URL): Response {
    const q = url.searchParams;
    const page = (text: string) =>
      new Response(`<!doctype html><meta charset="utf-8"><title>微信</title><p>${text}</p>`, {
        headers: { "Content-Type": "text/html; charset=utf-8" },
      });
    if (!/MicroMessenger/i.test(request.headers.get("User-Agent") ?? "")) {
      return page("请在微信客户端打开链接");
    }
    if (q.get("appid") !== this.options.appId) return page("appid错误");
    if (q.get("scope") !== "snsapi_base" || q.get("response_type") !== "code") {
      return page("Scope 参数错误或没有 Scope 权限");
    }
    const redirect = q.get("redirect_uri");
    if (!redirect || !/^https?:\/\//.test(redirect)) return page("redirect_uri 参数错误");
    const cookie = /(?:^|;\s*)mock_wx_user=([\w-]+)/.exec(request.headers.get("Cookie") ?? "");
    const user = request.headers.get("X-Mock-User") ?? cookie?.[1] ?? crypto.randomUUID();
    const code = this.issueCode(user);
    const back = new URL(redirect);
    back.searchParams.set("code", code);
    back.searchParams.set("state", q.get("state") ?? "");
    const headers = new Headers({ Location: back.toString() });
    if (!cookie) headers.append("Set-Cookie", `mock_wx_user=${user}; Path=/; HttpOnly`);
    return new Response(null, { status: 302, headers });
  }

  #exchange(url: URL): Response {
    const q = url.searchParams;
    const code = q.get("code") ?? "";
    const answer = (body: Record<string, unknown>) => {
      this.exchanges.push({ code, errcode: typeof body.errcode === "number" ? body.errcode : 0 });
      return Response.json(body);
    };
    const fault = this.faults.shift();
    if (fault?.kind === "http") return new Response("busy", { status: fault.status });
    if (fault?.kind === "garbage") return new Response("<html>502</html>", { status: 200 });
    if (fault?.kind === "errcode") return answer({ errcode: fault.errcode, errmsg: fault.errmsg });
    if (q.get("appid") !== this.options.appId)
      return answer({ errcode: 40013, errmsg: "invalid appid" });
    if (q.get("secret") !== this.options.appSecret) {
      return answer({ errcode: 40125, errmsg: "invalid appsecret" });
    }
    if (q.get("grant_type") !== "authorization_code") {
      return answer({ errcode: 40002, errmsg: "invalid grant_type" });
    }
    if (!code) return answer({ errcode: 41008, errmsg: "missing code" });
    const issued = this.codes.get(code);
    if (!issued || issued.expires <= this.#now()) {
      return answer({ errcode: 40029, errmsg: "invalid code" });
    }
    if (issued.used) return answer({ errcode: 40163, errmsg: "code been used" });
    issued.used = true;
    return answer({
      access_token: `at_${crypto.randomUUID()}`,
      expires_in: 7200,
      refresh_token: `rt_${crypto.randomUUID()}`,
      openid: issued.openid,
      scope: "snsapi_base",
      ...(fault?.kind === "snapshot" ? { is_snapshotuser: 1 } : {}),
    });
  }
}
