import {
  FRICTION,
  type FrictionInput,
  frictionLevel,
  networkFriction,
  type RatesRow,
} from "../../domain/friction";
import {
  type LikeRefusal,
  type LikeSettingsRow,
  likeRefusal,
  likeStateOf,
  needsChallenge,
  remainingAfter,
} from "../../domain/like-rules";
import { localDay } from "../../domain/time";
import type { Database } from "../client";
import { bindCount, flagCoversSql, frictionLevelSql, openFlagSql, RATE_SQL } from "./friction-sql";
import { type CampaignKey, isRemembered } from "./like-campaign-key";

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

/** One like with everything it needs already worked out: the write itself makes no other call. */
export interface LikeInput {
  /** The campaign the slug named when the caller looked (like-campaign-key.ts); re-checked here. */
  campaign: CampaignKey;
  slug: string;
  number: number;
  voterHash: string;
  /**
   * The voter hash of the WeChat account this request signed in with, if any. A campaign in the
   * `wechat` identity mode counts by it, and refuses the like without it.
   */
  wechatVoterHash?: string | null;
  receipt: string;
  now: number;
  /** The client's Idempotency-Key, if it sent one. */
  idempotencyKey?: string | null;
  /** domain/like-signals.ts bits known before the write (Turnstile's answer included). */
  signals?: number;
  /**
   * Hold this like whatever the flags say (status `held`: recorded, in the voter's quota, not in
   * public counts). The like path itself also holds, inside the write, while an open flag covers
   * the like's network or nominee and the campaign's `hold_flagged` is on.
   */
  hold?: boolean;
  /**
   * Sharded path only: flush the voter's shard to D1 before answering, so a page read right after
   * shows this like (the no-JS form's redirect). The direct path is in D1 already.
   */
  settle?: boolean;
  /** The address and network hashes, salted per campaign (`campaign.id`). */
  ipHash: string;
  ipPrefixHash: string;
  /** A verified proof of work (its challenge string), to be spent on this like; null if none. */
  proof: string | null;
  /** The friction level the proof was issued at (domain/friction.ts); 0 without a proof. */
  proofLevel?: number;
}

export type LikeResult =
  | {
      counted: true;
      /** Recorded as `held`: in the ledger and the voter's quota, not in public counts. */
      held: boolean;
      /** The ledger row's id (the direct path; a shard's like gets one when it is flushed). */
      likeId?: number;
      receipt: string;
      /** True when this answers a retry of a like already counted (same Idempotency-Key). */
      replayed: boolean;
      /** Count after this like. */
      likes: number;
      remainingToday: number | null;
      showCounts: "always" | "after_close" | "never";
      timeZone: string;
    }
  | {
      counted: false;
      refusal: LikeRefusal;
      timeZone: string;
      campaignId?: number;
      /** For `challenge_required`: the campaign's base challenge size and the level asked. */
      challengeDifficulty?: number;
      frictionLevel?: number;
    };

export { type CampaignKey, rememberCampaign } from "./like-campaign-key";

interface StateRow extends LikeSettingsRow, RatesRow {
  campaignId: number | null;
  usedToday: number | null;
  usedForNominee: number | null;
  voterRecent: number;
  proofWon: number;
  replayId: number | null;
  replayStatus: string | null;
  replayReceipt: string | null;
  replayNomineeId: number | null;
}

/**
 * The write. `{ stale: true }` means the campaign behind the slug is not the one `input.campaign`
 * says (renamed, zone or identity mode changed): nothing was written, and the caller looks the key
 * up again and retries once (routes/like-action.ts).
 */
export async function castLike(db: Database, input: LikeInput): Promise<LikeResult | StaleKey> {
  const outcome = await attempt(db, input, input.campaign);
  return outcome.kind === "done" ? outcome.result : { stale: true };
}

export interface StaleKey {
  stale: true;
}

type Attempt = { kind: "done"; result: LikeResult } | { kind: "stale" };

