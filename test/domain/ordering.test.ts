import { describe, expect, it } from "vitest";
import { voterShuffle } from "../../src/domain/ordering";

const items = Array.from({ length: 12 }, (_, i) => ({ number: i + 1 }));
const order = (seed: string) => voterShuffle(items, seed).map((x) => x.number);

describe("voterShuffle", () => {
  it("is a stable permutation per seed", () => {
    const a = order("4f1c0e9b7a2d4c3e8b1a0f9e7d6c5b4a");
    expect([...a].sort((x, y) => x - y)).toEqual(items.map((x) => x.number));
    expect(order("4f1c0e9b7a2d4c3e8b1a0f9e7d6c5b4a")).toEqual(a);
  });

  it("gives voters (nearly) all different orders, and puts each nominee first about equally often", () => {
    const seeds = Array.from({ length: 600 }, (_, i) =>
      // Voter hashes: 32 hex characters.
      (i * 2654435761 + 12345).toString(16).padStart(8, "0").repeat(4),
    );
    const orders = new Set(seeds.map((s) => order(s).join(",")));
    // 12! orders: collisions among 600 random ones are essentially impossible.
    expect(orders.size).toBeGreaterThan(595);
    const firsts = new Map<number, number>();
    for (const s of seeds) {
      const first = order(s)[0] ?? 0;
      firsts.set(first, (firsts.get(first) ?? 0) + 1);
    }
    // 50 expected per nominee; a fair shuffle stays well inside 20..90 for 600 voters.
    expect(firsts.size).toBe(12);
    for (const n of firsts.values()) expect(n).toBeGreaterThan(20);
    for (const n of firsts.values()) expect(n).toBeLessThan(90);
  });
});
