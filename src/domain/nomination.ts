/**
 * Nominations from units and their preliminary review (初选), as pure rules.
 *
 *   draft ──submit──▶ submitted ──accept──▶ accepted (becomes a nominee with the next number)
 *     ▲                  │ ├────decline──▶ declined
 *     └──── returned ◀───┘ return (with a comment the unit reads)
 *                        ▲                      │
 *                        └──────reopen──────────┘ (with a reason the unit reads; issue 14)
 *
 * The unit edits only drafts and returned nominations, and submits only while the campaign's
 * nomination phase is open. The organizer decides only submitted nominations.
 */

export type NominationStatus = "draft" | "submitted" | "returned" | "accepted" | "declined";
export type ReviewDecision = "accept" | "return" | "decline";

export const REVIEW_RESULT: Record<ReviewDecision, NominationStatus> = {
  accept: "accepted",
  return: "returned",
  decline: "declined",
};

/** The statuses in which the unit may still change (or delete) the nomination. */
export const UNIT_EDITABLE = ["draft", "returned"] as const satisfies readonly NominationStatus[];

/** Whether the unit may still change (or delete) the nomination. */
export function unitCanEdit(status: NominationStatus): boolean {
  return (UNIT_EDITABLE as readonly NominationStatus[]).includes(status);
}

/**
 * Whether a nomination takes one of the unit's quota: everything but a declined one, so a unit
 * whose candidate was declined may put another forward while nominations are open.
 */
export function countsTowardQuota(status: NominationStatus): boolean {
  return status !== "declined";
}

export type ReviewResult =
  | { ok: true; status: NominationStatus }
  | { ok: false; code: "invalid_state" | "comment_required"; message: string };

/** The organizer's decision on a nomination; returning needs a comment the unit can act on. */
export function review(
  status: NominationStatus,
  decision: ReviewDecision,
  comment: string,
): ReviewResult {
  if (status !== "submitted") {
    return {
      ok: false,
      code: "invalid_state",
      message: `Only submitted nominations can be reviewed (this one is ${status}).`,
    };
  }
  if (decision === "return" && comment.trim() === "") {
    return {
      ok: false,
      code: "comment_required",
      message: "comment: say what the unit should change",
    };
  }
  return { ok: true, status: REVIEW_RESULT[decision] };
}

/**
 * Reopening a declined nomination puts it back in the review queue as submitted. It needs a reason
 * (the unit reads it as the review comment). It takes a quota place again: the organizer decides
 * this knowingly, so a unit that already used the freed place may end up over its quota.
 */
export function reopen(status: NominationStatus, reason: string): ReviewResult {
  if (status !== "declined")
    return {
      ok: false,
      code: "invalid_state",
      message: `Only declined nominations can be reopened (this one is ${status}).`,
    };
  if (reason.trim() === "")
    return { ok: false, code: "comment_required", message: "reason: say why it is reopened" };
  return { ok: true, status: "submitted" };
}

/** Whether units may create, edit and submit nominations at `now`. */
export function nominationsOpen(closeAt: number | null, now: number): boolean {
  return closeAt !== null && now < closeAt;
}

export interface NominationFields {
  name: string;
  position: string;
  unit: string;
  groupName: string;
  headline: string;
  story: string[];
}

/** What is still missing before a nomination can be submitted, as field names; empty when complete. */
export function missingForSubmit(n: NominationFields): string[] {
  const missing: string[] = [];
  if (!n.name.trim()) missing.push("name");
  if (!n.position.trim()) missing.push("position");
  if (!n.unit.trim()) missing.push("unit");
  if (!n.headline.trim()) missing.push("headline");
  if (!n.story.some((p) => p.trim() !== "")) missing.push("story");
  return missing;
}
