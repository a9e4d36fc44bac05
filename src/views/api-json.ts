import type { Campaign, Nominee } from "../db/schema";
import { type CampaignStatus, campaignStatus, countsVisible } from "../domain/campaign-status";
import { isoInZone } from "../domain/time";
import type { NoticeFields } from "./components/public-notice";

/** JSON shapes of the public API (DESIGN.md §3). `likes` only where counts are visible. */

export interface PublicView {
  status: CampaignStatus;
  showLikes: boolean;
}

export function publicView(campaign: Campaign, now: number): PublicView {
  const status = campaignStatus(campaign, now);
  return { status, showLikes: countsVisible(campaign.showCounts, status) };
}

export function campaignSummary(c: Campaign, now: number) {
  return {
    slug: c.slug,
    title: c.title,
    status: campaignStatus(c, now),
    opensAt: isoInZone(c.opensAt, c.timeZone),
    closesAt: isoInZone(c.closesAt, c.timeZone),
  };
}

export function campaignDetail(
  c: Campaign,
  view: PublicView,
  totals: { candidateCount: number; totalLikes: number },
) {
  return {
    slug: c.slug,
    title: c.title,
    organizer: c.organizer,
    description: c.description,
    status: view.status,
    timeZone: c.timeZone,
    opensAt: isoInZone(c.opensAt, c.timeZone),
    closesAt: isoInZone(c.closesAt, c.timeZone),
    rules: {
      likesPerCandidatePerDay: c.likesPerCandidatePerDay,
      likesPerVoterPerDay: c.likesPerVoterPerDay,
    },
    showCounts: c.showCounts,
    identityMode: c.identityMode,
    candidateCount: totals.candidateCount,
    ...(view.showLikes ? { totalLikes: totals.totalLikes } : {}),
    // 公示期 and where objections go: public once the result is (issue 14).
    ...(view.status === "published" && hasNotice(c) ? { notice: noticeJson(c) } : {}),
  };
}

export function candidateItem(n: Nominee, view: PublicView) {
  return {
    number: n.number,
    name: n.name,
    position: n.position,
    unit: n.unit,
    group: n.groupName,
    headline: n.headline,
    photoUrl: n.photos[0]?.url ?? null,
    honoree: n.honoree,
    ...(view.showLikes ? { likes: n.likes } : {}),
  };
}

/** A person's published profile, as nominees and nominations share it in every JSON shape. */
export function profileJson(
  n: Pick<Nominee, "name" | "position" | "unit" | "groupName" | "headline" | "story" | "photos">,
) {
  return {
    name: n.name,
    position: n.position,
    unit: n.unit,
    group: n.groupName,
    headline: n.headline,
    story: n.story,
    photos: n.photos,
  };
}

export function candidateDetail(n: Nominee, view: PublicView) {
  return {
    number: n.number,
    ...profileJson(n),
    honoree: n.honoree,
    ...(view.showLikes ? { likes: n.likes } : {}),
  };
}

/** 公示期 and the objection contact (issue 14), as the organizer API and the public share it. */
export function noticeJson(c: NoticeFields) {
  const iso = (ms: number | null) => (ms === null ? null : isoInZone(ms, c.timeZone));
  return {
    startsAt: iso(c.noticeStartsAt),
    endsAt: iso(c.noticeEndsAt),
    objectionUnit: c.objectionUnit,
    objectionPhone: c.objectionPhone,
    objectionEmail: c.objectionEmail,
  };
}

/** Whether there is anything of the 公示 to show. */
export function hasNotice(c: Pick<Campaign, "noticeStartsAt" | "objectionUnit">): boolean {
  return c.noticeStartsAt !== null || c.objectionUnit !== "";
}
