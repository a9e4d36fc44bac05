import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import { findInviteByTokenHash } from "../../db/queries/invitations";
import { allScores, findJurorByTokenHash, jurorSheet } from "../../db/queries/jury";
import { findCampaignById, getSelectionSettings } from "../../db/queries/selection";
import type { Juror, NominationInvite } from "../../db/schema";
import { hashLinkToken, isWellFormedToken, linkState } from "../../domain/selection-links";
import { ApiError } from "../../errors";
import type { AppEnv, JurorContext, UnitContext } from "../../types";

/**
 * The invitation or juror a link names, checked on every request: an unknown token is 404
 * `link_not_found`, an expired or revoked one 410 `link_expired` / `link_revoked`. Rendered as
 * JSON under /api and as a page elsewhere.
 */

function refuse(state: "expired" | "revoked"): ApiError {
  return state === "expired"
    ? new ApiError(410, "link_expired", "This link has expired; ask the organizer for a new one.")
    : new ApiError(410, "link_revoked", "This link was revoked by the organizer.");
}

const notFound = () =>
  new ApiError(404, "link_not_found", "No such link; check that it was copied in full.");

/** The live link a token names, found by the token's hash. */
async function requireLink<T extends { expiresAt: number; revokedAt: number | null }>(
  c: Context<AppEnv>,
  token: string,
  find: (db: AppEnv["Variables"]["db"], tokenHash: string) => Promise<T | undefined>,
): Promise<T> {
  if (!isWellFormedToken(token)) throw notFound();
  const link = await find(c.var.db, await hashLinkToken(token));
  if (!link) throw notFound();
  const state = linkState(link, Date.now());
  if (state !== "ok") throw refuse(state);
  return link;
}

export const requireInviteLink = (c: Context<AppEnv>, token: string): Promise<NominationInvite> =>
  requireLink(c, token, findInviteByTokenHash);

export const requireJurorLink = (c: Context<AppEnv>, token: string): Promise<Juror> =>
  requireLink(c, token, findJurorByTokenHash);

/** The campaign a link belongs to and its selection settings (404 if the campaign is gone). */
async function linkCampaign(c: Context<AppEnv>, campaignId: number) {
  const [campaign, settings] = await Promise.all([
    findCampaignById(c.var.db, campaignId),
    getSelectionSettings(c.var.db, campaignId),
  ]);
  if (!campaign) throw new ApiError(404, "link_not_found", "No such link.");
  return { campaign, settings };
}

/** Link pages hold a secret in their URL: never cached, never indexed, no referrer. */
export function linkPageHeaders(c: Context<AppEnv>): void {
  c.header("Cache-Control", "no-store");
  c.header("X-Robots-Tag", "noindex, nofollow");
  c.header("Referrer-Policy", "no-referrer");
}

/** A juror's link: the juror, the campaign, and whether scoring is closed. */
export async function loadJuror(c: Context<AppEnv>): Promise<JurorContext> {
  const juror = await requireJurorLink(c, c.req.param("token") ?? "");
  const { campaign, settings } = await linkCampaign(c, juror.campaignId);
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

/** The link's invitation, campaign and settings (404/410 for a bad link). */
export async function loadUnit(c: Context<AppEnv>): Promise<UnitContext> {
  const invite = await requireInviteLink(c, c.req.param("token") ?? "");
  return { invite, ...(await linkCampaign(c, invite.campaignId)) };
}

/** `/:token/…` of a nominating unit's link: `c.var.unit` is its invitation, campaign, settings. */
export const unitLink = createMiddleware<AppEnv>(async (c, next) => {
  c.set("unit", await loadUnit(c));
  await next();
});

/** `/:token/…` of a juror's link: `c.var.juror` is the juror, the campaign and `closed`. */
export const jurorLink = createMiddleware<AppEnv>(async (c, next) => {
  c.set("juror", await loadJuror(c));
  await next();
});
