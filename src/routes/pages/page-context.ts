import type { Context } from "hono";
import type { JSX } from "hono/jsx/jsx-runtime";
import { findPublicCampaign } from "../../db/queries/campaigns";
import { findNominee } from "../../db/queries/nominees";
import type { Campaign, Nominee } from "../../db/schema";
import { ApiError } from "../../errors";
import type { AppEnv } from "../../types";

/** The public origin for canonical and share URLs (PUBLIC_ORIGIN in production). */
export function publicOrigin(c: Context<AppEnv>): string {
  return c.env.PUBLIC_ORIGIN || new URL(c.req.url).origin;
}

/** What every page view needs from the request. */
export function pageBase(c: Context<AppEnv>) {
  return { prefs: c.var.prefs, url: c.req.url, origin: publicOrigin(c) };
}

/** Pages answer HTML, so a miss becomes a 404 page (rendered by app.onError). */
export async function campaignOr404(c: Context<AppEnv>, slug: string): Promise<Campaign> {
  const campaign = await findPublicCampaign(c.var.db, slug);
  if (!campaign) throw new ApiError(404, "campaign_not_found", "No such campaign.");
  return campaign;
}

export async function nomineeOr404(
  c: Context<AppEnv>,
  campaign: Campaign,
  rawNumber: string,
): Promise<Nominee> {
  const number = /^[1-9]\d{0,8}$/.test(rawNumber) ? Number(rawNumber) : null;
  const nominee = number === null ? undefined : await findNominee(c.var.db, campaign.id, number);
  if (!nominee) throw new ApiError(404, "candidate_not_found", "No such nominee.");
  return nominee;
}

/** Pages are personal (language, voter state): never cached by shared caches. */
export function privatePage(c: Context<AppEnv>): void {
  c.header("Cache-Control", "private, no-cache");
}

/** Renders a full page with its doctype (c.html adds none). */
export function renderPage(c: Context<AppEnv>, page: JSX.Element, status: 200 | 404 = 200) {
  privatePage(c);
  return c.html(`<!doctype html>${String(page)}`, status);
}
