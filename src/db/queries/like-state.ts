import type { Database } from "../client";
import { flagCoversSql, RATE_SQL } from "./friction-sql";

/**
 * What the sharded like path (issue 16) reads from D1 before it asks the voter's shard: the
 * campaign's state and rules, the nominee, the network's and the nominee's recent rates and
 * whether an open flag covers them. One indexed read, reused for `LIKE_STATE_CACHE_MS` (1 s by
 * default) per campaign, nominee and network in each isolate, so a busy network or nominee costs D1
 * one read a second per isolate, not one per like. What a reuse can miss is the last second:
 * a pause, a new flag, the rates' latest likes (docs/scaling.md, docs/abuse.md). Closing voting
 * does not depend on it (the close route marks every shard closed first).
 */
export interface LikeCampaignState {
  campaignId: number;
  timeZone: string;
  identityMode: "cookie" | "wechat";
  ingest: "direct" | "sharded";
  shards: number;
  ingestSince: number;
  opensAt: number;
  closesAt: number;
  paused: number;
  closedAt: number | null;
  publishedAt: number | null;
  perCandidate: number;
  perVoter: number | null;
  showCounts: "always" | "after_close" | "never";
  prefixLimit: number | null;
  voterLimit: number | null;
  difficulty: number;
  holdFlagged: number;
  nomineeId: number | null;
  likes: number | null;
  prefixRecent: number;
  pairRecent: number;
  nomineeRecent: number;
  nomineeTotal: number | null;
  openFor: number;
  flagged: number;
}

const cache = new Map<string, { at: number; state: LikeCampaignState }>();
/** Entries kept per isolate at most (a busy isolate sees many networks). */
const CACHE_LIMIT = 20_000;

/** The state for a like of nominee `number` from network `networkHash`, at most `maxAgeMs` old. */
export async function likeState(
  db: Database,
  campaignId: number,
  number: number,
  networkHash: string,
  now: number,
  maxAgeMs: number,
): Promise<LikeCampaignState | null> {
  const key = `${campaignId}:${number}:${networkHash}`;
  const hit = cache.get(key);
  if (hit && maxAgeMs > 0 && now - hit.at < maxAgeMs) return hit.state;
  // The bind positions of friction-sql.ts: ?2 number, ?3 voter (unused), ?6 now, ?10 campaign,
  // ?11 network.
  const state = await db.$client
    .prepare(
      `SELECT c.id AS campaignId, c.time_zone AS timeZone, c.identity_mode AS identityMode,
              c.ingest AS ingest, c.shards AS shards, c.ingest_since AS ingestSince,
              c.opens_at AS opensAt, c.closes_at AS closesAt, c.paused AS paused,
              c.closed_at AS closedAt, c.published_at AS publishedAt,
              c.likes_per_candidate_per_day AS perCandidate, c.likes_per_voter_per_day AS perVoter,
              c.show_counts AS showCounts, c.challenge_prefix_per_minute AS prefixLimit,
              c.challenge_voter_per_minute AS voterLimit, c.challenge_difficulty AS difficulty,
              c.hold_flagged AS holdFlagged,
              n.id AS nomineeId, n.likes AS likes,
              ${RATE_SQL.network} AS prefixRecent, ${RATE_SQL.pair} AS pairRecent,
              ${RATE_SQL.nominee} AS nomineeRecent, n.likes + n.voided_likes AS nomineeTotal,
              CAST(?6 AS INTEGER) - c.opens_at AS openFor,
              CASE WHEN n.id IS NOT NULL AND ${flagCoversSql} THEN 1 ELSE 0 END AS flagged
       FROM campaigns c
       LEFT JOIN nominees n ON n.campaign_id = c.id AND n.number = ?2
       WHERE c.id = ?10 AND c.draft = 0`,
    )
    .bind(null, number, null, null, null, now, null, null, null, campaignId, networkHash)
    .first<LikeCampaignState>();
  if (state && maxAgeMs > 0) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, { at: now, state });
  }
  return state;
}

/** Forgets what this isolate read about a campaign (its organizer just changed it here). */
export function forgetLikeState(campaignId: number): void {
  for (const key of cache.keys()) if (key.startsWith(`${campaignId}:`)) cache.delete(key);
}

/**
 * Sharded campaigns whose shards may hold likes: voting has opened and did not end more than a
 * day ago (the Cron flushes them before it seals checkpoints and applies retention).
 */
export async function campaignsToFlush(db: Database, now: number): Promise<number[]> {
  const { results } = await db.$client
    .prepare(
      `SELECT id FROM campaigns WHERE ingest = 'sharded' AND draft = 0 AND opens_at <= ?1
         AND closes_at > ?1 - 86400000 AND (closed_at IS NULL OR closed_at > ?1 - 86400000)`,
    )
    .bind(now)
    .all<{ id: number }>();
  return results.map((r) => r.id);
}
