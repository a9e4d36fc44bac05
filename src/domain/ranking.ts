import type { TallyRow } from "../contract/public";

/**
 * A nominee's counts as the ranking shows them (db/queries/results.ts `tallies`): the fields of
 * the results API's row (`ResultRow` in contract/public.ts, the one source of that shape).
 */
export type { TallyRow };

/**
 * A ranked tally (`rankByLikes`): the row of the results page, the 大屏, and the public results
 * JSON the browser redraws them from.
 */
export type RankedRow = TallyRow & { rank: number };

/**
 * Standard competition ranking ("1224"): equal likes share a rank and the next rank skips. Ties are
 * listed by number so the order is stable.
 */
export function rankByLikes<T extends { number: number; likes: number }>(
  rows: readonly T[],
): (T & { rank: number })[] {
  const sorted = [...rows].sort((a, b) => b.likes - a.likes || a.number - b.number);
  let rank = 0;
  let previous: number | undefined;
  return sorted.map((row, i) => {
    if (row.likes !== previous) {
      rank = i + 1;
      previous = row.likes;
    }
    return { ...row, rank };
  });
}