async function attempt(db: Database, input: LikeInput, key: CampaignKey): Promise<Attempt> {
  const { slug, number, receipt, now } = input;
  // A wechat-mode campaign counts WeChat accounts: the like is written under the openid's hash,
  // and not at all without one (the INSERT checks ?15; the state explains the refusal).
  const mode = key.identityMode ?? "cookie";
  const identified = mode === "cookie" || Boolean(input.wechatVoterHash);
  const voterHash =
    mode === "wechat" && input.wechatVoterHash ? input.wechatVoterHash : input.voterHash;
  const idemKey = input.idempotencyKey ?? null;
  const day = localDay(now, key.timeZone);
  const signals = input.signals ?? 0;
  const d1 = db.$client;
  // Named parameters (?1…) keep each value bound once, however often the SQL uses it.
  const params = [
    slug,
    number,
    voterHash,
    input.ipHash,
    day,
    now,
    receipt,
    key.timeZone,
    idemKey,
    key.id,
    input.ipPrefixHash,
    input.proof ?? "",
    signals,
    mode,
    identified ? 1 : 0,
    input.proof ? (input.proofLevel ?? 1) : 0,
    input.hold ? 1 : 0,
  ];
  const replay = `FROM likes r WHERE r.campaign_id = c.id AND r.voter_hash = ?3 AND r.idempotency_key = ?9`;
  const usedToday = `(SELECT used FROM voter_days vd
      WHERE vd.campaign_id = c.id AND vd.voter_hash = ?3 AND vd.day = ?5)`;
  const nomineeSlots = `(SELECT MAX(slot) FROM likes l
      WHERE l.campaign_id = c.id AND l.voter_hash = ?3 AND l.day = ?5 AND l.nominee_id = n.id)`;
  // True only for the request whose receipt spent the challenge (statement 1 of the batch).
  const proofWon = `EXISTS (SELECT 1 FROM spent_challenges s WHERE s.challenge = ?12 AND s.receipt = ?7)`;
  // Free while the friction level is 0; otherwise a proof won by this request, issued at most
  // FRICTION.proofSlack levels below the current one (a challenge fetched while the network was
  // quieter buys nothing once it is busy: no hoarding of cheap challenges).
  const paid = `(${frictionLevelSql} = 0
      OR (${proofWon} AND ?16 >= ${frictionLevelSql} - ${FRICTION.proofSlack}))`;
  // Held: the organizer asked for it (hold_flagged) and an open flag covers the network or the
  // nominee at this time (its window: so a flag's decision covers exactly the likes it held, and a
  // burst that goes on opens the next window's flag), or the caller says so (?17).
  const held = `(?17 = 1 OR ${flagCoversSql})`;
  // Flags open here, inside the like's own batch, the moment a burst passes its threshold (the
  // Cron's scan only sees it within the minute). Only where holding is on: holding is what they
  // are for on this path. A decided flag stays decided (the organizer looked at that window).
  const openFlag = (kind: "prefix_burst" | "nominee_burst") => {
    const sql = openFlagSql(kind);
    return d1.prepare(sql).bind(...params.slice(0, bindCount(sql)));
  };

  const statements = [];
  if (input.proof) {
    statements.push(
      d1
        .prepare(
          `INSERT INTO spent_challenges (challenge, receipt, expires_at) VALUES (?1, ?2, ?3)
           ON CONFLICT (challenge) DO NOTHING`,
        )
        .bind(input.proof, receipt, now + 10 * 60 * 1000),
    );
  }
  statements.push(
    d1
      .prepare(
        `SELECT c.id AS campaignId, c.time_zone AS timeZone, c.identity_mode AS identityMode,
                c.ingest AS ingest,
                c.opens_at AS opensAt,
                c.closes_at AS closesAt, c.paused AS paused, c.closed_at AS closedAt,
                c.published_at AS publishedAt, c.likes_per_candidate_per_day AS perCandidate,
                c.likes_per_voter_per_day AS perVoter, c.show_counts AS showCounts,
                c.challenge_prefix_per_minute AS prefixLimit,
                c.challenge_voter_per_minute AS voterLimit, c.challenge_difficulty AS difficulty,
                n.id AS nomineeId, n.likes AS likes,
                ${usedToday} AS usedToday, ${nomineeSlots} AS usedForNominee,
                ${RATE_SQL.network} AS prefixRecent, ${RATE_SQL.voter} AS voterRecent,
                ${RATE_SQL.pair} AS pairRecent, ${RATE_SQL.nominee} AS nomineeRecent,
                n.likes + n.voided_likes AS nomineeTotal, CAST(?6 AS INTEGER) - c.opens_at AS openFor,
                ${proofWon} AS proofWon,
                (SELECT r.id ${replay}) AS replayId, (SELECT r.receipt ${replay}) AS replayReceipt,
                (SELECT r.nominee_id ${replay}) AS replayNomineeId,
                (SELECT r.status ${replay}) AS replayStatus
         FROM campaigns c
         LEFT JOIN nominees n ON n.campaign_id = c.id AND n.number = ?2
         WHERE c.slug = ?1 AND c.draft = 0`,
      )
      // D1 wants exactly as many values as the highest ?n the statement uses (?12 here).
      .bind(...params.slice(0, 12)),
    openFlag("prefix_burst"),
    openFlag("nominee_burst"),
    d1
      .prepare(
        `INSERT INTO likes (campaign_id, nominee_id, voter_hash, ip_hash, day, slot, created_at,
                            status, receipt, idempotency_key, ip_prefix_hash, signals)
         SELECT c.id, n.id, ?3, ?4, ?5, COALESCE(${nomineeSlots}, 0) + 1, ?6,
                CASE WHEN ${held} THEN 'held' ELSE 'counted' END, ?7, ?9,
                ?11, ?13 | (CASE WHEN ${proofWon} THEN 2 ELSE 0 END)
         FROM campaigns c
         JOIN nominees n ON n.campaign_id = c.id AND n.number = ?2
         WHERE c.slug = ?1 AND c.draft = 0 AND c.id = ?10 AND c.time_zone = ?8
           AND c.identity_mode = ?14 AND ?15 = 1 AND c.ingest = 'direct'
           AND c.published_at IS NULL AND c.closed_at IS NULL AND c.paused = 0
           AND c.opens_at <= ?6 AND c.closes_at > ?6
           AND COALESCE(${nomineeSlots}, 0) < c.likes_per_candidate_per_day
           AND (c.likes_per_voter_per_day IS NULL
                OR COALESCE(${usedToday}, 0) < c.likes_per_voter_per_day)
           AND NOT EXISTS (SELECT 1 ${replay})
           AND ${paid}
         ON CONFLICT (campaign_id, voter_hash, day, nominee_id, slot) DO NOTHING
         RETURNING id, status`,
      )
      .bind(...params),
  );
  const results = await d1.batch(statements);
  const before = results[results.length - 4];
  const insert = results[results.length - 1];
  const stateRows = (before?.results ?? []) as StateRow[];
  const inserted = (insert?.results ?? []) as { id: number; status: string }[];

  const s = stateRows[0];
  if (!s || s.campaignId === null) {
    if (isRemembered(slug)) return { kind: "stale" };
    return {
      kind: "done",
      result: { counted: false, refusal: "campaign_not_found", timeZone: key.timeZone },
    };
  }
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
        held: s.replayStatus === "held",
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
        held: row.status === "held",
        replayed: false,
        likeId: row.id,
        receipt,
        likes: (s.likes ?? 0) + (row.status === "held" ? 0 : 1),
        remainingToday: remainingAfter(s.usedToday ?? 0, s.perVoter),
        showCounts: s.showCounts,
        timeZone: s.timeZone,
      },
    };
  }
  if (
    s.campaignId !== key.id ||
    s.timeZone !== key.timeZone ||
    s.identityMode !== mode ||
    s.ingest !== "direct"
  ) {
    return { kind: "stale" };
  }

  const state = likeStateOf(
    s,
    { today: s.usedToday ?? 0, forNominee: s.usedForNominee ?? 0 },
    identified,
  );
  // The write saw exactly this state, so the rules name the reason; with the rules passed, only
  // friction without a winning, hard enough proof is left.
  const friction: FrictionInput = { ...networkFriction(s), voterRecent: s.voterRecent };
  const level = frictionLevel(friction);
  const refusal =
    likeRefusal(state, now) ??
    (needsChallenge({ level, proofWon: s.proofWon === 1, proofLevel: input.proofLevel ?? 1 })
      ? "challenge_required"
      : "already_liked");
  return {
    kind: "done",
    result: {
      counted: false,
      refusal,
      timeZone: s.timeZone,
      campaignId: s.campaignId,
      challengeDifficulty: s.difficulty,
      frictionLevel: Math.max(1, level),
    },
  };
}
