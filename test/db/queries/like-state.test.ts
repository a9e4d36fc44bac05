import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createDb, type Database } from "../../../src/db/client";
import { HOT_FLOOR } from "../../../src/db/queries/like-hot";
import {
  campaignsToFlush,
  forgetLikeState,
  likeState,
  noteOwnLike,
  ownCountedSince,
  REFRESH_GRACE_MS,
  readLikeSnapshot,
  stateFor,
} from "../../../src/db/queries/like-state";
import {
  FRICTION,
  frictionLevel,
  HOLD,
  NETWORK_WINDOW_MS,
  NOMINEE_WINDOW_MS,
  networkFlagOpens,
  networkFriction,
  nomineeBurstThreshold,
  nomineeFlagOpens,
  PAIR_WINDOW_MS,
} from "../../../src/domain/friction";
import { runScheduled } from "../../../src/scheduled";
import { shardName, shardStub } from "../../../src/shards/barrier";
import { flushToD1 } from "../../../src/shards/flush";
import type { FlushRow } from "../../../src/shards/shard-storage";
import {
  countingD1,
  type D1Call,
  db,
  holdFlushes,
  like,
  makeCampaign,
  random,
} from "../../helpers";

/**
 * The sharded like path reads a campaign's state once a second, with the rates of its hot subjects
 * only (like-hot.ts, like-state.ts). These tests put random bursts through real flushes and demand
 * that the friction level and the holds computed from that snapshot equal the ones computed from
 * every ledger row, for every network and nominee — quiet, at the floors, and past them.
 */

async function nomineeIds(campaignId: number): Promise<Map<number, number>> {
  const { results } = await env.DB.prepare("SELECT id, number FROM nominees WHERE campaign_id = ?")
    .bind(campaignId)
    .all<{ id: number; number: number }>();
  return new Map(results.map((r) => [r.number, r.id]));
}

