import { createExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it, vi } from "vitest";
import app from "../../../src/index";
import { call, countingD1, type D1Call, like, makeCampaign } from "../../helpers";

type Results = {
  slug: string;
  status: string;
  generatedAt: string;
  totalLikes: number;
  candidates: { rank: number; number: number; name: string; unit: string; likes: number }[];
};

async function likeTimes(slug: string, number: number, times: number) {
  for (let i = 0; i < times; i++) {
    expect((await like(slug, number, { ip: `198.51.100.${i + 10}` })).status).toBe(201);
  }
}

describe("GET /api/campaigns/:slug/results", () => {
  it("ranks by likes, ties share a rank (1, 2, 2, 4), ties listed by number", async () => {
    const c = await makeCampaign({ count: 4 });
    await likeTimes(c.slug, 4, 3);
    await likeTimes(c.slug, 2, 2);
    await likeTimes(c.slug, 3, 2);
    await likeTimes(c.slug, 1, 1);
    const res = await call(`/api/campaigns/${c.slug}/results`);
    expect(res.status).toBe(200);
    const body = await res.json<Results>();
    expect(body).toMatchObject({ slug: c.slug, status: "open", totalLikes: 8 });
    expect(body.generatedAt).toMatch(/\+08:00$/);
    expect(body.candidates.map((r) => [r.rank, r.number, r.likes])).toEqual([
      [1, 4, 3],
      [2, 2, 2],
      [2, 3, 2],
      [4, 1, 1],
    ]);
    expect(body.candidates[0]).toMatchObject({ name: "候选人4", unit: "市信访局4" });
  });

  it("sends an ETag and answers 304 until the tally changes", async () => {
    const c = await makeCampaign();
    const first = await call(`/api/campaigns/${c.slug}/results`);
    const etag = first.headers.get("ETag");
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    const same = await call(`/api/campaigns/${c.slug}/results`, {
      headers: { "If-None-Match": etag ?? "" },
    });
    expect(same.status).toBe(304);
    expect(await same.text()).toBe("");
    await like(c.slug, 1);
    const changed = await call(`/api/campaigns/${c.slug}/results`, {
      headers: { "If-None-Match": etag ?? "" },
    });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("ETag")).not.toBe(etag);
  });

  it("answers 403 results_hidden while counts are hidden, and nothing leaks", async () => {
    const hidden = [
      await makeCampaign({ showCounts: "after_close" }),
      await makeCampaign({ showCounts: "never" }),
      await makeCampaign({ showCounts: "never", closedAt: Date.now() - 1 }),
    ];
    for (const c of hidden) {
      await like(c.slug, 1);
      const res = await call(`/api/campaigns/${c.slug}/results`);
      expect(res.status).toBe(403);
      expect(res.headers.get("ETag")).toBeNull();
      expect(await res.json()).toEqual({
        error: { code: "results_hidden", message: expect.any(String) },
      });
    }
  });

  it("publishes results once an after_close campaign has closed", async () => {
    const c = await makeCampaign({ showCounts: "after_close", closedAt: Date.now() - 1 });
    const res = await call(`/api/campaigns/${c.slug}/results`);
    expect(res.status).toBe(200);
    expect((await res.json<Results>()).status).toBe("closed");
  });

  it("answers 404 for an unknown campaign", async () => {
    const res = await call("/api/campaigns/nope/results");
    expect(res.status).toBe(404);
  });

  it("with PUBLIC_CACHE_MS, keeps the results for that long, then reads the counters again", async () => {
    const c = await makeCampaign();
    const cached = { ...env, PUBLIC_CACHE_MS: "60000" };
    const get = (headers: Record<string, string> = {}) =>
      app.fetch(
        new Request(`http://localhost/api/campaigns/${c.slug}/results`, { headers }),
        cached,
        createExecutionContext(),
      );
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      const first = await get();
      const etag = first.headers.get("ETag") ?? "";
      expect(first.headers.get("Content-Type")).toMatch(/^application\/json/);
      expect((await first.json<Results>()).totalLikes).toBe(0);
      expect((await like(c.slug, 1)).status).toBe(201);
      // Within the TTL: the same answer, and the same tag still gets a 304.
      expect((await (await get()).json<Results>()).totalLikes).toBe(0);
      expect((await get({ "If-None-Match": etag })).status).toBe(304);
      // Uncached readers see the like at once.
      expect(
        (await (await call(`/api/campaigns/${c.slug}/results`)).json<Results>()).totalLikes,
      ).toBe(1);
      vi.advanceTimersByTime(60_001);
      const fresh = await get({ "If-None-Match": etag });
      expect(fresh.status).toBe(200);
      expect((await fresh.json<Results>()).totalLikes).toBe(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it("never serves hidden counts from the isolate cache, however often asked", async () => {
    const c = await makeCampaign({ showCounts: "never" });
    await likeTimes(c.slug, 1, 2);
    const cached = { ...env, PUBLIC_CACHE_MS: "60000" };
    for (let i = 0; i < 3; i++) {
      const res = await app.fetch(
        new Request(`http://localhost/api/campaigns/${c.slug}/results`, {
          headers: { "Accept-Encoding": "gzip" },
        }),
        cached,
        createExecutionContext(),
      );
      expect(res.status).toBe(403);
      expect(await res.text()).not.toMatch(/"likes"|totalLikes/);
    }
  });

  it("answers a cache hit before the router with the same headers and body as the route", async () => {
    const c = await makeCampaign({ count: 3 });
    await likeTimes(c.slug, 2, 1);
    const calls: D1Call[] = [];
    type Bindings = typeof env & { PUBLIC_CACHE_MS?: string };
    const cached: Bindings = { ...env, DB: countingD1(calls), PUBLIC_CACHE_MS: "60000" };
    const get = (url: string, headers: Record<string, string> = {}, bindings: Bindings = cached) =>
      app.fetch(new Request(url, { headers }), bindings, createExecutionContext());
    const headersOf = (res: Response) =>
      Object.fromEntries([...res.headers].filter(([name]) => name !== "content-length"));
    // app.fetch hands back the bytes as sent: gunzip them as a browser would.
    const bodyOf = async (res: Response) => {
      const gzipped = res.headers.get("Content-Encoding") === "gzip";
      const text = gzipped
        ? await new Response(res.body?.pipeThrough(new DecompressionStream("gzip"))).text()
        : await res.text();
      return { ...(JSON.parse(text) as Results), generatedAt: "" };
    };
    for (const origin of ["http://localhost", "https://bangyang.example.gov.cn"]) {
      for (const headers of [{}, { "Accept-Encoding": "gzip" }] as Record<string, string>[]) {
        const url = `${origin}/api/campaigns/${c.slug}/results`;
        // Without the cache every answer takes the route; with it, the second on is a hit.
        const slow = await get(url, headers, { ...env, PUBLIC_CACHE_MS: "0" });
        await get(url, headers);
        calls.length = 0;
        const fast = await get(url, headers);
        expect(calls).toEqual([]); // answered without the database
        expect(fast.status).toBe(200);
        expect(headersOf(fast)).toEqual(headersOf(slow));
        expect(await bodyOf(fast)).toEqual(await bodyOf(slow));
        const etag = fast.headers.get("ETag") ?? "";
        const unchanged = await get(url, { ...headers, "If-None-Match": etag });
        expect(unchanged.status).toBe(304);
        expect(headersOf(unchanged)).toEqual(
          headersOf(
            await get(url, { ...headers, "If-None-Match": etag }, { ...env, PUBLIC_CACHE_MS: "0" }),
          ),
        );
      }
    }
    // HSTS only off localhost, as on every other answer.
    const remote = await get(`https://bangyang.example.gov.cn/api/campaigns/${c.slug}/results`);
    expect(remote.headers.get("Strict-Transport-Security")).toContain("max-age=31536000");
    const local = await get(`http://localhost/api/campaigns/${c.slug}/results`);
    expect(local.headers.get("Strict-Transport-Security")).toBeNull();
  });

  it("sends the results gzipped to a client that accepts gzip", async () => {
    const c = await makeCampaign({ count: 4 });
    await likeTimes(c.slug, 2, 1);
    const plain = await call(`/api/campaigns/${c.slug}/results`);
    const zipped = await call(`/api/campaigns/${c.slug}/results`, {
      headers: { "Accept-Encoding": "gzip, deflate, br" },
    });
    expect(zipped.status).toBe(200);
    expect(zipped.headers.get("Vary")).toBe("Accept-Encoding");
    expect(zipped.headers.get("Content-Encoding")).toBe("gzip");
    // The runtime decodes the body for the caller, as a browser does.
    const text = await zipped.text();
    const a = await plain.json<Results>();
    const b = JSON.parse(text) as Results;
    expect({ ...b, generatedAt: "" }).toEqual({ ...a, generatedAt: "" });
    expect(zipped.headers.get("ETag")).toBe(plain.headers.get("ETag"));
  });
});
