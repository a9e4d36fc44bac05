import { describe, expect, it } from "vitest";
import { rankByLikes } from "../../src/domain/ranking";

describe("rankByLikes", () => {
  it("gives ties the same rank and skips the next (1, 2, 2, 4)", () => {
    const ranked = rankByLikes([
      { number: 4, likes: 3 },
      { number: 1, likes: 10 },
      { number: 3, likes: 7 },
      { number: 2, likes: 7 },
    ]);
    expect(ranked.map((r) => [r.rank, r.number])).toEqual([
      [1, 1],
      [2, 2],
      [2, 3],
      [4, 4],
    ]);
  });

  it("ranks an all-zero campaign as one tie, listed by number", () => {
    const ranked = rankByLikes([3, 1, 2].map((number) => ({ number, likes: 0 })));
    expect(ranked.map((r) => [r.rank, r.number])).toEqual([
      [1, 1],
      [1, 2],
      [1, 3],
    ]);
  });

  it("handles no rows", () => {
    expect(rankByLikes([])).toEqual([]);
  });
});
