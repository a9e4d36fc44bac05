import type { Context } from "hono";
import { Hono } from "hono";
import * as v from "valibot";
import type { Database } from "../../db/client";
import { createInvite, findInvite, listInvites, revokeInvite } from "../../db/queries/invitations";
import {
  decideNomination,
  findNomination,
  listForReview,
  reopenNomination,
} from "../../db/queries/nominations";
import { changeSelectionSettings, getSelectionSettings } from "../../db/queries/selection";
import { type ReviewDecision, type ReviewResult, reopen, review } from "../../domain/nomination";
import { hashLinkToken, newLinkToken } from "../../domain/selection-links";
import { parseInstant } from "../../domain/time";
import { ApiError } from "../../errors";
import type { AppEnv } from "../../types";
import { validate } from "../../validators/hook";
import { NominationsQuery } from "../../validators/queries";
import {
  InviteRequest,
  ReopenRequest,
  ReviewRequest,
  SelectionPatch,
} from "../../validators/selection";
import { inviteJson, reviewItem, settingsJson } from "../../views/selection-json";
import { publicOrigin } from "../pages/page-context";
import { idParam, linkExpiry } from "../shared/admin-links";
import { organizerCampaign } from "../shared/campaign";

/**
 * The organizer's side of nominations: selection settings (nomination phase, quotas, weights),
 * invitation links per unit, and the preliminary review (初选). Every write is audit-logged in
 * the same batch.
 */

/** The link a unit opens; the token appears only in this answer. */
export function inviteUrl(c: Context<AppEnv>, token: string): string {
  return `${publicOrigin(c)}/n/${token}`;
}

async function loadNomination(db: Database, campaignId: number, id: number) {
  const item = await findNomination(db, campaignId, id);
  if (!item) throw new ApiError(404, "nomination_not_found", "No such nomination.");
  return item;
}

/** A review step the nomination's state does not allow: 400 without a comment, else 409. */
function refuseUnless(check: ReviewResult): asserts check is Extract<ReviewResult, { ok: true }> {
  if (!check.ok)
    throw new ApiError(check.code === "comment_required" ? 400 : 409, check.code, check.message);
}

export const adminNominationsApi = new Hono<AppEnv>()
  .get("/:slug/selection", organizerCampaign, async (c) => {
    const campaign = c.var.campaign;
    const settings = await getSelectionSettings(c.var.db, campaign.id);
    return c.json(settingsJson(settings, campaign.timeZone, Date.now()));
  })
  .patch("/:slug/selection", organizerCampaign, validate("json", SelectionPatch), async (c) => {
    const campaign = c.var.campaign;
    const patch = c.req.valid("json");
    const before = await getSelectionSettings(c.var.db, campaign.id);
    // The published result stays as it was announced.
    if (
      campaign.publishedAt !== null &&
      (patch.weightPublic !== undefined || patch.publicMethod !== undefined)
    )
      throw new ApiError(409, "invalid_state", "Results are published; the weights are final.");
    const after = await changeSelectionSettings(
      c.var.db,
      campaign,
      before,
      {
        ...(patch.nominationsCloseAt !== undefined && {
          nominationsCloseAt:
            patch.nominationsCloseAt === null ? null : parseInstant(patch.nominationsCloseAt),
        }),
        ...(patch.defaultQuota !== undefined && { defaultQuota: patch.defaultQuota }),
        ...(patch.weightPublic !== undefined && { weightPublic: patch.weightPublic }),
        ...(patch.publicMethod !== undefined && { publicMethod: patch.publicMethod }),
      },
      "selection.update",
      c.var.organizer,
      Date.now(),
    );
    return c.json(settingsJson(after, campaign.timeZone, Date.now()));
  })
  .get("/:slug/invitations", organizerCampaign, async (c) => {
    const campaign = c.var.campaign;
    const now = Date.now();
    const items = await listInvites(c.var.db, campaign.id);
    return c.json({ items: items.map((i) => inviteJson(i, campaign.timeZone, now)) });
  })
  .post("/:slug/invitations", organizerCampaign, validate("json", InviteRequest), async (c) => {
    const campaign = c.var.campaign;
    const input = c.req.valid("json");
    const now = Date.now();
    const settings = await getSelectionSettings(c.var.db, campaign.id);
    const expiresAt = linkExpiry(input.expiresAt, settings.nominationsCloseAt, now);
    const token = newLinkToken();
    const invite = await createInvite(
      c.var.db,
      campaign,
      {
        unit: input.unit,
        group: input.group,
        contact: input.contact,
        quota: input.quota ?? settings.defaultQuota,
        expiresAt,
      },
      await hashLinkToken(token),
      c.var.organizer,
      now,
    );
    return c.json(
      {
        ...inviteJson(invite, campaign.timeZone, now),
        used: 0,
        submitted: 0,
        token,
        url: inviteUrl(c, token),
      },
      201,
    );
  })
  .post("/:slug/invitations/:id/revoke", organizerCampaign, idParam, async (c) => {
    const campaign = c.var.campaign;
    const invite = await findInvite(c.var.db, campaign.id, c.req.valid("param").id);
    if (!invite) throw new ApiError(404, "invitation_not_found", "No such invitation.");
    const now = Date.now();
    if (invite.revokedAt === null) await revokeInvite(c.var.db, invite, c.var.organizer, now);
    return c.json(
      inviteJson({ ...invite, revokedAt: invite.revokedAt ?? now }, campaign.timeZone, now),
    );
  })
  .get(
    "/:slug/nominations",
    organizerCampaign,
    validate("query", NominationsQuery, "invalid_query"),
    async (c) => {
      const campaign = c.var.campaign;
      const items = await listForReview(c.var.db, campaign.id);
      const { status } = c.req.valid("query");
      return c.json({
        items: items
          .filter((n) => !status || n.status === status)
          .map((n) => reviewItem(n, campaign.timeZone)),
      });
    },
  )
  .post(
    "/:slug/nominations/:id/reopen",
    organizerCampaign,
    idParam,
    validate("json", ReopenRequest),
    async (c) => {
      const campaign = c.var.campaign;
      const item = await loadNomination(c.var.db, campaign.id, c.req.valid("param").id);
      const { reason } = c.req.valid("json");
      const check = reopen(item.status, reason);
      refuseUnless(check);
      const updated = await reopenNomination(
        c.var.db,
        campaign,
        item,
        reason,
        c.var.organizer,
        Date.now(),
      );
      if (!updated) throw new ApiError(409, "invalid_state", "The nomination changed meanwhile.");
      return c.json(reviewItem({ ...updated, inviteUnit: item.inviteUnit }, campaign.timeZone));
    },
  )
  .post(
    "/:slug/nominations/:id/:decision{accept|return|decline}",
    organizerCampaign,
    idParam,
    // Accepting or declining needs no body at all.
    validate("json", v.optional(ReviewRequest, { comment: "" })),
    async (c) => {
      const campaign = c.var.campaign;
      const item = await loadNomination(c.var.db, campaign.id, c.req.valid("param").id);
      const decision = c.req.param("decision") as ReviewDecision;
      const { comment } = c.req.valid("json");
      const check = review(item.status, decision, comment);
      refuseUnless(check);
      const result = await decideNomination(
        c.var.db,
        campaign,
        item,
        decision,
        comment,
        c.var.organizer,
        Date.now(),
      );
      if (!result)
        throw new ApiError(409, "invalid_state", "The nomination was decided meanwhile.");
      const updated = await findNomination(c.var.db, campaign.id, item.id);
      return c.json({
        ...reviewItem(updated ?? item, campaign.timeZone),
        number: result.number,
      });
    },
  );
