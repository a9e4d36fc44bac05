import { zoneName } from "../zones";
import { localTime } from "./format";
import {
  FIELD_LABEL,
  FLAG_KIND_LABEL,
  FLAG_STATUS_LABEL,
  IDENTITY_MODE_LABEL,
  INGEST_LABEL,
  NOMINATION_STATUS_LABEL,
  NOMINEE_ORDER_LABEL,
  SHOW_COUNTS_LABEL,
} from "./text";

/** One line of an audit entry's readable change. */
export interface DiffLine {
  key: string;
  label: string;
  /** Absent for a value that only exists after (created). */
  before?: string;
  /** Absent for a value that only existed before (deleted). */
  after?: string;
  /** A fact of the action that did not change (a void's reason, a flag's kind): shown plainly. */
  value?: string;
}

/** What a log needs besides the entries: the campaign's zone and its nominees by internal id. */
export interface AuditContext {
  timeZone: string;
  /** Internal nominee id → "2号 王瀚东" (voids name the nominee by id). */
  nominees?: ReadonlyMap<number, { number: number; name: string }>;
}

/** Bookkeeping columns nobody needs to read in the log. */
const SKIP = new Set(["id", "campaignId", "createdAt", "updatedAt"]);
/** Columns stored as epoch milliseconds besides the …At ones. */
const TIMES = new Set(["from", "to", "ingestSince"]);
const MAX = 160;

/** A nomination's or a flag's status, by its stored value. */
const STATUS_WORD: Record<string, string> = { ...NOMINATION_STATUS_LABEL, ...FLAG_STATUS_LABEL };

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

const isTime = (key: string, value: unknown): value is number =>
  typeof value === "number" && (TIMES.has(key) || /At$/.test(key)) && value > 1e11;

function photosText(value: unknown[]): string {
  if (value.length === 0) return "（无）";
  const names = value.map((p, i) => {
    if (!isObject(p)) return `第 ${i + 1} 张`;
    if (typeof p.caption === "string" && p.caption) return p.caption;
    const file = typeof p.url === "string" ? p.url.split("/").pop() : "";
    return file || `第 ${i + 1} 张`;
  });
  return `${value.length} 张：${names.join("、")}`;
}

function show(key: string, value: unknown, ctx: AuditContext): string {
  if (value === null || value === undefined) return "（空）";
  if (typeof value === "boolean") return value ? "是" : "否";
  if (isTime(key, value)) return localTime(value, ctx.timeZone, true);
  if (key === "ingestSince" && value === 0) return "（未变更）";
  if (key === "nomineeId" && typeof value === "number") {
    const n = ctx.nominees?.get(value);
    return n ? `${n.number}号 ${n.name}` : "（已删除的候选人）";
  }
  if (key === "flag" && typeof value === "number") return `#${value}`;
  if (typeof value === "string") {
    if (key === "showCounts") return SHOW_COUNTS_LABEL[value] ?? value;
    if (key === "nomineeOrder") return NOMINEE_ORDER_LABEL[value] ?? value;
    if (key === "identityMode") return IDENTITY_MODE_LABEL[value] ?? value;
    if (key === "ingest") return INGEST_LABEL[value] ?? value;
    if (key === "timeZone") return zoneName(value);
    if (key === "status") return STATUS_WORD[value] ?? value;
    if (key === "kind") return FLAG_KIND_LABEL[value]?.title ?? value;
  }
  let text: string;
  if (typeof value === "string") text = value === "" ? "（空）" : value;
  else if (Array.isArray(value) && key === "photos") text = photosText(value);
  else if (
    Array.isArray(value) &&
    value.every((v) => typeof v === "string" || typeof v === "number")
  )
    text = value.join("、") || "（无）";
  else if (Array.isArray(value)) text = value.map((v) => show("", v, ctx)).join("；") || "（无）";
  else if (isObject(value))
    text = Object.entries(value)
      .filter(([k, v]) => v !== undefined && v !== null && !SKIP.has(k))
      .map(([k, v]) => `${label(k)} ${show(k, v, ctx)}`)
      .join("，");
  else text = String(value);
  const chars = [...text];
  return chars.length > MAX ? `${chars.slice(0, MAX).join("")}…` : text;
}

const label = (key: string) => FIELD_LABEL[key] ?? key;

/**
 * What an audit entry changed, readably: for an entry with both sides, the keys whose values
 * differ (old → new) and the keys only one side has as plain facts (a void's reason, a flag's
 * kind); for a create or a delete, the values set or removed. Times are in the campaign's zone.
 */
export function auditDiff(before: unknown, after: unknown, context: AuditContext | string) {
  const ctx: AuditContext = typeof context === "string" ? { timeZone: context } : context;
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
      (k) => !SKIP.has(k),
    );
    return keys.flatMap((key): DiffLine[] => {
      const inBefore = key in before;
      const inAfter = key in after;
      if (inBefore && inAfter) {
        if (JSON.stringify(before[key]) === JSON.stringify(after[key])) return [];
        return [
          {
            key,
            label: label(key),
            before: show(key, before[key], ctx),
            after: show(key, after[key], ctx),
          },
        ];
      }
      return [
        { key, label: label(key), value: show(key, inBefore ? before[key] : after[key], ctx) },
      ];
    });
  }
  const one = (value: unknown, side: "before" | "after"): DiffLine[] => {
    if (value === null || value === undefined) return [];
    if (!isObject(value)) return [{ key: "", label: "值", [side]: show("", value, ctx) }];
    return Object.entries(value)
      .filter(([k]) => !SKIP.has(k))
      .map(([k, v]) => ({ key: k, label: label(k), [side]: show(k, v, ctx) }));
  };
  return [...one(before, "before"), ...one(after, "after")];
}
