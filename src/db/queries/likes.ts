import {
  type LikeRefusal,
  type LikeState,
  likeRefusal,
  remainingAfter,
} from "../../domain/like-rules";
import { localDay } from "../../domain/time";
import type { Database } from "../client";

/**
 * The like path: the only module that writes likes, so it can move behind a sharded Durable Object
 * when one campaign outgrows a single D1 writer (DESIGN.md §8).
 *
 * One D1 round trip, one transaction: a batch of
 *   1. a read of the state before (campaign, nominee, the voter's likes today), used only to
 *      explain a refusal, and
 *   2. one conditional INSERT that re-checks every rule inside its own WHERE clause.
 * Triggers on the ledger move the per-nominee and per-voter-day counters in the same statement
 * (migrations/0001_ledger_triggers.sql), and UNIQUE(campaign, voter, day, nominee, slot) makes a
 * double count impossible even if the rules were wrong.
 */

export interface LikeInput {
  slug: string;
  number: number;
  voterHash: string;
  ipHash: string;
  receipt: string;
  now: number;
  /** The client's Idempotency-Key, if it sent one. */
  idempotencyKey?: string | null;
}

export type LikeResult =
  | {
      counted: true;
      likeId: number;
      receipt: string;
      /** True when this answers a retry of a like already counted (same Idempotency-Key). */
      replayed: boolean;
      /** Count after this like. */
      likes: number;
      remainingToday: number | null;
      showCounts: "always" | "after_close" | "never";
      timeZone: string;
    }
  | { counted: false; refusal: LikeRefusal; timeZone: string };

// Time zone per campaign slug, so the campaign-local day can go into the single write. A stale or
// missing entry is caught by the `time_zone = ?` guard in the INSERT and costs one retry.
const timeZones = new Map<string, string>();
const DEFAULT_TIME_ZONE = "Asia/Shanghai";

interface StateRow {
  campaignId: number | null;
  timeZone: string;
  opensAt: number;
  closesAt: number;
  paused: number;
  closedAt: number | null;
  publishedAt: number | null;
  perCandidate: number;
  perVoter: number | null;
  showCounts: "always" | "after_close" | "never";
  nomineeId: number | null;
  likes: number | null;
  usedToday: number | null;
  usedForNominee: number | null;
  replayId: number | null;
  replayReceipt: string | null;
  replayNomineeId: number | null;
}

export async function castLike(db: Database, input: LikeInput): Promise<LikeResult> {
  const guess = timeZones.get(input.slug) ?? DEFAULT_TIME_ZONE;
  const first = await attempt(db, input, guess);
  if (first.kind === "done") return first.result;
  // The campaign's zone differed from the guess, so nothing was written: redo with the real one.
  timeZones.set(input.slug, first.timeZone);
  const second = await attempt(db, input, first.timeZone);
  if (second.kind === "done") return second.result;
  throw new Error(`time zone of ${input.slug} changed during a like`);
}

type Attempt = { kind: "done"; result: LikeResult } | { kind: "wrong_zone"; timeZone: string };

