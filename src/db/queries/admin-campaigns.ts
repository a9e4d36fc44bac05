import { asc, eq, sql } from "drizzle-orm";
import type { LifecycleAction, LifecycleChange } from "../../domain/lifecycle";
import { parseInstant } from "../../domain/time";
import type { Organizer } from "../../types";
import type { CampaignPatch, CampaignSettings } from "../../validators/campaign";
import { noticeColumns } from "../../validators/notice";
import type { Database } from "../client";
import { auditLog, type Campaign, campaigns, likes, nominees } from "../schema";
import { actorLabel, audited, auditStatement } from "./audit";

/** Every campaign, drafts included, with counts from the counters. */
export async function listAllCampaigns(db: Database) {
  return db
    .select({
      campaign: campaigns,
      candidateCount: sql<number>`(SELECT count(*) FROM nominees n WHERE n.campaign_id = "campaigns"."id")`,
      totalLikes: sql<number>`(SELECT coalesce(sum(likes), 0) FROM nominees n WHERE n.campaign_id = "campaigns"."id")`,
    })
    .from(campaigns)
    .orderBy(asc(campaigns.opensAt), asc(campaigns.id));
}

/** A campaign by slug, drafts included (organizers see everything). */
export async function findCampaign(db: Database, slug: string): Promise<Campaign | undefined> {
  return db.select().from(campaigns).where(eq(campaigns.slug, slug)).get();
}

/** The stored form of settings from the API (`shards` only on create: CampaignPatch refuses it). */
function toColumns(s: Omit<CampaignPatch, "shards"> & { shards?: number }) {
  return {
    ...(s.slug !== undefined && { slug: s.slug }),
    ...(s.title !== undefined && { title: s.title }),
    ...(s.organizer !== undefined && { organizer: s.organizer }),
    ...(s.description !== undefined && { description: s.description }),
    ...(s.timeZone !== undefined && { timeZone: s.timeZone }),
    ...(s.opensAt !== undefined && { opensAt: parseInstant(s.opensAt) ?? 0 }),
    ...(s.closesAt !== undefined && { closesAt: parseInstant(s.closesAt) ?? 0 }),
    ...(s.rules !== undefined && {
      likesPerCandidatePerDay: s.rules.likesPerCandidatePerDay,
      likesPerVoterPerDay: s.rules.likesPerVoterPerDay,
    }),
    ...(s.showCounts !== undefined && { showCounts: s.showCounts }),
    ...(s.nomineeOrder !== undefined && { nomineeOrder: s.nomineeOrder }),
    ...(s.draft !== undefined && { draft: s.draft }),
    ...(s.identityMode !== undefined && { identityMode: s.identityMode }),
    ...(s.ingest !== undefined && { ingest: s.ingest, ingestSince: Date.now() }),
    ...("shards" in s && typeof s.shards === "number" && { shards: s.shards }),
    ...(s.notice !== undefined && noticeColumns(s.notice)),
    // Only the protection fields sent change; a missing one keeps its value.
    ...(s.protection !== undefined &&
      Object.fromEntries(Object.entries(s.protection).filter(([, value]) => value !== undefined))),
  };
}

/** Whether an error from D1 is a UNIQUE constraint violation. */
export function isUniqueViolation(error: unknown): boolean {
  return /UNIQUE constraint failed/i.test(String((error as Error)?.message ?? error));
}

/**
 * Creates a campaign and its audit entry in one transaction; null when the slug is taken (a
 * UNIQUE violation rolls back both).
 */
export async function createCampaign(
  db: Database,
  settings: CampaignSettings,
  actor: Organizer,
  now: number,
): Promise<Campaign | null> {
  const values = {
    ...toColumns(settings),
    slug: settings.slug,
    title: settings.title,
    organizer: settings.organizer,
    opensAt: parseInstant(settings.opensAt) ?? 0,
    closesAt: parseInstant(settings.closesAt) ?? 0,
    createdAt: now,
    updatedAt: now,
  };
  try {
    const [created] = await db.batch([
      db.insert(campaigns).values(values).returning(),
      // The audit row finds the new campaign's id by slug inside the same transaction.
      db.insert(auditLog).select(
        db
          .select({
            id: sql<number>`NULL`.as("id"),
            campaignId: campaigns.id,
            actor: sql<string>`${actorLabel(actor)}`.as("actor"),
            action: sql<string>`'campaign.create'`.as("action"),
            before: sql`NULL`.as("before"),
            after: sql`${JSON.stringify(values)}`.as("after"),
            createdAt: sql<number>`${now}`.as("created_at"),
          })
          .from(campaigns)
          .where(eq(campaigns.slug, settings.slug)),
      ),
    ]);
    return created[0] ?? null;
  } catch (error) {
    if (isUniqueViolation(error)) return null;
    throw error;
  }
}

/** Applies a settings patch and records it; returns the new row. */
export async function updateCampaign(
  db: Database,
  before: Campaign,
  patch: CampaignPatch,
  actor: Organizer,
  now: number,
): Promise<Campaign> {
  return changeCampaign(db, before, toColumns(patch), "campaign.update", actor, now);
}

/** A lifecycle action's change (see domain/lifecycle), recorded as `campaign.<action>`. */
export async function applyCampaignChange(
  db: Database,
  before: Campaign,
  change: LifecycleChange,
  action: LifecycleAction,
  actor: Organizer,
  now: number,
): Promise<Campaign> {
  return changeCampaign(db, before, change, `campaign.${action}`, actor, now);
}

async function changeCampaign(
  db: Database,
  before: Campaign,
  change: Partial<Campaign>,
  action: string,
  actor: Organizer,
  now: number,
): Promise<Campaign> {
  const after = { ...before, ...change, updatedAt: now };
  const updated = await audited(
    db,
    db
      .update(campaigns)
      .set({ ...change, updatedAt: now })
      .where(eq(campaigns.id, before.id))
      .returning(),
    { campaignId: before.id, actor, action, before, after, now },
  );
  return updated[0] ?? after;
}

/** Whether any like was ever recorded (counted or voided) for the campaign. */
export async function campaignHasLikes(db: Database, campaignId: number): Promise<boolean> {
  const row = await db
    .select({ id: likes.id })
    .from(likes)
    .where(eq(likes.campaignId, campaignId))
    .limit(1)
    .get();
  return row !== undefined;
}

/** Deletes a campaign that has no likes (its nominees go with it). */
export async function deleteCampaign(
  db: Database,
  campaign: Campaign,
  actor: Organizer,
  now: number,
) {
  await db.batch([
    db.delete(nominees).where(eq(nominees.campaignId, campaign.id)),
    db.delete(campaigns).where(eq(campaigns.id, campaign.id)),
    auditStatement(db, {
      campaignId: campaign.id,
      actor,
      action: "campaign.delete",
      before: campaign,
      now,
    }),
  ]);
}
