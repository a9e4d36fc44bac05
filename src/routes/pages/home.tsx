import { Hono } from "hono";
import { listPublicCampaigns } from "../../db/queries/campaigns";
import { campaignStatus } from "../../domain/campaign-status";
import type { AppEnv } from "../../types";
import { HomePage } from "../../views/pages/home-page";
import { pageBase, renderPage } from "./page-context";

/** `/`: straight to the campaign when exactly one is live, otherwise the list. */
export const homePages = new Hono<AppEnv>().get("/", async (c) => {
  const now = Date.now();
  const campaigns = (await listPublicCampaigns(c.var.db)).map((campaign) => ({
    campaign,
    status: campaignStatus(campaign, now),
  }));
  const live = campaigns.filter(
    (x) => x.status === "open" || x.status === "paused" || x.status === "upcoming",
  );
  if (live.length === 1 && live[0]) {
    const search = new URL(c.req.url).search;
    return c.redirect(`/c/${live[0].campaign.slug}${search}`, 302);
  }
  const m = c.var.prefs.m;
  const shown = live.length > 1 ? live : campaigns;
  return renderPage(
    c,
    <HomePage
      {...pageBase(c)}
      campaigns={shown.map(({ campaign, status }) => ({
        slug: campaign.slug,
        title: campaign.title,
        organizer: campaign.organizer,
        statusText: m.status[status],
      }))}
    />,
  );
});
