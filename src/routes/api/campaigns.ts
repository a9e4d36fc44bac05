import { Hono } from "hono";
import { campaignTotals, listPublicCampaigns } from "../../db/queries/campaigns";
import type { AppEnv } from "../../types";
import { campaignDetail, campaignSummary, publicView } from "../../views/api-json";
import { publicCampaign } from "../shared/campaign";

export const campaignsApi = new Hono<AppEnv>()
  .get("/", async (c) => {
    const now = Date.now();
    const rows = await listPublicCampaigns(c.var.db);
    return c.json({ campaigns: rows.map((row) => campaignSummary(row, now)) });
  })
  .get("/:slug", publicCampaign, async (c) => {
    const campaign = c.var.campaign;
    const totals = await campaignTotals(c.var.db, campaign.id);
    return c.json(campaignDetail(campaign, publicView(campaign, Date.now()), totals));
  });
