import { WINDOW_MS } from "../../domain/anomaly";
import {
  FRICTION,
  HOLD,
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

/**
 * An open anomaly flag covers the network (?11) or the nominee `n` at ?6 (its window): a like it
 * covers is held where the campaign holds flagged likes. Reads `c`, `n`, ?6 and ?11.
 */
export const flagCoversSql = `(c.hold_flagged = 1 AND EXISTS (SELECT 1 FROM anomaly_flags f
      WHERE f.campaign_id = c.id AND f.status = 'open'
        AND f.window_start <= ?6 AND f.window_end > ?6
        AND ((f.kind = 'prefix_burst' AND f.subject = ?11)
          OR (f.kind = 'nominee_burst' AND f.subject = CAST(n.number AS TEXT)))))`;

/**
 * Opens (or raises) the network's or the nominee's flag for the window of ?6 when the rates pass
 * the hold thresholds, only where the campaign holds flagged likes; a decided flag stays decided.
 * Binds ?2 (nominee number), ?6 (time), ?10 (campaign id), ?11 (network hash): the direct like's
 * batch runs it before its INSERT, a shard's flush after its rows (src/shards/flush.ts).
 */
export function openFlagSql(kind: "prefix_burst" | "nominee_burst"): string {
  const windowStart = `(CAST(?6 AS INTEGER) / ${WINDOW_MS}) * ${WINDOW_MS}`;
  const [subject, count, when, detail] =
    kind === "prefix_burst"
      ? [
          "?11",
          RATE_SQL.network,
          `(${RATE_SQL.network} >= ${HOLD.networkPerMinute} OR ${RATE_SQL.pair} >= ${HOLD.pairPer10Minutes})`,
          `'perMinute', ${RATE_SQL.network}, 'onNomineeIn10Minutes', ${RATE_SQL.pair}`,
        ]
      : [
          "CAST(n.number AS TEXT)",
          RATE_SQL.nominee,
          `${RATE_SQL.nominee} >= ${nomineeStartSql}`,
          `'perMinute', ${RATE_SQL.nominee}, 'threshold', ${nomineeStartSql}`,
        ];
  return `INSERT INTO anomaly_flags (campaign_id, kind, subject, window_start, window_end,
                                    likes, detail, status, created_at, updated_at)
         SELECT c.id, '${kind}', ${subject}, ${windowStart}, ${windowStart} + ${WINDOW_MS},
                ${count}, json_object('onLikePath', 1, ${detail}), 'open', ?6, ?6
         FROM campaigns c JOIN nominees n ON n.campaign_id = c.id AND n.number = ?2
         WHERE c.id = ?10 AND c.hold_flagged = 1 AND ${when}
         ON CONFLICT (campaign_id, kind, subject, window_start) DO UPDATE
           SET likes = MAX(likes, excluded.likes), updated_at = excluded.updated_at
           WHERE status = 'open'`;
}

/** D1 wants exactly as many values as the highest ?n a statement uses. */
export function bindCount(sql: string): number {
  return Math.max(0, ...[...sql.matchAll(/\?(\d+)/g)].map((m) => Number(m[1])));
}
