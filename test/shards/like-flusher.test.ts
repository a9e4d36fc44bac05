import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { flusherStub, shardName } from "../../src/shards/barrier";
import type { ShardFlush } from "../../src/shards/flush";
import type { FlushRow } from "../../src/shards/shard-storage";
import { expectReconciled, holdFlushes, like, makeCampaign, settle } from "../helpers";

/**
 * The campaign's LikeFlusher (issue 16): the shards' flushes that arrive together reach D1 in ONE
 * batch, each flush written once however often it is sent, and one bad flush does not hold back
 * the others.
 */

async function nominee(campaignId: number, number: number) {
  return (await env.DB.prepare("SELECT id FROM nominees WHERE campaign_id = ? AND number = ?")
    .bind(campaignId, number)
    .first<{ id: number }>()) as { id: number };
}

function flushOf(campaignId: number, nomineeId: number, shard: number, seq: number, likes: number) {
  const now = Date.now();
  const rows: FlushRow[] = Array.from({ length: likes }, (_, i) => ({
    seq: i + 1,
    c: campaignId,
    n: nomineeId,
    no: 1,
    v: `flusher-${campaignId}-${shard}-${seq}-${i}`,
    ip: "ip",
    net: `net-${shard}`,
    d: "2026-12-06",
    s: 1,
    t: now - 100 + i,
    st: "counted",
    r: `FL-${campaignId}-${shard}-${seq}-${i}`,
    k: null,
    sg: 0,
    acked: now - 100 + i,
  }));
  return {
    shard: shardName(campaignId, shard),
    seq,
    campaignId,
    holdFlagged: false,
    rows,
  } satisfies ShardFlush;
}

const flushRows = async (campaignId: number) =>
  (
    await env.DB.prepare(
      "SELECT shard, seq, likes, batch FROM like_flushes WHERE campaign_id = ? ORDER BY shard, seq",
    )
      .bind(campaignId)
      .all<{ shard: string; seq: number; likes: number; batch: string }>()
  ).results;

const counted = async (campaignId: number) =>
  (
    await env.DB.prepare("SELECT SUM(likes) AS n FROM nominees WHERE campaign_id = ?")
      .bind(campaignId)
      .first<{ n: number }>()
  )?.n ?? 0;

describe("the campaign's flusher", () => {
  it("writes the flushes of many shards that arrive together in one D1 batch, each once", async () => {
    const c = await makeCampaign({ count: 1 });
    const { id } = await nominee(c.id, 1);
    const flusher = flusherStub(env, c.id);
    await flusher.configure({ gatherMs: 200 });
    const flushes = Array.from({ length: 8 }, (_, shard) => flushOf(c.id, id, shard, 1, 5 + shard));
    const outcomes = await Promise.all(flushes.map((f) => flusher.write(f)));
    expect(outcomes).toEqual(Array(8).fill("committed"));
    const rows = await flushRows(c.id);
    expect(rows).toHaveLength(8);
    expect(new Set(rows.map((r) => r.batch)).size).toBe(1);
    expect(await counted(c.id)).toBe(8 * 5 + 28);

    // Sent again (a shard that lost the answer), together with two new flushes: the new ones are
    // written, the old ones answer "already", nothing counts twice.
    const again = [flushes[2], flushOf(c.id, id, 2, 2, 3), flushes[5], flushOf(c.id, id, 9, 1, 4)];
    const second = await Promise.all(again.map((f) => flusher.write(f as ShardFlush)));
    expect(second).toEqual(["already", "committed", "already", "committed"]);
    expect(await counted(c.id)).toBe(8 * 5 + 28 + 3 + 4);
    expect(await flushRows(c.id)).toHaveLength(10);
    await expectReconciled(c.id);
  });

  it("writes the good flushes of a batch when one of them cannot be written", async () => {
    const c = await makeCampaign({ count: 1 });
    const { id } = await nominee(c.id, 1);
    const flusher = flusherStub(env, c.id);
    await flusher.configure({ gatherMs: 200 });
    const good = flushOf(c.id, id, 0, 1, 3);
    const bad = flushOf(c.id, id, 1, 1, 2);
    // Its second row repeats the first's receipt: the ledger's unique index refuses the flush.
    (bad.rows[1] as FlushRow).r = (bad.rows[0] as FlushRow).r;
    const [a, b] = await Promise.all([flusher.write(good), flusher.write(bad)]);
    expect(a).toBe("committed");
    expect(b).toEqual({
      failed: expect.stringContaining("UNIQUE constraint failed: likes.receipt"),
    });
    expect(await counted(c.id)).toBe(3);
    expect((await flushRows(c.id)).map((r) => r.shard)).toEqual([shardName(c.id, 0)]);
  });

  it("brings a barrier's flushes of every shard into D1 in few batches", async () => {
    const c = await makeCampaign({ count: 2 });
    await holdFlushes(c, 16);
    for (let i = 0; i < 24; i++) {
      expect((await like(c.slug, 1 + (i % 2), { ip: `192.0.2.${i + 1}` })).status).toBe(201);
    }
    await flusherStub(env, c.id).configure({ gatherMs: 200 });
    await settle(c.slug);
    const rows = await flushRows(c.id);
    expect(rows.reduce((n, r) => n + r.likes, 0)).toBe(24);
    // Every shard that held likes flushed, and their flushes shared D1 batches.
    expect(new Set(rows.map((r) => r.batch)).size).toBeLessThan(rows.length);
    await expectReconciled(c.id);
  });
});
