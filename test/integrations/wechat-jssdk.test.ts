import { createExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createDb } from "../../src/db/client";
import worker from "../../src/index";
import {
  forgetWeChatMemory,
  JSSDK_ORIGIN,
  jsapiSignature,
  jsapiTicket,
  shareConfig,
  WeChatError,
  wechatConfig,
} from "../../src/integrations/wechat-jssdk";

const MOCK = "https://wechat-mock.test";
const config = { appId: "wx0123456789abcdef", appSecret: "s3cret", apiOrigin: MOCK };

/**
 * A local stand-in for api.weixin.qq.com: cgi-bin/token and cgi-bin/ticket/getticket, counting
 * calls, with errors on demand. Anything else through fetch is a test failure.
 */
function mockWeChat() {
  const state = {
    tokenCalls: 0,
    ticketCalls: 0,
    tokenError: null as null | { errcode: number; errmsg: string },
    /** errcodes the next ticket calls answer with, in order. */
    ticketErrors: [] as number[],
    down: false,
  };
  vi.spyOn(globalThis, "fetch").mockImplementation(async (input) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (url.origin !== MOCK) throw new Error(`unexpected fetch ${url}`);
    if (state.down) throw new TypeError("network down");
    if (url.pathname === "/cgi-bin/token") {
      state.tokenCalls++;
      expect(url.searchParams.get("grant_type")).toBe("client_credential");
      expect(url.searchParams.get("appid")).toBe(config.appId);
      expect(url.searchParams.get("secret")).toBe(config.appSecret);
      if (state.tokenError) return Response.json(state.tokenError);
      return Response.json({ access_token: `TOKEN-${state.tokenCalls}`, expires_in: 7200 });
    }
    if (url.pathname === "/cgi-bin/ticket/getticket") {
      state.ticketCalls++;
      expect(url.searchParams.get("type")).toBe("jsapi");
      const errcode = state.ticketErrors.shift();
      if (errcode) return Response.json({ errcode, errmsg: "access_token expired" });
      return Response.json({
        errcode: 0,
        errmsg: "ok",
        ticket: `TICKET-${state.ticketCalls}-${url.searchParams.get("access_token")}`,
        expires_in: 7200,
      });
    }
    return new Response("not found", { status: 404 });
  });
  return state;
}

const db = () => createDb(env.DB);

beforeEach(async () => {
  forgetWeChatMemory();
  await env.DB.exec("DELETE FROM wechat_credentials");
});
afterEach(() => vi.restoreAllMocks());

describe("jsapiSignature", () => {
  it("matches WeChat's published example (JS-SDK 说明文档, 附录1)", async () => {
    expect(
      await jsapiSignature(
        "sM4AOVdWfPE4DxkXGEs8VMCPGGVi4C3VM0P37wVUCFvkVAy_90u5h9nbSlYy3-Sl-HhTdfl2fzFy1AOcHKP7qg",
        "Wm3WZYTPz0wzccnW",
        1414587457,
        "http://mp.weixin.qq.com?params=value",
      ),
    ).toBe("0f9de62fce790f9a083d5c99e95740ceb90c27ed");
  });
});

describe("wechatConfig", () => {
  it("is off without both keys, and defaults to WeChat's host", () => {
    expect(wechatConfig({})).toBeNull();
    expect(wechatConfig({ WECHAT_APP_ID: "wx1", WECHAT_APP_SECRET: " " })).toBeNull();
    expect(wechatConfig({ WECHAT_APP_ID: "wx1", WECHAT_APP_SECRET: "s" })?.apiOrigin).toBe(
      "https://api.weixin.qq.com",
    );
    expect(
      wechatConfig({ WECHAT_APP_ID: "wx1", WECHAT_APP_SECRET: "s", WECHAT_API_ORIGIN: `${MOCK}/` })
        ?.apiOrigin,
    ).toBe(MOCK);
  });
});

