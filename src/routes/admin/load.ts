import type { Context } from "hono";
import { findCampaign } from "../../db/queries/admin-campaigns";
import type { Campaign, Nominee } from "../../db/schema";
import { mayAccessCampaign } from "../../domain/organizer-accounts";
import { ApiError } from "../../errors";
import type { AppEnv } from "../../types";
import { requireNominee } from "../api/campaign-loader";

/** Any campaign by slug, drafts included; 404 `campaign_not_found` otherwise. */
export async function loadCampaign(c: Context<AppEnv>): Promise<Campaign> {
  const campaign = await findCampaign(c.var.db, c.req.param("slug") ?? "");
  const organizer = c.get("organizer");
  // An account limited to other campaigns is told what a stranger is told: no such campaign.
  if (!campaign || (organizer && !mayAccessCampaign(organizer, campaign.id)))
    throw new ApiError(404, "campaign_not_found", "No such campaign.");
  return campaign;
}

/** A nominee of any campaign (drafts included) by the 编号 in the URL; 404 otherwise. */
export function loadNominee(c: Context<AppEnv>, campaign: Campaign): Promise<Nominee> {
  return requireNominee(c, campaign, c.req.param("number") ?? "");
}
