import type { Context } from "hono";
import * as v from "valibot";
import { findPublicCampaign } from "../../db/queries/campaigns";
import { rememberCampaign } from "../../db/queries/likes";
import { findNominee } from "../../db/queries/nominees";
import type { Campaign, Nominee } from "../../db/schema";
import { ApiError } from "../../errors";
import type { AppEnv } from "../../types";
import { NomineeNumber } from "../../validators/candidates";

/**
 * Looking up what a URL names, for the API, the pages and the console alike: a miss is 404
 * `campaign_not_found` / `candidate_not_found`, rendered as JSON under /api and as a page elsewhere.
 */

/** The public campaign for `slug`, or a 404 `campaign_not_found` (drafts included). */
export async function requireCampaign(c: Context<AppEnv>, slug: string): Promise<Campaign> {
  const campaign = await findPublicCampaign(c.var.db, slug);
  if (!campaign) throw new ApiError(404, "campaign_not_found", `No campaign "${slug}".`);
  // The profile page is read before a like: spare that like its campaign lookup.
  rememberCampaign(campaign.slug, {
    id: campaign.id,
    timeZone: campaign.timeZone,
    identityMode: campaign.identityMode,
  });
  return campaign;
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

/** The campaign's nominee with the 编号 in the URL, or a 404 `candidate_not_found`. */
export async function requireNominee(
  c: Context<AppEnv>,
  campaign: Campaign,
  raw: string,
): Promise<Nominee> {
  const number = nomineeNumberOrNotFound(raw);
  const nominee = await findNominee(c.var.db, campaign.id, number);
  if (!nominee) throw candidateNotFound(number);
  return nominee;
}
