import { and, asc, eq, gte, sql } from "drizzle-orm";
import { rankByLikes } from "../../domain/ranking";
import type { Database } from "../client";
import { likeHours, rejections } from "../schema";
import { listNomineesAdmin } from "./admin-nominees";

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

/** Everything the live dashboard shows, for the API and the console page alike. */
export async function campaignDashboard(db: Database, campaignId: number, now: number) {
  const since = now - 48 * 3_600_000;
  const [nominees, hours, rejected] = await Promise.all([
    listNomineesAdmin(db, campaignId),
    likesPerHour(db, campaignId, since),
    rejectionsByReason(db, campaignId, since),
  ]);
  const ranking = rankByLikes(nominees);
  const groups = new Map<string, { group: string; nominees: number; likes: number }>();
  for (const n of nominees) {
    const g = groups.get(n.groupName) ?? { group: n.groupName, nominees: 0, likes: 0 };
    g.nominees += 1;
    g.likes += n.likes;
    groups.set(n.groupName, g);
  }
  return {
    totals: {
      likes: ranking.reduce((s, r) => s + r.likes, 0),
      voided: ranking.reduce((s, r) => s + r.voidedLikes, 0),
      held: ranking.reduce((s, r) => s + r.heldLikes, 0),
      nominees: nominees.length,
    },
    ranking: ranking.map((r) => ({
      rank: r.rank,
      number: r.number,
      name: r.name,
      unit: r.unit,
      group: r.groupName,
      likes: r.likes,
      voidedLikes: r.voidedLikes,
      heldLikes: r.heldLikes,
      honoree: r.honoree,
    })),
    groups: [...groups.values()].sort((a, b) => b.likes - a.likes),
    hours: hours.map((h) => ({ hour: h.hour, likes: h.likes })),
    rejections: rejected.map((r) => ({ reason: r.reason, count: Number(r.count) })),
  };
}
