import { Hono } from "hono";
import { campaignTotals, listPublicCampaigns } from "../../db/queries/campaigns";
import type { AppEnv } from "../../types";
import { campaignDetail, campaignSummary, publicView } from "../../views/api-json";
import { requireCampaign } from "./campaign-loader";

export const campaignsApi = new Hono<AppEnv>()
  .get("/", async (c) => {
    const now = Date.now();
    const rows = await listPublicCampaigns(c.var.db);
    return c.json({ campaigns: rows.map((row) => campaignSummary(row, now)) });
  })
  .get("/:slug", async (c) => {
    const campaign = await requireCampaign(c, c.req.param("slug"));
    const totals = await campaignTotals(c.var.db, campaign.id);
    return c.json(campaignDetail(campaign, publicView(campaign, Date.now()), totals));
  });
