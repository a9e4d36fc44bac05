import { localTime } from "./format";
import { FIELD_LABEL, IDENTITY_MODE_LABEL, NOMINEE_ORDER_LABEL, SHOW_COUNTS_LABEL } from "./text";

/** One line of an audit entry's readable change. */
export interface DiffLine {
  key: string;
  label: string;
  /** Absent for a value that only exists after (created). */
  before?: string;
  /** Absent for a value that only existed before (deleted). */
  after?: string;
}

/** Bookkeeping columns nobody needs to read in the log. */
const SKIP = new Set(["id", "campaignId", "createdAt", "updatedAt"]);
/** Columns stored as epoch milliseconds. */
const TIMES = new Set(["opensAt", "closesAt", "closedAt", "publishedAt", "voidedAt", "from", "to"]);
const MAX = 160;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

function show(key: string, value: unknown, timeZone: string): string {
  if (value === null || value === undefined) return "（空）";
  if (typeof value === "boolean") return value ? "是" : "否";
  if (typeof value === "number" && TIMES.has(key)) return localTime(value, timeZone, true);
  if (typeof value === "string" && key === "showCounts") return SHOW_COUNTS_LABEL[value] ?? value;
  if (typeof value === "string" && key === "nomineeOrder")
    return NOMINEE_ORDER_LABEL[value] ?? value;
  if (typeof value === "string" && key === "identityMode")
    return IDENTITY_MODE_LABEL[value] ?? value;
  let text: string;
  if (typeof value === "string") text = value === "" ? "（空）" : value;
  else if (
    Array.isArray(value) &&
    value.every((v) => typeof v === "string" || typeof v === "number")
  )
    text = value.join("、") || "（无）";
  else if (isObject(value) && key === "filter")
    text = Object.entries(value)
      .filter(([, v]) => v !== undefined && v !== null)
      .map(([k, v]) => `${FIELD_LABEL[k] ?? k} ${show(k, v, timeZone)}`)
      .join("，");
  else text = JSON.stringify(value);
  const chars = [...text];
  return chars.length > MAX ? `${chars.slice(0, MAX).join("")}…` : text;
}

const label = (key: string) => FIELD_LABEL[key] ?? key;

/**
 * What an audit entry changed, readably: for an update, only the keys whose values differ (old →
 * new); for a create or a delete, the values set or removed. Times are shown in the campaign's zone.
 */
export function auditDiff(before: unknown, after: unknown, timeZone: string): DiffLine[] {
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
      (k) => !SKIP.has(k),
    );
    const shared = keys.some((k) => k in before && k in after);
    return keys.flatMap((key): DiffLine[] => {
      const inBefore = key in before;
      const inAfter = key in after;
      if (shared && inBefore && inAfter) {
        if (JSON.stringify(before[key]) === JSON.stringify(after[key])) return [];
        return [
          {
            key,
            label: label(key),
            before: show(key, before[key], timeZone),
            after: show(key, after[key], timeZone),
          },
        ];
      }
      return [
        inBefore
          ? { key, label: label(key), before: show(key, before[key], timeZone) }
          : { key, label: label(key), after: show(key, after[key], timeZone) },
      ];
    });
  }
  const one = (value: unknown, side: "before" | "after"): DiffLine[] => {
    if (value === null || value === undefined) return [];
    if (!isObject(value)) return [{ key: "", label: "值", [side]: show("", value, timeZone) }];
    return Object.entries(value)
      .filter(([k]) => !SKIP.has(k))
      .map(([k, v]) => ({ key: k, label: label(k), [side]: show(k, v, timeZone) }));
  };
  return [...one(before, "before"), ...one(after, "after")];
}
