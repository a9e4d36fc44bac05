import { describe, expect, it } from "vitest";
import { DEFAULT_PUBLIC_CACHE_MS, publicCacheMs, TtlCache } from "../../src/domain/ttl-cache";

describe("TtlCache", () => {
  it("returns a value until it expires", () => {
    const cache = new TtlCache<string>(10);
    cache.set("a", "x", 1000);
    expect(cache.get("a", 999)).toBe("x");
    expect(cache.get("a", 1000)).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it("keeps at most maxEntries, dropping the oldest write", () => {
    const cache = new TtlCache<number>(2);
    cache.set("a", 1, 100);
    cache.set("b", 2, 100);
    cache.set("a", 3, 100);
    cache.set("c", 4, 100);
    expect(cache.get("b", 0)).toBeUndefined();
    expect(cache.get("a", 0)).toBe(3);
    expect(cache.get("c", 0)).toBe(4);
  });
});

describe("publicCacheMs", () => {
  it("defaults to 2 s, reads PUBLIC_CACHE_MS, and turns off for 0 or nonsense", () => {
    expect(publicCacheMs({})).toBe(DEFAULT_PUBLIC_CACHE_MS);
    expect(publicCacheMs({ PUBLIC_CACHE_MS: "" })).toBe(DEFAULT_PUBLIC_CACHE_MS);
    expect(publicCacheMs({ PUBLIC_CACHE_MS: "500" })).toBe(500);
    expect(publicCacheMs({ PUBLIC_CACHE_MS: "0" })).toBe(0);
    expect(publicCacheMs({ PUBLIC_CACHE_MS: "-1" })).toBe(0);
    expect(publicCacheMs({ PUBLIC_CACHE_MS: "soon" })).toBe(0);
  });
});
