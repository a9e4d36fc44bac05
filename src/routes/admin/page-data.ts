import type { Database } from "../../db/client";
import { campaignDashboard } from "../../db/queries/dashboard";
import type { Campaign } from "../../db/schema";
import type { CampaignFormValues } from "../../views/admin/campaign-form";
import type { DashboardData, VoidPrefill } from "../../views/admin/dashboard-page";
import type { PublicationState } from "../../views/admin/publication-panel";
import { consoleStatus } from "./console-frame";

/** What the console's pages (admin/pages.tsx) compute for their views. */

/** The published list as stored, named from the ranking (撤回公布 panel). */
export function publicationState(campaign: Campaign, data: DashboardData): PublicationState {
  const names = new Map(data.ranking.map((r) => [r.number, r.name]));
  return {
    publishedAt: campaign.publishedAt,
    honorees: (campaign.publishedHonorees ?? []).map((number) => ({
      number,
      name: names.get(number) ?? "",
    })),
    withdrawnAt: campaign.publicationWithdrawnAt,
    timeZone: campaign.timeZone,
  };
}

/** The dashboard's numbers, as GET /api/admin/campaigns/:slug/dashboard computes them. */
export async function dashboardData(
  db: Database,
  campaign: Campaign,
  now: number,
): Promise<DashboardData> {
  return {
    slug: campaign.slug,
    status: consoleStatus(campaign, now),
    timeZone: campaign.timeZone,
    closesAt: campaign.closesAt,
    now,
    ...(await campaignDashboard(db, campaign.id, now)),
  };
}

export function formValues(campaign: Campaign): CampaignFormValues {
  return {
    slug: campaign.slug,
    title: campaign.title,
    organizer: campaign.organizer,
    description: campaign.description,
    timeZone: campaign.timeZone,
    opensAt: campaign.opensAt,
    closesAt: campaign.closesAt,
    likesPerCandidatePerDay: campaign.likesPerCandidatePerDay,
    likesPerVoterPerDay: campaign.likesPerVoterPerDay,
    showCounts: campaign.showCounts,
    nomineeOrder: campaign.nomineeOrder,
    draft: campaign.draft,
    challengePrefixPerMinute: campaign.challengePrefixPerMinute,
    challengeVoterPerMinute: campaign.challengeVoterPerMinute,
    challengeDifficulty: campaign.challengeDifficulty,
    holdFlagged: campaign.holdFlagged,
    retentionDays: campaign.retentionDays,
    identityMode: campaign.identityMode,
    ingest: campaign.ingest,
    shards: campaign.shards,
    notice: {
      startsAt: campaign.noticeStartsAt,
      endsAt: campaign.noticeEndsAt,
      objectionUnit: campaign.objectionUnit,
      objectionPhone: campaign.objectionPhone,
      objectionEmail: campaign.objectionEmail,
    },
  };
}

export const TEMPLATE_FIELDS = [
  "number",
  "name",
  "position",
  "unit",
  "group",
  "headline",
  "story",
  "nominatingUnit",
  "photoUrl",
  "photoCaption",
] as const;

/**
 * The void form filled in from a link (the review queue's "按此核减…"): nominee, time range (epoch
 * ms) and network, never typed hashes. Anything malformed is left out.
 */
export function voidPrefill(q: Record<string, string>): VoidPrefill | undefined {
  const out: VoidPrefill = {};
  const ms = (s: string | undefined) => (s && /^\d{1,15}$/.test(s) ? Number(s) : undefined);
  if (q.number && /^\d{1,6}$/.test(q.number)) out.number = Number(q.number);
  out.from = ms(q.from);
  out.to = ms(q.to);
  if (q.network && /^[0-9a-z-]{1,80}$/.test(q.network)) out.network = q.network;
  if (q.voter && /^[0-9a-f]{32}$/.test(q.voter)) out.voterHash = q.voter;
  const given = Object.values(out).some((v) => v !== undefined);
  return given ? out : undefined;
}
