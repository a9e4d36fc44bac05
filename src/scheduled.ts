import { createDb } from "./db/client";
import { campaignsToScan, scanAnomalies } from "./db/queries/anomalies";
import { sealAll } from "./db/queries/checkpoints";
import { campaignsToFlush } from "./db/queries/like-state";
import { sweepOrphanPhotos } from "./db/queries/photos";
import { purgeExpiredDetail } from "./db/queries/retention";
import { flushCampaign } from "./shards/barrier";
import { purgeShardDetail } from "./shards/retention";

/**
 * The Cron Trigger (wrangler.toml, every minute): seal new ledger rows into checkpoints, look for
 * anomalies, apply retention, delete orphaned photo uploads, sweep used challenges. Each step is idempotent and bounded, so a
 * missed or overlapping run only delays work.
 */
export async function runScheduled(env: CloudflareBindings, scheduledTime: number): Promise<void> {
  const db = createDb(env.DB);
  // One failing step must not starve the others: each is logged and the run goes on.
  const step = async (name: string, work: () => Promise<unknown>) => {
    try {
      await work();
    } catch (error) {
      console.error(`scheduled ${name}:`, error);
    }
  };
  // Checkpoints seal what reached D1: first every sharded campaign's shards flush (issue 16).
  await step("flush", async () => {
    for (const id of await campaignsToFlush(db, scheduledTime)) {
      await step(`flush ${id}`, () => flushCampaign(env, id));
    }
  });
  await step("seal", () => sealAll(db, () => Date.now(), 20_000));
  await step("scan", async () => {
    for (const campaign of await campaignsToScan(db)) {
      await step(`scan ${campaign.slug}`, () => scanAnomalies(db, campaign, Date.now()));
    }
  });
  await step("retention", () => purgeExpiredDetail(db, scheduledTime));
  // …and the like shards' own copies of the same likes.
  await step("retention shards", () => purgeShardDetail(env, db, scheduledTime));
  await step("photos", () => sweepOrphanPhotos(db, env.MEDIA, scheduledTime));
  await step("sweep", () =>
    db.$client
      .prepare("DELETE FROM spent_challenges WHERE expires_at < ?1")
      .bind(scheduledTime)
      .run(),
  );
}
