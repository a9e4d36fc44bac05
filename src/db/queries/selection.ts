import { eq } from "drizzle-orm";
import type { PublicMethod } from "../../domain/combined-score";
import type { Organizer } from "../../types";
import type { Database } from "../client";
import { type Campaign, campaigns, type SelectionSettings, selectionSettings } from "../schema";
import { audited } from "./audit";
import { firstRow } from "./campaign-rows";

/** The selection settings a campaign has until an organizer changes them. */
export function defaultSettings(campaignId: number): SelectionSettings {
  return {
    campaignId,
    nominationsCloseAt: null,
    defaultQuota: 3,
    weightPublic: 30,
    publicMethod: "share_of_max",
    scoringClosedAt: null,
    updatedAt: 0,
  };
}

/** A campaign's selection settings (the defaults when none were saved). */
export async function getSelectionSettings(
  db: Database,
  campaignId: number,
): Promise<SelectionSettings> {
  const row = await firstRow(db, selectionSettings, eq(selectionSettings.campaignId, campaignId));
  return row ?? defaultSettings(campaignId);
}

export interface SettingsChange {
  nominationsCloseAt?: number | null;
  defaultQuota?: number;
  weightPublic?: number;
  publicMethod?: PublicMethod;
  scoringClosedAt?: number | null;
}

/** Upserts settings and records `action` in the same batch. */
export async function changeSelectionSettings(
  db: Database,
  campaign: Campaign,
  before: SelectionSettings,
  change: SettingsChange,
  action: string,
  actor: Organizer,
  now: number,
): Promise<SelectionSettings> {
  const after: SelectionSettings = { ...before, ...change, updatedAt: now };
  await audited(
    db,
    db
      .insert(selectionSettings)
      .values(after)
      .onConflictDoUpdate({
        target: selectionSettings.campaignId,
        set: { ...change, updatedAt: now },
      }),
    { campaignId: campaign.id, actor, action, before, after, now },
  );
  return after;
}

/** The campaign a link belongs to (drafts included: units nominate before the public vote). */
export async function findCampaignById(
  db: Database,
  campaignId: number,
): Promise<Campaign | undefined> {
  return db.select().from(campaigns).where(eq(campaigns.id, campaignId)).get();
}
