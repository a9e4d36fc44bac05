import { afterEach, describe, expect, it, vi } from "vitest";
import { call, like, makeCampaign, newVoter, reconcile, voterCookie } from "../../helpers";

afterEach(() => {
  vi.useRealTimers();
});

describe("POST /api/campaigns/:slug/candidates/:number/likes", () => {
  it("counts a like, sets a signed HttpOnly voter cookie and answers remainingToday", async () => {
    const c = await makeCampaign();
    const res = await like(c.slug, 1);
    expect(res.status).toBe(201);
    const body = await res.json<Record<string, unknown>>();
    expect(body).toMatchObject({ counted: true, likes: 1, remainingToday: 4 });
    expect(body.receipt).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const cookie = res.headers.get("Set-Cookie") ?? "";
    // A cookie born on a like carries the no-page-load mark (~) until a page is loaded with it.
    expect(cookie).toMatch(/^by_voter=[\w-]+~\.[\w%+/=-]+;/);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Lax");
    // Plain-http localhost in development; Secure everywhere else (see below).
    expect(cookie).not.toContain("Secure");
  });

  it("marks the cookie Secure outside localhost", async () => {
    const c = await makeCampaign();
    const res = await (await import("cloudflare:workers")).exports.default.fetch(
      new Request(`https://bangyang.example.cn/api/campaigns/${c.slug}/candidates/1/likes`, {
        method: "POST",
        headers: { "CF-Connecting-IP": "198.51.100.1" },
      }),
    );
    expect(res.status).toBe(201);
    expect(res.headers.get("Set-Cookie")).toContain("Secure");
  });

  it("refuses a second like for the same nominee the same day with 409", async () => {
    const c = await makeCampaign();
    const cookie = await newVoter(c.slug, 2);
    const res = await like(c.slug, 2, { cookie });
    expect(res.status).toBe(409);
    expect(await res.json()).toEqual({
      error: { code: "already_liked", message: expect.any(String) },
    });
  });

  it("counts exactly one of 50 concurrent requests from one voter for one nominee", async () => {
    const c = await makeCampaign();
    const cookie = await newVoter(c.slug, 3);
    const res = await Promise.all(Array.from({ length: 50 }, () => like(c.slug, 1, { cookie })));
    const statuses = res.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    const rows = await reconcile(c.id);
    expect(rows.find((r) => r.number === 1)).toMatchObject({ counter: 1, counted: 1 });
  });

  it("enforces the daily quota across nominees with 429 and Retry-After until local midnight", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-11-29T12:00:00Z")); // 20:00 in Shanghai
    const c = await makeCampaign({
      count: 7,
      opensAt: Date.parse("2026-01-01T00:00:00+08:00"),
      closesAt: Date.parse("2027-01-01T00:00:00+08:00"),
    });
    const cookie = await newVoter(c.slug, 1);
    for (const n of [2, 3, 4, 5]) {
      const r = await like(c.slug, n, { cookie });
      expect(r.status).toBe(201);
      expect((await r.json<{ remainingToday: number }>()).remainingToday).toBe(5 - n);
    }
    const refused = await like(c.slug, 6, { cookie });
    expect(refused.status).toBe(429);
    expect((await refused.json<{ error: { code: string } }>()).error.code).toBe(
      "daily_quota_exhausted",
    );
    expect(refused.headers.get("Retry-After")).toBe(String(4 * 3600));

    // Midnight in Shanghai (16:00 UTC): a new day, a new quota.
    vi.setSystemTime(new Date("2026-11-29T16:00:00Z"));
    const nextDay = await like(c.slug, 6, { cookie });
    expect(nextDay.status).toBe(201);
    expect(await nextDay.json()).toMatchObject({ remainingToday: 4 });
    // ...and the nominee liked yesterday can be liked again.
    expect((await like(c.slug, 1, { cookie })).status).toBe(201);
  });

  it("answers 403 before opening, while paused and after closing", async () => {
    const now = Date.now();
    const cases = [
      [await makeCampaign({ opensAt: now + 3_600_000 }), "voting_not_open"],
      [await makeCampaign({ paused: true }), "voting_paused"],
      [await makeCampaign({ closesAt: now - 1000 }), "voting_closed"],
      [await makeCampaign({ closedAt: now - 1000 }), "voting_closed"],
      [await makeCampaign({ closedAt: now - 2000, publishedAt: now - 1000 }), "voting_closed"],
    ] as const;
    for (const [c, code] of cases) {
      const res = await like(c.slug, 1);
      expect(res.status, code).toBe(403);
      expect((await res.json<{ error: { code: string } }>()).error.code).toBe(code);
      expect((await reconcile(c.id)).every((r) => r.counted === 0 && r.counter === 0)).toBe(true);
    }
  });

  it("answers 404 for unknown campaigns, drafts and nominees", async () => {
    const c = await makeCampaign();
    const draft = await makeCampaign({ draft: true });
    const cases: [string, string | number, string][] = [
      ["no-such-campaign", 1, "campaign_not_found"],
      [draft.slug, 1, "campaign_not_found"],
      [c.slug, 99, "candidate_not_found"],
      [c.slug, "abc", "candidate_not_found"],
      [c.slug, "0", "candidate_not_found"],
      [c.slug, "-1", "candidate_not_found"],
      [c.slug, "1.5", "candidate_not_found"],
      [c.slug, "99999999999999999999", "candidate_not_found"],
    ];
    for (const [slug, number, code] of cases) {
      const res = await like(slug, number);
      expect(res.status, `${slug}/${number}`).toBe(404);
      expect((await res.json<{ error: { code: string } }>()).error.code).toBe(code);
    }
  });

  it("rejects malformed bodies with 400 invalid_body and counts nothing", async () => {
    const c = await makeCampaign();
    for (const body of ["{", "not json", "[]", "null", "42", '{"challenge": 5}', '"x"']) {
      const res = await like(c.slug, 1, { body });
      expect(res.status, body).toBe(400);
      // One validator for every body: the envelope plus error.issues (DESIGN §3).
      expect(await res.json(), body).toEqual({
        error: {
          code: "invalid_body",
          message: expect.any(String),
          issues: expect.arrayContaining([
            { path: expect.any(String), message: expect.any(String) },
          ]),
        },
      });
    }
    expect((await reconcile(c.id)).every((r) => r.counted === 0)).toBe(true);
    // An empty or well-formed body is fine.
    expect((await like(c.slug, 1, { body: "" })).status).toBe(201);
    expect((await like(c.slug, 2, { body: '{"extra": true}' })).status).toBe(201);
  });

  it("refuses bodies over 4 KB with 413", async () => {
    const c = await makeCampaign();
    const res = await like(c.slug, 1, { body: JSON.stringify({ challenge: "x".repeat(5000) }) });
    expect(res.status).toBe(413);
    expect((await res.json<{ error: { code: string } }>()).error.code).toBe("payload_too_large");
    expect((await reconcile(c.id)).every((r) => r.counted === 0)).toBe(true);
  });

  it("refuses cross-site requests with 403 cross_site", async () => {
    const c = await makeCampaign();
    const crossSite: Record<string, string>[] = [
      { Origin: "https://evil.example" },
      { Origin: "null" },
      { "Sec-Fetch-Site": "cross-site" },
      { "Sec-Fetch-Site": "same-site" },
      { "Sec-Fetch-Site": "same-origin", Origin: "http://localhost.evil.example" },
    ];
    for (const headers of crossSite) {
      const res = await like(c.slug, 1, { headers });
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect((await res.json<{ error: { code: string } }>()).error.code).toBe("cross_site");
    }
    expect((await reconcile(c.id)).every((r) => r.counted === 0)).toBe(true);
    const sameOrigin = await like(c.slug, 1, {
      headers: { Origin: "http://localhost", "Sec-Fetch-Site": "same-origin" },
    });
    expect(sameOrigin.status).toBe(201);
  });

  it("replaces a forged voter cookie instead of trusting it", async () => {
    const c = await makeCampaign();
    const res = await like(c.slug, 1, { cookie: "by_voter=attacker-chosen-id.forgedsignature" });
    expect(res.status).toBe(201);
    const issued = voterCookie(res);
    expect(issued).not.toContain("attacker-chosen-id");
  });

  it("stops a flood from one network with 429 rate_limited and Retry-After", async () => {
    const c = await makeCampaign({ count: 1, likesPerVoterPerDay: null });
    const ip = "192.0.2.250";
    let limited: Response | undefined;
    // New voters each time: only the per-IP flood guard can stop this. The limiter counts in
    // fixed minute windows; 700 requests in a few seconds put more than 300 in one of them.
    for (let i = 0; i < 700 && !limited; i++) {
      const res = await like(c.slug, 1, { ip });
      if (res.status === 429) limited = res;
      else expect(res.status).toBe(201);
    }
    expect(limited).toBeDefined();
    expect(limited?.headers.get("Retry-After")).toBe("60");
    expect((await limited?.json<{ error: { code: string } }>())?.error.code).toBe("rate_limited");
    // The guard keys on the network (IPv4 /24), not the address: a neighbour in the same /24 is
    // limited too (it was not while the key was the full address), another network is not.
    expect((await like(c.slug, 1, { ip: "192.0.2.251" })).status).toBe(429);
    expect((await like(c.slug, 1, { ip: "192.0.3.251" })).status).toBe(201);
    const [row] = await reconcile(c.id);
    expect(row?.counter).toBe(row?.counted);
    expect(row?.counted).toBeGreaterThanOrEqual(300);
  }, 60_000);

  it("hides the count in the answer while counts are hidden", async () => {
    const c = await makeCampaign({ showCounts: "after_close" });
    const res = await like(c.slug, 1);
    expect(res.status).toBe(201);
    const body = await res.json<Record<string, unknown>>();
    expect(body).not.toHaveProperty("likes");
    expect(body).toMatchObject({ counted: true, remainingToday: 4 });
  });

  it("only accepts POST", async () => {
    const c = await makeCampaign();
    const res = await call(`/api/campaigns/${c.slug}/candidates/1/likes`);
    expect(res.status).toBe(404);
    expect((await res.json<{ error: { code: string } }>()).error.code).toBe("not_found");
  });
});

