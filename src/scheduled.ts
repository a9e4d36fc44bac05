import { createDb } from "./db/client";
import { campaignsToScan, scanAnomalies } from "./db/queries/anomalies";
import { sealAll } from "./db/queries/checkpoints";
import { purgeExpiredDetail } from "./db/queries/retention";

/**
 * The Cron Trigger (wrangler.toml, every minute): seal new ledger rows into checkpoints, look for
 * anomalies, apply retention, sweep used challenges. Each step is idempotent and bounded, so a
 * missed or overlapping run only delays work.
 */
export async function runScheduled(env: CloudflareBindings, scheduledTime: number): Promise<void> {
  const db = createDb(env.DB);
  await sealAll(db, () => Date.now(), 20_000);
  for (const campaign of await campaignsToScan(db)) {
    await scanAnomalies(db, campaign, Date.now());
  }
  await purgeExpiredDetail(db, scheduledTime);
  await db.$client
    .prepare("DELETE FROM spent_challenges WHERE expires_at < ?1")
    .bind(scheduledTime)
    .run();
}
