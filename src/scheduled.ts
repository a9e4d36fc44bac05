import { createDb } from "./db/client";
import { sealAll } from "./db/queries/checkpoints";

/**
 * The Cron Trigger (wrangler.toml, every minute): seal new ledger rows into checkpoints, look for
 * anomalies, apply retention, sweep used challenges. Each step is idempotent and bounded, so a
 * missed or overlapping run only delays work.
 */
export async function runScheduled(env: CloudflareBindings, scheduledTime: number): Promise<void> {
  const db = createDb(env.DB);
  await sealAll(db, () => Date.now(), 20_000);
  await db.$client
    .prepare("DELETE FROM spent_challenges WHERE expires_at < ?1")
    .bind(scheduledTime)
    .run();
}
