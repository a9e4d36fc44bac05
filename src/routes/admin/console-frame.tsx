import type { Context } from "hono";
import type { JSX } from "hono/jsx/jsx-runtime";
import { findCampaign } from "../../db/queries/admin-campaigns";
import type { Campaign } from "../../db/schema";
import { campaignStatus } from "../../domain/campaign-status";
import { mayAccessCampaign } from "../../domain/organizer-accounts";
import { identifyOrganizer } from "../../middleware/organizer-auth";
import type { AppEnv, Organizer } from "../../types";
import { AdminMessagePage, type CampaignHead, flashText } from "../../views/admin/layout";
import { LoginPage } from "../../views/admin/login-page";

/**
 * What every console page shares: the answer's headers, the sign-in gate, the campaign of the URL
 * (or a 404 in the console's frame), the head of a campaign's tabs and the one-line flash message.
 * The pages themselves are in pages.tsx (campaigns, dashboard, nominees, settings, review, audit,
 * notice) and selection-pages.tsx (nominations, jury, combined).
 */

type Status = 200 | 400 | 401 | 403 | 404 | 429;

/** Console pages are personal and change by the second: never stored by any cache. */
export function html(c: Context<AppEnv>, page: JSX.Element, status: Status = 200) {
  c.header("Cache-Control", "no-store");
  c.header("X-Robots-Tag", "noindex, nofollow");
  return c.html(`<!doctype html>${String(page)}`, status);
}

type Handler = (c: Context<AppEnv>, organizer: Organizer) => Promise<Response> | Response;

/** Runs `handler` for a signed-in organizer; everyone else gets the sign-in form. */
export function guarded(handler: Handler) {
  return async (c: Context<AppEnv>) => {
    const organizer = await identifyOrganizer(c);
    if (!organizer) return html(c, <LoginPage action={c.req.path} />);
    c.set("organizer", organizer);
    return handler(c, organizer);
  };
}

/** The campaign of `:slug` (drafts included), or a 404 page in the console's frame. */
async function campaignOr404(
  c: Context<AppEnv>,
  organizer: Organizer,
): Promise<Campaign | Response> {
  const campaign = await findCampaign(c.var.db, c.req.param("slug") ?? "");
  // An account limited to other campaigns sees what a stranger's URL gets: not found.
  if (campaign && mayAccessCampaign(organizer, campaign.id)) return campaign;
  return html(
    c,
    <AdminMessagePage
      title="找不到该评选活动"
      body="没有这个网址标识的活动，可能已改名或被删除。"
      organizer={organizer}
    />,
    404,
  );
}

/** Like `guarded`, for pages of one campaign. */
export function campaignPage(
  handler: (
    c: Context<AppEnv>,
    organizer: Organizer,
    campaign: Campaign,
  ) => Promise<Response> | Response,
) {
  return guarded(async (c, organizer) => {
    const found = await campaignOr404(c, organizer);
    return found instanceof Response ? found : handler(c, organizer, found);
  });
}

export const consoleStatus = (campaign: Campaign, now: number) =>
  campaign.draft ? "draft" : campaignStatus(campaign, now);

export function head(campaign: Campaign, now: number): CampaignHead {
  return { slug: campaign.slug, title: campaign.title, status: consoleStatus(campaign, now) };
}

/** The one-line message after an action, from a fixed list (nothing from the URL is echoed). */
export function flash(c: Context<AppEnv>): string | undefined {
  const done = c.req.query("done");
  const n = c.req.query("n");
  if (done === "imported" && n && /^\d{1,4}$/.test(n)) return `导入成功：${n} 位候选人。`;
  return flashText(done);
}
