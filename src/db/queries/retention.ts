import type { Database } from "../client";

/**
 * Retention (PIPL: keep personal data no longer than needed). A campaign's `retentionDays` after
 * publication (or after voting closed, if it is never published), the who-liked detail goes: voter and IP hashes become placeholders, the per-voter day
 * counters and idempotency keys are dropped, and flags lose their voter/network subjects. Counts,
 * receipts, void reasons, the audit log and the checkpoints stay, so results remain provable against
 * any export taken before (docs/privacy.md). Runs from the Cron Trigger in bounded chunks, so a
 * campaign of a million likes is purged over a few runs.
 */

const CHUNK = 20_000;

export async function purgeExpiredDetail(db: Database, now: number): Promise<number> {
  const d1 = db.$client;
  // Mark campaigns whose time has come (the ledger's identity columns unlock only then).
  const due = await d1
    .prepare(
      `UPDATE campaigns SET detail_purged_at = ?1
       WHERE detail_purged_at IS NULL AND retention_days IS NOT NULL
         -- From publication; a campaign closed and never published counts from its close.
         AND (published_at IS NOT NULL OR COALESCE(closed_at, closes_at) <= ?1)
         AND COALESCE(published_at, closed_at, closes_at) + retention_days * 86400000 <= ?1
         -- Only once every row is sealed: the chain must be computed over the original detail.
         AND NOT EXISTS (SELECT 1 FROM likes l WHERE l.campaign_id = campaigns.id
                         AND l.id > COALESCE((SELECT MAX(last_like_id) FROM ledger_checkpoints k
                                              WHERE k.campaign_id = campaigns.id), 0))
       RETURNING id, retention_days AS days`,
    )
    .bind(now)
    .all<{ id: number; days: number }>();
  if (due.results.length > 0) {
    await d1.batch(
      due.results.map((c) =>
        d1
          .prepare(
            `INSERT INTO audit_log (campaign_id, actor, action, before, after, created_at)
             VALUES (?1, 'system (retention)', 'retention.purge', NULL,
                     json_object('retentionDays', ?2), ?3)`,
          )
          .bind(c.id, c.days, now),
      ),
    );
  }
  // Then purge in chunks until done, campaign by campaign.
  const { results: pending } = await d1
    .prepare(
      `SELECT id FROM campaigns c WHERE detail_purged_at IS NOT NULL
         AND (EXISTS (SELECT 1 FROM likes l WHERE l.campaign_id = c.id AND l.ip_hash <> '')
              OR EXISTS (SELECT 1 FROM voter_days v WHERE v.campaign_id = c.id))`,
    )
    .all<{ id: number }>();
  let purged = 0;
  for (const { id } of pending) {
    const [rows] = await d1.batch([
      d1
        .prepare(
          `UPDATE likes SET voter_hash = 'purged-' || id, ip_hash = '', ip_prefix_hash = '',
                            idempotency_key = NULL
           WHERE id IN (SELECT id FROM likes WHERE campaign_id = ?1 AND ip_hash <> '' LIMIT ?2)
           RETURNING id`,
        )
        .bind(id, CHUNK),
      d1.prepare("DELETE FROM voter_days WHERE campaign_id = ?1").bind(id),
      d1
        .prepare(
          `UPDATE anomaly_flags SET subject = 'purged-' || id
           WHERE campaign_id = ?1 AND kind <> 'nominee_burst' AND subject NOT LIKE 'purged-%'`,
        )
        .bind(id),
    ]);
    purged += rows?.results.length ?? 0;
  }
  return purged;
}

/**
 * Campaigns whose detail purge has begun in D1 and whose like shards (sharded ingest: it has
 * flushes) have not been erased yet: the audit entry `retention.shards` marks that done.
 */
export async function campaignsWithShardDetail(
  db: Database,
): Promise<{ id: number; shards: number }[]> {
  const { results } = await db.$client
    .prepare(
      `SELECT c.id, c.shards FROM campaigns c
       WHERE c.detail_purged_at IS NOT NULL
         AND EXISTS (SELECT 1 FROM like_flushes f WHERE f.campaign_id = c.id)
         AND NOT EXISTS (SELECT 1 FROM audit_log a
                         WHERE a.campaign_id = c.id AND a.action = 'retention.shards')`,
    )
    .all<{ id: number; shards: number }>();
  return results;
}

/** The audit entry of a campaign's shards erased: how many shards, how many likes. */
export async function noteShardDetailPurged(
  db: Database,
  campaignId: number,
  erased: { shards: number; likes: number },
  now: number,
): Promise<void> {
  await db.$client
    .prepare(
      `INSERT INTO audit_log (campaign_id, actor, action, before, after, created_at)
       VALUES (?1, 'system (retention)', 'retention.shards', NULL, ?2, ?3)`,
    )
    .bind(campaignId, JSON.stringify(erased), now)
    .run();
}
