import { type Context, Hono } from "hono";
import { campaignTotals } from "../../db/queries/campaigns";
import { copyCampaign, copySources, type NewLink } from "../../db/queries/copy-campaign";
import { hashLinkToken, newLinkToken } from "../../domain/selection-links";
import { ApiError } from "../../errors";
import type { AppEnv } from "../../types";
import { CopyRequest } from "../../validators/campaign";
import { validate } from "../../validators/hook";
import { adminCampaign } from "../../views/admin-json";
import { publicOrigin } from "../pages/page-context";
import { organizerCampaign } from "../shared/campaign";

async function newLink(name: string): Promise<NewLink> {
  const token = newLinkToken();
  return { name, token, tokenHash: await hashLinkToken(token) };
}

const linkUrl = (c: Context<AppEnv>, kind: "n" | "j", token: string) =>
  `${publicOrigin(c)}/${kind}/${token}`;

/**
 * `POST /api/admin/campaigns/:slug/copy`: a new draft from a campaign's setup (issue 14). Links
 * are bearer secrets, so copied units and jurors get new ones; this answer is the only time
 * their tokens are shown.
 */
export const adminCopyApi = new Hono<AppEnv>().post(
  "/:slug/copy",
  organizerCampaign,
  validate("json", CopyRequest),
  async (c) => {
    const source = c.var.campaign;
    // A copy is a new campaign: like creating one, not for an account limited to some campaigns.
    if (c.var.organizer.campaignIds)
      throw new ApiError(403, "forbidden", "This account is limited to some campaigns.");
    const input = c.req.valid("json");
    const sources = await copySources(c.var.db, source);
    const links = {
      invites: await Promise.all(sources.invites.map((i) => newLink(i.unit))),
      jurors: await Promise.all(sources.jurors.map((j) => newLink(j.name))),
    };
    const now = Date.now();
    const created = await copyCampaign(
      c.var.db,
      source,
      input,
      links,
      sources,
      c.var.organizer,
      now,
    );
    if (!created)
      throw new ApiError(409, "slug_taken", `The slug "${input.slug}" is already used.`);
    return c.json(
      {
        campaign: adminCampaign(created, await campaignTotals(c.var.db, created.id), now),
        invitations: links.invites.map((l) => ({ unit: l.name, url: linkUrl(c, "n", l.token) })),
        jurors: links.jurors.map((l) => ({ name: l.name, url: linkUrl(c, "j", l.token) })),
      },
      201,
    );
  },
);
