import { type CampaignClock, campaignStatus } from "./campaign-status";
import { proofSuffices } from "./friction";

/**
 * The rules a like must pass, stated once in plain code. The like query enforces the same rules
 * inside its single atomic write; this function explains, from the state that write saw, why a
 * like was refused, so the answer needs no second round trip.
 */

export interface LikeState extends CampaignClock {
  campaignFound: boolean;
  nomineeFound: boolean;
  likesPerCandidatePerDay: number;
  likesPerVoterPerDay: number | null;
  /** Likes this voter gave today in this campaign, before this request. */
  usedToday: number;
  /** Likes this voter gave this nominee today, before this request. */
  usedForNomineeToday: number;
  /** The campaign counts WeChat accounts (identity mode `wechat`) and this request has none. */
  wechatIdentityMissing?: boolean;
}

/** The campaign and nominee columns both like paths read from D1 (direct batch, like-state.ts). */
export interface RulesRow {
  nomineeId: number | null;
  opensAt: number;
  closesAt: number;
  paused: number;
  closedAt: number | null;
  publishedAt: number | null;
  perCandidate: number;
  perVoter: number | null;
}

/** What both like paths read of the campaign and the nominee besides the rules (likes.ts, like-state.ts). */
export interface LikeSettingsRow extends RulesRow {
  timeZone: string;
  identityMode: "cookie" | "wechat";
  ingest: "direct" | "sharded";
  showCounts: "always" | "after_close" | "never";
  difficulty: number;
  /** The nominee's counted likes in D1. */
  likes: number | null;
}

/** The rules' view of a D1 read, with the voter's likes today as the path that owns them knows. */
export function likeStateOf(
  row: RulesRow,
  used: { today: number; forNominee: number },
  identified: boolean,
): LikeState {
  return {
    campaignFound: true,
    nomineeFound: row.nomineeId !== null,
    opensAt: row.opensAt,
    closesAt: row.closesAt,
    paused: row.paused === 1,
    closedAt: row.closedAt,
    publishedAt: row.publishedAt,
    likesPerCandidatePerDay: row.perCandidate,
    likesPerVoterPerDay: row.perVoter,
    usedToday: used.today,
    usedForNomineeToday: used.forNominee,
    wechatIdentityMissing: !identified,
  };
}

export type LikeRefusal =
  | "campaign_not_found"
  | "candidate_not_found"
  | "voting_not_open"
  | "voting_paused"
  | "voting_closed"
  | "already_liked"
  | "daily_quota_exhausted"
  | "idempotency_key_reused"
  | "challenge_required"
  | "wechat_identity_required";

export function likeRefusal(s: LikeState, now: number): LikeRefusal | null {
  if (!s.campaignFound) return "campaign_not_found";
  if (!s.nomineeFound) return "candidate_not_found";
  switch (campaignStatus(s, now)) {
    case "upcoming":
      return "voting_not_open";
    case "paused":
      return "voting_paused";
    case "closed":
    case "published":
      return "voting_closed";
    case "open":
      break;
  }
  if (s.wechatIdentityMissing) return "wechat_identity_required";
  if (s.usedForNomineeToday >= s.likesPerCandidatePerDay) return "already_liked";
  if (s.likesPerVoterPerDay !== null && s.usedToday >= s.likesPerVoterPerDay) {
    return "daily_quota_exhausted";
  }
  return null;
}

/** Likes left today after a like was counted (null = no daily cap). */
export function remainingAfter(usedBefore: number, perVoterPerDay: number | null): number | null {
  return perVoterPerDay === null ? null : Math.max(0, perVoterPerDay - usedBefore - 1);
}

/** What decides whether a like that passed the rules still owes a proof of work. */
export interface FrictionState {
  /** The level the rates ask for now (domain/friction.ts; 0 = nothing asked). */
  level: number;
  /** Whether this request spent a valid proof. */
  proofWon: boolean;
  /** The level that proof was issued at. */
  proofLevel: number;
}

/**
 * Friction only when needed: a proof is owed while the level is above 0, and a proof only pays if
 * it was issued close enough to the current level (`proofSuffices`).
 */
export function needsChallenge(b: FrictionState): boolean {
  if (b.level === 0) return false;
  return !(b.proofWon && proofSuffices(b.proofLevel, b.level));
}
