import type { Context } from "hono";
import { Hono } from "hono";
import { allScores, jurorSheet, saveScore } from "../../db/queries/jury";
import { findCampaignById, getSelectionSettings } from "../../db/queries/selection";
import { ApiError } from "../../errors";
import type { AppEnv } from "../../types";
import { readJson } from "../../validators/json-body";
import { ScoreRequest } from "../../validators/selection";
import { requireJurorLink } from "../link-loader";
import { nomineeNumberOrNotFound } from "./campaign-loader";

/**
 * A juror's API behind their personal link (`/api/jury/:token/…`). A juror reads and writes only
 * their own scores while scoring is open; once the organizer closes it, writing stops and the
 * panel's scores (with names) become visible to every juror.
 */

export async function loadJuror(c: Context<AppEnv>) {
  const juror = await requireJurorLink(c, c.req.param("token") ?? "");
  const [campaign, settings] = await Promise.all([
    findCampaignById(c.var.db, juror.campaignId),
    getSelectionSettings(c.var.db, juror.campaignId),
  ]);
  if (!campaign) throw new ApiError(404, "link_not_found", "No such link.");
  const closed = settings.scoringClosedAt !== null || campaign.publishedAt !== null;
  return { juror, campaign, closed };
}

/** The juror's sheet, plus the whole panel's scores once scoring is closed. */
export async function jurorView(c: Context<AppEnv>) {
  const { juror, campaign, closed } = await loadJuror(c);
  const sheet = await jurorSheet(c.var.db, juror);
  const panel = closed ? await allScores(c.var.db, campaign.id) : [];
  return {
    juror: { name: juror.name },
    campaign: { slug: campaign.slug, title: campaign.title, organizer: campaign.organizer },
    scoringClosed: closed,
    scored: sheet.filter((r) => r.score !== null).length,
    nominees: sheet.map((r) => ({
      ...r,
      ...(closed && {
        panel: panel
          .filter((p) => p.number === r.number)
          .map((p) => ({ juror: p.jurorName, score: p.score, note: p.note })),
      }),
    })),
  };
}

export const juryApi = new Hono<AppEnv>()
  .get("/:token", async (c) => {
    c.header("Cache-Control", "no-store");
    return c.json(await jurorView(c));
  })
  .put("/:token/scores/:number", async (c) => {
    const { juror, closed } = await loadJuror(c);
    const number = nomineeNumberOrNotFound(c.req.param("number"));
    const { score, note } = await readJson(c, ScoreRequest);
    if (closed)
      throw new ApiError(409, "scoring_closed", "Scoring is closed; scores can no longer change.");
    const result = await saveScore(c.var.db, juror, number, score, note, Date.now());
    if (result === "not_found")
      throw new ApiError(404, "candidate_not_found", `No nominee number ${number}.`);
    if (result === "closed")
      throw new ApiError(409, "scoring_closed", "Scoring is closed; scores can no longer change.");
    return c.json({ number, score, note });
  });
