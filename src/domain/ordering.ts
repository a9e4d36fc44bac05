/**
 * A stable shuffle per voter: each voter sees the nominees in their own fixed order, so nobody is
 * favoured by always being first in the grid, and the order does not jump between visits.
 */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export function voterShuffle<T extends { number: number }>(items: readonly T[], seed: string): T[] {
  return items
    .map((item) => ({ item, key: fnv1a(`${seed}:${item.number}`) }))
    .sort((a, b) => a.key - b.key || a.item.number - b.item.number)
    .map((x) => x.item);
}
