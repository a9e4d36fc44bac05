import type { FrictionInput } from "../domain/friction";

/**
 * What a Worker sends its voter's LikeShard with one like (issue 16): the campaign's state as the
 * Worker read it (cached ≤ 1 s), the voter's hashes and proof, and the rules the shard enforces
 * exactly in its own storage (per nominee per day, per voter per day, Idempotency-Key, proof).
 */
export interface ShardLike {
  /** The shard's name, `${campaignId}:${index}`: also the flush ids' prefix in D1. */
  shard: string;
  campaignId: number;
  nomineeId: number;
  /** The nominee's 编号 (anomaly flags name nominees by it). */
  number: number;
  voterHash: string;
  ipHash: string;
  ipPrefixHash: string;
  /** The like's day in the campaign's zone, and the zone (for a day read from D1). */
  day: string;
  timeZone: string;
  now: number;
  receipt: string;
  idempotencyKey: string | null;
  signals: number;
  /** An open flag covers the network or the nominee (and the campaign holds flagged likes). */
  held: boolean;
  /** The campaign holds flagged likes: the flush then opens flags as the direct batch does. */
  holdFlagged: boolean;
  perCandidate: number;
  perVoter: number | null;
  /** The scheduled end of voting: the shard refuses past it by its own clock too. */
  closesAt: number;
  /** The network's and nominee's rates from D1 (lag ≤ 1 s); the voter's rate is the shard's own. */
  friction: Omit<FrictionInput, "voterRecent">;
  proof: string | null;
  proofLevel: number;
  /** The nominee's counter in D1 as the Worker read it (the shard adds its unflushed likes). */
  likesBase: number;
  /** When the campaign last changed ingest path (0 = never): that day, read the voter's day from D1. */
  ingestSince: number;
}

export type ShardRefusal =
  | "already_liked"
  | "daily_quota_exhausted"
  | "idempotency_key_reused"
  | "challenge_required"
  | "voting_closed";

export type ShardAnswer =
  | {
      ok: true;
      replayed: boolean;
      held: boolean;
      receipt: string;
      likes: number;
      remainingToday: number | null;
    }
  /** `moved`: the campaign left the sharded path (the Worker's state was stale): ask again. */
  | { ok: false; refusal: ShardRefusal | "moved"; level?: number };

/** A shard's mark: closed (voting closed: refuse), moved (ingest is direct now: refuse), or none. */
export type ShardMark = "closed" | "moved" | null;

export interface ShardStats {
  shard: string;
  pending: number;
  flushes: number;
  flushedLikes: number;
  /** Lag of each recent flush: first pending like's acknowledgement → D1 commit (ms). */
  lags: number[];
  mark: ShardMark;
}

/** A like as its shard recorded it, for a receipt D1 does not know yet (LikeShard.receipt). */
export type ShardReceipt = {
  receipt: string;
  /** A shard records `counted` or `held`; voids happen in D1, after a flush. */
  status: "counted" | "held";
  nomineeId: number;
  number: number;
  createdAt: number;
};
