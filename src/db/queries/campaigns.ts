import { and, asc, eq, sql } from "drizzle-orm";
import type { Database } from "../client";
import { type Campaign, campaigns, nominees } from "../schema";
import { firstRow } from "./campaign-rows";

/** Campaigns the public may see (no drafts), oldest opening first. */
export async function listPublicCampaigns(db: Database): Promise<Campaign[]> {
  return db
    .select()
    .from(campaigns)
    .where(eq(campaigns.draft, false))
    .orderBy(asc(campaigns.opensAt), asc(campaigns.id));
}

/** A campaign the public may see, or undefined for unknown slugs and drafts. */
export const findPublicCampaign = (db: Database, slug: string): Promise<Campaign | undefined> =>
  firstRow(db, campaigns, and(eq(campaigns.slug, slug), eq(campaigns.draft, false)));

/** Nominee count and like total, read from the per-nominee counters (never the ledger). */
export async function campaignTotals(
  db: Database,
  campaignId: number,
): Promise<{ candidateCount: number; totalLikes: number }> {
  const row = await db
    .select({
      candidateCount: sql<number>`count(*)`,
      totalLikes: sql<number>`coalesce(sum(${nominees.likes}), 0)`,
    })
    .from(nominees)
    .where(eq(nominees.campaignId, campaignId))
    .get();
  return { candidateCount: row?.candidateCount ?? 0, totalLikes: row?.totalLikes ?? 0 };
}
