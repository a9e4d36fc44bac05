import type { Context } from "hono";
import { recordRejection } from "../db/queries/dashboard";
import { campaignKey, forgetCampaign } from "../db/queries/like-campaign-key";
import { castLike, type LikeResult } from "../db/queries/likes";
import { countsVisible } from "../domain/campaign-status";
import { difficultyFor } from "../domain/friction";
import { ipHash, ipPrefixHash, receiptCode } from "../domain/identity";
import { ipPrefix } from "../domain/ip-prefix";
import type { LikeRefusal } from "../domain/like-rules";
import { SIGNAL } from "../domain/like-signals";
import { type Challenge, createChallenge, verifySolution } from "../domain/proof-of-work";
import { nextLocalMidnight } from "../domain/time";
import { turnstileConfig, verifyTurnstile } from "../integrations/turnstile";
import { shardLike } from "../shards/shard-like";
import type { AppEnv } from "../types";
import { DEFAULT_PROTECTION } from "../validators/campaign";
import type { LikeRequest } from "../validators/likes";
import { FLOOD_RETRY_AFTER, withinFloodGuard } from "./shared/flood-guard";
import { wechatSignInPath } from "./wechat-paths";

/**
 * One like, as both the JSON API and the no-JS form use it: the per-network flood guard, then the
 * single atomic write. Needs `identifyVoter` to have run.
 */

export type LikeOutcome =
  | {
      ok: true;
      /** Recorded but held for review (202): not in public counts until released. */
      held: boolean;
      likes: number | null;
      remainingToday: number | null;
      receipt: string;
      replayed: boolean;
    }
  | {
      ok: false;
      code: LikeRefusal | "rate_limited";
      status: 403 | 404 | 409 | 422 | 428 | 429;
      message: string;
      retryAfter?: number;
      /** For `challenge_required`: what to solve (and the Turnstile site key, when that is on). */
      challenge?: Challenge;
      turnstileSiteKey?: string;
      /** For `wechat_identity_required`: where to sign in with WeChat (then back to the profile). */
      signInUrl?: string;
    };

const REFUSALS: Record<
  LikeRefusal,
  { status: 403 | 404 | 409 | 422 | 428 | 429; message: string }
> = {
  campaign_not_found: { status: 404, message: "No such campaign." },
  candidate_not_found: { status: 404, message: "No such nominee." },
  voting_not_open: { status: 403, message: "Voting has not opened yet." },
  voting_paused: { status: 403, message: "Voting is paused by the organizer." },
  voting_closed: { status: 403, message: "Voting has closed." },
  already_liked: { status: 409, message: "You have already liked this nominee today." },
  daily_quota_exhausted: { status: 429, message: "You have used all of today's likes." },
  idempotency_key_reused: {
    status: 422,
    message: "This Idempotency-Key was used for another nominee.",
  },
  wechat_identity_required: {
    status: 403,
    message:
      "This campaign counts one like per WeChat account: open the page in WeChat (signInUrl signs in there), then like again.",
  },
  challenge_required: {
    status: 428,
    message:
      "Many likes are coming from your network right now: solve the attached proof-of-work challenge and send it with the like.",
  },
};

/** Counts a refusal for the dashboard after the answer has gone (never on the like's round trip). */
function noteRejection(c: Context<AppEnv>, slug: string, reason: string, now: number): void {
  try {
    c.executionCtx.waitUntil(recordRejection(c.env.DB, slug, reason, now).catch(() => {}));
  } catch {
    /* no execution context (unit tests): skip the statistic */
  }
}

/** A usable Idempotency-Key: 1–100 visible ASCII characters (UUIDs fit); anything else is ignored. */
export function idempotencyKey(headers: Headers): string | null {
  const key = headers.get("Idempotency-Key")?.trim();
  return key && /^[\x21-\x7e]{1,100}$/.test(key) ? key : null;
}

/** What the write needs that depends on the campaign: salted hashes and the checked proof. */
interface Prepared {
  ipHash: string;
  ipPrefixHash: string;
  proof: string | null;
  proofLevel: number;
  signals: number;
}

/**
 * Hashes the address and network (salted per campaign) and checks the proof of work (bound to one
 * campaign and voter); a proof also needs Turnstile's yes when Turnstile is on. Turnstile answers
 * a token once, so the caller keeps the answer (`turnstileAnswer`) for a retry.
 */
async function prepareLike(
  c: Context<AppEnv>,
  campaignId: number,
  body: LikeRequest,
  now: number,
  turnstileAnswer: () => Promise<boolean>,
): Promise<Prepared> {
  const voter = c.var.voter;
  const salt = c.env.IP_HASH_SALT;
  const [hash, prefixHash, solved] = await Promise.all([
    ipHash(salt, campaignId, voter.ip),
    ipPrefixHash(salt, campaignId, ipPrefix(voter.ip)),
    body.challenge
      ? verifySolution(body.challenge, {
          secret: c.env.SESSION_SECRET,
          campaignId,
          voterHash: voter.hash,
          now,
        })
      : null,
  ]);
  let proof = solved?.ok ? solved.challenge : null;
  let signals = voter.noPageLoad ? SIGNAL.noPageLoad : 0;
  if (proof && turnstileConfig(c.env)) {
    if (await turnstileAnswer()) signals |= SIGNAL.turnstile;
    else proof = null;
  }
  return {
    ipHash: hash,
    ipPrefixHash: prefixHash,
    proof,
    proofLevel: solved?.ok ? solved.level : 0,
    signals,
  };
}

