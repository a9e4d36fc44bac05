import { parseInstant } from "../../domain/time";
import { ApiError } from "../../errors";
import { validate } from "../../validators/hook";
import { IdParams } from "../../validators/params";

/** What the organizer's routes for units' and jurors' links share. */

const DAY = 86_400_000;

/** An `:id` that is no id names nothing. */
export const idParam = validate("param", IdParams, "not_found", {
  status: 404,
  message: "No such item.",
});

/**
 * When a new link expires: the time asked for, else 30 days after `closesAt` (or after now, if
 * later), long enough to read the outcome after the phase closes. 400 if not in the future.
 */
export function linkExpiry(raw: string | undefined, closesAt: number | null, now: number): number {
  const expiresAt = raw ? (parseInstant(raw) ?? 0) : Math.max(closesAt ?? now, now) + 30 * DAY;
  if (expiresAt <= now) throw new ApiError(400, "invalid_body", "expiresAt must be in the future");
  return expiresAt;
}
