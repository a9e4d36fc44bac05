import {
  FRICTION,
  NETWORK_WINDOW_MS,
  NOMINEE_WINDOW_MS,
  PAIR_WINDOW_MS,
} from "../../domain/friction";

/**
 * The friction curve of domain/friction.ts written in SQL, so that the like's one D1 batch computes
 * the level from the ledger itself (no second round trip). test/db/queries/friction.test.ts holds
 * the two equal on random ledgers.
 */

/** The most any rate counts (every threshold is far below it). */
export const BUSY_COUNT_CAP = 1000;

/** Levels past a threshold in SQL, exactly as `levelPast` in domain/friction.ts (integer division). */
const levelPastSql = (count: string, start: string, step: number) =>
  `(CASE WHEN ${count} < ${start} THEN 0 ELSE 1 + (${count} - ${start}) / ${step} END)`;

/**
 * Recorded likes (any status) in a window, capped: from the network (index
 * likes_campaign_prefix_time), from the network for this nominee
 * (likes_campaign_prefix_nominee_time), for the nominee from everywhere (likes_nominee_time).
 * They read `c`, `n` and the bound parameters of the like's statements (?6 now, ?11 network hash).
 */
export const RATE_SQL = {
  network: `(SELECT COUNT(*) FROM (SELECT 1 FROM likes p
      WHERE p.campaign_id = c.id AND p.ip_prefix_hash = ?11
        AND p.created_at > ?6 - ${NETWORK_WINDOW_MS} LIMIT ${BUSY_COUNT_CAP}))`,
  pair: `(SELECT COUNT(*) FROM (SELECT 1 FROM likes q
      WHERE q.campaign_id = c.id AND q.ip_prefix_hash = ?11 AND q.nominee_id = n.id
        AND q.created_at > ?6 - ${PAIR_WINDOW_MS} LIMIT ${BUSY_COUNT_CAP}))`,
  nominee: `(SELECT COUNT(*) FROM (SELECT 1 FROM likes m
      WHERE m.nominee_id = n.id AND m.created_at > ?6 - ${NOMINEE_WINDOW_MS} LIMIT ${BUSY_COUNT_CAP}))`,
  voter: `(SELECT COUNT(*) FROM (SELECT 1 FROM likes v
      WHERE v.campaign_id = c.id AND v.voter_hash = ?3 AND v.created_at > ?6 - ${NETWORK_WINDOW_MS}
      LIMIT ${BUSY_COUNT_CAP}))`,
};

/** The nominee's burst threshold (domain/friction.ts `nomineeBurstThreshold`), in integers. */
export const nomineeStartSql = `MAX(${FRICTION.nomineeStart}, (${FRICTION.nomineeFactor} * (n.likes + n.voided_likes) * 60000)
    / MAX(CAST(?6 AS INTEGER) - c.opens_at, 60000))`;

/** `frictionLevel()` of domain/friction.ts as one SQL expression over `c` and `n`. */
export const frictionLevelSql = `(CASE
    WHEN c.challenge_prefix_per_minute IS NULL THEN
      (CASE WHEN c.challenge_voter_per_minute IS NOT NULL AND ${RATE_SQL.voter} >= c.challenge_voter_per_minute THEN 1 ELSE 0 END)
    ELSE MIN(${FRICTION.maxLevel}, MAX(
      ${levelPastSql(RATE_SQL.network, "c.challenge_prefix_per_minute", FRICTION.networkStep)}
        + ${levelPastSql(RATE_SQL.pair, String(FRICTION.pairStart), FRICTION.pairStep)},
      ${levelPastSql(RATE_SQL.nominee, nomineeStartSql, FRICTION.nomineeStep)},
      (CASE WHEN c.challenge_voter_per_minute IS NOT NULL AND ${RATE_SQL.voter} >= c.challenge_voter_per_minute THEN 1 ELSE 0 END)))
  END)`;
