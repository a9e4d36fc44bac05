import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import * as v from "valibot";
import { findCampaign } from "../../db/queries/admin-campaigns";
import { findPublicCampaign } from "../../db/queries/campaigns";
import { rememberCampaign } from "../../db/queries/likes";
import { findNominee } from "../../db/queries/nominees";
import type { Campaign, Nominee } from "../../db/schema";
import { mayAccessCampaign } from "../../domain/organizer-accounts";
import { ApiError } from "../../errors";
import { identifyOrganizer } from "../../middleware/organizer-auth";
import type { AppEnv } from "../../types";
import { NomineeNumber } from "../../validators/candidates";
import { validate } from "../../validators/hook";

/**
 * The one campaign loader: what a URL's `:slug` and `:number` name, for the API, the pages and
 * the console alike. A miss is 404 `campaign_not_found` / `candidate_not_found`, rendered as JSON
 * under /api and as a page elsewhere. Routes declare it as a middleware (`publicCampaign`,
 * `organizerCampaign`) and read `c.var.campaign`; it runs before the body's validator, so an
 * unknown campaign is a 404 whatever the body.
 */

const campaignNotFound = (slug: string) =>
  new ApiError(404, "campaign_not_found", `No campaign "${slug}".`);

/** The public campaign for `slug` (drafts are not public), or a 404 `campaign_not_found`. */
export async function requireCampaign(c: Context<AppEnv>, slug: string): Promise<Campaign> {
  const campaign = await findPublicCampaign(c.var.db, slug);
  if (!campaign) throw campaignNotFound(slug);
  // The profile page is read before a like: spare that like its campaign lookup.
  rememberCampaign(campaign.slug, {
    id: campaign.id,
    timeZone: campaign.timeZone,
    identityMode: campaign.identityMode,
    ingest: campaign.ingest,
  });
  return campaign;
}

/**
 * Any campaign by the URL's slug, drafts included, for the console: 404 `campaign_not_found`
 * when there is none or the signed-in account is limited to other campaigns.
 */
export async function requireOrganizerCampaign(c: Context<AppEnv>): Promise<Campaign> {
  const campaign = await findCampaign(c.var.db, c.req.param("slug") ?? "");
  const organizer = c.get("organizer");
  // An account limited to other campaigns is told what a stranger is told: no such campaign.
  if (!campaign || (organizer && !mayAccessCampaign(organizer, campaign.id)))
    throw new ApiError(404, "campaign_not_found", "No such campaign.");
  return campaign;
}

/** `/:slug/…` of the public API and pages: `c.var.campaign` is the public campaign. */
export const publicCampaign = createMiddleware<AppEnv>(async (c, next) => {
  c.set("campaign", await requireCampaign(c, c.req.param("slug") ?? ""));
  await next();
});

/** `/:slug/…` of the console's API: `c.var.campaign` is any campaign the organizer may see. */
export const organizerCampaign = createMiddleware<AppEnv>(async (c, next) => {
  c.set("campaign", await requireOrganizerCampaign(c));
  await next();
});

/**
 * A draft campaign for a signed-in organizer's 预览 (issue 14), or the usual 404 for everyone
 * else. Only called once the public lookup missed, so the public's pages pay nothing for it.
 */
export async function draftForPreview(c: Context<AppEnv>, slug: string): Promise<Campaign> {
  const draft = await findCampaign(c.var.db, slug);
  if (draft?.draft) {
    const organizer = await identifyOrganizer(c);
    // An account limited to other campaigns sees what the public sees.
    if (organizer && mayAccessCampaign(organizer, draft.id)) return draft;
  }
  throw campaignNotFound(slug);
}

/** The public campaign, or a draft previewed by an organizer (`preview: true`). */
export async function campaignOrPreview(
  c: Context<AppEnv>,
  slug: string,
): Promise<{ campaign: Campaign; preview: boolean }> {
  try {
    return { campaign: await requireCampaign(c, slug), preview: false };
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 404) throw error;
    return { campaign: await draftForPreview(c, slug), preview: true };
  }
}

function candidateNotFound(number: string | number): ApiError {
  return new ApiError(404, "candidate_not_found", `No nominee number ${number}.`);
}

/** Parses 编号 from a URL; anything that is not one is simply not found. */
export function nomineeNumberOrNotFound(raw: string): number {
  const parsed = v.safeParse(NomineeNumber, raw);
  if (!parsed.success) throw candidateNotFound(raw);
  return parsed.output;
}

/** The `:number` of a nominee's URL, validated: not a 编号 is simply not found (404). */
export const nomineeParam = validate(
  "param",
  v.object({ number: NomineeNumber }),
  "candidate_not_found",
  { status: 404, message: (p) => `No nominee number ${String(p.number)}.` },
);

/** The campaign's nominee with the 编号 in the URL, or a 404 `candidate_not_found`. */
export async function requireNominee(
  c: Context<AppEnv>,
  campaign: Campaign,
  raw: string | number,
): Promise<Nominee> {
  const number = typeof raw === "number" ? raw : nomineeNumberOrNotFound(raw);
  const nominee = await findNominee(c.var.db, campaign.id, number);
  if (!nominee) throw candidateNotFound(number);
  return nominee;
}
