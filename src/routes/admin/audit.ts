import { Hono } from "hono";
import { findCampaign } from "../../db/queries/admin-campaigns";
import { listAudit } from "../../db/queries/audit";
import { mayAccessCampaign } from "../../domain/organizer-accounts";
import { ApiError } from "../../errors";
import type { AppEnv } from "../../types";
import { validate } from "../../validators/hook";
import { AuditQuery } from "../../validators/queries";

/** GET /api/admin/audit?campaign=<slug>&before=<id>&limit=<n>: newest first. */
export const adminAuditApi = new Hono<AppEnv>().get(
  "/",
  validate("query", AuditQuery, "invalid_query"),
  async (c) => {
    const { campaign: slug, before, limit } = c.req.valid("query");
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
    const entries = await listAudit(c.var.db, {
      campaignId,
      beforeId: before,
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
  },
);
