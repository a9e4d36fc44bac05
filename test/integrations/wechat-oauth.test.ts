import { describe, expect, it, vi } from "vitest";
import {
  authorizeUrl,
  exchangeCode,
  WECHAT_API_ORIGIN,
  WECHAT_OPEN_ORIGIN,
  wechatOAuthConfig,
} from "../../src/integrations/wechat-oauth";
import { MockWeChat } from "../mocks/wechat";

const ENV = {
  WECHAT_APP_ID: "wxmock0000000001",
  WECHAT_APP_SECRET: "mock-secret-0123456789abcdef",
  WECHAT_OPEN_ORIGIN: "http://wechat-open.mock",
  WECHAT_API_ORIGIN: "http://wechat-api.mock/",
};

function setup(now = () => Date.now()) {
  const mock = new MockWeChat({ appId: ENV.WECHAT_APP_ID, appSecret: ENV.WECHAT_APP_SECRET, now });
  const config = wechatOAuthConfig(ENV);
  if (!config) throw new Error("no config");
  const fetcher = vi.fn((input: RequestInfo | URL, init?: RequestInit) =>
    mock.fetch(new Request(input, init)),
  );
  return { mock, config, fetcher: fetcher as unknown as typeof fetch, calls: fetcher.mock.calls };
}

describe("wechatOAuthConfig", () => {
  it("is off without both keys, and uses WeChat's hosts unless told otherwise", () => {
    expect(wechatOAuthConfig({})).toBeNull();
    expect(wechatOAuthConfig({ WECHAT_APP_ID: "wx1", WECHAT_APP_SECRET: " " })).toBeNull();
    expect(wechatOAuthConfig({ WECHAT_APP_ID: "wx1", WECHAT_APP_SECRET: "s" })).toEqual({
      appId: "wx1",
      appSecret: "s",
      openOrigin: WECHAT_OPEN_ORIGIN,
      apiOrigin: WECHAT_API_ORIGIN,
    });
    expect(wechatOAuthConfig(ENV)?.apiOrigin).toBe("http://wechat-api.mock");
  });
});

describe("authorizeUrl", () => {
  it("asks for snsapi_base with our app id, callback and state, with WeChat's fragment", () => {
    const { config } = setup();
    const url = new URL(
      authorizeUrl(config, "https://site.example/wechat/callback?next=%2Fc%2Fa%2F1", "123abc"),
    );
    expect(url.origin + url.pathname).toBe("http://wechat-open.mock/connect/oauth2/authorize");
    expect(Object.fromEntries(url.searchParams)).toEqual({
      appid: ENV.WECHAT_APP_ID,
      redirect_uri: "https://site.example/wechat/callback?next=%2Fc%2Fa%2F1",
      response_type: "code",
      scope: "snsapi_base",
      state: "123abc",
    });
    expect(url.hash).toBe("#wechat_redirect");
  });
});

describe("exchangeCode against the mock", () => {
  it("gives the openid for a fresh code, once", async () => {
    const { mock, config, fetcher } = setup();
    const code = mock.issueCode("alice");
    expect(await exchangeCode(config, code, fetcher)).toEqual({
      ok: true,
      openid: mock.openid("alice"),
    });
    expect(await exchangeCode(config, code, fetcher)).toEqual({
      ok: false,
      reason: "code_invalid",
      errcode: 40163,
    });
  });

  it("calls an unknown or expired code invalid", async () => {
    let now = Date.now();
    const { mock, config, fetcher } = setup(() => now);
    expect(await exchangeCode(config, "no-such-code", fetcher)).toMatchObject({
      ok: false,
      reason: "code_invalid",
      errcode: 40029,
    });
    const code = mock.issueCode("bob");
    now += 5 * 60 * 1000 + 1;
    expect(await exchangeCode(config, code, fetcher)).toMatchObject({
      ok: false,
      reason: "code_invalid",
    });
    mock.faults.push({ kind: "errcode", errcode: 42003, errmsg: "oauth_code timeout" });
    expect(await exchangeCode(config, mock.issueCode("bob"), fetcher)).toMatchObject({
      reason: "code_invalid",
      errcode: 42003,
    });
  });

  it("tells a refused app id or secret from WeChat being unreachable", async () => {
    const { mock, config, fetcher } = setup();
    const wrong = { ...config, appSecret: "wrong" };
    expect(await exchangeCode(wrong, mock.issueCode("c"), fetcher)).toEqual({
      ok: false,
      reason: "misconfigured",
      errcode: 40125,
    });
    mock.faults.push({ kind: "http", status: 503 });
    expect(await exchangeCode(config, mock.issueCode("c"), fetcher)).toEqual({
      ok: false,
      reason: "unavailable",
    });
    mock.faults.push({ kind: "garbage" });
    expect(await exchangeCode(config, mock.issueCode("c"), fetcher)).toEqual({
      ok: false,
      reason: "unavailable",
    });
    mock.faults.push({ kind: "errcode", errcode: -1, errmsg: "system error" });
    expect(await exchangeCode(config, mock.issueCode("c"), fetcher)).toEqual({
      ok: false,
      reason: "unavailable",
      errcode: -1,
    });
    const down = (() => Promise.reject(new TypeError("network down"))) as unknown as typeof fetch;
    expect(await exchangeCode(config, "abc", down)).toEqual({ ok: false, reason: "unavailable" });
  });

  it("refuses a snapshot-page virtual account", async () => {
    const { mock, config, fetcher } = setup();
    mock.faults.push({ kind: "snapshot" });
    expect(await exchangeCode(config, mock.issueCode("d"), fetcher)).toEqual({
      ok: false,
      reason: "snapshot_user",
    });
  });

  it("sends the documented query and never asks WeChat about a malformed code", async () => {
    const { mock, config, fetcher, calls } = setup();
    await exchangeCode(config, mock.issueCode("e"), fetcher);
    const sent = new URL(String(calls[0]?.[0]));
    expect(sent.origin + sent.pathname).toBe("http://wechat-api.mock/sns/oauth2/access_token");
    expect(sent.searchParams.get("grant_type")).toBe("authorization_code");
    expect(sent.searchParams.get("secret")).toBe(ENV.WECHAT_APP_SECRET);
    expect(await exchangeCode(config, "bad code&x=1", fetcher)).toEqual({
      ok: false,
      reason: "code_invalid",
    });
    expect(calls).toHaveLength(1);
  });
});
