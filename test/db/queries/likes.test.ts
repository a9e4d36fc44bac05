import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createDb } from "../../../src/db/client";
import { type LikeInput, rememberCampaign } from "../../../src/db/queries/likes";
import { castBySlug, countingD1, type D1Call, db, makeCampaign, reconcile } from "../../helpers";

let receipts = 0;
function input(
  slug: string,
  number: number,
  voter: string,
  now: number,
): Omit<LikeInput, "campaign"> {
  return {
    slug,
    number,
    voterHash: voter,
    ipHash: "ip-hash",
    ipPrefixHash: "net-hash",
    proof: null,
    receipt: `TEST-${String(++receipts).padStart(8, "0")}`,
    now,
  };
}

describe("castLike (the one atomic write)", () => {
  it("counts exactly one of 50 concurrent identical likes", async () => {
    const c = await makeCampaign({ ingest: "direct" });
    const now = Date.now();
    const results = await Promise.all(
      Array.from({ length: 50 }, () => castBySlug(db(), input(c.slug, 1, "voter-a", now))),
    );
    expect(results.filter((r) => r.counted)).toHaveLength(1);
    expect(results.filter((r) => !r.counted && r.refusal === "already_liked")).toHaveLength(49);
    expect(await reconcile(c.id)).toContainEqual(
      expect.objectContaining({ number: 1, counter: 1, counted: 1 }),
    );
  });

  it("lets 50 concurrent likes of one voter across nominees use exactly the daily quota", async () => {
    const c = await makeCampaign({ ingest: "direct", count: 10 });
    const now = Date.now();
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        castBySlug(db(), input(c.slug, (i % 10) + 1, "voter-q", now)),
      ),
    );
    const counted = results.filter((r) => r.counted);
    expect(counted).toHaveLength(5);
    const remaining = counted.map((r) => (r.counted ? r.remainingToday : -1)).sort();
    expect(remaining).toEqual([0, 1, 2, 3, 4]);
    const refusals = new Set(results.flatMap((r) => (r.counted ? [] : [r.refusal])));
    expect([...refusals].sort()).toEqual(["already_liked", "daily_quota_exhausted"]);
    const rows = await reconcile(c.id);
    expect(rows.reduce((s, r) => s + r.counter, 0)).toBe(5);
    for (const r of rows) expect(r.counter).toBe(r.counted);
  });

  it("starts a new day at midnight Asia/Shanghai, not at midnight UTC", async () => {
    const c = await makeCampaign({
      ingest: "direct",
      opensAt: Date.parse("2026-01-01T00:00:00+08:00"),
      closesAt: Date.parse("2027-01-01T00:00:00+08:00"),
    });
    // 23:59:59 on 11-29 in Shanghai, then 00:00:00 on 11-30 (16:00 UTC, still the 29th in UTC).
    const lateEvening = Date.parse("2026-11-29T15:59:59Z");
    const midnight = Date.parse("2026-11-29T16:00:00Z");
    const utcMidnight = Date.parse("2026-11-30T00:00:00Z");
    expect((await castBySlug(db(), input(c.slug, 1, "voter-d", lateEvening))).counted).toBe(true);
    expect(await castBySlug(db(), input(c.slug, 1, "voter-d", lateEvening + 500))).toMatchObject({
      counted: false,
      refusal: "already_liked",
    });
    expect((await castBySlug(db(), input(c.slug, 1, "voter-d", midnight))).counted).toBe(true);
    // UTC midnight is 08:00 the same Shanghai day: no new like.
    expect(await castBySlug(db(), input(c.slug, 1, "voter-d", utcMidnight))).toMatchObject({
      counted: false,
      refusal: "already_liked",
    });
    const { results } = await env.DB.prepare(
      "SELECT day FROM likes WHERE campaign_id = ? ORDER BY id",
    )
      .bind(c.id)
      .all<{ day: string }>();
    expect(results.map((r) => r.day)).toEqual(["2026-11-29", "2026-11-30"]);
  });

  it("resets the daily quota at local midnight", async () => {
    const c = await makeCampaign({
      ingest: "direct",
      count: 6,
      opensAt: Date.parse("2026-01-01T00:00:00+08:00"),
      closesAt: Date.parse("2027-01-01T00:00:00+08:00"),
    });
    const day1 = Date.parse("2026-11-29T15:00:00Z"); // 23:00 Shanghai
    for (let n = 1; n <= 5; n++) {
      expect((await castBySlug(db(), input(c.slug, n, "voter-r", day1))).counted).toBe(true);
    }
    expect(await castBySlug(db(), input(c.slug, 6, "voter-r", day1))).toMatchObject({
      counted: false,
      refusal: "daily_quota_exhausted",
    });
    const day2 = Date.parse("2026-11-29T16:00:01Z");
    expect(await castBySlug(db(), input(c.slug, 6, "voter-r", day2))).toMatchObject({
      counted: true,
      remainingToday: 4,
    });
  });

  it("uses the campaign's own time zone for the day", async () => {
    const c = await makeCampaign({
      ingest: "direct",
      timeZone: "America/New_York",
      opensAt: Date.parse("2026-01-01T00:00:00Z"),
      closesAt: Date.parse("2027-01-01T00:00:00Z"),
    });
    const r = await castBySlug(
      db(),
      input(c.slug, 1, "voter-z", Date.parse("2026-11-30T03:00:00Z")),
    );
    expect(r.counted).toBe(true);
    const row = await env.DB.prepare("SELECT day FROM likes WHERE campaign_id = ?")
      .bind(c.id)
      .first<{ day: string }>();
    expect(row?.day).toBe("2026-11-29");
  });

  it("refuses before opening, while paused, after closing and after publication", async () => {
    const now = Date.now();
    const upcoming = await makeCampaign({ ingest: "direct", opensAt: now + 60_000 });
    const paused = await makeCampaign({ ingest: "direct", paused: true });
    const ended = await makeCampaign({ ingest: "direct", closesAt: now - 1 });
    const closedByHand = await makeCampaign({ ingest: "direct", closedAt: now - 1 });
    const published = await makeCampaign({
      ingest: "direct",
      closedAt: now - 2,
      publishedAt: now - 1,
    });
    const draft = await makeCampaign({ ingest: "direct", draft: true });
    const refusal = async (slug: string) => {
      const r = await castBySlug(db(), input(slug, 1, "voter-s", now));
      return r.counted ? "counted" : r.refusal;
    };
    expect(await refusal(upcoming.slug)).toBe("voting_not_open");
    expect(await refusal(paused.slug)).toBe("voting_paused");
    expect(await refusal(ended.slug)).toBe("voting_closed");
    expect(await refusal(closedByHand.slug)).toBe("voting_closed");
    expect(await refusal(published.slug)).toBe("voting_closed");
    expect(await refusal(draft.slug)).toBe("campaign_not_found");
    expect(await refusal("no-such-campaign")).toBe("campaign_not_found");
    for (const c of [upcoming, paused, ended, closedByHand, published, draft]) {
      for (const row of await reconcile(c.id)) expect(row.counted).toBe(0);
    }
  });

  it("refuses an unknown nominee without writing", async () => {
    const c = await makeCampaign({ ingest: "direct" });
    expect(await castBySlug(db(), input(c.slug, 99, "voter-n", Date.now()))).toMatchObject({
      counted: false,
      refusal: "candidate_not_found",
    });
    const row = await env.DB.prepare("SELECT COUNT(*) AS n FROM likes WHERE campaign_id = ?")
      .bind(c.id)
      .first<{ n: number }>();
    expect(row?.n).toBe(0);
  });

  it("allows n likes per nominee per day when the rule says n", async () => {
    const c = await makeCampaign({
      ingest: "direct",
      likesPerCandidatePerDay: 3,
      likesPerVoterPerDay: null,
    });
    const now = Date.now();
    const results = await Promise.all(
      Array.from({ length: 10 }, () => castBySlug(db(), input(c.slug, 2, "voter-m", now))),
    );
    expect(results.filter((r) => r.counted)).toHaveLength(3);
    for (const r of results) if (r.counted) expect(r.remainingToday).toBeNull();
  });

  it("keeps counters equal to counted ledger rows after a random mix of likes", async () => {
    const c = await makeCampaign({ ingest: "direct", count: 7, likesPerVoterPerDay: 3 });
    const now = Date.now();
    // A fixed-seed generator: the mix is random but the test is repeatable.
    let seed = 20261129;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const attempts = Array.from({ length: 400 }, () =>
      castBySlug(db(), input(c.slug, rand(9) + 1, `voter-${rand(40)}`, now + rand(3) * 86_400_000)),
    );
    const results = await Promise.all(attempts);
    const acked = results.filter((r) => r.counted).length;
    const rows = await reconcile(c.id);
    for (const r of rows) expect(r.counter).toBe(r.counted);
    expect(rows.reduce((s, r) => s + r.counted, 0)).toBe(acked);
    expect(acked).toBeGreaterThan(0);
  });

  it("never lets a ledger row be deleted", async () => {
    const c = await makeCampaign({ ingest: "direct" });
    await castBySlug(db(), input(c.slug, 1, "voter-x", Date.now()));
    await expect(
      env.DB.prepare("DELETE FROM likes WHERE campaign_id = ?").bind(c.id).run(),
    ).rejects.toThrow(/append-only/);
  });
});

