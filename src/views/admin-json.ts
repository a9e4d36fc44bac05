import type { Campaign, Nominee } from "../db/schema";
import { campaignStatus } from "../domain/campaign-status";
import { isoInZone } from "../domain/time";
import { noticeJson, profileJson } from "./api-json";

/** Organizer-facing JSON: everything, counts always included. */

export function adminCampaign(
  c: Campaign,
  totals: { candidateCount: number; totalLikes: number },
  now: number,
) {
  const iso = (ms: number | null) => (ms === null ? null : isoInZone(ms, c.timeZone));
  return {
    slug: c.slug,
    title: c.title,
    organizer: c.organizer,
    description: c.description,
    status: c.draft ? "draft" : campaignStatus(c, now),
    draft: c.draft,
    paused: c.paused,
    timeZone: c.timeZone,
    opensAt: iso(c.opensAt),
    closesAt: iso(c.closesAt),
    closedAt: iso(c.closedAt),
    publishedAt: iso(c.publishedAt),
    rules: {
      likesPerCandidatePerDay: c.likesPerCandidatePerDay,
      likesPerVoterPerDay: c.likesPerVoterPerDay,
    },
    showCounts: c.showCounts,
    nomineeOrder: c.nomineeOrder,
    identityMode: c.identityMode,
    ingest: c.ingest,
    shards: c.shards,
    protection: {
      challengePrefixPerMinute: c.challengePrefixPerMinute,
      challengeVoterPerMinute: c.challengeVoterPerMinute,
      challengeDifficulty: c.challengeDifficulty,
      holdFlagged: c.holdFlagged,
      retentionDays: c.retentionDays,
    },
    detailPurgedAt: iso(c.detailPurgedAt),
    notice: noticeJson(c),
    publishedHonorees: c.publishedHonorees,
    publicationWithdrawnAt: iso(c.publicationWithdrawnAt),
    candidateCount: totals.candidateCount,
    totalLikes: totals.totalLikes,
    createdAt: iso(c.createdAt),
    updatedAt: iso(c.updatedAt),
  };
}

export function adminNominee(n: Nominee) {
  return {
    number: n.number,
    ...profileJson(n),
    honoree: n.honoree,
    nominatingUnit: n.nominatingUnit,
    likes: n.likes,
    voidedLikes: n.voidedLikes,
  };
}
