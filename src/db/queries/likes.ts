import {
  type BusyState,
  type LikeRefusal,
  type LikeState,
  likeRefusal,
  needsChallenge,
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
  /**
   * The voter hash of the WeChat account this request signed in with, if any. A campaign in the
   * `wechat` identity mode counts by it, and refuses the like without it.
   */
  wechatVoterHash?: string | null;
  receipt: string;
  now: number;
  /** The client's Idempotency-Key, if it sent one. */
  idempotencyKey?: string | null;
  /** domain/like-signals.ts bits known before the write. */
  signals?: number;
  /**
   * Everything that depends on the campaign's id, worked out once it is known: the IP hashes are
   * salted per campaign, and a proof of work is bound to one campaign.
   */
  prepare: (campaignId: number) => Promise<LikePreparation>;
}

export interface LikePreparation {
  ipHash: string;
  ipPrefixHash: string;
  /** A verified proof of work (its challenge string), to be spent on this like; null if none. */
  proof: string | null;
  /** Extra signal bits from the proof checks (e.g. Turnstile). */
  signals?: number;
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
  | {
      counted: false;
      refusal: LikeRefusal;
      timeZone: string;
      campaignId?: number;
      /** For `challenge_required`: how hard the next challenge should be. */
      challengeDifficulty?: number;
    };

/** What a like needs to know about its campaign before the write; cached per slug. */
export interface CampaignKey {
  id: number;
  timeZone: string;
  /** Absent = `cookie`; a wrong guess is caught by the guard like a wrong zone. */
  identityMode?: "cookie" | "wechat";
}

// A stale entry (campaign renamed, zone or identity mode changed) is caught by the
// `c.id = ? AND time_zone = ? AND identity_mode = ?`
// guard in the INSERT and costs one retry; a cold one costs one small read.
const campaignKeys = new Map<string, CampaignKey>();

/** Lets pages that already loaded the campaign spare the like its first lookup. */
export function rememberCampaign(slug: string, key: CampaignKey): void {
  campaignKeys.set(slug, key);
}

async function campaignKey(db: Database, slug: string): Promise<CampaignKey | null> {
  const cached = campaignKeys.get(slug);
  if (cached) return cached;
  const row = await db.$client
    .prepare(
      "SELECT id, time_zone AS timeZone, identity_mode AS identityMode FROM campaigns WHERE slug = ?1 AND draft = 0",
    )
    .bind(slug)
    .first<CampaignKey>();
  if (row) campaignKeys.set(slug, row);
  return row;
}

interface StateRow {
  campaignId: number | null;
  timeZone: string;
  identityMode: "cookie" | "wechat";
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
  nomineeId: number | null;
  likes: number | null;
  usedToday: number | null;
  usedForNominee: number | null;
  prefixRecent: number;
  voterRecent: number;
  proofWon: number;
  replayId: number | null;
  replayReceipt: string | null;
  replayNomineeId: number | null;
}

export async function castLike(db: Database, input: LikeInput): Promise<LikeResult> {
  for (let round = 0; round < 2; round++) {
    const key = await campaignKey(db, input.slug);
    if (!key) {
      return { counted: false, refusal: "campaign_not_found", timeZone: DEFAULT_TIME_ZONE };
    }
    const prep = await input.prepare(key.id);
    const outcome = await attempt(db, input, key, prep);
    if (outcome.kind === "done") return outcome.result;
    // The campaign behind the slug (or its zone) was not what the cache said, so nothing was
    // written: forget it and redo with the real one.
    campaignKeys.delete(input.slug);
  }
  // The campaign changed twice under us (renamed or removed): nothing was written.
  return { counted: false, refusal: "campaign_not_found", timeZone: DEFAULT_TIME_ZONE };
}

const DEFAULT_TIME_ZONE = "Asia/Shanghai";

/** How far back "busy" looks, and the most it counts (thresholds are capped at this). */
export const BUSY_WINDOW_MS = 60_000;
export const BUSY_COUNT_CAP = 1000;

type Attempt = { kind: "done"; result: LikeResult } | { kind: "stale" };

async function attempt(
  db: Database,
  input: LikeInput,
  key: CampaignKey,
  prep: LikePreparation,
): Promise<Attempt> {
  const { slug, number, receipt, now } = input;
  // A wechat-mode campaign counts WeChat accounts: the like is written under the openid's hash,
  // and not at all without one (the INSERT checks ?15; the state explains the refusal).
  const mode = key.identityMode ?? "cookie";
  const identified = mode === "cookie" || Boolean(input.wechatVoterHash);
  const voterHash =
    mode === "wechat" && input.wechatVoterHash ? input.wechatVoterHash : input.voterHash;
  const idemKey = input.idempotencyKey ?? null;
  const day = localDay(now, key.timeZone);
  const signals = (input.signals ?? 0) | (prep.signals ?? 0);
  const d1 = db.$client;
  // Named parameters (?1…) keep each value bound once, however often the SQL uses it.
  const params = [
    slug,
    number,
    voterHash,
    prep.ipHash,
    day,
    now,
    receipt,
    key.timeZone,
    idemKey,
    key.id,
    prep.ipPrefixHash,
    prep.proof ?? "",
    signals,
    mode,
    identified ? 1 : 0,
  ];
  const replay = `FROM likes r WHERE r.campaign_id = c.id AND r.voter_hash = ?3 AND r.idempotency_key = ?9`;
  const usedToday = `(SELECT used FROM voter_days vd
      WHERE vd.campaign_id = c.id AND vd.voter_hash = ?3 AND vd.day = ?5)`;
  const nomineeSlots = `(SELECT MAX(slot) FROM likes l
      WHERE l.campaign_id = c.id AND l.voter_hash = ?3 AND l.day = ?5 AND l.nominee_id = n.id)`;
  // Busy = likes counted in the last minute from this IP prefix, or by this voter.
  const prefixRecent = `(SELECT COUNT(*) FROM (SELECT 1 FROM likes p
      WHERE p.campaign_id = c.id AND p.ip_prefix_hash = ?11 AND p.created_at > ?6 - ${BUSY_WINDOW_MS}
      LIMIT ${BUSY_COUNT_CAP}))`;
  const voterRecent = `(SELECT COUNT(*) FROM (SELECT 1 FROM likes v
      WHERE v.campaign_id = c.id AND v.voter_hash = ?3 AND v.created_at > ?6 - ${BUSY_WINDOW_MS}
      LIMIT ${BUSY_COUNT_CAP}))`;
  // True only for the request whose receipt spent the challenge (statement 1 of the batch).
  const proofWon = `EXISTS (SELECT 1 FROM spent_challenges s WHERE s.challenge = ?12 AND s.receipt = ?7)`;
  const notBusy = `((c.challenge_prefix_per_minute IS NULL OR ${prefixRecent} < c.challenge_prefix_per_minute)
      AND (c.challenge_voter_per_minute IS NULL OR ${voterRecent} < c.challenge_voter_per_minute))`;

  const statements = [];
  if (prep.proof) {
    statements.push(
      d1
        .prepare(
          `INSERT INTO spent_challenges (challenge, receipt, expires_at) VALUES (?1, ?2, ?3)
           ON CONFLICT (challenge) DO NOTHING`,
        )
        .bind(prep.proof, receipt, now + 10 * 60 * 1000),
    );
  }
  statements.push(
    d1
      .prepare(
        `SELECT c.id AS campaignId, c.time_zone AS timeZone, c.identity_mode AS identityMode,
                c.opens_at AS opensAt,
                c.closes_at AS closesAt, c.paused AS paused, c.closed_at AS closedAt,
                c.published_at AS publishedAt, c.likes_per_candidate_per_day AS perCandidate,
                c.likes_per_voter_per_day AS perVoter, c.show_counts AS showCounts,
                c.challenge_prefix_per_minute AS prefixLimit,
                c.challenge_voter_per_minute AS voterLimit, c.challenge_difficulty AS difficulty,
                n.id AS nomineeId, n.likes AS likes,
                ${usedToday} AS usedToday, ${nomineeSlots} AS usedForNominee,
                ${prefixRecent} AS prefixRecent, ${voterRecent} AS voterRecent,
                ${proofWon} AS proofWon,
                (SELECT r.id ${replay}) AS replayId, (SELECT r.receipt ${replay}) AS replayReceipt,
                (SELECT r.nominee_id ${replay}) AS replayNomineeId
         FROM campaigns c
         LEFT JOIN nominees n ON n.campaign_id = c.id AND n.number = ?2
         WHERE c.slug = ?1 AND c.draft = 0`,
      )
      // D1 wants exactly as many values as the highest ?n the statement uses (?12 here).
      .bind(...params.slice(0, 12)),
    d1
      .prepare(
        `INSERT INTO likes (campaign_id, nominee_id, voter_hash, ip_hash, day, slot, created_at,
                            status, receipt, idempotency_key, ip_prefix_hash, signals)
         SELECT c.id, n.id, ?3, ?4, ?5, COALESCE(${nomineeSlots}, 0) + 1, ?6, 'counted', ?7, ?9,
                ?11, ?13 | (CASE WHEN ${proofWon} THEN 2 ELSE 0 END)
         FROM campaigns c
         JOIN nominees n ON n.campaign_id = c.id AND n.number = ?2
         WHERE c.slug = ?1 AND c.draft = 0 AND c.id = ?10 AND c.time_zone = ?8
           AND c.identity_mode = ?14 AND ?15 = 1
           AND c.published_at IS NULL AND c.closed_at IS NULL AND c.paused = 0
           AND c.opens_at <= ?6 AND c.closes_at > ?6
           AND COALESCE(${nomineeSlots}, 0) < c.likes_per_candidate_per_day
           AND (c.likes_per_voter_per_day IS NULL
                OR COALESCE(${usedToday}, 0) < c.likes_per_voter_per_day)
           AND NOT EXISTS (SELECT 1 ${replay})
           AND (${proofWon} OR ${notBusy})
         ON CONFLICT (campaign_id, voter_hash, day, nominee_id, slot) DO NOTHING
         RETURNING id`,
      )
      .bind(...params),
  );
  const results = await d1.batch(statements);
  const before = results[results.length - 2];
  const insert = results[results.length - 1];
  const stateRows = (before?.results ?? []) as StateRow[];
  const inserted = (insert?.results ?? []) as { id: number }[];

  const s = stateRows[0];
  if (!s || s.campaignId === null) {
    if (campaignKeys.has(slug)) return { kind: "stale" };
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
  if (s.campaignId !== key.id || s.timeZone !== key.timeZone || s.identityMode !== mode) {
    return { kind: "stale" };
  }

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
    wechatIdentityMissing: !identified,
  };
  // The write saw exactly this state, so the rules name the reason; with the rules passed, only
  // busyness without a winning proof is left.
  const busy: BusyState = {
    prefixRecent: s.prefixRecent,
    voterRecent: s.voterRecent,
    prefixLimit: s.prefixLimit,
    voterLimit: s.voterLimit,
    proofWon: s.proofWon === 1,
  };
  const refusal =
    likeRefusal(state, now) ?? (needsChallenge(busy) ? "challenge_required" : "already_liked");
  return {
    kind: "done",
    result: {
      counted: false,
      refusal,
      timeZone: s.timeZone,
      campaignId: s.campaignId,
      challengeDifficulty: s.difficulty,
    },
  };
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
      status: "counted" | "held" | "voided";
      voidReason: string | null;
      voidedAt: number | null;
      createdAt: number;
      number: number;
      name: string;
    }>();
}
