import { runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { campaignKey } from "../../src/db/queries/like-campaign-key";
import { localDay } from "../../src/domain/time";
import { shardName, shardStub } from "../../src/shards/barrier";
import type { LikeShard } from "../../src/shards/like-shard";
import { shardLike } from "../../src/shards/shard-like";
import type { ShardLike } from "../../src/shards/types";
import {
  call,
  db,
  expectReconciled,
  holdFlushes,
  like,
  makeCampaign,
  reconcile,
  settle,
  voterCookie,
} from "../helpers";
import { asCall } from "../routes/admin/admin-helpers";

/**
 * The sharded like path (issue 16) with the shards' flush delay on (tests otherwise run with
 * LIKE_FLUSH_MS=0): the rules are exact in the shard before anything reaches D1, and the barrier
 * brings every acknowledged like into D1 exactly once.
 */

const ledgerRows = async (campaignId: number) =>
  (
    await env.DB.prepare("SELECT COUNT(*) AS n FROM likes WHERE campaign_id = ?")
      .bind(campaignId)
      .first<{ n: number }>()
  )?.n ?? 0;

async function voter(slug: string, ip = "198.51.100.4"): Promise<string> {
  const res = await like(slug, 1, { ip });
  expect(res.status).toBe(201);
  return voterCookie(res);
}

/** A like as a Worker sends it to a shard (for calls that bypass the Worker's checks). */
function shardLikeOf(campaignId: number, shard: number, voterHash: string): ShardLike {
  const now = Date.now();
  return {
    shard: shardName(campaignId, shard),
    campaignId,
    nomineeId: 1,
    number: 1,
    voterHash,
    ipHash: "ip",
    ipPrefixHash: "net",
    day: localDay(now, "Asia/Shanghai"),
    timeZone: "Asia/Shanghai",
    now,
    receipt: `SHRD-${voterHash}`,
    idempotencyKey: null,
    signals: 0,
    held: false,
    holdFlagged: false,
    perCandidate: 1,
    perVoter: 5,
    closesAt: now + 86_400_000,
    friction: {
      networkRecent: 0,
      pairRecent: 0,
      nomineeRecent: 0,
      nomineeTotal: 0,
      openFor: 86_400_000,
      networkThreshold: null,
      voterThreshold: null,
    },
    proof: null,
    proofLevel: 0,
    likesBase: 0,
    ingestSince: 0,
  };
}

/** The sharded write as routes/like-action.ts calls it, at a chosen time. */
async function shardCast(slug: string, number: number, voterHash: string, now: number) {
  const campaign = await campaignKey(db(), slug);
  if (!campaign) throw new Error(`no campaign ${slug}`);
  return shardLike(env, db(), {
    campaign,
    slug,
    number,
    voterHash,
    receipt: `DAY-${voterHash}-${now}`,
    now,
    ipHash: "ip",
    ipPrefixHash: "net",
    proof: null,
  });
}

describe("the sharded like path, flushes held back", () => {
  it("counts exactly one of 50 concurrent identical likes, before and after the flush", async () => {
    const c = await makeCampaign({ shards: 2, likesPerVoterPerDay: null });
    await holdFlushes(c, 2);
    const cookie = await voter(c.slug);
    const answers = await Promise.all(
      Array.from({ length: 50 }, () => like(c.slug, 2, { cookie })),
    );
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    // Acknowledged in the shard, not in D1 yet: the flush is held back.
    expect(await ledgerRows(c.id)).toBe(0);
    await settle(c.slug);
    expect(await ledgerRows(c.id)).toBe(2);
    const rows = await reconcile(c.id);
    expect(rows.find((r) => r.number === 2)?.counted).toBe(1);
    await expectReconciled(c.id);
  });

  it("holds one voter's daily quota exactly across nominees, in the shard", async () => {
    const c = await makeCampaign({ count: 10, shards: 4, likesPerVoterPerDay: 5 });
    await holdFlushes(c, 4);
    const cookie = await voter(c.slug);
    const answers = await Promise.all(
      Array.from({ length: 9 }, (_, i) => like(c.slug, i + 2, { cookie })),
    );
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(4);
    expect(statuses.filter((s) => s === 429)).toHaveLength(5);
    const remaining = await Promise.all(
      answers
        .filter((r) => r.status === 201)
        .map(async (r) => (await r.json<{ remainingToday: number }>()).remainingToday),
    );
    expect(remaining.sort()).toEqual([0, 1, 2, 3]);
    await settle(c.slug);
    const rows = await reconcile(c.id);
    expect(rows.reduce((s, r) => s + r.counted, 0)).toBe(5);
    await expectReconciled(c.id);
  });

  it("replays an Idempotency-Key from the shard and refuses it for another nominee", async () => {
    const c = await makeCampaign({ shards: 2 });
    await holdFlushes(c, 2);
    const cookie = await voter(c.slug);
    const headers = { "Idempotency-Key": "retry-me-1" };
    const first = await like(c.slug, 2, { cookie, headers });
    expect(first.status).toBe(201);
    const again = await like(c.slug, 2, { cookie, headers });
    expect(again.status).toBe(201);
    expect(again.headers.get("Idempotent-Replayed")).toBe("true");
    const a = await first.json<{ receipt: string; remainingToday: number }>();
    const b = await again.json<{ receipt: string; remainingToday: number }>();
    expect(b.receipt).toBe(a.receipt);
    expect(b.remainingToday).toBe(a.remainingToday);
    const other = await like(c.slug, 3, { cookie, headers });
    expect(other.status).toBe(422);
    await settle(c.slug);
    expect(await ledgerRows(c.id)).toBe(2);
    // After the flush the shard still knows the key.
    const later = await like(c.slug, 2, { cookie, headers });
    expect(later.headers.get("Idempotent-Replayed")).toBe("true");
    expect(await ledgerRows(c.id)).toBe(2);
  });

  it("answers with the likes the shard knows: D1's count plus its own unflushed likes", async () => {
    const c = await makeCampaign({ shards: 1 });
    await holdFlushes(c, 1);
    const counts: number[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await like(c.slug, 1, { ip: `198.51.100.${20 + i}` });
      counts.push((await res.json<{ likes: number }>()).likes);
    }
    expect(counts).toEqual([1, 2, 3]);
    await settle(c.slug);
    const res = await like(c.slug, 1, { ip: "198.51.100.30" });
    expect((await res.json<{ likes: number }>()).likes).toBe(4);
  });

  it("finds the receipt of a like still in its shard", async () => {
    const c = await makeCampaign({ shards: 2 });
    await holdFlushes(c, 2);
    const res = await like(c.slug, 1);
    const { receipt } = await res.json<{ receipt: string }>();
    expect(await ledgerRows(c.id)).toBe(0);
    const found = await call(`/api/campaigns/${c.slug}/receipts/${receipt}`);
    expect(found.status).toBe(200);
    expect(await found.json()).toMatchObject({
      receipt,
      status: "counted",
      statusText: "已计入",
      number: 1,
      name: "候选人1",
    });
    // Found in the shard, not by flushing it: the like is still pending there.
    expect(await ledgerRows(c.id)).toBe(0);
    const pending = await Promise.all(
      [0, 1].map(async (i) => (await shardStub(env, shardName(c.id, i)).stats()).pending),
    );
    expect(pending.reduce((a, b) => a + b, 0)).toBe(1);
  });

  it("forgets spent proofs once they have expired, at its next flush", async () => {
    const c = await makeCampaign({ shards: 1 });
    await holdFlushes(c, 1);
    const stub = shardStub(env, shardName(c.id, 0));
    expect((await like(c.slug, 1, { ip: "198.51.100.90" })).status).toBe(201);
    const now = Date.now();
    await runInDurableObject(stub, (_instance, state) => {
      state.storage.sql.exec(
        "INSERT INTO spent (challenge, expires_at) VALUES ('old', ?), ('fresh', ?)",
        now - 1,
        now + 600_000,
      );
    });
    await settle(c.slug);
    const left = await runInDurableObject(stub, (_instance, state) =>
      state.storage.sql
        .exec<{ challenge: string }>("SELECT challenge FROM spent ORDER BY challenge")
        .toArray()
        .map((r) => r.challenge),
    );
    expect(left).toEqual(["fresh"]);
  });

  it("answers a made-up receipt code 404 without flushing a shard (no D1 write per lookup)", async () => {
    const c = await makeCampaign({ shards: 4 });
    await holdFlushes(c, 4);
    for (let i = 0; i < 6; i++)
      expect((await like(c.slug, 1, { ip: `198.51.100.${40 + i}` })).status).toBe(201);
    const flushesBefore = await env.DB.prepare(
      "SELECT COUNT(*) AS n FROM like_flushes WHERE campaign_id = ?",
    )
      .bind(c.id)
      .first<{ n: number }>();
    const misses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        call(`/api/campaigns/${c.slug}/receipts/ZZZZ-ZZZZ-${String(1000 + i)}`),
      ),
    );
    for (const res of misses) {
      expect(res.status).toBe(404);
      expect(await res.json()).toMatchObject({ error: { code: "receipt_not_found" } });
    }
    expect(await ledgerRows(c.id)).toBe(0);
    const flushesAfter = await env.DB.prepare(
      "SELECT COUNT(*) AS n FROM like_flushes WHERE campaign_id = ?",
    )
      .bind(c.id)
      .first<{ n: number }>();
    expect(flushesAfter?.n).toBe(flushesBefore?.n);
    await settle(c.slug);
    expect(await ledgerRows(c.id)).toBe(6);
  });

  it("keeps counters equal to ledger rows after a random mix flushed in several batches", async () => {
    const c = await makeCampaign({ count: 5, shards: 3, likesPerVoterPerDay: 3 });
    await holdFlushes(c, 3);
    const cookies = await Promise.all(
      Array.from({ length: 8 }, (_, i) => voter(c.slug, `198.51.${i}.9`)),
    );
    let seed = 16;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    let acked = cookies.length;
    for (let round = 0; round < 3; round++) {
      const answers = await Promise.all(
        Array.from({ length: 20 }, () =>
          like(c.slug, rand(6) + 1, { cookie: cookies[rand(cookies.length)] }),
        ),
      );
      acked += answers.filter((r) => r.status === 201).length;
      await settle(c.slug);
    }
    const rows = await reconcile(c.id);
    expect(rows.reduce((s, r) => s + r.counted, 0)).toBe(acked);
    await expectReconciled(c.id);
    const flushes = await env.DB.prepare(
      "SELECT COUNT(*) AS n, SUM(likes) AS likes FROM like_flushes WHERE campaign_id = ?",
    )
      .bind(c.id)
      .first<{ n: number; likes: number }>();
    expect(flushes?.likes).toBe(acked);
    expect(flushes?.n).toBeGreaterThanOrEqual(3);
    // The organizer's view of the same (GET …/ingest).
    const ingest = await asCall("token", `/api/admin/campaigns/${c.slug}/ingest`);
    expect(ingest.status).toBe(200);
    const stats = await ingest.json<Record<string, number | string | null>>();
    expect(stats).toMatchObject({
      ingest: "sharded",
      shards: 3,
      pending: 0,
      flushes: flushes?.n,
      flushedLikes: acked,
    });
    expect(stats.lagP99Ms).toEqual(expect.any(Number));
  });
});

