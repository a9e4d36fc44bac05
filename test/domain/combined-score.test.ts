import { describe, expect, it } from "vitest";
import { combineScores, methodText } from "../../src/domain/combined-score";

const pick = (rows: ReturnType<typeof combineScores>) =>
  rows.map((r) => [r.rank, r.number, r.publicScore, r.committeeScore, r.combinedScore]);

describe("combineScores", () => {
  it("share of the maximum, 30/70: worked by hand", () => {
    // #1: 200/200 → 100; (80+90)/2 = 85; 0.3×100 + 0.7×85 = 89.5
    // #2: 150/200 → 75; (90+94)/2 = 92; 22.5 + 64.4 = 86.9
    // #3: 50/200 → 25; 100; 7.5 + 70 = 77.5
    // #4: 0 → 0; one score of two: 70; 0 + 49 = 49
    const rows = combineScores(
      [
        { number: 1, likes: 200, scores: [80, 90] },
        { number: 2, likes: 150, scores: [90, 94] },
        { number: 3, likes: 50, scores: [100, 100] },
        { number: 4, likes: 0, scores: [70] },
      ],
      { weightPublic: 30, method: "share_of_max", jurorCount: 2 },
    );
    expect(pick(rows)).toEqual([
      [1, 1, 100, 85, 89.5],
      [2, 2, 75, 92, 86.9],
      [3, 3, 25, 100, 77.5],
      [4, 4, 0, 70, 49],
    ]);
    expect(rows.map((r) => r.committeeRank)).toEqual([3, 2, 1, 4]);
    expect(rows.find((r) => r.number === 4)?.scoresMissing).toBe(1);
    expect(rows.every((r) => r.tie === null)).toBe(true);
  });

  it("rank-based public score with shared ranks: (N − rank) ÷ (N − 1) × 100", () => {
    // likes 10, 8, 8, 3, 0 → ranks 1, 2, 2, 4, 5 → 100, 75, 75, 25, 0 (N = 5)
    const rows = combineScores(
      [10, 8, 8, 3, 0].map((likes, i) => ({ number: i + 1, likes, scores: [50] })),
      { weightPublic: 100, method: "rank", jurorCount: 1 },
    );
    const byNumber = new Map(rows.map((r) => [r.number, r]));
    expect([1, 2, 3, 4, 5].map((n) => byNumber.get(n)?.publicScore)).toEqual([100, 75, 75, 25, 0]);
    expect([1, 2, 3, 4, 5].map((n) => byNumber.get(n)?.publicRank)).toEqual([1, 2, 2, 4, 5]);
    // #2 and #3: same combined (75), same committee (50): the number decides.
    expect(byNumber.get(2)?.tie).toEqual({ with: [3], brokenBy: "number" });
    expect(byNumber.get(2)?.rank).toBe(2);
    expect(byNumber.get(3)?.rank).toBe(3);
  });

  it("a three-way tie on the combined score is ordered by the committee score", () => {
    // 50/50: #1 100 & 60 → 80; #2 60 & 100 → 80; #3 80 & 80 → 80
    const rows = combineScores(
      [
        { number: 1, likes: 100, scores: [60] },
        { number: 2, likes: 60, scores: [100] },
        { number: 3, likes: 80, scores: [80] },
      ],
      { weightPublic: 50, method: "share_of_max", jurorCount: 1 },
    );
    expect(pick(rows)).toEqual([
      [1, 2, 60, 100, 80],
      [2, 3, 80, 80, 80],
      [3, 1, 100, 60, 80],
    ]);
    expect(rows[0]?.tie).toEqual({ with: [3, 1], brokenBy: "committee" });
  });

  it("rounds each part to two decimals, half up, before combining", () => {
    // likes 1 of 3 → 33.33; (90 + 85) / 2 = 87.5; 0.3 × 33.33 + 0.7 × 87.5 = 71.249 → 71.25
    // likes 2 of 3 → 66.67; (1 + 0 + 0) / 3 = 0.33; 0.3 × 66.67 + 0.7 × 0.33 = 20.232 → 20.23
    const rows = combineScores(
      [
        { number: 1, likes: 1, scores: [90, 85] },
        { number: 2, likes: 2, scores: [1, 0, 0] },
        { number: 3, likes: 3, scores: [] },
      ],
      { weightPublic: 30, method: "share_of_max", jurorCount: 3 },
    );
    const byNumber = new Map(rows.map((r) => [r.number, r]));
    expect(byNumber.get(1)?.publicScore).toBe(33.33);
    expect(byNumber.get(1)?.combinedScore).toBe(71.25);
    expect(byNumber.get(2)?.publicScore).toBe(66.67);
    expect(byNumber.get(2)?.committeeScore).toBe(0.33);
    expect(byNumber.get(2)?.combinedScore).toBe(20.23);
    // No score at all: no committee score, counted as 0, three missing.
    expect(byNumber.get(3)?.committeeScore).toBeNull();
    expect(byNumber.get(3)?.committeeRank).toBeNull();
    expect(byNumber.get(3)?.combinedScore).toBe(30);
    expect(byNumber.get(3)?.scoresMissing).toBe(3);
  });

  it("nobody liked anything: public scores are 0 by share, 100 by rank (all tied first)", () => {
    const input = [1, 2].map((number) => ({ number, likes: 0, scores: [number * 10] }));
    const share = combineScores(input, { weightPublic: 30, method: "share_of_max", jurorCount: 1 });
    expect(share.map((r) => r.publicScore)).toEqual([0, 0]);
    const rank = combineScores(input, { weightPublic: 30, method: "rank", jurorCount: 1 });
    expect(rank.map((r) => r.publicScore)).toEqual([100, 100]);
    // 30 + 0.7 × 20 = 44 beats 30 + 0.7 × 10 = 37
    expect(rank.map((r) => [r.number, r.combinedScore])).toEqual([
      [2, 44],
      [1, 37],
    ]);
  });

  it("handles a single nominee and none", () => {
    expect(
      combineScores([{ number: 7, likes: 0, scores: [] }], {
        weightPublic: 30,
        method: "rank",
        jurorCount: 0,
      })[0]?.publicScore,
    ).toBe(100);
    expect(combineScores([], { weightPublic: 30, method: "rank", jurorCount: 2 })).toEqual([]);
  });

  it("states the method with the weights", () => {
    expect(methodText(30, "share_of_max")).toContain("大众得分 × 30% + 评委得分 × 70%");
    expect(methodText(40, "rank")).toContain("并列名次得分相同");
  });
});
