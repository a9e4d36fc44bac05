import type { Context } from "hono";
import { Hono } from "hono";
import { listNomineesAdmin } from "../../db/queries/admin-nominees";
import {
  allScores,
  createJuror,
  findJuror,
  renewJurorLink,
  revokeJuror,
} from "../../db/queries/jury";
import { changeSelectionSettings, getSelectionSettings } from "../../db/queries/selection";
import { campaignStatus } from "../../domain/campaign-status";
import { hashLinkToken, newLinkToken } from "../../domain/selection-links";
import { isoInZone } from "../../domain/time";
import { ApiError } from "../../errors";
import type { AppEnv } from "../../types";
import { validate } from "../../validators/hook";
import { JurorRequest } from "../../validators/selection";
import { jurorJson, settingsJson } from "../../views/selection-json";
import { publicOrigin } from "../pages/page-context";
import { idParam, linkExpiry } from "../shared/admin-links";
import { organizerCampaign } from "../shared/campaign";
import { juryProgress } from "../shared/jury-progress";

/**
 * The committee (审定): jurors with personal links, scoring progress and missing scores, and
 * closing scoring. Before scoring is closed the organizer sees who has scored whom, not the
 * scores: nobody can steer the panel by what it has said so far.
 */

const jurorUrl = (c: Context<AppEnv>, token: string) => `${publicOrigin(c)}/j/${token}`;

const expiryOf = (raw: string | undefined, closesAt: number) =>
  linkExpiry(raw, closesAt, Date.now());

export const adminJuryApi = new Hono<AppEnv>()
  .get("/:slug/jurors", organizerCampaign, async (c) => {
    const campaign = c.var.campaign;
    const settings = await getSelectionSettings(c.var.db, campaign.id);
    return c.json({
      scoringClosed: settings.scoringClosedAt !== null,
      ...(await juryProgress(c.var.db, campaign.id, campaign.timeZone)),
    });
  })
  .post("/:slug/jurors", organizerCampaign, validate("json", JurorRequest), async (c) => {
    const campaign = c.var.campaign;
    const input = c.req.valid("json");
    const expiresAt = expiryOf(input.expiresAt, campaign.closesAt);
    const token = newLinkToken();
    const now = Date.now();
    const juror = await createJuror(
      c.var.db,
      campaign,
      { name: input.name, expiresAt },
      await hashLinkToken(token),
      c.var.organizer,
      now,
    );
    const count = (await listNomineesAdmin(c.var.db, campaign.id)).length;
    return c.json(
      {
        ...jurorJson({ ...juror, scored: 0 }, count, campaign.timeZone, now),
        token,
        url: jurorUrl(c, token),
      },
      201,
    );
  })
  .post("/:slug/jurors/:id/link", organizerCampaign, idParam, async (c) => {
    const campaign = c.var.campaign;
    const juror = await findJuror(c.var.db, campaign.id, c.req.valid("param").id);
    if (!juror) throw new ApiError(404, "juror_not_found", "No such juror.");
    if (juror.revokedAt !== null)
      throw new ApiError(409, "invalid_state", "This juror was removed from the panel.");
    const token = newLinkToken();
    const expiresAt = expiryOf(undefined, campaign.closesAt);
    await renewJurorLink(
      c.var.db,
      juror,
      await hashLinkToken(token),
      expiresAt,
      c.var.organizer,
      Date.now(),
    );
    return c.json({
      id: juror.id,
      name: juror.name,
      expiresAt: isoInZone(expiresAt, campaign.timeZone),
      token,
      url: jurorUrl(c, token),
    });
  })
  .post("/:slug/jurors/:id/revoke", organizerCampaign, idParam, async (c) => {
    const campaign = c.var.campaign;
    const juror = await findJuror(c.var.db, campaign.id, c.req.valid("param").id);
    if (!juror) throw new ApiError(404, "juror_not_found", "No such juror.");
    if (juror.revokedAt === null) await revokeJuror(c.var.db, juror, c.var.organizer, Date.now());
    return c.json({ id: juror.id, name: juror.name, state: "revoked" });
  })
  .get("/:slug/scores", organizerCampaign, async (c) => {
    const campaign = c.var.campaign;
    const settings = await getSelectionSettings(c.var.db, campaign.id);
    if (settings.scoringClosedAt === null)
      throw new ApiError(
        409,
        "scoring_open",
        "Scores are shown once scoring is closed; GET …/jurors shows the progress.",
      );
    return c.json({ scores: await allScores(c.var.db, campaign.id) });
  })
  .post("/:slug/scoring/:action{close|reopen}", organizerCampaign, async (c) => {
    const campaign = c.var.campaign;
    const now = Date.now();
    const settings = await getSelectionSettings(c.var.db, campaign.id);
    const closing = c.req.param("action") === "close";
    if (!campaign.draft && campaignStatus(campaign, now) === "published")
      throw new ApiError(409, "invalid_state", "Results are published; scoring is final.");
    if (closing === (settings.scoringClosedAt !== null))
      throw new ApiError(
        409,
        "invalid_state",
        closing ? "Scoring is already closed." : "Scoring is open.",
      );
    const after = await changeSelectionSettings(
      c.var.db,
      campaign,
      settings,
      { scoringClosedAt: closing ? now : null },
      closing ? "scoring.close" : "scoring.reopen",
      c.var.organizer,
      now,
    );
    return c.json(settingsJson(after, campaign.timeZone, now));
  });
