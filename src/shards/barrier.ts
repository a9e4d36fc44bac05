import type { IngestState } from "../contract/admin";
import type { LikeFlusher } from "./like-flusher";
import type { LikeShard } from "./like-shard";
import type { ShardMark, ShardReceipt, ShardStats } from "./types";

/**
 * Finding a voter's shard, and the flush barrier (issue 16): everything that must see every
 * acknowledged like in D1 — closing voting, exports and votes.csv, checkpoint sealing, reconcile,
 * voids, releases, retention — calls `flushCampaign` first. A receipt D1 does not know yet is
 * looked up in the shards instead (`receiptInShards`): a read, never a flush.
 */

/** The shard of a voter: FNV-1a of the voter hash, mod N. Stable: a voter never changes shard. */
export function shardIndex(voterHash: string, shards: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < voterHash.length; i++) {
    hash ^= voterHash.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % Math.max(1, shards);
}

/**
 * The key a voter's likes are sharded (and counted) by: the WeChat identity's hash at a
 * wechat-mode campaign when the voter is signed in, else the voter cookie's hash. The like
 * (shard-like.ts) and the receipt lookup of one's own like (middleware/voter.ts) both ask here.
 */
export function voterShardKey(
  identityMode: "cookie" | "wechat",
  cookieHash: string,
  wechatHash: string | null | undefined,
): string {
  return identityMode === "wechat" && wechatHash ? wechatHash : cookieHash;
}

export function shardName(campaignId: number, index: number): string {
  return `${campaignId}:${index}`;
}

export function shardStub(
  env: Pick<CloudflareBindings, "LIKE_SHARDS">,
  name: string,
): DurableObjectStub<LikeShard> {
  return env.LIKE_SHARDS.get(env.LIKE_SHARDS.idFromName(name)) as DurableObjectStub<LikeShard>;
}

/** The campaign's LikeFlusher: the one writer of its shards' flushes to D1. */
export function flusherStub(
  env: Pick<CloudflareBindings, "LIKE_FLUSHERS">,
  campaignId: number,
): DurableObjectStub<LikeFlusher> {
  const ns = env.LIKE_FLUSHERS;
  return ns.get(ns.idFromName(String(campaignId))) as DurableObjectStub<LikeFlusher>;
}

/** Calls every shard of a campaign at once (the barrier, receipts, statistics, retention). */
export function eachShard<T>(
  env: Pick<CloudflareBindings, "LIKE_SHARDS">,
  campaignId: number,
  shards: number,
  call: (shard: DurableObjectStub<LikeShard>) => Promise<T> | T,
): Promise<Awaited<T>[]> {
  return Promise.all(
    Array.from({ length: shards }, async (_, i) => call(shardStub(env, shardName(campaignId, i)))),
  );
}

/**
 * Flushes every shard of the campaign and waits until each has nothing pending (a shard that
 * cannot reach D1 makes this throw: the caller must not go on as if the ledger were complete).
 * `mark` also tells each shard to refuse likes from now on (`closed`, before voting closes;
 * `moved`, before the campaign goes direct) or to take them again (`null`). A direct campaign
 * without a mark to set has nothing in shards (its switch to direct flushed them): no call.
 */
export async function flushCampaign(
  env: Pick<CloudflareBindings, "DB" | "LIKE_SHARDS">,
  campaignId: number,
  options: { mark?: ShardMark } = {},
): Promise<ShardStats[]> {
  const row = await env.DB.prepare("SELECT ingest, shards FROM campaigns WHERE id = ?1")
    .bind(campaignId)
    .first<{ ingest: string; shards: number }>();
  if (!row || (row.ingest !== "sharded" && options.mark === undefined)) return [];
  return eachShard(env, campaignId, row.shards, (shard) => shard.settle(options));
}

/**
 * A like still in its shard, by receipt: each shard reads its own storage, nothing is flushed, so
 * looking up codes that do not exist costs N reads and no D1 write (before, a miss flushed every
 * shard: a stream of made-up codes turned the campaign's batched flushes back into one D1 write
 * per request).
 */
export async function receiptInShards(
  env: Pick<CloudflareBindings, "LIKE_SHARDS">,
  campaignId: number,
  shards: number,
  code: string,
): Promise<ShardReceipt | null> {
  const found = await eachShard(env, campaignId, shards, (shard) => shard.receipt(code));
  return found.find((r) => r !== null) ?? null;
}

/**
 * A like still in the shard of the voter whose key is given (middleware/voter.ts
 * `carriedVoterKey`): one shard's read, where the voter's own likes all are.
 */
export function receiptInVoterShard(
  env: Pick<CloudflareBindings, "LIKE_SHARDS">,
  campaignId: number,
  shards: number,
  voterKey: string,
  code: string,
): Promise<ShardReceipt | null> {
  return shardStub(env, shardName(campaignId, shardIndex(voterKey, shards))).receipt(code);
}

/** Every shard's statistics, without flushing. */
function shardStats(
  env: Pick<CloudflareBindings, "LIKE_SHARDS">,
  campaignId: number,
  shards: number,
): Promise<ShardStats[]> {
  return eachShard(env, campaignId, shards, (shard) => shard.stats());
}

/**
 * How a campaign's likes reach D1 (the organizer's `…/ingest` and the dashboard's 点赞写入): its
 * shards' pending likes, flushes and flush lag p99. A direct campaign's shards take no likes and
 * are not woken (a first call would create an empty object for each): zeros.
 */
export async function ingestState(
  env: Pick<CloudflareBindings, "LIKE_SHARDS">,
  campaign: { id: number; ingest: "direct" | "sharded"; shards: number },
): Promise<IngestState> {
  const stats =
    campaign.ingest === "sharded" ? await shardStats(env, campaign.id, campaign.shards) : [];
  const lags = stats.flatMap((s) => s.lags).sort((a, b) => a - b);
  const p99 =
    lags.length === 0
      ? null
      : (lags[Math.min(lags.length - 1, Math.ceil(lags.length * 0.99) - 1)] ?? null);
  return {
    ingest: campaign.ingest,
    shards: campaign.shards,
    pending: stats.reduce((n, s) => n + s.pending, 0),
    flushes: stats.reduce((n, s) => n + s.flushes, 0),
    flushedLikes: stats.reduce((n, s) => n + s.flushedLikes, 0),
    lagP99Ms: p99,
  };
}
