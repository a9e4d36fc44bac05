import type { Context } from "hono";
import { findCampaign } from "../../db/queries/admin-campaigns";
import { findNominee } from "../../db/queries/nominees";
import type { Campaign, Nominee } from "../../db/schema";
import { ApiError } from "../../errors";
import type { AppEnv } from "../../types";

/** Any campaign by slug, drafts included; 404 `campaign_not_found` otherwise. */
export async function loadCampaign(c: Context<AppEnv>): Promise<Campaign> {
  const campaign = await findCampaign(c.var.db, c.req.param("slug") ?? "");
  if (!campaign) throw new ApiError(404, "campaign_not_found", "No such campaign.");
  return campaign;
}

export async function loadNominee(c: Context<AppEnv>, campaign: Campaign): Promise<Nominee> {
  const raw = c.req.param("number") ?? "";
  const nominee = /^[1-9]\d{0,8}$/.test(raw)
    ? await findNominee(c.var.db, campaign.id, Number(raw))
    : undefined;
  if (!nominee) throw new ApiError(404, "candidate_not_found", `No nominee number ${raw}.`);
  return nominee;
}
