import { frictionLevel, proofSuffices } from "../domain/friction";
import { remainingAfter } from "../domain/like-rules";
import { SIGNAL } from "../domain/like-signals";
import type { Meta } from "./shard-storage";
import type { ShardAnswer, ShardLike, ShardMark } from "./types";

/**
 * A shard's decision on one like (issue 16, DESIGN §5), run inside the shard's synchronous
 * transaction (like-shard.ts): the mark (closed, moved), the voter's day from the shard's own rows,
 * an Idempotency-Key replay, the proof's spending, the per-nominee and per-voter rules, friction,
 * then the row. Everything it reads and writes is the shard's storage, so nothing can race it.
 */
export function decideLike(sql: SqlStorage, meta: Meta, like: ShardLike): ShardAnswer {
  const mark = meta.get<ShardMark>("mark", null);
  if (mark === "moved") return { ok: false, refusal: "moved" };
  if (mark === "closed" || Math.max(like.now, Date.now()) >= like.closesAt) {
    return { ok: false, refusal: "voting_closed" };
  }
  // The voter's likes of the day, the slot for this nominee, and the last minute's likes: one
  // pass over the voter's rows (likes_rule starts with voter_hash).
  const used = sql
    .exec<{ used: number; forNominee: number | null; recent: number }>(
      `SELECT COUNT(CASE WHEN day = ?2 THEN 1 END) AS used,
              MAX(CASE WHEN day = ?2 AND nominee_id = ?3 THEN slot END) AS forNominee,
              COUNT(CASE WHEN created_at > ?4 THEN 1 END) AS recent
       FROM likes WHERE voter_hash = ?1`,
      like.voterHash,
      like.day,
      like.nomineeId,
      like.now - 60_000,
    )
    .one();
  if (like.idempotencyKey !== null) {
    const earlier = sql
      .exec<{ nominee_id: number; receipt: string; status: string }>(
        "SELECT nominee_id, receipt, status FROM likes WHERE voter_hash = ? AND idempotency_key = ?",
        like.voterHash,
        like.idempotencyKey,
      )
      .toArray()[0];
    if (earlier && earlier.nominee_id !== like.nomineeId) {
      return { ok: false, refusal: "idempotency_key_reused" };
    }
    if (earlier) {
      return {
        ok: true,
        replayed: true,
        held: earlier.status === "held",
        receipt: earlier.receipt,
        likes: like.likesBase + pendingCounted(sql, like.nomineeId),
        remainingToday: like.perVoter === null ? null : Math.max(0, like.perVoter - used.used),
      };
    }
  }
  // A proof is spent by the request that shows it first, whatever the outcome (as in D1).
  let proofWon = false;
  if (like.proof) {
    const spent = sql.exec(
      "INSERT INTO spent (challenge, expires_at) VALUES (?, ?) ON CONFLICT DO NOTHING",
      like.proof,
      like.now + 10 * 60 * 1000,
    );
    proofWon = spent.rowsWritten > 0;
  }
  const forNominee = used.forNominee ?? 0;
  if (forNominee >= like.perCandidate) return { ok: false, refusal: "already_liked" };
  if (like.perVoter !== null && used.used >= like.perVoter) {
    return { ok: false, refusal: "daily_quota_exhausted" };
  }
  const level = frictionLevel({ ...like.friction, voterRecent: used.recent });
  if (level > 0 && !(proofWon && proofSuffices(like.proofLevel, level))) {
    return { ok: false, refusal: "challenge_required", level };
  }
  const status = like.held ? "held" : "counted";
  sql.exec(
    `INSERT INTO likes (campaign_id, nominee_id, number, voter_hash, ip_hash, ip_prefix_hash, day,
                        slot, created_at, status, receipt, idempotency_key, signals, acked_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    like.campaignId,
    like.nomineeId,
    like.number,
    like.voterHash,
    like.ipHash,
    like.ipPrefixHash,
    like.day,
    forNominee + 1,
    like.now,
    status,
    like.receipt,
    like.idempotencyKey,
    like.signals | (proofWon ? SIGNAL.challengeSolved : 0),
    Date.now(),
  );
  return {
    ok: true,
    replayed: false,
    held: like.held,
    receipt: like.receipt,
    likes: like.likesBase + pendingCounted(sql, like.nomineeId),
    remainingToday: remainingAfter(used.used, like.perVoter),
  };
}

/** This shard's counted likes for the nominee that D1 does not have yet. */
function pendingCounted(sql: SqlStorage, nomineeId: number): number {
  return sql
    .exec<{ n: number }>(
      "SELECT COUNT(*) AS n FROM likes WHERE nominee_id = ? AND flushed = 0 AND status = 'counted'",
      nomineeId,
    )
    .one().n;
}
