/**
 * Calendar arithmetic in a campaign's IANA time zone. "Day" for the like rules is the calendar day
 * where the campaign runs (Asia/Shanghai by default), never the UTC day.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function localParts(ms: number, timeZone: string): LocalParts {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(ms))) {
    if (p.type !== "literal") parts[p.type] = Number(p.value);
  }
  return {
    year: parts.year ?? 1970,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

/** Offset of `timeZone` from UTC at instant `ms`, in minutes (Asia/Shanghai: +480). */
export function offsetMinutes(ms: number, timeZone: string): number {
  const p = localParts(ms, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60000);
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

// The last answer per zone, by UTC minute: every zone's offset is a whole number of minutes, so a
// local day never changes inside one UTC minute, and under load every like of that minute reuses it
// instead of formatting the date again (a visible share of a like's CPU time).
const lastDay = new Map<string, { minute: number; day: string }>();

/** The calendar day of instant `ms` in `timeZone`, as YYYY-MM-DD. */
export function localDay(ms: number, timeZone: string): string {
  const minute = Math.floor(ms / 60_000);
  const last = lastDay.get(timeZone);
  if (last?.minute === minute) return last.day;
  const p = localParts(ms, timeZone);
  const day = `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
  lastDay.set(timeZone, { minute, day });
  return day;
}

/** ISO 8601 with the zone's offset, e.g. 2026-11-29T08:00:00+08:00. */
export function isoInZone(ms: number, timeZone: string): string {
  const p = localParts(ms, timeZone);
  const off = offsetMinutes(ms, timeZone);
  const sign = off < 0 ? "-" : "+";
  const abs = Math.abs(off);
  return (
    `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}` +
    `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}

const QUARTER_HOUR = 900_000;

/**
 * `isoInZone` for many instants of one zone (a ledger export of a million rows): the zone's offset
 * is looked up once per quarter hour, since every offset change happens on a quarter-hour boundary,
 * and the rest is arithmetic. Two Intl calls per row were most of the export's time.
 */
export function isoInZoneFormatter(timeZone: string): (ms: number) => string {
  const offsets = new Map<number, { minutes: number; suffix: string }>();
  return (ms) => {
    const bucket = Math.floor(ms / QUARTER_HOUR);
    let offset = offsets.get(bucket);
    if (offset === undefined) {
      const minutes = offsetMinutes(bucket * QUARTER_HOUR, timeZone);
      const abs = Math.abs(minutes);
      offset = {
        minutes,
        suffix: `${minutes < 0 ? "-" : "+"}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`,
      };
      if (offsets.size > 10_000) offsets.clear();
      offsets.set(bucket, offset);
    }
    const local = new Date(Math.floor(ms / 1000) * 1000 + offset.minutes * 60_000).toISOString();
    return `${local.slice(0, 19)}${offset.suffix}`;
  };
}

/** The instant the next calendar day begins in `timeZone`. */
export function nextLocalMidnight(ms: number, timeZone: string): number {
  const p = localParts(ms, timeZone);
  const midnightAsUtc = Date.UTC(p.year, p.month - 1, p.day + 1);
  // The offset at the target may differ from now (DST); settle it in two steps.
  let guess = midnightAsUtc - offsetMinutes(ms, timeZone) * 60000;
  guess = midnightAsUtc - offsetMinutes(guess, timeZone) * 60000;
  return guess;
}

/** Whether `timeZone` is an IANA zone this runtime knows. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** Parses an ISO 8601 instant that carries an offset or Z; null for anything else. */
export function parseInstant(value: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(value)) {
    return null;
  }
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}

/**
 * A wall-clock time in `timeZone` (a `datetime-local` value, YYYY-MM-DDTHH:MM[:SS]) as ISO 8601
 * with the zone's offset at that moment; null if it is not such a value or the zone is unknown.
 * The console's forms send campaign times this way.
 */
export function localToIso(local: string, timeZone: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?/.exec(local);
  if (!m) return null;
  const [y = 0, mo = 1, d = 1, h = 0, mi = 0, s = 0] = m.slice(1).map((x) => Number(x ?? 0));
  const asUtc = Date.UTC(y, mo - 1, d, h, mi, s);
  let offset: number;
  try {
    // The offset at the local time, not at the same digits read as UTC: settle it in two steps.
    offset = offsetMinutes(asUtc, timeZone);
    offset = offsetMinutes(asUtc - offset * 60000, timeZone);
  } catch {
    return null;
  }
  const sign = offset < 0 ? "-" : "+";
  const abs = Math.abs(offset);
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6] ?? "00"}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