describe("closing voting with likes in shards", () => {
  it("flushes every shard before the status changes, then refuses; reopening takes likes again", async () => {
    const c = await makeCampaign({ shards: 4 });
    await holdFlushes(c, 4);
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) => like(c.slug, 1, { ip: `198.51.100.${40 + i}` })),
    );
    expect(answers.every((r) => r.status === 201)).toBe(true);
    expect(await ledgerRows(c.id)).toBe(0);
    const closed = await asCall("token", `/api/admin/campaigns/${c.slug}/close`, {
      method: "POST",
    });
    expect(closed.status).toBe(200);
    expect(await ledgerRows(c.id)).toBe(12);
    expect((await reconcile(c.id))[0]?.counted).toBe(12);
    const late = await like(c.slug, 2, { ip: "198.51.100.99" });
    expect(late.status).toBe(403);
    expect((await late.json<{ error: { code: string } }>()).error.code).toBe("voting_closed");
    // A Worker whose cached state still says open is refused by the shard itself.
    const stale = await shardStub(env, shardName(c.id, 0)).like(shardLikeOf(c.id, 0, "late-voter"));
    expect(stale).toEqual({ ok: false, refusal: "voting_closed" });
    const reopened = await asCall("token", `/api/admin/campaigns/${c.slug}/open`, {
      method: "POST",
    });
    expect(reopened.status).toBe(200);
    expect((await like(c.slug, 2, { ip: "198.51.100.98" })).status).toBe(201);
  });
});