describe("the like path's snapshot of a campaign", () => {
  for (const seed of [1, 2, 3]) {
    it(`gives every network and nominee the ledger's friction level and holds (seed ${seed})`, async () => {
      const next = random(seed);
      const threshold = 4 + Math.floor(next() * 8);
      const c = await makeCampaign({
        count: 4,
        challengePrefixPerMinute: threshold,
        holdFlagged: true,
        opensAt: Date.now() - 3 * 3_600_000,
      });
      const ids = await nomineeIds(c.id);
      const networks = ["net-a", "net-b", "net-c", "net-d", "net-e"];
      const now = Date.now();
      const start = now - 12 * 60_000;
      const rows: FlushRow[] = [];
      // Flushes every few seconds over 12 minutes; some networks burst on one nominee.
      let at = start;
      for (let flush = 1; at < now - 2000; flush++) {
        const until = Math.min(now - 1000, at + 1000 + Math.floor(next() * 20_000));
        const batch: FlushRow[] = [];
        const likes = Math.floor(next() * (next() < 0.3 ? 80 : 12));
        for (let i = 0; i < likes; i++) {
          const net = networks[Math.floor(next() ** 2 * networks.length)] as string;
          const number = 1 + Math.floor(next() ** 2 * 4);
          const t = at + 1 + Math.floor(next() * (until - at - 1));
          const k = rows.length + batch.length;
          batch.push({
            seq: k,
            c: c.id,
            n: ids.get(number) as number,
            no: number,
            v: `s${seed}-v${k}`,
            ip: "ip",
            net,
            d: "2026-01-01",
            s: 1,
            t,
            st: "counted",
            r: `S${seed}-${c.id}-R${k}`,
            k: null,
            sg: 0,
            acked: t,
          });
        }
        batch.sort((x, y) => x.t - y.t);
        if (batch.length > 0) {
          await flushToD1(
            env.DB,
            { shard: `${c.id}:test`, seq: flush, campaignId: c.id, holdFlagged: true },
            batch,
            until,
          );
        }
        rows.push(...batch);
        at = until;
      }
      const snapshot = await readLikeSnapshot(db(), c.id, now);
      expect(snapshot).not.toBeNull();
      if (!snapshot) return;
      const recent = (w: number, f: (r: FlushRow) => boolean) =>
        Math.min(1000, rows.filter((r) => r.t > now - w && f(r)).length);
      let compared = 0;
      let busy = 0;
      for (const net of [...networks, "net-quiet"]) {
        for (let number = 1; number <= 4; number++) {
          const s = stateFor(snapshot, number, net, now);
          const id = ids.get(number);
          const exact = {
            prefixRecent: recent(NETWORK_WINDOW_MS, (r) => r.net === net),
            pairRecent: recent(PAIR_WINDOW_MS, (r) => r.net === net && r.n === id),
            nomineeRecent: recent(NOMINEE_WINDOW_MS, (r) => r.n === id),
          };
          const f = networkFriction(s);
          const exactLevel = frictionLevel({ ...f, ...exactToInput(exact), voterRecent: 0 });
          expect(frictionLevel({ ...f, voterRecent: 0 }), `${net} #${number}`).toBe(exactLevel);
          expect(networkFlagOpens(s.prefixRecent, s.pairRecent)).toBe(
            networkFlagOpens(exact.prefixRecent, exact.pairRecent),
          );
          expect(nomineeFlagOpens(s.nomineeRecent, s.nomineeTotal ?? 0, s.openFor)).toBe(
            nomineeFlagOpens(exact.nomineeRecent, s.nomineeTotal ?? 0, s.openFor),
          );
          // A hot subject's rate is the ledger's, exactly.
          if (s.prefixRecent > 0) expect(s.prefixRecent).toBe(exact.prefixRecent);
          if (s.pairRecent > 0) expect(s.pairRecent).toBe(exact.pairRecent);
          if (exactLevel > 0) busy++;
          compared++;
        }
      }
      expect(compared).toBe(24);
      // The ledgers are busy enough that some subjects pay and some do not.
      expect(busy).toBeGreaterThan(0);
      expect(busy).toBeLessThan(compared);
    });
  }

  it("adds this isolate's own likes since the snapshot's flushes, so a burst shows at once", async () => {
    const c = await makeCampaign({ count: 2 });
    const ids = await nomineeIds(c.id);
    const one = ids.get(1) as number;
    const now = Date.now();
    const snapshot = await readLikeSnapshot(db(), c.id, now);
    if (!snapshot) throw new Error("no snapshot");
    // Three likes before the overlap (the snapshot's flushes have them), five after.
    for (let i = 0; i < 3; i++)
      noteOwnLike(c.id, {
        at: now - 4000 + i,
        network: "burst",
        nomineeId: one,
        counted: true,
        shard: 0,
      });
    for (let i = 0; i < 5; i++)
      noteOwnLike(c.id, {
        at: now - 500 + i,
        network: "burst",
        nomineeId: one,
        counted: true,
        shard: i % 2,
      });
    const s = stateFor(snapshot, 1, "burst", now + 10, 2000);
    expect([s.prefixRecent, s.pairRecent, s.nomineeRecent]).toEqual([5, 5, 5]);
    const other = stateFor(snapshot, 2, "burst", now + 10, 2000);
    expect([other.prefixRecent, other.pairRecent, other.nomineeRecent]).toEqual([5, 0, 0]);
    expect(stateFor(snapshot, 1, "quiet", now + 10, 2000).prefixRecent).toBe(0);
    // Shards that flush before they answer (overlap 0): the snapshot has every like already.
    expect(stateFor(snapshot, 1, "burst", now + 10, 0).prefixRecent).toBe(0);
    // The answer's count: D1's as read plus this isolate's counted likes since the read, but for
    // those still pending in the voter's own shard (it adds them itself)…
    expect(ownCountedSince(c.id, one, now - 1000, 0, false)).toBe(2);
    // …unless shards flush before they answer: then none is pending and all five are missing.
    expect(ownCountedSince(c.id, one, now - 1000, 0, true)).toBe(5);
  });

  it("reads D1 once per campaign per second, however many networks and nominees like", async () => {
    const c = await makeCampaign({ count: 2 });
    const now = Date.now();
    forgetLikeState(c.id);
    const first = await likeState(db(), c.id, 1, "net-1", now, 1000);
    expect(first?.paused).toBe(0);
    await env.DB.prepare("UPDATE campaigns SET paused = 1 WHERE id = ?").bind(c.id).run();
    // Another network and nominee within the second: the same read, not a new one.
    expect((await likeState(db(), c.id, 2, "net-2", now + 999, 1000))?.paused).toBe(0);
    // A second later the pause shows.
    expect((await likeState(db(), c.id, 2, "net-3", now + 1000, 1000))?.paused).toBe(1);
    // With no reuse (the tests' LIKE_STATE_CACHE_MS=0) every like reads.
    await env.DB.prepare("UPDATE campaigns SET paused = 0 WHERE id = ?").bind(c.id).run();
    expect((await likeState(db(), c.id, 2, "net-3", now + 1001, 0))?.paused).toBe(0);
  });

  it("never makes a like wait for another request's read longer than the grace", async () => {
    // A Worker request is cancelled when its client goes away, and the read it started then never
    // settles: a like waiting on that read without a bound would hang until the runtime answered
    // it with a 500.
    const c = await makeCampaign({ count: 2 });
    const now = Date.now();
    const stuck = {
      $client: {
        prepare: (sql: string) => env.DB.prepare(sql),
        batch: () => new Promise(() => {}),
      },
    } as unknown as Database;
    const settles = <T>(p: Promise<T>, ms = 500) =>
      Promise.race([
        p,
        new Promise<never>((_, no) => setTimeout(() => no(new Error("hangs")), ms)),
      ]);

    // Cold (a new isolate): the first like's read never finishes; the next waits for it no longer
    // than REFRESH_GRACE_MS, then reads for itself.
    forgetLikeState(c.id);
    void likeState(stuck, c.id, 1, "net-1", now, 1000);
    const started = Date.now();
    const cold = await settles(
      likeState(db(), c.id, 1, "net-2", now, 1000),
      REFRESH_GRACE_MS + 2000,
    );
    expect(cold?.paused).toBe(0);
    expect(Date.now() - started).toBeGreaterThanOrEqual(REFRESH_GRACE_MS - 50);

    // Warm: the like that refreshes the expired snapshot never finishes; the likes meanwhile
    // keep the last snapshot at once, for REFRESH_GRACE_MS, then one of them reads a new one.
    await env.DB.prepare("UPDATE campaigns SET paused = 1 WHERE id = ?").bind(c.id).run();
    void likeState(stuck, c.id, 1, "net-1", now + 1000, 1000);
    const meanwhile = now + 1000 + REFRESH_GRACE_MS - 1;
    expect((await settles(likeState(db(), c.id, 2, "net-3", meanwhile, 1000)))?.paused).toBe(0);
    const after = now + 1000 + REFRESH_GRACE_MS;
    expect((await settles(likeState(db(), c.id, 2, "net-4", after, 1000)))?.paused).toBe(1);
    // Once a read finishes, its snapshot is the one kept.
    expect((await settles(likeState(stuck, c.id, 2, "net-5", after + 999, 1000)))?.paused).toBe(1);
  });

  it("lets a new isolate's first likes share one read of the campaign", async () => {
    const c = await makeCampaign({ count: 2 });
    const now = Date.now();
    const calls: D1Call[] = [];
    const counted = createDb(countingD1(calls));
    forgetLikeState(c.id);
    const states = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        likeState(counted, c.id, 1 + (i % 2), `net-${i}`, now, 1000),
      ),
    );
    expect(states.every((s) => s?.campaignId === c.id)).toBe(true);
    expect(calls.filter((call) => call.kind === "batch")).toHaveLength(1);
  });
});

