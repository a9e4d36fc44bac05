import { bindCount, openFlagSql } from "../db/queries/friction-sql";
import { HOT_MARK_SQL, hotSubjects } from "../db/queries/like-hot";
import type { FlushRow } from "./shard-storage";

/** The most likes one shard's flush carries (issue 16: ≤ 500 per flush). */
export const FLUSH_CAP = 500;

/** The most (network, nominee) pairs of one D1 batch whose flags the batch re-checks. */
const FLAG_PAIRS_CAP = 25;

/** One shard's flush, as it hands it to the campaign's LikeFlusher (like-flusher.ts). */
export interface ShardFlush {
  shard: string;
  seq: number;
  campaignId: number;
  holdFlagged: boolean;
  rows: FlushRow[];
}

export type FlushOutcome = "committed" | "already";

/**
 * Writes the flushes of one or more shards of a campaign in ONE D1 batch (one transaction):
 *   1. reads which of these flushes D1 already has (an earlier attempt whose answer was lost);
 *   2. per flush, appends its ledger rows from one JSON parameter, in the shard's order, only if
 *      `like_flushes` has no row for (shard, seq) yet, then adds that row: a flush sent twice,
 *      in one batch or in two, is written once. The ledger's triggers move `voter_days`,
 *      `nominees.likes` and `like_hours` for exactly these rows, so counters stay equal to ledger
 *      rows (migrations/0001, 0007);
 *   3. marks the flushes' networks, pairs and nominees whose rate reached its floor as hot (the
 *      Worker's like path reads only those, db/queries/like-hot.ts);
 *   4. where the campaign holds flagged likes, opens the network's and the nominee's flags with
 *      the direct path's SQL (friction-sql.ts), for the busiest pairs of the batch.
 * `batch` names the D1 batch in `like_flushes` (the bench counts batches by it). Answers each
 * flush's outcome, in order: "committed", or "already" when an earlier attempt had committed it.
 */
export async function writeFlushes(
  db: D1Database,
  flushes: ShardFlush[],
  now: number,
  batch: string,
): Promise<FlushOutcome[]> {
  const first = flushes[0];
  if (!first) return [];
  const campaignId = first.campaignId;
  const col = (i: number) => `json_extract(value, '$[${i}]')`;
  const statements: D1PreparedStatement[] = [
    db
      .prepare(
        `SELECT f.shard AS shard, f.seq AS seq FROM json_each(?1) j
         JOIN like_flushes f ON f.shard = json_extract(j.value, '$[0]')
                            AND f.seq = json_extract(j.value, '$[1]')`,
      )
      .bind(JSON.stringify(flushes.map((f) => [f.shard, f.seq]))),
  ];
  for (const flush of flushes) {
    const firstAcked = flush.rows.reduce((m, r) => Math.min(m, r.acked), now);
    const ledger = flush.rows.map((r) => [
      r.c,
      r.n,
      r.v,
      r.ip,
      r.d,
      r.s,
      r.t,
      r.st,
      r.r,
      r.k,
      r.net,
      r.sg,
    ]);
    statements.push(
      db
        .prepare(
          `INSERT INTO likes (campaign_id, nominee_id, voter_hash, ip_hash, day, slot, created_at,
                              status, receipt, idempotency_key, ip_prefix_hash, signals)
           SELECT ${Array.from({ length: 12 }, (_, i) => col(i)).join(", ")}
           FROM json_each(?1)
           WHERE NOT EXISTS (SELECT 1 FROM like_flushes WHERE shard = ?2 AND seq = ?3)
           ORDER BY key`,
        )
        .bind(JSON.stringify(ledger), flush.shard, flush.seq),
      db
        .prepare(
          `INSERT INTO like_flushes (shard, seq, campaign_id, likes, first_acked_at, committed_at,
                                     batch)
           VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (shard, seq) DO NOTHING`,
        )
        .bind(flush.shard, flush.seq, flush.campaignId, flush.rows.length, firstAcked, now, batch),
    );
  }
  const rows = flushes.flatMap((f) => f.rows);
  const subjects = hotSubjects(rows);
  for (const kind of ["network", "pair", "nominee"] as const) {
    const list = JSON.stringify(subjects[kind]);
    statements.push(db.prepare(HOT_MARK_SQL[kind]).bind(campaignId, now, list));
  }
  statements.push(db.prepare(HOT_MARK_SQL.prune).bind(campaignId, now));
  if (flushes.some((f) => f.holdFlagged)) {
    for (const pair of busiestPairs(rows)) {
      // The bind positions of openFlagSql: ?2 number, ?6 time, ?10 campaign, ?11 network.
      const params: (string | number | null)[] = [null, pair.number, null, null, null, pair.at];
      params.push(null, null, null);
      params.push(campaignId, pair.network);
      for (const kind of ["prefix_burst", "nominee_burst"] as const) {
        const sql = openFlagSql(kind);
        statements.push(db.prepare(sql).bind(...params.slice(0, bindCount(sql))));
      }
    }
  }
  const [known] = await db.batch<{ shard: string; seq: number }>(statements);
  const already = new Set((known?.results ?? []).map((r) => `${r.shard}#${r.seq}`));
  return flushes.map((f) => (already.has(`${f.shard}#${f.seq}`) ? "already" : "committed"));
}

/** One shard's flush written on its own (tests and the SQL bench). */
export async function flushToD1(
  db: D1Database,
  flush: Omit<ShardFlush, "rows">,
  rows: FlushRow[],
  now: number,
): Promise<FlushOutcome> {
  const [outcome] = await writeFlushes(
    db,
    [{ ...flush, rows }],
    now,
    `${flush.shard}#${flush.seq}`,
  );
  return outcome ?? "committed";
}

/** The batch's (network, nominee) pairs, most likes first, each at its latest like's time. */
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
