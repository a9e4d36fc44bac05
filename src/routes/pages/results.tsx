import { Hono } from "hono";
import { listGroups } from "../../db/queries/nominees";
import { tallies } from "../../db/queries/results";
import { rankByLikes } from "../../domain/ranking";
import type { AppEnv } from "../../types";
import { publicView } from "../../views/api-json";
import { ResultsPage } from "../../views/pages/results-page";
import { requireCampaign } from "../shared/campaign";
import { pageBase, renderPage } from "./page-context";

export const resultsPages = new Hono<AppEnv>().get("/c/:slug/results", async (c) => {
  const campaign = await requireCampaign(c, c.req.param("slug"));
  const now = Date.now();
  const view = publicView(campaign, now);
  const groups = await listGroups(c.var.db, campaign.id);
  // While counts are hidden nothing is read, so nothing can leak into the page.
  const rows = view.showLikes ? rankByLikes(await tallies(c.var.db, campaign.id)) : null;
  const group = c.req.query("group");
  return renderPage(
    c,
    <ResultsPage
      {...pageBase(c)}
      campaign={campaign}
      status={view.status}
      rows={rows}
      groups={groups}
      group={group && groups.includes(group) ? group : null}
      generatedAt={now}
    />,
  );
});
