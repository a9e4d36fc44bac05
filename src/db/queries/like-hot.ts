import { FRICTION, HOLD, NETWORK_WINDOW_MS, PAIR_WINDOW_MS } from "../../domain/friction";
import type { Database } from "../client";

/**
 * The hot subjects of a sharded campaign (migration 0015, issue 16): the networks, (network,
 * nominee) pairs and nominees whose recent rate reached the lowest level at which the friction
 * curve or a hold can act. Below these floors the curve asks nothing and nothing is held, so the
 * like path treats every subject not listed as quiet and needs no D1 read per like
 * (like-state.ts). Listed subjects get their exact rates from the ledger once a second.
 *
 * Why a listed set is enough: a subject at or over its floor at time t has ≥ floor likes in
 * (t − window, t]; the flush that carried the latest of them ran at f ≤ t, counted at least those
 * over (f − window, f], and marked the subject hot at f > t − window. So the set misses only likes
 * not flushed yet (≤ 1 s, the same lag the rates had before).
 */

/** A network's floor: the campaign's friction threshold, and never above the hold's rate. */
const networkFloorSql = `(SELECT MIN(COALESCE(challenge_prefix_per_minute, ${HOLD.networkPerMinute}), ${HOLD.networkPerMinute})
    FROM campaigns WHERE id = ?1)`;
export const HOT_FLOOR = {
  pair: Math.min(FRICTION.pairStart, HOLD.pairPer10Minutes),
  /** The nominee's burst threshold is never below `nomineeStart` (domain/friction.ts). */
  nominee: FRICTION.nomineeStart,
} as const;

/** How long a hot mark lasts after the flush that set it: its rate's window. */
export const HOT_WINDOW_MS = { network: NETWORK_WINDOW_MS, pair: PAIR_WINDOW_MS, nominee: 60_000 };

/**
 * The statements a flush appends after its ledger rows (binds: ?1 campaign, ?2 the flush's time,
 * ?3 a JSON array of its subjects): each subject whose rate is at its floor is marked hot now;
 * marks older than the longest window go. Counts stop at the floor (LIMIT), so a busy subject
 * costs at most that many index steps.
 */
export const HOT_MARK_SQL = {
  network: `INSERT INTO like_hot (campaign_id, kind, network, nominee_id, seen_at)
    SELECT ?1, 'network', s.value, 0, ?2 FROM json_each(?3) s
    WHERE (SELECT COUNT(*) FROM (SELECT 1 FROM likes p WHERE p.campaign_id = ?1
             AND p.ip_prefix_hash = s.value AND p.created_at > ?2 - ${NETWORK_WINDOW_MS}
             LIMIT ${HOLD.networkPerMinute})) >= ${networkFloorSql}
    ON CONFLICT (campaign_id, kind, network, nominee_id) DO UPDATE
      SET seen_at = MAX(seen_at, excluded.seen_at)`,
  pair: `INSERT INTO like_hot (campaign_id, kind, network, nominee_id, seen_at)
    SELECT ?1, 'pair', json_extract(s.value, '$[0]'), json_extract(s.value, '$[1]'), ?2
    FROM json_each(?3) s
    WHERE (SELECT COUNT(*) FROM (SELECT 1 FROM likes q WHERE q.campaign_id = ?1
             AND q.ip_prefix_hash = json_extract(s.value, '$[0]')
             AND q.nominee_id = json_extract(s.value, '$[1]')
             AND q.created_at > ?2 - ${PAIR_WINDOW_MS} LIMIT ${HOT_FLOOR.pair})) >= ${HOT_FLOOR.pair}
    ON CONFLICT (campaign_id, kind, network, nominee_id) DO UPDATE
      SET seen_at = MAX(seen_at, excluded.seen_at)`,
  nominee: `INSERT INTO like_hot (campaign_id, kind, network, nominee_id, seen_at)
    SELECT ?1, 'nominee', '', s.value, ?2 FROM json_each(?3) s
    WHERE (SELECT COUNT(*) FROM (SELECT 1 FROM likes m WHERE m.nominee_id = s.value
             AND m.created_at > ?2 - ${HOT_WINDOW_MS.nominee} LIMIT ${HOT_FLOOR.nominee})) >= ${HOT_FLOOR.nominee}
    ON CONFLICT (campaign_id, kind, network, nominee_id) DO UPDATE
      SET seen_at = MAX(seen_at, excluded.seen_at)`,
  prune: `DELETE FROM like_hot WHERE campaign_id = ?1 AND seen_at <= ?2 - ${PAIR_WINDOW_MS}`,
} as const;

/** The subjects of a flush's likes, as HOT_MARK_SQL binds them (?3). */
export function hotSubjects(rows: { net: string; n: number }[]) {
  const networks = new Set<string>();
  const pairs = new Map<string, [string, number]>();
  const nominees = new Set<number>();
  for (const r of rows) {
    networks.add(r.net);
    pairs.set(`${r.net}\u0000${r.n}`, [r.net, r.n]);
    nominees.add(r.n);
  }
  return { network: [...networks], pair: [...pairs.values()], nominee: [...nominees] };
}

/**
 * Marks, from the ledger itself, every subject of the campaign at its floor now: for likes that
 * reached D1 without a shard's flush (the direct path before a switch to sharded, an import of
 * history). One scan of the campaign's last ten minutes.
 */
export async function markHotFromLedger(db: Database, campaignId: number, now: number) {
  const { results } = await db.$client
    .prepare(
      `SELECT DISTINCT ip_prefix_hash AS net, nominee_id AS n FROM likes
       WHERE campaign_id = ?1 AND created_at > ?2 - ${PAIR_WINDOW_MS}`,
    )
    .bind(campaignId, now)
    .all<{ net: string; n: number }>();
  if (results.length === 0) return;
  const subjects = hotSubjects(results);
  await db.$client.batch(
    (["network", "pair", "nominee"] as const).map((kind) =>
      db.$client.prepare(HOT_MARK_SQL[kind]).bind(campaignId, now, JSON.stringify(subjects[kind])),
    ),
  );
}
