import type { Database } from "../db/client";
import { campaignsWithShardDetail, noteShardDetailPurged } from "../db/queries/retention";
import { eachShard } from "./barrier";

/**
 * Retention reaches the like shards (issue 16): once a campaign's who-liked detail is being purged
 * in D1 (`purgeExpiredDetail`), each of its shards flushes what it still holds and deletes its own
 * copies of the likes. Once per campaign; the audit entry `retention.shards` records it. A shard
 * that cannot flush makes this throw before anything is recorded, so the next Cron run tries
 * again. Answers how many likes were erased.
 */
export async function purgeShardDetail(
  env: Pick<CloudflareBindings, "LIKE_SHARDS">,
  db: Database,
  now: number,
): Promise<number> {
  let erased = 0;
  for (const campaign of await campaignsWithShardDetail(db)) {
    const counts = await eachShard(env, campaign.id, campaign.shards, (shard) =>
      shard.purgeDetail(),
    );
    const likes = counts.reduce((sum, n) => sum + n, 0);
    await noteShardDetailPurged(db, campaign.id, { shards: campaign.shards, likes }, now);
    erased += likes;
  }
  return erased;
}
