import type { Context } from "hono";
import { recordRejection } from "../db/queries/dashboard";
import { castLike } from "../db/queries/likes";
import { countsVisible } from "../domain/campaign-status";
import { receiptCode } from "../domain/identity";
import type { LikeRefusal } from "../domain/like-rules";
import { nextLocalMidnight } from "../domain/time";
import { clientIp } from "../middleware/voter";
import type { AppEnv } from "../types";

/**
 * One like, as both the JSON API and the no-JS form use it: the per-IP flood guard, then the single
 * atomic write. Needs `identifyVoter` to have run.
 */

export type LikeOutcome =
  | {
      ok: true;
      likes: number | null;
      remainingToday: number | null;
      receipt: string;
      replayed: boolean;
    }
  | {
      ok: false;
      code: LikeRefusal | "rate_limited";
      status: 403 | 404 | 409 | 422 | 429;
      message: string;
      retryAfter?: number;
    };

const REFUSALS: Record<LikeRefusal, { status: 403 | 404 | 409 | 422 | 429; message: string }> = {
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

export async function likeAction(
  c: Context<AppEnv>,
  slug: string,
  number: number,
): Promise<LikeOutcome> {
  // A flood guard only: high on purpose, so an office behind one NAT address can still vote.
  const { success } = await c.env.LIKE_RATE_LIMITER.limit({
    key: `like:${clientIp(c.req.raw.headers)}`,
  });
  if (!success) {
    noteRejection(c, slug, "rate_limited", Date.now());
    return {
      ok: false,
      code: "rate_limited",
      status: 429,
      message: "Too many likes from this network; try again in a minute.",
      retryAfter: 60,
    };
  }
  const now = Date.now();
  const result = await castLike(c.var.db, {
    slug,
    number,
    voterHash: c.var.voter.hash,
    ipHash: c.var.voter.ipHash,
    receipt: receiptCode(),
    now,
    idempotencyKey: idempotencyKey(c.req.raw.headers),
  });
  if (!result.counted) {
    if (result.refusal !== "campaign_not_found") noteRejection(c, slug, result.refusal, now);
    const refusal = REFUSALS[result.refusal];
    const retryAfter =
      result.refusal === "daily_quota_exhausted"
        ? Math.max(1, Math.ceil((nextLocalMidnight(now, result.timeZone) - now) / 1000))
        : undefined;
    return { ok: false, code: result.refusal, ...refusal, retryAfter };
  }
  return {
    ok: true,
    // A like is only accepted while voting is open, so visibility follows from showCounts.
    likes: countsVisible(result.showCounts, "open") ? result.likes : null,
    remainingToday: result.remainingToday,
    receipt: result.receipt,
    replayed: result.replayed,
  };
}
