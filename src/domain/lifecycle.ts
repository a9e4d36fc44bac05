import { type CampaignClock, campaignStatus } from "./campaign-status";

/**
 * The organizer's lifecycle actions as pure state changes: open now, pause, resume, close, publish.
 * Each either returns the fields to change or says why it cannot apply in the current state.
 */

export type LifecycleAction = "open" | "pause" | "resume" | "close" | "publish";

export interface LifecycleState extends CampaignClock {
  draft: boolean;
}

export type LifecycleChange = Partial<
  Pick<LifecycleState, "opensAt" | "paused" | "closedAt" | "publishedAt" | "draft">
>;

export type LifecycleResult =
  | { ok: true; change: LifecycleChange }
  | { ok: false; message: string };

export function applyLifecycle(
  action: LifecycleAction,
  s: LifecycleState,
  now: number,
): LifecycleResult {
  const status = campaignStatus(s, now);
  const refuse = (message: string): LifecycleResult => ({ ok: false, message });
  switch (action) {
    case "open":
      if (status === "published")
        return refuse("Results are published; the campaign cannot reopen.");
      if (s.closesAt <= now)
        return refuse("The closing time has passed: move closesAt later first.");
      return {
        ok: true,
        change: { draft: false, paused: false, closedAt: null, opensAt: Math.min(s.opensAt, now) },
      };
    case "pause":
      if (status !== "open" && status !== "upcoming")
        return refuse(`Only an open or upcoming campaign can pause (it is ${status}).`);
      return { ok: true, change: { paused: true } };
    case "resume":
      if (!s.paused) return refuse("The campaign is not paused.");
      if (status === "closed" || status === "published")
        return refuse(`The campaign is ${status}.`);
      return { ok: true, change: { paused: false } };
    case "close":
      if (status === "closed" || status === "published")
        return refuse(`The campaign is already ${status}.`);
      return { ok: true, change: { closedAt: now, paused: false } };
    case "publish":
      if (status === "published") return refuse("Results are already published.");
      if (status !== "closed") return refuse("Close voting before publishing the honorees.");
      return { ok: true, change: { publishedAt: now } };
  }
}
