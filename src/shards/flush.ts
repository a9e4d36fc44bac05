import { bindCount, openFlagSql } from "../db/queries/friction-sql";
import { HOT_MARK_SQL, hotSubjects } from "../db/queries/like-hot";
import type { FlushRow } from "./shard-storage";

/** The most likes one flush carries (issue 16: ≤ 500 per D1 batch). */
export const FLUSH_CAP = 500;

/** The most (network, nominee) pairs of one flush whose flags the flush re-checks. */
const FLAG_PAIRS_CAP = 25;

/**
 * One flush of a shard: ONE D1 batch (one transaction) that
 *   1. inserts the flush's row into `like_flushes` — PRIMARY KEY (shard, seq), so a flush retried
 *      after a crash or a timeout fails here as a whole and nothing below runs twice;
 *   2. appends the ledger rows, in the shard's order, from one JSON parameter; the ledger's
 *      triggers move `voter_days`, `nominees.likes` and `like_hours` for exactly these rows, so
 *      counters stay equal to ledger rows (migrations/0001, 0007);
 *   3. marks the flush's networks, pairs and nominees whose rate reached its floor as hot (the
 *      Worker's like path reads only those, db/queries/like-hot.ts);
 *   4. where the campaign holds flagged likes, opens the network's and the nominee's flags with
 *      the direct path's SQL (friction-sql.ts), for the busiest pairs of the flush.
 * Answers "committed", or "already" when an earlier attempt of this same flush had committed.
 */
export async function flushToD1(
  db: D1Database,
  flush: { shard: string; seq: number; campaignId: number; holdFlagged: boolean },
  rows: FlushRow[],
  now: number,
): Promise<"committed" | "already"> {
  const firstAcked = rows.reduce((m, r) => Math.min(m, r.acked), Number.POSITIVE_INFINITY);
  const ledger = rows.map((r) => [r.c, r.n, r.v, r.ip, r.d, r.s, r.t, r.st, r.r, r.k, r.net, r.sg]);
  const col = (i: number) => `json_extract(value, '$[${i}]')`;
  const statements = [
    db
      .prepare(
        `INSERT INTO like_flushes (shard, seq, campaign_id, likes, first_acked_at, committed_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)`,
      )
      .bind(flush.shard, flush.seq, flush.campaignId, rows.length, firstAcked, now),
    db
      .prepare(
        `INSERT INTO likes (campaign_id, nominee_id, voter_hash, ip_hash, day, slot, created_at,
                            status, receipt, idempotency_key, ip_prefix_hash, signals)
         SELECT ${Array.from({ length: 12 }, (_, i) => col(i)).join(", ")}
         FROM json_each(?1) ORDER BY key`,
      )
      .bind(JSON.stringify(ledger)),
  ];
  const subjects = hotSubjects(rows);
  for (const kind of ["network", "pair", "nominee"] as const) {
    const list = JSON.stringify(subjects[kind]);
    statements.push(db.prepare(HOT_MARK_SQL[kind]).bind(flush.campaignId, now, list));
  }
  statements.push(db.prepare(HOT_MARK_SQL.prune).bind(flush.campaignId, now));
  if (flush.holdFlagged) {
    for (const pair of busiestPairs(rows)) {
      // The bind positions of openFlagSql: ?2 number, ?6 time, ?10 campaign, ?11 network.
      const params: (string | number | null)[] = [null, pair.number, null, null, null, pair.at];
      params.push(null, null, null);
      params.push(flush.campaignId, pair.network);
      for (const kind of ["prefix_burst", "nominee_burst"] as const) {
        const sql = openFlagSql(kind);
        statements.push(db.prepare(sql).bind(...params.slice(0, bindCount(sql))));
      }
    }
  }
  try {
    await db.batch(statements);
    return "committed";
  } catch (error) {
    // Committed by an attempt whose answer was lost? Then its row is there, and this is done.
    const done = await db
      .prepare("SELECT 1 AS one FROM like_flushes WHERE shard = ?1 AND seq = ?2")
      .bind(flush.shard, flush.seq)
      .first();
    if (done) return "already";
    throw error;
  }
}

/** The flush's (network, nominee) pairs, most likes first, each at its latest like's time. */
function busiestPairs(rows: FlushRow[]): { network: string; number: number; at: number }[] {
  const pairs = new Map<string, { network: string; number: number; at: number; likes: number }>();
  for (const r of rows) {
    const key = `${r.net}\u0000${r.no}`;
    const pair = pairs.get(key) ?? { network: r.net, number: r.no, at: r.t, likes: 0 };
    pair.likes++;
    pair.at = Math.max(pair.at, r.t);
    pairs.set(key, pair);
  }
  return [...pairs.values()].sort((a, b) => b.likes - a.likes).slice(0, FLAG_PAIRS_CAP);
}
