import { Hono } from "hono";
import { listNomineesAdmin } from "../../db/queries/admin-nominees";
import { campaignTotals } from "../../db/queries/campaigns";
import {
  isHonoreesFrozen,
  publishHonorees,
  withdrawPublication,
} from "../../db/queries/publication";
import { applyLifecycle } from "../../domain/lifecycle";
import { ApiError } from "../../errors";
import type { AppEnv } from "../../types";
import { PublishRequest, WithdrawRequest } from "../../validators/campaign";
import { validate } from "../../validators/hook";
import { adminCampaign } from "../../views/admin-json";
import { organizerCampaign } from "../shared/campaign";

/**
 * Publication and its withdrawal (撤回公布 / 重新公布). Publishing stores the honoree list on the
 * campaign and freezes the 当选 flags (trigger `nominees_honoree_frozen`); changing the list takes
 * a withdrawal with a reason, then a republication with a reason. Mounted before the campaign
 * routes, whose lifecycle actions no longer include publish.
 */
export const adminPublicationApi = new Hono<AppEnv>()
  .post("/:slug/publish", organizerCampaign, validate("json", PublishRequest), async (c) => {
    const campaign = c.var.campaign;
    const now = Date.now();
    const result = applyLifecycle("publish", campaign, now);
    if (!result.ok) throw new ApiError(409, "invalid_state", result.message);
    const { honorees, reason } = c.req.valid("json");
    if (campaign.publicationWithdrawnAt !== null && !reason)
      throw new ApiError(
        400,
        "invalid_body",
        "reason: the publication was withdrawn; say why the honorees are published again",
      );
    const known = new Set((await listNomineesAdmin(c.var.db, campaign.id)).map((n) => n.number));
    const unknown = honorees.filter((n) => !known.has(n));
    if (unknown.length)
      throw new ApiError(400, "invalid_body", `No nominee numbered ${unknown.join(", ")}.`);
    let updated: Awaited<ReturnType<typeof publishHonorees>>;
    try {
      updated = await publishHonorees(
        c.var.db,
        campaign,
        honorees,
        reason ?? "",
        c.var.organizer,
        now,
      );
    } catch (error) {
      if (!isHonoreesFrozen(error)) throw error;
      updated = undefined;
    }
    if (!updated) throw new ApiError(409, "invalid_state", "Results are already published.");
    return c.json(adminCampaign(updated, await campaignTotals(c.var.db, campaign.id), now));
  })
  .post("/:slug/withdraw", organizerCampaign, validate("json", WithdrawRequest), async (c) => {
    const campaign = c.var.campaign;
    const now = Date.now();
    if (campaign.publishedAt === null)
      throw new ApiError(409, "invalid_state", "Only a published result can be withdrawn.");
    const { reason } = c.req.valid("json");
    const updated = await withdrawPublication(c.var.db, campaign, reason, c.var.organizer, now);
    if (!updated) throw new ApiError(409, "invalid_state", "The result was withdrawn meanwhile.");
    return c.json(adminCampaign(updated, await campaignTotals(c.var.db, campaign.id), now));
  });