function exactToInput(e: { prefixRecent: number; pairRecent: number; nomineeRecent: number }) {
  return {
    networkRecent: e.prefixRecent,
    pairRecent: e.pairRecent,
    nomineeRecent: e.nomineeRecent,
  };
}

// The floors of the hot marks are at or below the first level at which the curve or a hold acts.
it("keeps every floor at or below the first level that can act", () => {
  expect(HOT_FLOOR.pair).toBeLessThanOrEqual(Math.min(FRICTION.pairStart, HOLD.pairPer10Minutes));
  expect(HOT_FLOOR.nominee).toBeLessThanOrEqual(nomineeBurstThreshold(0, 60_000));
});

describe("the Cron's flush", () => {
  it("wakes the shards of campaigns that flushed in the last two minutes, not every open one", async () => {
    const busy = await makeCampaign({ shards: 1 });
    expect((await like(busy.slug, 1, { ip: "198.51.100.101" })).status).toBe(201); // flushed now
    await holdFlushes(busy, 1);
    expect((await like(busy.slug, 2, { ip: "198.51.100.102" })).status).toBe(201); // pending
    const quiet = await makeCampaign({ shards: 1 });
    await holdFlushes(quiet, 1);
    expect((await like(quiet.slug, 1, { ip: "198.51.100.103" })).status).toBe(201); // pending
    const now = Date.now();
    const due = await campaignsToFlush(db(), now);
    expect(due).toContain(busy.id);
    expect(due).not.toContain(quiet.id);
    expect(await campaignsToFlush(db(), now + 3 * 60_000)).not.toContain(busy.id);

    await runScheduled(env, now);
    const pending = async (id: number) => (await shardStub(env, shardName(id, 0)).stats()).pending;
    expect(await pending(busy.id)).toBe(0);
    // Not woken by the Cron: its own alarm (held back here) or a barrier flushes it.
    expect(await pending(quiet.id)).toBe(1);
  });
});