describe("a flush retried after a crash", () => {
  it("never counts twice: the same flush id commits once", async () => {
    const c = await makeCampaign({ shards: 1 });
    await holdFlushes(c, 1);
    for (let i = 0; i < 5; i++) {
      expect((await like(c.slug, 1 + (i % 3), { ip: `198.51.100.${60 + i}` })).status).toBe(201);
    }
    await settle(c.slug);
    expect(await ledgerRows(c.id)).toBe(5);
    const stub = shardStub(env, shardName(c.id, 0));
    // As if the shard died after D1 committed flush 1 and before it marked its rows flushed.
    await runInDurableObject(stub, (instance: LikeShard, state) => {
      state.storage.sql.exec("UPDATE likes SET flushed = 0 WHERE flush = 1");
      state.storage.sql.exec(
        "INSERT INTO meta (k, v) VALUES ('open_flush', 1) ON CONFLICT (k) DO UPDATE SET v = 1",
      );
      instance.forgetMemory(); // …and restarted
    });
    expect((await stub.stats()).pending).toBe(5);
    await settle(c.slug);
    expect((await stub.stats()).pending).toBe(0);
    expect(await ledgerRows(c.id)).toBe(5);
    await expectReconciled(c.id);
    expect((await reconcile(c.id)).reduce((s, r) => s + r.counter, 0)).toBe(5);
  });
});

