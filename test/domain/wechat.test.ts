import { describe, expect, it } from "vitest";
import {
  checkState,
  isWeChatUserAgent,
  STATE_TTL_MS,
  safeReturnPath,
  signState,
  wechatGate,
  wechatVoterHash,
} from "../../src/domain/wechat";

const SECRET = "test-secret-0123456789";
const NOW = Date.parse("2026-12-05T12:00:00Z");

describe("isWeChatUserAgent", () => {
  it("knows WeChat's browser on iOS, Android and desktop, and nothing else", () => {
    expect(
      isWeChatUserAgent(
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.47(0x18002f2c) NetType/WIFI Language/zh_CN",
      ),
    ).toBe(true);
    expect(
      isWeChatUserAgent(
        "Mozilla/5.0 (Linux; Android 13; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/116.0.0.0 Mobile Safari/537.36 XWEB/1160065 MMWEBSDK/20231202 MMWEBID/2247 MicroMessenger/8.0.47.2560(0x28002F30) WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64",
      ),
    ).toBe(true);
    expect(
      isWeChatUserAgent(
        "Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36",
      ),
    ).toBe(false);
    expect(isWeChatUserAgent(undefined)).toBe(false);
    expect(isWeChatUserAgent("")).toBe(false);
  });
});

describe("safeReturnPath", () => {
  it("takes a campaign's grid or a nominee's profile", () => {
    expect(safeReturnPath("/c/zuimei-xinfang")).toBe("/c/zuimei-xinfang");
    expect(safeReturnPath("/c/zuimei-xinfang/7")).toBe("/c/zuimei-xinfang/7");
  });

  it("refuses anything that could leave the site or reach another part of it", () => {
    for (const bad of [
      undefined,
      "",
      "//evil.example/c/x/1",
      "https://evil.example/c/x/1",
      "/\\evil.example",
      "/c/zuimei-xinfang/7?next=//evil",
      "/c/zuimei-xinfang/7#x",
      "/c/zuimei-xinfang/07",
      "/c/Zuimei/1",
      "/c/zuimei-xinfang/7/qr.svg",
      "/admin",
      "/api/campaigns/x",
      "/c/../admin",
      "/c/zuimei-xinfang/7\n",
      "c/zuimei-xinfang/7",
    ]) {
      expect(safeReturnPath(bad), String(bad)).toBeNull();
    }
  });
});

describe("the signed state", () => {
  it("fits WeChat's rule ([a-zA-Z0-9], at most 128 bytes) and checks out for its path and nonce", async () => {
    const state = await signState(SECRET, "/c/a-b/3", "nonce-0123456789abcd", NOW);
    expect(state).toMatch(/^[a-zA-Z0-9]{1,128}$/);
    expect(await checkState(SECRET, state, "/c/a-b/3", "nonce-0123456789abcd", NOW)).toBe("ok");
  });

  it("is bound to the return path, the browser's nonce and the secret", async () => {
    const state = await signState(SECRET, "/c/a-b/3", "nonce-0123456789abcd", NOW);
    expect(await checkState(SECRET, state, "/c/a-b/4", "nonce-0123456789abcd", NOW)).toBe("forged");
    expect(await checkState(SECRET, state, "/c/a-b/3", "other-0123456789abcd", NOW)).toBe("forged");
    expect(await checkState(SECRET, state, "/c/a-b/3", undefined, NOW)).toBe("forged");
    expect(await checkState("another-secret", state, "/c/a-b/3", "nonce-0123456789abcd", NOW)).toBe(
      "forged",
    );
    const flipped = state.slice(0, -1) + (state.endsWith("0") ? "1" : "0");
    expect(await checkState(SECRET, flipped, "/c/a-b/3", "nonce-0123456789abcd", NOW)).toBe(
      "forged",
    );
  });

  it("expires after ten minutes, and a later expiry cannot be forged", async () => {
    const state = await signState(SECRET, "/c/a-b/3", "nonce-0123456789abcd", NOW);
    const later = NOW + STATE_TTL_MS + 1000;
    expect(await checkState(SECRET, state, "/c/a-b/3", "nonce-0123456789abcd", later)).toBe(
      "expired",
    );
    const extended = `${String(Number(state.slice(0, 10)) + 3600)}${state.slice(10)}`;
    expect(await checkState(SECRET, extended, "/c/a-b/3", "nonce-0123456789abcd", later)).toBe(
      "forged",
    );
  });

  it("calls anything else malformed", async () => {
    for (const bad of [undefined, "", "abc", "1234567890", `${"1".repeat(10)}${"g".repeat(32)}`]) {
      expect(await checkState(SECRET, bad, "/c/a-b/3", "nonce", NOW), String(bad)).toBe(
        "malformed",
      );
    }
  });
});

describe("wechatVoterHash", () => {
  it("is a keyed hash of the openid: stable, 32 hex, never the openid, unlike the cookie id's", async () => {
    const a = await wechatVoterHash(SECRET, "oMockOpenid0001");
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(await wechatVoterHash(SECRET, "oMockOpenid0001")).toBe(a);
    expect(await wechatVoterHash(SECRET, "oMockOpenid0002")).not.toBe(a);
    expect(await wechatVoterHash("another-secret", "oMockOpenid0001")).not.toBe(a);
  });
});

describe("wechatGate", () => {
  it("lets a signed-in voter like, asks for a sign-in inside WeChat and shows the QR outside", () => {
    expect(wechatGate({ signedIn: true, inWeChat: false, configured: true })).toBe("ready");
    expect(wechatGate({ signedIn: false, inWeChat: true, configured: true })).toBe("sign_in");
    expect(wechatGate({ signedIn: false, inWeChat: false, configured: true })).toBe(
      "open_in_wechat",
    );
    expect(wechatGate({ signedIn: false, inWeChat: true, configured: false })).toBe("unavailable");
  });
});
