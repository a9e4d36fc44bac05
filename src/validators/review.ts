import * as v from "valibot";
import { RequiredText } from "./common";

/** An organizer's decision on an anomaly flag: always with a reason (due process). */
export const FlagDecision = v.object({
  reason: RequiredText(500, "reason"),
});

export const FlagStatus = v.picklist(["open", "voided", "cleared", "all"]);
