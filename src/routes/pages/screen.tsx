import { Hono } from "hono";
import { campaignTotals } from "../../db/queries/campaigns";
import { listHonorees, nomineeNames } from "../../db/queries/ceremony";
import { tallies } from "../../db/queries/results";
import { qrSvg } from "../../domain/qr";
import { rankByLikes } from "../../domain/ranking";
import type { AppEnv } from "../../types";
import { publicView } from "../../views/api-json";
import { ScreenPage } from "../../views/pages/screen-page";
import { requireCampaign } from "../shared/campaign";
import { publicOrigin, renderPage } from "./page-context";

/** Rows on the screen by default: ten are readable from the back of a hall. */
export const DEFAULT_TOP = 10;
const MAX_TOP = 100;

/** `?top=N` (1–100) or `?top=all`; anything else is the default. */
export function screenTop(raw: string | undefined, count: number): number {
  if (raw === "all") return Math.min(count, MAX_TOP);
  const n = raw && /^\d{1,3}$/.test(raw) ? Number(raw) : DEFAULT_TOP;
  return Math.max(1, Math.min(n, MAX_TOP));
}

/**
 * GET /c/:slug/screen — the 大屏 for the hall's projector (views/pages/screen-page.tsx). The
 * ranking comes from the same counters as the results API; while the public may not see counts,
 * nothing about counts or order is read.
 */
export const screenPages = new Hono<AppEnv>().get("/c/:slug/screen", async (c) => {
  const campaign = await requireCampaign(c, c.req.param("slug"));
  const now = Date.now();
  const view = publicView(campaign, now);
  const db = c.var.db;
  const [totals, slides] = await Promise.all([
    campaignTotals(db, campaign.id),
    view.status === "published" ? listHonorees(db, campaign.id) : [],
  ]);
  const top = screenTop(c.req.query("top"), totals.candidateCount);
  const rows = view.showLikes ? rankByLikes(await tallies(db, campaign.id)).slice(0, top) : null;
  const names = rows ? [] : await nomineeNames(db, campaign.id);
  const voteUrl = `${publicOrigin(c)}/c/${campaign.slug}`;
  return renderPage(
    c,
    <ScreenPage
      campaign={campaign}
      status={view.status}
      rows={rows}
      names={names}
      top={top}
      candidateCount={totals.candidateCount}
      totalLikes={totals.totalLikes}
      slides={slides}
      rankingAsked={c.req.query("view") === "ranking"}
      qrSvg={qrSvg(voteUrl, 10)}
      voteUrl={voteUrl}
      prefs={c.var.prefs}
      now={now}
    />,
  );
});