async function attempt(db: Database, input: LikeInput, timeZone: string): Promise<Attempt> {
  const { slug, number, voterHash, ipHash, receipt, now } = input;
  const key = input.idempotencyKey ?? null;
  const day = localDay(now, timeZone);
  const d1 = db.$client;
  // Named parameters (?1…) keep each value bound once, however often the SQL uses it.
  const params = [slug, number, voterHash, ipHash, day, now, receipt, timeZone, key];
  const replay = `FROM likes r WHERE r.campaign_id = c.id AND r.voter_hash = ?3 AND r.idempotency_key = ?9`;
  const usedToday = `(SELECT used FROM voter_days vd
      WHERE vd.campaign_id = c.id AND vd.voter_hash = ?3 AND vd.day = ?5)`;
  const nomineeSlots = `(SELECT MAX(slot) FROM likes l
      WHERE l.campaign_id = c.id AND l.voter_hash = ?3 AND l.day = ?5 AND l.nominee_id = n.id)`;

  const [before, insert] = await d1.batch([
    d1
      .prepare(
        `SELECT c.id AS campaignId, c.time_zone AS timeZone, c.opens_at AS opensAt,
                c.closes_at AS closesAt, c.paused AS paused, c.closed_at AS closedAt,
                c.published_at AS publishedAt, c.likes_per_candidate_per_day AS perCandidate,
                c.likes_per_voter_per_day AS perVoter, c.show_counts AS showCounts,
                n.id AS nomineeId, n.likes AS likes,
                ${usedToday} AS usedToday, ${nomineeSlots} AS usedForNominee,
                (SELECT r.id ${replay}) AS replayId, (SELECT r.receipt ${replay}) AS replayReceipt,
                (SELECT r.nominee_id ${replay}) AS replayNomineeId
         FROM campaigns c
         LEFT JOIN nominees n ON n.campaign_id = c.id AND n.number = ?2
         WHERE c.slug = ?1 AND c.draft = 0`,
      )
      .bind(...params),
    d1
      .prepare(
        `INSERT INTO likes (campaign_id, nominee_id, voter_hash, ip_hash, day, slot, created_at,
                            status, receipt, idempotency_key)
         SELECT c.id, n.id, ?3, ?4, ?5, COALESCE(${nomineeSlots}, 0) + 1, ?6, 'counted', ?7, ?9
         FROM campaigns c
         JOIN nominees n ON n.campaign_id = c.id AND n.number = ?2
         WHERE c.slug = ?1 AND c.draft = 0 AND c.time_zone = ?8
           AND c.published_at IS NULL AND c.closed_at IS NULL AND c.paused = 0
           AND c.opens_at <= ?6 AND c.closes_at > ?6
           AND COALESCE(${nomineeSlots}, 0) < c.likes_per_candidate_per_day
           AND (c.likes_per_voter_per_day IS NULL
                OR COALESCE(${usedToday}, 0) < c.likes_per_voter_per_day)
           AND NOT EXISTS (SELECT 1 ${replay})
         ON CONFLICT (campaign_id, voter_hash, day, nominee_id, slot) DO NOTHING
         RETURNING id`,
      )
      .bind(...params),
  ]);
  const stateRows = (before?.results ?? []) as StateRow[];
  const inserted = (insert?.results ?? []) as { id: number }[];

  const s = stateRows[0];
  if (!s || s.campaignId === null) {
    return { kind: "done", result: { counted: false, refusal: "campaign_not_found", timeZone } };
  }
  timeZones.set(slug, s.timeZone);
  if (s.replayId !== null && s.replayNomineeId !== s.nomineeId) {
    // The key already named a like for another nominee: a client bug, never a second like.
    return {
      kind: "done",
      result: { counted: false, refusal: "idempotency_key_reused", timeZone: s.timeZone },
    };
  }
  if (s.replayId !== null) {
    // A retry of a like already counted: the first answer again, and nothing written.
    return {
      kind: "done",
      result: {
        counted: true,
        replayed: true,
        likeId: s.replayId,
        receipt: s.replayReceipt ?? "",
        likes: s.likes ?? 0,
        remainingToday: s.perVoter === null ? null : Math.max(0, s.perVoter - (s.usedToday ?? 0)),
        showCounts: s.showCounts,
        timeZone: s.timeZone,
      },
    };
  }
  const row = inserted[0];
  if (row) {
    return {
      kind: "done",
      result: {
        counted: true,
        replayed: false,
        likeId: row.id,
        receipt,
        likes: (s.likes ?? 0) + 1,
        remainingToday: remainingAfter(s.usedToday ?? 0, s.perVoter),
        showCounts: s.showCounts,
        timeZone: s.timeZone,
      },
    };
  }
  if (s.timeZone !== timeZone) return { kind: "wrong_zone", timeZone: s.timeZone };

  const state: LikeState = {
    campaignFound: true,
    nomineeFound: s.nomineeId !== null,
    opensAt: s.opensAt,
    closesAt: s.closesAt,
    paused: s.paused === 1,
    closedAt: s.closedAt,
    publishedAt: s.publishedAt,
    likesPerCandidatePerDay: s.perCandidate,
    likesPerVoterPerDay: s.perVoter,
    usedToday: s.usedToday ?? 0,
    usedForNomineeToday: s.usedForNominee ?? 0,
  };
  // The write saw exactly this state, so the rules name the reason. A null here would mean the
  // SQL and the rules disagree; refusing is the safe answer.
  const refusal = likeRefusal(state, now) ?? "already_liked";
  return { kind: "done", result: { counted: false, refusal, timeZone: s.timeZone } };
}

/** What a voter did today, for the profile page's like button: one indexed read. */
export async function voterToday(
  db: Database,
  campaignId: number,
  nomineeId: number,
  voterHash: string,
  day: string,
): Promise<{ usedToday: number; likedNominee: boolean }> {
  const row = await db.$client
    .prepare(
      `SELECT (SELECT used FROM voter_days WHERE campaign_id = ?1 AND voter_hash = ?3 AND day = ?4) AS used,
              EXISTS (SELECT 1 FROM likes WHERE campaign_id = ?1 AND voter_hash = ?3 AND day = ?4
                      AND nominee_id = ?2) AS liked`,
    )
    .bind(campaignId, nomineeId, voterHash, day)
    .first<{ used: number | null; liked: number }>();
  return { usedToday: row?.used ?? 0, likedNominee: row?.liked === 1 };
}

/** A like by its public receipt code, for the voter's own check (no voter or IP data). */
export async function findReceipt(db: Database, campaignId: number, receipt: string) {
  return db.$client
    .prepare(
      `SELECT l.receipt, l.status, l.void_reason AS voidReason, l.voided_at AS voidedAt,
              l.created_at AS createdAt, n.number, n.name
       FROM likes l JOIN nominees n ON n.id = l.nominee_id
       WHERE l.receipt = ?1 AND l.campaign_id = ?2`,
    )
    .bind(receipt, campaignId)
    .first<{
      receipt: string;
      status: "counted" | "voided";
      voidReason: string | null;
      voidedAt: number | null;
      createdAt: number;
      number: number;
      name: string;
    }>();
}