describe("jsapi_ticket cache", () => {
  it("fetches the token and the ticket once for many signatures", async () => {
    const wechat = mockWeChat();
    const now = Date.parse("2026-12-20T02:00:00Z");
    const signed = await Promise.all(
      ["a", "b", "c"].map((p) => shareConfig(db(), config, `https://x.test/c/s/${p}`, now)),
    );
    for (let i = 0; i < 20; i++) await shareConfig(db(), config, "https://x.test/", now + i * 1000);
    // Three concurrent first calls may each fetch; after that, never again.
    expect(wechat.tokenCalls).toBeLessThanOrEqual(3);
    const calls = wechat.ticketCalls;
    for (let i = 0; i < 20; i++) await shareConfig(db(), config, "https://x.test/", now + 60_000);
    expect(wechat.ticketCalls).toBe(calls);
    const { appId, jsApiList, sdkUrl } = signed[0] ?? {};
    expect(appId).toBe(config.appId);
    expect(jsApiList).toContain("updateAppMessageShareData");
    expect(sdkUrl).toMatch(/^https:\/\/res\.wx\.qq\.com\//);
    // The signature is WeChat's over this ticket, nonce, time and URL (without the #fragment).
    const ticket = await jsapiTicket(db(), config, now);
    const one = await shareConfig(db(), config, "https://x.test/c/s/1#main", now);
    expect(one.timestamp).toBe(now / 1000);
    expect(one.signature).toBe(
      await jsapiSignature(ticket, one.nonceStr, one.timestamp, "https://x.test/c/s/1"),
    );
  });

  it("shares the ticket between isolates through D1, and fetches anew when it expires", async () => {
    const wechat = mockWeChat();
    const now = Date.parse("2026-12-20T02:00:00Z");
    const first = await jsapiTicket(db(), config, now);
    expect([wechat.tokenCalls, wechat.ticketCalls]).toEqual([1, 1]);
    forgetWeChatMemory(); // another isolate
    expect(await jsapiTicket(db(), config, now + 3_600_000)).toBe(first);
    expect([wechat.tokenCalls, wechat.ticketCalls]).toEqual([1, 1]);
    // 7,200 s minus the 5-minute margin: at 1 h 56 min it is renewed (token and ticket).
    const later = await jsapiTicket(db(), config, now + 116 * 60_000);
    expect(later).not.toBe(first);
    expect([wechat.tokenCalls, wechat.ticketCalls]).toEqual([2, 2]);
  });

  it("renews a stale access_token once when WeChat says it expired (42001)", async () => {
    const wechat = mockWeChat();
    wechat.ticketErrors = [42001];
    const ticket = await jsapiTicket(db(), config, Date.now());
    expect(ticket).toBe("TICKET-2-TOKEN-2");
    expect([wechat.tokenCalls, wechat.ticketCalls]).toEqual([2, 2]);
  });

  it("turns WeChat's error codes and silence into WeChatError, caching nothing", async () => {
    const wechat = mockWeChat();
    wechat.tokenError = { errcode: 40125, errmsg: "invalid appsecret" };
    await expect(jsapiTicket(db(), config, Date.now())).rejects.toMatchObject({
      errcode: 40125,
    });
    wechat.tokenError = null;
    wechat.ticketErrors = [40001, 40001];
    await expect(jsapiTicket(db(), config, Date.now())).rejects.toBeInstanceOf(WeChatError);
    wechat.down = true;
    await expect(jsapiTicket(db(), config, Date.now())).rejects.toBeInstanceOf(WeChatError);
    const rows = await env.DB.prepare("SELECT kind FROM wechat_credentials WHERE kind = ?")
      .bind("jsapi_ticket")
      .all();
    expect(rows.results).toEqual([]);
  });
});

describe("GET /api/wechat/share-config", () => {
  const withWeChat = {
    ...env,
    WECHAT_APP_ID: config.appId,
    WECHAT_APP_SECRET: "s3cret",
    WECHAT_API_ORIGIN: MOCK,
  };
  const get = (path: string, bindings: object = withWeChat) =>
    worker.fetch(
      new Request(`http://localhost${path}`),
      bindings as CloudflareBindings,
      createExecutionContext(),
    );

  it("signs a config for our own page, and lets WeChat's script into the pages' CSP", async () => {
    mockWeChat();
    const page = "http://localhost/c/zuimei/3?from=singlemessage";
    const res = await get(`/api/wechat/share-config?url=${encodeURIComponent(page)}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("Cache-Control")).toBe("no-store");
    const body = await res.json<{ signature: string; nonceStr: string; timestamp: number }>();
    expect(body.signature).toBe(
      await jsapiSignature("TICKET-1-TOKEN-1", body.nonceStr, body.timestamp, page),
    );
    const csp = (await get("/c/nope")).headers.get("Content-Security-Policy") ?? "";
    expect(csp).toContain(JSSDK_ORIGIN);
  });

  it("404 without an Official Account (and no WeChat script in the CSP), 400 for others' URLs, 503 when WeChat fails", async () => {
    const off = await get("/api/wechat/share-config?url=http%3A%2F%2Flocalhost%2F", env);
    expect(off.status).toBe(404);
    expect(await off.json()).toMatchObject({ error: { code: "wechat_not_configured" } });
    expect((await get("/c/nope", env)).headers.get("Content-Security-Policy")).not.toContain(
      JSSDK_ORIGIN,
    );
    for (const url of ["https://evil.test/", "not a url", ""]) {
      const res = await get(`/api/wechat/share-config?url=${encodeURIComponent(url)}`);
      expect(res.status).toBe(400);
    }
    const wechat = mockWeChat();
    wechat.down = true;
    const down = await get("/api/wechat/share-config?url=http%3A%2F%2Flocalhost%2F");
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({ error: { code: "wechat_unavailable" } });
  });
});
