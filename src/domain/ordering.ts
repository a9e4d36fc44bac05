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

/**
 * MurmurHash3's finalizer: every input bit moves every output bit. Without it the keys of one
 * voter's nominees differed only through the last few characters, so the order was decided by a
 * handful of the seed's bits and many voters shared one of a few orders. Also the bench's cheap
 * deterministic hash of an integer (scripts/bench/synthetic.ts).
 */
export function mix32(h: number): number {
  let x = h | 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

export function voterShuffle<T extends { number: number }>(items: readonly T[], seed: string): T[] {
  return items
    .map((item) => ({ item, key: mix32(fnv1a(`${seed}:${item.number}`)) }))
    .sort((a, b) => a.key - b.key || a.item.number - b.item.number)
    .map((x) => x.item);
}
