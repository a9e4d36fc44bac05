import * as v from "valibot";
import { RequiredText } from "./common";

export const REVIEW_LIMITS = { reason: 500 } as const;

/** An organizer's decision on an anomaly flag: always with a reason (due process). */
export const FlagDecision = v.object({
  reason: RequiredText(REVIEW_LIMITS.reason, "reason"),
});

export const FlagStatus = v.picklist(["open", "voided", "cleared", "all"]);
