import { Hono } from "hono";
import { combinedResult } from "../../db/queries/combined";
import { ApiError } from "../../errors";
import type { AppEnv } from "../../types";
import { combinedJson } from "../../views/selection-json";
import { organizerCampaign } from "../shared/campaign";

/**
 * The combined result (综合结果) for organizers: weights, method, the combined ranking beside the
 * public-only and committee-only ranks, ties explained. Shown once scoring is closed, because
 * before that the committee's scores are not visible to anyone. Weights and the method are set
 * with PATCH …/selection; the honorees are marked by POST …/publish.
 */
export const adminCombinedApi = new Hono<AppEnv>().get(
  "/:slug/combined",
  organizerCampaign,
  async (c) => {
    const campaign = c.var.campaign;
    const result = await combinedResult(c.var.db, campaign);
    if (!result.scoringClosed)
      throw new ApiError(
        409,
        "scoring_open",
        "The combined result is shown once scoring is closed (POST …/scoring/close).",
      );
    return c.json(combinedJson(result));
  },
);
