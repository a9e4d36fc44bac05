import * as v from "valibot";
import { parseInstant } from "../domain/time";

/** Shared pieces of the request schemas. */

/** An instant as the API writes it: ISO 8601 with an offset (never a bare local time). */
export const Instant = v.pipe(
  v.string("must be an ISO 8601 time with offset, e.g. 2026-12-01T08:00:00+08:00"),
  v.check(
    (s) => parseInstant(s) !== null,
    "must be an ISO 8601 time with offset, e.g. 2026-12-01T08:00:00+08:00",
  ),
);

/** Trimmed text of at most `max` characters; `label` names the field in the error. */
export const Text = (max: number, label: string) =>
  v.pipe(
    v.string(`${label} must be text`),
    v.trim(),
    v.maxLength(max, `${label} must be at most ${max} characters`),
  );

/** Trimmed text of 1 to `max` characters. */
export const RequiredText = (max: number, label: string) =>
  v.pipe(Text(max, label), v.minLength(1, `${label} is required`));
