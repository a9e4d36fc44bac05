import { type Context, Hono } from "hono";
import {
  applyCampaignChange,
  campaignHasLikes,
  createCampaign,
  deleteCampaign,
  isUniqueViolation,
  listAllCampaigns,
  updateCampaign,
} from "../../db/queries/admin-campaigns";
import { campaignTotals } from "../../db/queries/campaigns";
import { campaignDashboard } from "../../db/queries/dashboard";
import { markHotFromLedger } from "../../db/queries/like-hot";
import { applyLifecycle, type LifecycleAction } from "../../domain/lifecycle";
import { mayAccessCampaign } from "../../domain/organizer-accounts";
import { isoInZone } from "../../domain/time";
import { ApiError } from "../../errors";
import { wechatOAuthConfig } from "../../integrations/wechat-oauth";
import { flushCampaign, ingestState } from "../../shards/barrier";
import type { AppEnv } from "../../types";
import { CampaignPatch, CampaignSettings } from "../../validators/campaign";
import { validate } from "../../validators/hook";
import { adminCampaign } from "../../views/admin-json";
import { organizerCampaign } from "../shared/campaign";

/** The WeChat identity mode needs an Official Account: refuse it while none is configured. */
function requireWeChatIfAsked(c: Context<AppEnv>, identityMode: string | undefined): void {
  if (identityMode === "wechat" && !wechatOAuthConfig(c.env)) {
    throw new ApiError(
      400,
      "wechat_not_configured",
      "identityMode wechat needs WECHAT_APP_ID and WECHAT_APP_SECRET (see docs/operations.md).",
    );
  }
}

async function lifecycle(c: Context<AppEnv>, action: LifecycleAction): Promise<Response> {
  const campaign = c.var.campaign;
  const now = Date.now();
  const result = applyLifecycle(action, campaign, now);
  if (!result.ok) throw new ApiError(409, "invalid_state", result.message);
  // The like shards (issue 16): closing marks every shard closed and flushes it before the status
  // changes, so no like is acknowledged after the close and every one before it is in D1;
  // reopening lets them take likes again.
  if (result.change.closedAt !== undefined && result.change.closedAt !== null) {
    await flushCampaign(c.env, campaign.id, { mark: "closed" });
  } else if (result.change.closedAt === null && campaign.closedAt !== null) {
    await flushCampaign(c.env, campaign.id, { mark: null });
  }
  const updated = await applyCampaignChange(
    c.var.db,
    campaign,
    result.change,
    action,
    c.var.organizer,
    now,
  );
  return c.json(adminCampaign(updated, await campaignTotals(c.var.db, campaign.id), now));
}

/**
 * One route per lifecycle action. (A single `/:slug/:action{open|…}` route also matched longer
 * paths ending in one of the words, e.g. `…/scoring/close`, and closed voting.)
 */
export const adminCampaignsApi = new Hono<AppEnv>()
  .get("/", async (c) => {
    const now = Date.now();
    const rows = (await listAllCampaigns(c.var.db)).filter((r) =>
      mayAccessCampaign(c.var.organizer, r.campaign.id),
    );
    return c.json({ campaigns: rows.map((r) => adminCampaign(r.campaign, r, now)) });
  })
  .post("/", validate("json", CampaignSettings), async (c) => {
    const settings = c.req.valid("json");
    requireWeChatIfAsked(c, settings.identityMode);
    const created = await createCampaign(c.var.db, settings, c.var.organizer, Date.now());
    if (!created)
      throw new ApiError(409, "slug_taken", `The slug "${settings.slug}" is already used.`);
    return c.json(adminCampaign(created, { candidateCount: 0, totalLikes: 0 }, Date.now()), 201);
  })
  .get("/:slug", organizerCampaign, async (c) => {
    const campaign = c.var.campaign;
    return c.json(adminCampaign(campaign, await campaignTotals(c.var.db, campaign.id), Date.now()));
  })
  .patch("/:slug", organizerCampaign, validate("json", CampaignPatch), async (c) => {
    const campaign = c.var.campaign;
    const patch = c.req.valid("json");
    requireWeChatIfAsked(c, patch.identityMode);
    if ((patch.opensAt && !patch.closesAt) || (patch.closesAt && !patch.opensAt)) {
      const opens = patch.opensAt ? Date.parse(patch.opensAt) : campaign.opensAt;
      const closes = patch.closesAt ? Date.parse(patch.closesAt) : campaign.closesAt;
      if (closes <= opens)
        throw new ApiError(400, "invalid_body", "closesAt must be after opensAt");
    }
    if (patch.ingest !== undefined && patch.ingest !== campaign.ingest) {
      // Leaving the shards: each refuses from now on (its likers retry on the direct path) and
      // flushes; coming back: they take likes again (issue 16).
      await flushCampaign(c.env, campaign.id, { mark: patch.ingest === "direct" ? "moved" : null });
    }
    try {
      const updated = await updateCampaign(c.var.db, campaign, patch, c.var.organizer, Date.now());
      // The direct path's likes of the last minutes count in the shards' view of busy networks.
      if (patch.ingest === "sharded" && campaign.ingest === "direct")
        await markHotFromLedger(c.var.db, campaign.id, Date.now());
      return c.json(
        adminCampaign(updated, await campaignTotals(c.var.db, campaign.id), Date.now()),
      );
    } catch (error) {
      if (isUniqueViolation(error))
        throw new ApiError(409, "slug_taken", `The slug "${patch.slug}" is already used.`);
      throw error;
    }
  })
  .delete("/:slug", organizerCampaign, async (c) => {
    const campaign = c.var.campaign;
    if (await campaignHasLikes(c.var.db, campaign.id)) {
      throw new ApiError(
        409,
        "campaign_has_likes",
        "A campaign with likes cannot be deleted (the ledger is kept). Close it instead.",
      );
    }
    await deleteCampaign(c.var.db, campaign, c.var.organizer, Date.now());
    return c.body(null, 204);
  })
  .get("/:slug/dashboard", organizerCampaign, async (c) => {
    const campaign = c.var.campaign;
    const now = Date.now();
    const d = await campaignDashboard(c.var.db, campaign.id, now);
    return c.json({
      campaign: adminCampaign(
        campaign,
        { candidateCount: d.totals.nominees, totalLikes: d.totals.likes },
        now,
      ),
      generatedAt: isoInZone(now, campaign.timeZone),
      totals: d.totals,
      ranking: d.ranking,
      groups: d.groups,
      likesPerHour: d.hours.map((h) => ({
        hour: isoInZone(h.hour, campaign.timeZone),
        likes: h.likes,
      })),
      rejections: d.rejections,
    });
  })
  // The like shards' state (issue 16): pending likes, flushes, flush lag p99 (first ack → commit).
  .get("/:slug/ingest", organizerCampaign, async (c) => {
    c.header("Cache-Control", "no-store");
    return c.json(await ingestState(c.env, c.var.campaign));
  })
  .post("/:slug/open", organizerCampaign, (c) => lifecycle(c, "open"))
  .post("/:slug/pause", organizerCampaign, (c) => lifecycle(c, "pause"))
  .post("/:slug/resume", organizerCampaign, (c) => lifecycle(c, "resume"))
  .post("/:slug/close", organizerCampaign, (c) => lifecycle(c, "close"));
// Publishing (and withdrawing it) lives in ./publication.ts.