describe("days in the shard", () => {
  it("starts a new day at midnight Asia/Shanghai, not at midnight UTC", async () => {
    const c = await makeCampaign({
      shards: 2,
      opensAt: Date.parse("2026-01-01T00:00:00+08:00"),
      closesAt: Date.parse("2027-01-01T00:00:00+08:00"),
    });
    await holdFlushes(c, 2);
    // 23:59:59 on 11-29 in Shanghai, then 00:00:00 on 11-30 (16:00 UTC, still the 29th in UTC).
    const lateEvening = Date.parse("2026-11-29T15:59:59Z");
    const midnight = Date.parse("2026-11-29T16:00:00Z");
    const utcMidnight = Date.parse("2026-11-30T00:00:00Z");
    expect(await shardCast(c.slug, 1, "voter-d", lateEvening)).toMatchObject({ counted: true });
    expect(await shardCast(c.slug, 1, "voter-d", lateEvening + 500)).toMatchObject({
      counted: false,
      refusal: "already_liked",
    });
    expect(await shardCast(c.slug, 1, "voter-d", midnight)).toMatchObject({ counted: true });
    expect(await shardCast(c.slug, 1, "voter-d", utcMidnight)).toMatchObject({
      counted: false,
      refusal: "already_liked",
    });
    await settle(c.slug);
    const days = await env.DB.prepare(
      "SELECT day FROM likes WHERE campaign_id = ? ORDER BY created_at",
    )
      .bind(c.id)
      .all<{ day: string }>();
    expect(days.results.map((r) => r.day)).toEqual(["2026-11-29", "2026-11-30"]);
  });
});