/**
 * The campaign key, the preparation, the write: in that order. A key the write finds stale (the
 * campaign was renamed, or its zone, identity mode or ingest path changed) is looked up again and
 * the like retried once, here and nowhere else.
 */
async function writeLike(
  c: Context<AppEnv>,
  slug: string,
  number: number,
  body: LikeRequest,
  now: number,
  settle: boolean,
): Promise<{ kind: "done"; result: LikeResult } | { kind: "not_found" }> {
  const voter = c.var.voter;
  const turnstile = turnstileConfig(c.env);
  let answer: Promise<boolean> | null = null;
  const turnstileAnswer = () => {
    answer ??=
      turnstile && body.turnstileToken
        ? verifyTurnstile(turnstile, body.turnstileToken, voter.ip)
        : Promise.resolve(false);
    return answer;
  };
  const receipt = receiptCode();
  let prepared = null as { campaignId: number; values: Prepared } | null;
  for (let round = 0; round < 2; round++) {
    const campaign = await campaignKey(c.var.db, slug);
    if (!campaign) return { kind: "not_found" };
    if (prepared?.campaignId !== campaign.id) {
      prepared = {
        campaignId: campaign.id,
        values: await prepareLike(c, campaign.id, body, now, turnstileAnswer),
      };
    }
    const like = {
      campaign,
      slug,
      number,
      voterHash: voter.hash,
      wechatVoterHash: voter.wechatHash,
      receipt,
      now,
      idempotencyKey: idempotencyKey(c.req.raw.headers),
      settle,
      ...prepared.values,
    };
    // The campaign's ingest path (issue 16): the voter's shard (default), or one D1 batch.
    const result =
      campaign.ingest === "direct"
        ? await castLike(c.var.db, like)
        : await shardLike(c.env, c.var.db, like);
    if (!("stale" in result)) return { kind: "done", result };
    forgetCampaign(slug);
  }
  // The campaign changed twice under us (renamed or removed): nothing was written.
  return { kind: "not_found" };
}

export async function likeAction(
  c: Context<AppEnv>,
  slug: string,
  number: number,
  body: LikeRequest = {},
  /**
   * Flush the voter's shard before answering: the no-JS form redirects to a page that reads the
   * count from D1, and the voter should see their own like in it.
   */
  options: { settle?: boolean } = {},
): Promise<LikeOutcome> {
  const voter = c.var.voter;
  // Likes sent with a proof of work have their own budget, so a busy office's second attempts
  // (after a 428) do not eat into its first ones.
  if (!(await withinFloodGuard(c.env, body.challenge ? "like-proof" : "like", voter.ip))) {
    noteRejection(c, slug, "rate_limited", Date.now());
    return {
      ok: false,
      code: "rate_limited",
      status: 429,
      message: "Too many likes from this network; try again in a minute.",
      retryAfter: FLOOD_RETRY_AFTER,
    };
  }
  const now = Date.now();
  const turnstile = turnstileConfig(c.env);
  const write = await writeLike(c, slug, number, body, now, options.settle === true);
  if (write.kind === "not_found") {
    return { ok: false, code: "campaign_not_found", ...REFUSALS.campaign_not_found };
  }
  const result = write.result;
  if (!result.counted) {
    if (result.refusal !== "campaign_not_found") noteRejection(c, slug, result.refusal, now);
    const refusal = REFUSALS[result.refusal];
    const retryAfter =
      result.refusal === "daily_quota_exhausted"
        ? Math.max(1, Math.ceil((nextLocalMidnight(now, result.timeZone) - now) / 1000))
        : undefined;
    if (result.refusal === "challenge_required" && result.campaignId !== undefined) {
      return {
        ok: false,
        code: result.refusal,
        ...refusal,
        message:
          body.challenge !== undefined
            ? `The proof sent was not accepted (expired, already used, wrong, or issued while your network was quieter). ${refusal.message}`
            : refusal.message,
        challenge: await createChallenge({
          secret: c.env.SESSION_SECRET,
          campaignId: result.campaignId,
          voterHash: voter.hash,
          maxNumber: difficultyFor(
            result.frictionLevel ?? 1,
            result.challengeDifficulty ?? DEFAULT_PROTECTION.challengeDifficulty,
          ),
          level: result.frictionLevel ?? 1,
          now,
        }),
        ...(turnstile ? { turnstileSiteKey: turnstile.siteKey } : {}),
      };
    }
    if (result.refusal === "wechat_identity_required") {
      return {
        ok: false,
        code: result.refusal,
        ...refusal,
        signInUrl: wechatSignInPath(slug, number),
      };
    }
    return { ok: false, code: result.refusal, ...refusal, retryAfter };
  }
  return {
    ok: true,
    held: result.held,
    // A like is only accepted while voting is open, so visibility follows from showCounts.
    likes: countsVisible(result.showCounts, "open") ? result.likes : null,
    remainingToday: result.remainingToday,
    receipt: result.receipt,
    replayed: result.replayed,
  };
}
