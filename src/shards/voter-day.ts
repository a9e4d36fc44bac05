import { localDay } from "../domain/time";
import type { ShardLike } from "./types";

/**
 * The day the campaign changed ingest path, the direct path may have written some of this
 * voter's likes to D1: read them once per voter and day, so the rules count them.
 */
export async function readVoterDay(
  db: D1Database,
  storage: DurableObjectStorage,
  like: ShardLike,
): Promise<void> {
  if (like.ingestSince === 0 || localDay(like.ingestSince, like.timeZone) < like.day) return;
  const seen = () =>
    storage.sql
      .exec("SELECT 1 FROM seeded WHERE voter_hash = ? AND day = ?", like.voterHash, like.day)
      .toArray().length > 0;
  if (seen()) return;
  const { results } = await db
    .prepare(
      `SELECT nominee_id, slot, receipt, idempotency_key, created_at, status FROM likes
     WHERE campaign_id = ?1 AND voter_hash = ?2 AND (day = ?3 OR idempotency_key IS NOT NULL)`,
    )
    .bind(like.campaignId, like.voterHash, like.day)
    .all<{
      nominee_id: number;
      slot: number;
      receipt: string;
      idempotency_key: string | null;
      created_at: number;
      status: string;
    }>();
  if (seen()) return;
  storage.transactionSync(() => {
    for (const r of results) {
      storage.sql.exec(
        `INSERT INTO likes (campaign_id, nominee_id, number, voter_hash, ip_hash, ip_prefix_hash,
                            day, slot, created_at, status, receipt, idempotency_key, signals,
                            flushed, acked_at)
         VALUES (?, ?, 0, ?, '', '', ?, ?, ?, ?, ?, ?, 0, 2, ?) ON CONFLICT DO NOTHING`,
        like.campaignId,
        r.nominee_id,
        like.voterHash,
        like.day,
        r.slot,
        r.created_at,
        r.status,
        r.receipt,
        r.idempotency_key,
        r.created_at,
      );
    }
    storage.sql.exec(
      "INSERT INTO seeded (voter_hash, day) VALUES (?, ?)",
      like.voterHash,
      like.day,
    );
  });
}
