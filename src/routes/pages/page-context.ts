import type { Context } from "hono";
import type { JSX } from "hono/jsx/jsx-runtime";
import { findCampaign } from "../../db/queries/admin-campaigns";
import type { Campaign } from "../../db/schema";
import { mayAccessCampaign } from "../../domain/organizer-accounts";
import { ApiError } from "../../errors";
import { identifyOrganizer } from "../../middleware/organizer-auth";
import type { AppEnv } from "../../types";
import { requireCampaign } from "../api/campaign-loader";

/** The public origin for canonical and share URLs (PUBLIC_ORIGIN in production). */
export function publicOrigin(c: Context<AppEnv>): string {
  return c.env.PUBLIC_ORIGIN || new URL(c.req.url).origin;
}

/** What every page view needs from the request. */
export function pageBase(c: Context<AppEnv>) {
  return { prefs: c.var.prefs, url: c.req.url, origin: publicOrigin(c) };
}

/** Pages answer HTML, so a miss becomes a 404 page (rendered by app.onError). */
export {
  requireCampaign as campaignOr404,
  requireNominee as nomineeOr404,
} from "../api/campaign-loader";

/** Pages are personal (language, voter state): never cached by shared caches. */
export function privatePage(c: Context<AppEnv>): void {
  c.header("Cache-Control", "private, no-cache");
}

/** Renders a full page with its doctype (c.html adds none). */
export function renderPage(c: Context<AppEnv>, page: JSX.Element, status: 200 | 404 = 200) {
  privatePage(c);
  return c.html(`<!doctype html>${String(page)}`, status);
}

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
  throw new ApiError(404, "campaign_not_found", `No campaign "${slug}".`);
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

/** A preview is one organizer's view of a draft: never stored by any cache, never indexed. */
export function previewOnly(res: Response): Response {
  res.headers.set("Cache-Control", "no-store");
  res.headers.set("X-Robots-Tag", "noindex");
  return res;
}
