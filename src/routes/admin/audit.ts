import { Hono } from "hono";
import { findCampaign } from "../../db/queries/admin-campaigns";
import { listAudit } from "../../db/queries/audit";
import { mayAccessCampaign } from "../../domain/organizer-accounts";
import { ApiError } from "../../errors";
import type { AppEnv } from "../../types";

/** GET /api/admin/audit?campaign=<slug>&before=<id>&limit=<n>: newest first. */
export const adminAuditApi = new Hono<AppEnv>().get("/", async (c) => {
  const slug = c.req.query("campaign");
  const before = c.req.query("before");
  const limitRaw = c.req.query("limit");
  if ((before && !/^\d{1,12}$/.test(before)) || (limitRaw && !/^\d{1,4}$/.test(limitRaw))) {
    throw new ApiError(400, "invalid_query", "before and limit must be whole numbers.");
  }
  let campaignId: number | undefined;
  const organizer = c.var.organizer;
  if (slug) {
    const campaign = await findCampaign(c.var.db, slug);
    if (!campaign || !mayAccessCampaign(organizer, campaign.id))
      throw new ApiError(404, "campaign_not_found", "No such campaign.");
    campaignId = campaign.id;
  } else if (organizer.campaignIds) {
    // The whole log holds other campaigns' entries and account changes.
    throw new ApiError(
      403,
      "forbidden",
      "This account reads the audit log one campaign at a time.",
    );
  }
  const limit = Math.min(Math.max(Number(limitRaw ?? 100), 1), 500);
  const entries = await listAudit(c.var.db, {
    campaignId,
    beforeId: before ? Number(before) : undefined,
    limit,
  });
  return c.json({
    entries: entries.map((e) => ({
      id: e.id,
      at: new Date(e.createdAt).toISOString(),
      actor: e.actor,
      action: e.action,
      before: e.before,
      after: e.after,
    })),
    next: entries.length === limit ? entries[entries.length - 1]?.id : null,
  });
});
