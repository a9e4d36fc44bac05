import type { Database } from "../db/client";
import { forgetLikeState, likeState, noteOwnLike, ownCountedSince } from "../db/queries/like-state";
import type { LikeInput, LikeResult, StaleKey } from "../db/queries/likes";
import { networkFlagOpens, networkFriction, nomineeFlagOpens } from "../domain/friction";
import { type LikeRefusal, likeRefusal, likeStateOf } from "../domain/like-rules";
import { localDay } from "../domain/time";
import { shardIndex, shardName, shardStub, voterShardKey } from "./barrier";
import { flushTickMs, stateCacheMs } from "./settings";

/**
 * The sharded like path (issue 16), the Worker's half: the campaign's state from D1 (cached ≤ 1 s,
 * like-state.ts) answers what is the same for every voter — the campaign, its status, the nominee,
 * the identity mode, the network's and nominee's friction, an open flag — and the voter's shard
 * (like-shard.ts) decides the rest exactly, in one transaction of its own storage. Same input and
 * answers as `castLike` (the direct path), so routes/like-action.ts calls either.
 */
export async function shardLike(
  env: Pick<CloudflareBindings, "DB" | "LIKE_SHARDS" | "LIKE_STATE_CACHE_MS" | "LIKE_FLUSH_MS">,
  db: Database,
  input: LikeInput,
): Promise<LikeResult | StaleKey> {
  const key = input.campaign;
  const flushMs = flushTickMs(env);
  // This isolate's own likes since the flushes the snapshot saw: up to two flush ticks back.
  const overlap = 2 * flushMs;
  const s = await likeState(
    db,
    key.id,
    input.number,
    input.ipPrefixHash,
    input.now,
    stateCacheMs(env),
    overlap,
  );
  if (
    s?.ingest !== "sharded" ||
    s.timeZone !== key.timeZone ||
    s.identityMode !== (key.identityMode ?? "cookie")
  ) {
    return { stale: true };
  }
  // A wechat-mode campaign counts WeChat accounts: the like goes under the openid's hash.
  const identified = s.identityMode === "cookie" || Boolean(input.wechatVoterHash);
  const voterHash = voterShardKey(s.identityMode, input.voterHash, input.wechatVoterHash);
  const refusedWith = (refusal: LikeResult & { counted: false }, level = 1) => ({
    ...refusal,
    campaignId: s.campaignId,
    challengeDifficulty: s.difficulty,
    frictionLevel: Math.max(1, level),
  });
  // What holds for every voter: the voter's own counts are the shard's (0 here passes them).
  const state = likeStateOf(s, { today: 0, forNominee: 0 }, identified);
  const refusal = likeRefusal(state, input.now);
  if (refusal || s.nomineeId === null) {
    return refusedWith({
      counted: false,
      refusal: refusal ?? "candidate_not_found",
      timeZone: s.timeZone,
    });
  }
  // Held as the direct batch holds: an open flag covers the like, or the rates before it open one
  // now (the shard's flush then opens that flag with the direct path's SQL, flush.ts).
  const flagOpensNow =
    s.holdFlagged === 1 &&
    (networkFlagOpens(s.prefixRecent, s.pairRecent) ||
      nomineeFlagOpens(s.nomineeRecent, s.nomineeTotal ?? 0, s.openFor));
  const index = shardIndex(voterHash, s.shards);
  const shard = shardName(s.campaignId, index);
  const stub = shardStub(env, shard);
  const answer = await stub.like({
    shard,
    campaignId: s.campaignId,
    nomineeId: s.nomineeId,
    number: input.number,
    voterHash,
    ipHash: input.ipHash,
    ipPrefixHash: input.ipPrefixHash,
    day: localDay(input.now, s.timeZone),
    timeZone: s.timeZone,
    now: input.now,
    receipt: input.receipt,
    idempotencyKey: input.idempotencyKey ?? null,
    signals: input.signals ?? 0,
    held: Boolean(input.hold) || s.flagged === 1 || flagOpensNow,
    holdFlagged: s.holdFlagged === 1,
    perCandidate: s.perCandidate,
    perVoter: s.perVoter,
    closesAt: s.closesAt,
    friction: networkFriction(s),
    proof: input.proof,
    proofLevel: input.proof ? (input.proofLevel ?? 1) : 0,
    // D1's counter as read, and this isolate's counted likes since (the shard adds its pending).
    likesBase:
      (s.likes ?? 0) + ownCountedSince(s.campaignId, s.nomineeId, s.readAt, index, flushMs === 0),
    ingestSince: s.ingestSince,
  });
  if (!answer.ok && answer.refusal === "moved") {
    // The campaign went direct after this isolate read its state: read again.
    forgetLikeState(s.campaignId);
    return { stale: true };
  }
  if (!answer.ok) {
    return refusedWith(
      { counted: false, refusal: answer.refusal as LikeRefusal, timeZone: s.timeZone },
      answer.level,
    );
  }
  if (!answer.replayed) {
    noteOwnLike(s.campaignId, {
      at: Date.now(),
      network: input.ipPrefixHash,
      nomineeId: s.nomineeId,
      counted: !answer.held,
      shard: index,
    });
  }
  if (input.settle && !answer.replayed) await stub.settle();
  return {
    counted: true,
    held: answer.held,
    receipt: answer.receipt,
    replayed: answer.replayed,
    likes: answer.likes,
    remainingToday: answer.remainingToday,
    showCounts: s.showCounts,
    timeZone: s.timeZone,
  };
}
