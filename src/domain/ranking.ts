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
