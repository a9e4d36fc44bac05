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

  it("serves a stale value only while a refresh is under way, and for at most two TTLs", async () => {
    const cache = new TtlCache<string>(10);
    const ttl = 100;
    cache.set("k", "old", 1000);
    expect(cache.servable("k", 999, ttl)).toBe("old");
    // Expired, nobody refreshing: not servable (this caller should refresh).
    expect(cache.servable("k", 1000, ttl)).toBeUndefined();
    expect(cache.isRefreshing("k", 1000, ttl)).toBe(false);
    let release: (v: string) => void = () => {};
    const loading = cache.refresh("k", 1000, () => new Promise<string>((r) => (release = r)));
    // Meanwhile others get the stale value, up to two TTLs past expiry.
    expect(cache.isRefreshing("k", 1050, ttl)).toBe(true);
    expect(cache.servable("k", 1199, ttl)).toBe("old");
    expect(cache.servable("k", 1200, ttl)).toBeUndefined();
    // A refresh that hangs for two TTLs stops counting as one.
    expect(cache.isRefreshing("k", 1200, ttl)).toBe(false);
    release("new");
    expect(await loading).toBe("new");
    expect(cache.isRefreshing("k", 1050, ttl)).toBe(false);
    expect(cache.servable("missing", 0, ttl)).toBeUndefined();
  });

  it("ends a refresh that fails", async () => {
    const cache = new TtlCache<string>(10);
    await expect(cache.refresh("k", 0, () => Promise.reject(new Error("D1 down")))).rejects.toThrow(
      "D1 down",
    );
    expect(cache.isRefreshing("k", 1, 100)).toBe(false);
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
