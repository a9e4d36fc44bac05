import * as v from "valibot";
import { parseInstant } from "../domain/time";
import { bilingual } from "./messages";

/** Shared pieces of the request schemas. */

/** An instant as the API writes it: ISO 8601 with an offset (never a bare local time). */
export const Instant = v.pipe(
  v.string("must be an ISO 8601 time with offset, e.g. 2026-12-01T08:00:00+08:00"),
  v.check(
    (s) => parseInstant(s) !== null,
    bilingual(
      "must be an ISO 8601 time with offset, e.g. 2026-12-01T08:00:00+08:00",
      "时间格式不正确，应带时区，例如 2026-12-01T08:00:00+08:00。",
    ),
  ),
);

/**
 * The length of `s` in characters as a person counts them: code points, so 𠮷 (outside the BMP,
 * two UTF-16 units) is one, like 吉. JSON Schema's `maxLength` counts the same way.
 */
export function chars(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length - 1; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

/**
 * `v.maxLength` counting characters (`chars`) instead of UTF-16 units: the one unit of every text
 * limit (API, import, OpenAPI document). It keeps valibot's `max_length` type and `requirement`,
 * so issue mapping and the JSON Schema converter read it as the built-in action.
 */
export function maxChars(
  requirement: number,
  message?: string,
): v.MaxLengthAction<string, number, string | undefined> {
  return {
    ...v.maxLength<string, number, string | undefined>(requirement, message),
    "~run"(dataset, config) {
      if (dataset.typed) {
        const length = chars(dataset.value);
        if (length > this.requirement)
          v._addIssue(this, "length", dataset, config, { received: `${length}` });
      }
      return dataset;
    },
  };
}

/** Trimmed text of at most `max` characters; `label` names the field in the error. */
export const Text = (max: number, label: string) =>
  v.pipe(
    v.string(`${label} must be text`),
    v.trim(),
    maxChars(max, `${label} must be at most ${max} characters`),
  );

/** Trimmed text of 1 to `max` characters. */
export const RequiredText = (max: number, label: string) =>
  v.pipe(Text(max, label), v.minLength(1, `${label} is required`));
