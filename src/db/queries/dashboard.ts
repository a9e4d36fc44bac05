import { and, asc, eq, gte, sql } from "drizzle-orm";
import type { Database } from "../client";
import { likeHours, rejections } from "../schema";

/** Likes per hour (UTC hour starts) since `since`, from the trigger-kept counter. */
export async function likesPerHour(db: Database, campaignId: number, since: number) {
  return db
    .select({ hour: likeHours.hour, likes: likeHours.likes })
    .from(likeHours)
    .where(and(eq(likeHours.campaignId, campaignId), gte(likeHours.hour, since)))
    .orderBy(asc(likeHours.hour));
}

/** Refused attempts by reason since `since`. */
export async function rejectionsByReason(db: Database, campaignId: number, since: number) {
  return db
    .select({ reason: rejections.reason, count: sql<number>`sum(${rejections.count})` })
    .from(rejections)
    .where(and(eq(rejections.campaignId, campaignId), gte(rejections.hour, since)))
    .groupBy(rejections.reason)
    .orderBy(sql`sum(${rejections.count}) DESC`);
}

/**
 * Counts a refused like for the dashboard. Runs after the answer is sent (waitUntil), never on the
 * like's own round trip; best effort by design.
 */
export async function recordRejection(
  d1: D1Database,
  slug: string,
  reason: string,
  now: number,
): Promise<void> {
  const hour = Math.floor(now / 3_600_000) * 3_600_000;
  await d1
    .prepare(
      `INSERT INTO rejections (campaign_id, hour, reason, count)
       SELECT id, ?2, ?3, 1 FROM campaigns WHERE slug = ?1
       ON CONFLICT (campaign_id, hour, reason) DO UPDATE SET count = count + 1`,
    )
    .bind(slug, hour, reason)
    .run();
}