describe("Idempotency-Key on the like POST", () => {
  it("answers sequential repeats with the first answer and counts once", async () => {
    const c = await makeCampaign();
    const first = await like(c.slug, 1, { headers: { "Idempotency-Key": "retry-1" } });
    expect(first.status).toBe(201);
    const firstBody = await first.json<{ receipt: string; remainingToday: number }>();
    const cookie = voterCookie(first);
    for (let i = 0; i < 3; i++) {
      const again = await like(c.slug, 1, { cookie, headers: { "Idempotency-Key": "retry-1" } });
      expect(again.status).toBe(201);
      expect(again.headers.get("Idempotent-Replayed")).toBe("true");
      expect(await again.json()).toMatchObject({
        counted: true,
        receipt: firstBody.receipt,
        likes: 1,
        remainingToday: 4,
      });
    }
    // A new key is a new like: refused by the per-nominee rule, as it should be.
    expect(
      (await like(c.slug, 1, { cookie, headers: { "Idempotency-Key": "retry-2" } })).status,
    ).toBe(409);
    expect((await reconcile(c.id))[0]).toMatchObject({ counter: 1, counted: 1 });
  });

  it("counts once when 20 identical retries race, even where the rules allow more", async () => {
    const c = await makeCampaign({ likesPerCandidatePerDay: 50, likesPerVoterPerDay: null });
    const cookie = await newVoter(c.slug, 2);
    const res = await Promise.all(
      Array.from({ length: 20 }, () =>
        like(c.slug, 1, { cookie, headers: { "Idempotency-Key": "same-tap" } }),
      ),
    );
    expect(res.map((r) => r.status)).toEqual(Array(20).fill(201));
    const receipts = new Set(
      await Promise.all(res.map(async (r) => (await r.json<{ receipt: string }>()).receipt)),
    );
    expect(receipts.size).toBe(1);
    expect((await reconcile(c.id))[0]).toMatchObject({ number: 1, counter: 1, counted: 1 });
  });

  it("refuses a key reused for another nominee with 422, counting nothing", async () => {
    const c = await makeCampaign();
    const first = await like(c.slug, 1, { headers: { "Idempotency-Key": "tap-1" } });
    const cookie = voterCookie(first);
    const other = await like(c.slug, 2, { cookie, headers: { "Idempotency-Key": "tap-1" } });
    expect(other.status).toBe(422);
    expect((await other.json<{ error: { code: string } }>()).error.code).toBe(
      "idempotency_key_reused",
    );
    expect((await reconcile(c.id)).map((r) => r.counted)).toEqual([1, 0, 0]);
  });

  it("keeps keys per voter: another voter's same key is their own like", async () => {
    const c = await makeCampaign();
    expect((await like(c.slug, 1, { headers: { "Idempotency-Key": "k" } })).status).toBe(201);
    expect((await like(c.slug, 1, { headers: { "Idempotency-Key": "k" } })).status).toBe(201);
    expect((await reconcile(c.id))[0]?.counted).toBe(2);
  });
});
