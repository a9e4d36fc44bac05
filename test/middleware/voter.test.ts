import { describe, expect, it } from "vitest";
import { isLocalHost } from "../../src/middleware/voter";

describe("isLocalHost (plain-http development only)", () => {
  it("is true for the loopback hosts, with or without a port or path", () => {
    for (const url of [
      "http://localhost:8787/c/x",
      "http://localhost",
      "http://127.0.0.1:8797/api/campaigns",
      "http://[::1]:8787/?lang=en",
      "HTTP://LOCALHOST/",
    ]) {
      expect(isLocalHost(url), url).toBe(true);
    }
  });

  it("is false for every other host, however much it looks like one", () => {
    for (const url of [
      "https://bangyang.example.gov.cn/c/x",
      "https://localhost.example.com/",
      "http://localhostx/",
      "http://127.0.0.10/",
      "https://example.com/?next=http://localhost/",
      "https://example.com/localhost",
    ]) {
      expect(isLocalHost(url), url).toBe(false);
    }
  });
});
