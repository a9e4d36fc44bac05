/**
 * A campaign's public status is derived, never stored: upcoming → open → paused → closed →
 * published. Drafts have no public status at all.
 */

export type CampaignStatus = "upcoming" | "open" | "paused" | "closed" | "published";
export type ShowCounts = "always" | "after_close" | "never";

export interface CampaignClock {
  opensAt: number;
  closesAt: number;
  paused: boolean;
  closedAt: number | null;
  publishedAt: number | null;
}

export function campaignStatus(c: CampaignClock, now: number): CampaignStatus {
  if (c.publishedAt !== null) return "published";
  if (c.closedAt !== null || now >= c.closesAt) return "closed";
  if (now < c.opensAt) return "upcoming";
  if (c.paused) return "paused";
  return "open";
}

/**
 * When voting really ended or will end: the early close when an organizer closed before the
 * planned end, the planned end otherwise (what every page shows as the window's end).
 */
export function votingEnd(c: Pick<CampaignClock, "closesAt" | "closedAt">): number {
  return c.closedAt !== null && c.closedAt < c.closesAt ? c.closedAt : c.closesAt;
}

/** Whether voting was closed before its planned end. */
export function closedEarly(c: Pick<CampaignClock, "closesAt" | "closedAt">): boolean {
  return votingEnd(c) !== c.closesAt;
}

/** Whether the public may see like counts (organizers always can). */
export function countsVisible(showCounts: ShowCounts, status: CampaignStatus): boolean {
  if (showCounts === "always") return true;
  if (showCounts === "after_close") return status === "closed" || status === "published";
  return false;
}
