import { Hono } from "hono";
import { listNominees } from "../../db/queries/nominees";
import { ApiError } from "../../errors";
import type { AppEnv } from "../../types";
import { CandidateQuery } from "../../validators/candidates";
import { validate } from "../../validators/hook";
import { candidateDetail, candidateItem, publicView } from "../../views/api-json";
import { nomineeParam, publicCampaign, requireNominee } from "../shared/campaign";

export const candidatesApi = new Hono<AppEnv>()
  .get(
    "/:slug/candidates",
    publicCampaign,
    validate("query", CandidateQuery, "invalid_query"),
    async (c) => {
      const query = c.req.valid("query");
      const campaign = c.var.campaign;
      const view = publicView(campaign, Date.now());
      // Ordering by likes would reveal the ranking while counts are hidden.
      if (query.sort === "likes" && !view.showLikes) {
        throw new ApiError(
          400,
          "invalid_query",
          "sort=likes is not available while counts are hidden.",
        );
      }
      const items = await listNominees(c.var.db, campaign.id, query);
      return c.json({ items: items.map((n) => candidateItem(n, view)), total: items.length });
    },
  )
  .get("/:slug/candidates/:number", publicCampaign, nomineeParam, async (c) => {
    const campaign = c.var.campaign;
    const nominee = await requireNominee(c, campaign, c.req.valid("param").number);
    return c.json(candidateDetail(nominee, publicView(campaign, Date.now())));
  });
