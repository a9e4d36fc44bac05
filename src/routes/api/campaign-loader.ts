import type { Context } from "hono";
import { findPublicCampaign } from "../../db/queries/campaigns";
import type { Campaign } from "../../db/schema";
import { ApiError } from "../../errors";
import type { AppEnv } from "../../types";

/** The public campaign for `slug`, or a 404 `campaign_not_found` (drafts included). */
export async function requireCampaign(c: Context<AppEnv>, slug: string): Promise<Campaign> {
  const campaign = await findPublicCampaign(c.var.db, slug);
  if (!campaign) throw new ApiError(404, "campaign_not_found", `No campaign "${slug}".`);
  return campaign;
}
