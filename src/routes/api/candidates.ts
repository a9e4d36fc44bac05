import { Hono } from "hono";
import * as v from "valibot";
import { findNominee, listNominees } from "../../db/queries/nominees";
import { ApiError } from "../../errors";
import type { AppEnv } from "../../types";
import { CandidateQuery, NomineeNumber } from "../../validators/candidates";
import { validate } from "../../validators/hook";
import { candidateDetail, candidateItem, publicView } from "../../views/api-json";
import { requireCampaign } from "./campaign-loader";

/** Parses 编号 from a URL; anything that is not one is simply not found. */
export function nomineeNumberOrNotFound(raw: string): number {
  const parsed = v.safeParse(NomineeNumber, raw);
  if (!parsed.success) throw candidateNotFound(raw);
  return parsed.output;
}

function candidateNotFound(number: string | number): ApiError {
  return new ApiError(404, "candidate_not_found", `No nominee number ${number}.`);
}

export const candidatesApi = new Hono<AppEnv>()
  .get("/:slug/candidates", validate("query", CandidateQuery, "invalid_query"), async (c) => {
    const query = c.req.valid("query");
    const campaign = await requireCampaign(c, c.req.param("slug"));
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
  })
  .get("/:slug/candidates/:number", async (c) => {
    const number = nomineeNumberOrNotFound(c.req.param("number"));
    const campaign = await requireCampaign(c, c.req.param("slug"));
    const nominee = await findNominee(c.var.db, campaign.id, number);
    if (!nominee) throw candidateNotFound(number);
    return c.json(candidateDetail(nominee, publicView(campaign, Date.now())));
  });
