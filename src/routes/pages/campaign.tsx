import { Hono } from "hono";
import * as v from "valibot";
import type { Database } from "../../db/client";
import { campaignTotals } from "../../db/queries/campaigns";
import { combinedResult } from "../../db/queries/combined";
import { listGroups, listNominees, type NomineeFilter } from "../../db/queries/nominees";
import type { Campaign } from "../../db/schema";
import { voterShuffle } from "../../domain/ordering";
import { identifyVoter } from "../../middleware/voter";
import type { AppEnv } from "../../types";
import { CandidateQuery } from "../../validators/candidates";
import { publicView } from "../../views/api-json";
import { CampaignPage, NomineeGrid } from "../../views/pages/campaign-page";
import { campaignOrPreview } from "../shared/campaign";
import { pageBase, previewOnly, privatePage, renderPage } from "./page-context";

/** The page forgives what the API refuses: a bad parameter falls back to its default. */
function pageFilter(query: Record<string, string>, showLikes: boolean): NomineeFilter {
  const parsed = v.safeParse(CandidateQuery, {
    q: query.q?.slice(0, 100),
    group: query.group || undefined,
    sort: query.sort === "likes" && showLikes ? "likes" : "number",
  });
  return parsed.success ? parsed.output : { sort: "number" };
}

/** The honorees first (by number), the others below, and the combined method if there was one. */
async function wallData(db: Database, campaign: Campaign, showLikes: boolean) {
  const [all, result] = await Promise.all([
    listNominees(db, campaign.id, { sort: "number" }),
    combinedResult(db, campaign),
  ]);
  // The list stored at publication, never the flags as they are now (issue 14).
  const published = new Set(campaign.publishedHonorees ?? []);
  const honorees = all.filter((n) => published.has(n.number));
  if (honorees.length === 0) return undefined;
  const withCommittee = result.scoringClosed && result.jurorCount > 0;
  return {
    honorees,
    others: all.filter((n) => !published.has(n.number)),
    method: withCommittee ? result.method : undefined,
    scores:
      withCommittee && showLikes
        ? new Map(result.rows.map((r) => [r.number, r.combinedScore]))
        : undefined,
  };
}

export const campaignPages = new Hono<AppEnv>().get("/c/:slug", identifyVoter, async (c) => {
  const { campaign, preview } = await campaignOrPreview(c, c.req.param("slug"));
  // An organizer's preview of a draft is theirs alone: no shared or browser cache keeps it.
  const answer = (res: Response | Promise<Response>) =>
    preview ? Promise.resolve(res).then(previewOnly) : res;
  const now = Date.now();
  const view = publicView(campaign, now);
  const filter = pageFilter(c.req.query(), view.showLikes);
  privatePage(c);
  // The organizer may show each voter their own stable shuffle instead of number order.
  const ordered = async () => {
    const rows = await listNominees(c.var.db, campaign.id, filter);
    return campaign.nomineeOrder === "shuffle" && filter.sort === "number"
      ? voterShuffle(rows, c.var.voter.hash)
      : rows;
  };
  if (c.req.query("fragment") === "grid") {
    const nominees = await ordered();
    return answer(
      c.html(
        <NomineeGrid
          campaign={campaign}
          nominees={nominees}
          showLikes={view.showLikes}
          m={c.var.prefs.m}
        />,
      ),
    );
  }
  const [nominees, groups, totals, wall] = await Promise.all([
    ordered(),
    listGroups(c.var.db, campaign.id),
    campaignTotals(c.var.db, campaign.id),
    view.status === "published" ? wallData(c.var.db, campaign, view.showLikes) : undefined,
  ]);
  return answer(
    renderPage(
      c,
      <CampaignPage
        preview={preview}
        {...pageBase(c)}
        campaign={campaign}
        status={view.status}
        showLikes={view.showLikes}
        totalLikes={totals.totalLikes}
        candidateCount={totals.candidateCount}
        nominees={nominees}
        groups={groups}
        filter={filter}
        now={now}
        wall={wall}
      />,
    ),
  );
});
