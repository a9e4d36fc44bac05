import { closedEarly, votingEnd } from "../../domain/campaign-status";
import { isoInZone } from "../../domain/time";

/** "2026-11-29 20:00" in the campaign's zone (seconds with `seconds`). */
export function localTime(ms: number, timeZone: string, seconds = false): string {
  const iso = isoInZone(ms, timeZone);
  return `${iso.slice(0, 10)} ${iso.slice(11, seconds ? 19 : 16)}`;
}

/** The value of a `datetime-local` input showing `ms` in the campaign's zone. */
export function localInputValue(ms: number, timeZone: string): string {
  return isoInZone(ms, timeZone).slice(0, 16);
}

/** The voting window as the console shows it: the real end after an early close. */
export function votingWindow(
  c: { opensAt: number; closesAt: number; closedAt: number | null },
  timeZone: string,
): string {
  const end = votingEnd(c);
  const early = closedEarly(c) ? `（提前结束，原定 ${localTime(c.closesAt, timeZone)}）` : "";
  return `${localTime(c.opensAt, timeZone)} 至 ${localTime(end, timeZone)}${early}`;
}

/** Compact numbers with thousands separators: 12,345. */
export function count(n: number): string {
  return n.toLocaleString("en-US");
}