describe("the like path's round trips (DESIGN §5/§7)", () => {
  it("is one D1 call for a like, whether counted or refused", async () => {
    const c = await makeCampaign({ ingest: "direct" });
    const calls: D1Call[] = [];
    const counting = countingD1(calls);
    const kinds = () => calls.map((call) => call.kind);
    // As a page that loaded the campaign leaves it (requireCampaign primes this).
    rememberCampaign(c.slug, { id: c.id, timeZone: "Asia/Shanghai" });
    const counted = await castBySlug(createDb(counting), input(c.slug, 1, "voter-rt", Date.now()));
    expect(counted.counted).toBe(true);
    expect(kinds()).toEqual(["batch"]);
    calls.length = 0;
    const refused = await castBySlug(createDb(counting), input(c.slug, 1, "voter-rt", Date.now()));
    expect(refused).toMatchObject({ counted: false, refusal: "already_liked" });
    expect(kinds()).toEqual(["batch"]);
    // The counter sees every call: a cold isolate pays one small lookup first.
    const cold = await makeCampaign({ ingest: "direct" });
    calls.length = 0;
    await castBySlug(createDb(counting), input(cold.slug, 1, "voter-rt", Date.now()));
    expect(kinds()).toEqual(["first", "batch"]);
  });
});

describe("castLike in the WeChat identity mode (issue 13 item 5)", () => {
  const voterRows = async (campaignId: number) =>
    (
      await env.DB.prepare("SELECT voter_hash AS v FROM likes WHERE campaign_id = ? ORDER BY id")
        .bind(campaignId)
        .all<{ v: string }>()
    ).results.map((r) => r.v);

  it("refuses without a WeChat identity and counts under the openid's hash with one", async () => {
    const c = await makeCampaign({ ingest: "direct", identityMode: "wechat" });
    const now = Date.now();
    expect(await castBySlug(db(), input(c.slug, 1, "cookie-voter", now))).toMatchObject({
      counted: false,
      refusal: "wechat_identity_required",
    });
    const withWeChat = { ...input(c.slug, 1, "cookie-voter", now), wechatVoterHash: "wx-voter-1" };
    expect(await castBySlug(db(), withWeChat)).toMatchObject({ counted: true });
    // The same account from another browser (another cookie) is the same voter.
    const elsewhere = { ...input(c.slug, 1, "other-cookie", now), wechatVoterHash: "wx-voter-1" };
    expect(await castBySlug(db(), elsewhere)).toMatchObject({ refusal: "already_liked" });
    expect(await voterRows(c.id)).toEqual(["wx-voter-1"]);
    // The campaign's status still comes first: no sign-in is asked for a closed vote.
    const closed = await makeCampaign({
      ingest: "direct",
      identityMode: "wechat",
      closedAt: now - 1000,
    });
    expect(await castBySlug(db(), input(closed.slug, 1, "cookie-voter", now))).toMatchObject({
      refusal: "voting_closed",
    });
  });

  it("is caught by the guard when the like path's cache still says cookie, and vice versa", async () => {
    const c = await makeCampaign({ ingest: "direct", identityMode: "wechat" });
    rememberCampaign(c.slug, { id: c.id, timeZone: "Asia/Shanghai", identityMode: "cookie" });
    expect(await castBySlug(db(), input(c.slug, 2, "cookie-voter", Date.now()))).toMatchObject({
      counted: false,
      refusal: "wechat_identity_required",
    });
    const plain = await makeCampaign({ ingest: "direct" });
    rememberCampaign(plain.slug, {
      id: plain.id,
      timeZone: "Asia/Shanghai",
      identityMode: "wechat",
    });
    const both = { ...input(plain.slug, 2, "cookie-voter", Date.now()), wechatVoterHash: "wx-2" };
    expect(await castBySlug(db(), both)).toMatchObject({ counted: true });
    // A cookie-mode campaign counts the cookie, whatever WeChat identity the browser has.
    expect(await voterRows(plain.id)).toEqual(["cookie-voter"]);
    expect(await voterRows(c.id)).toEqual([]);
  });
});