describe("changing a campaign's ingest path", () => {
  it("flushes and hands over to the direct path, and back, with the voter's day intact", async () => {
    const c = await makeCampaign({ count: 4, shards: 2 });
    await holdFlushes(c, 2);
    const cookie = await voter(c.slug);
    expect(await ledgerRows(c.id)).toBe(0);
    const patch = (ingest: string) =>
      asCall("token", `/api/admin/campaigns/${c.slug}`, {
        method: "PATCH",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ ingest }),
      });
    const toDirect = await patch("direct");
    expect(toDirect.status).toBe(200);
    expect(await toDirect.json()).toMatchObject({ ingest: "direct", shards: 2 });
    // The shard's like is in D1, and the direct path counts it in the rules.
    expect(await ledgerRows(c.id)).toBe(1);
    expect((await like(c.slug, 1, { cookie })).status).toBe(409);
    expect((await like(c.slug, 2, { cookie })).status).toBe(201);
    // A shard refuses once the campaign has moved, whatever a Worker's cached state says.
    const moved = await shardStub(env, shardName(c.id, 0)).like(shardLikeOf(c.id, 0, "stale"));
    expect(moved).toEqual({ ok: false, refusal: "moved" });
    // Back to the shards the same day: the shard reads the voter's day from D1 first.
    expect((await patch("sharded")).status).toBe(200);
    expect((await like(c.slug, 2, { cookie })).status).toBe(409);
    expect((await like(c.slug, 1, { cookie })).status).toBe(409);
    expect((await like(c.slug, 3, { cookie })).status).toBe(201);
    await settle(c.slug);
    expect(await ledgerRows(c.id)).toBe(3);
    await expectReconciled(c.id);
  });

  it("flushes the no-JS form's like before its redirect, so the page it lands on shows it", async () => {
    const c = await makeCampaign();
    await holdFlushes(c, 16);
    // A JSON like stays in its shard until the flush…
    expect((await like(c.slug, 1, { ip: "198.51.100.70" })).status).toBe(201);
    expect(await ledgerRows(c.id)).toBe(0);
    // …the form's like is in D1 when the 303 comes back.
    const res = await call(`/c/${c.slug}/2`, {
      method: "POST",
      redirect: "manual",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        Origin: "http://localhost",
        "CF-Connecting-IP": "198.51.100.71",
      },
    });
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toMatch(/r=liked/);
    const two = await env.DB.prepare(
      `SELECT n.likes AS likes, (SELECT COUNT(*) FROM likes l WHERE l.nominee_id = n.id) AS rows
       FROM nominees n WHERE n.campaign_id = ? AND n.number = 2`,
    )
      .bind(c.id)
      .first<{ likes: number; rows: number }>();
    expect(two).toEqual({ likes: 1, rows: 1 });
    await settle(c.slug);
    await expectReconciled(c.id);
  });

  it("schedules its flush at most 1 s after the first pending like, and the alarm alone brings it into D1", async () => {
    // DESIGN §5: public counts converge within ~1 s of the 201. The flush delay is the production one.
    const c = await makeCampaign({ shards: 1 });
    await holdFlushes(c, 1, 750);
    const before = Date.now();
    expect((await like(c.slug, 1)).status).toBe(201);
    const alarm = await runInDurableObject(shardStub(env, shardName(c.id, 0)), (_i, state) =>
      state.storage.getAlarm(),
    );
    expect(alarm).not.toBeNull();
    expect(alarm as number).toBeLessThanOrEqual(Date.now() + 750);
    expect(alarm as number).toBeGreaterThanOrEqual(before);
    // No barrier: the alarm fires on its own (polled generously, the machine may be loaded).
    await expect.poll(() => ledgerRows(c.id), { timeout: 15_000, interval: 200 }).toBe(1);
    await expectReconciled(c.id);
  });
});

describe("a network's likes spread over many shards", () => {
  it("makes the network pay once its flushed likes reach the threshold, with no D1 read per like", async () => {
    // A new voter (and so, mostly, another shard) per like, all from one /24.
    const c = await makeCampaign({ count: 2, challengePrefixPerMinute: 3 });
    const ip = (i: number) => `203.0.113.${10 + i}`;
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await like(c.slug, 1 + (i % 2), { ip: ip(i) })).status);
    // 0, 1, 2 likes before each: free; the 4th sees 3 in the last minute (flushed by the first
    // three's shards and marked hot), level 1.
    expect(statuses).toEqual([201, 201, 201, 428]);
    const hot = await env.DB.prepare(
      "SELECT kind FROM like_hot WHERE campaign_id = ? AND kind = 'network'",
    )
      .bind(c.id)
      .all();
    expect(hot.results).toHaveLength(1);
    // Another network is quiet: free.
    expect((await like(c.slug, 1, { ip: "198.51.100.200" })).status).toBe(201);
  });
});
