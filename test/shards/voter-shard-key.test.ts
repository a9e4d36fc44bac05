import { describe, expect, it } from "vitest";
import { voterShardKey } from "../../src/shards/barrier";

describe("voterShardKey", () => {
  it("shards a wechat-mode campaign's signed-in voters by their WeChat identity", () => {
    expect(voterShardKey("wechat", "cookie-hash", "wechat-hash")).toBe("wechat-hash");
  });

  it("falls back to the cookie without a WeChat identity, and ignores one at a cookie campaign", () => {
    expect(voterShardKey("wechat", "cookie-hash", null)).toBe("cookie-hash");
    expect(voterShardKey("wechat", "cookie-hash", undefined)).toBe("cookie-hash");
    expect(voterShardKey("cookie", "cookie-hash", "wechat-hash")).toBe("cookie-hash");
  });
});
