import { describe, expect, it } from "vitest";
import {
  difficultyFor,
  expectedSolveSeconds,
  FRICTION,
  type FrictionInput,
  frictionLevel,
  HOLD,
  networkFlagOpens,
  nomineeBurstThreshold,
  nomineeFlagOpens,
  proofSuffices,
} from "../../src/domain/friction";
import { needsChallenge } from "../../src/domain/like-rules";

/** A quiet campaign open for a day, with the default network threshold (30 per minute). */
const quiet: FrictionInput = {
  networkRecent: 0,
  pairRecent: 0,
  nomineeRecent: 0,
  nomineeTotal: 0,
  openFor: 86_400_000,
  networkThreshold: 30,
  voterRecent: 0,
  voterThreshold: 6,
};

describe("frictionLevel (the curve)", () => {
  it("asks nothing of a quiet network, however long the campaign has run", () => {
    expect(frictionLevel(quiet)).toBe(0);
    expect(
      frictionLevel({
        ...quiet,
        networkRecent: 29,
        pairRecent: FRICTION.pairStart - 1,
        nomineeRecent: 59,
      }),
    ).toBe(0);
  });

  it("steps up one level per 20 likes a minute from a busy network (the gentler slope)", () => {
    expect(frictionLevel({ ...quiet, networkRecent: 30 })).toBe(1);
    expect(frictionLevel({ ...quiet, networkRecent: 49 })).toBe(1);
    expect(frictionLevel({ ...quiet, networkRecent: 50 })).toBe(2);
    expect(frictionLevel({ ...quiet, networkRecent: 300 })).toBe(14);
  });

  it("adds the steep slope when the network concentrates on one nominee over 10 minutes", () => {
    expect(frictionLevel({ ...quiet, pairRecent: FRICTION.pairStart })).toBe(1);
    expect(frictionLevel({ ...quiet, pairRecent: FRICTION.pairStart + FRICTION.pairStep })).toBe(2);
    // Both network rates add up: 3 (network) + 2 (pair).
    expect(
      frictionLevel({
        ...quiet,
        networkRecent: 70,
        pairRecent: FRICTION.pairStart + FRICTION.pairStep,
      }),
    ).toBe(5);
  });

  it("reacts to a nominee's burst against its own usual rate, from quiet networks too", () => {
    // Usual rate 0: the burst starts at nomineeStart likes a minute.
    expect(frictionLevel({ ...quiet, nomineeRecent: 60 })).toBe(1);
    expect(frictionLevel({ ...quiet, nomineeRecent: 100 })).toBe(3);
    // A nominee that usually gets 20 a minute (28,800 over a day) bursts only from 100 a minute.
    const popular = { ...quiet, nomineeTotal: 28_800 };
    expect(nomineeBurstThreshold(28_800, 86_400_000)).toBe(100);
    expect(frictionLevel({ ...popular, nomineeRecent: 99 })).toBe(0);
    expect(frictionLevel({ ...popular, nomineeRecent: 100 })).toBe(1);
    // A young campaign counts at least one minute of history.
    expect(nomineeBurstThreshold(100, 1000)).toBe(500);
  });

  it("takes the higher of the network's level and the nominee's, never their sum", () => {
    expect(frictionLevel({ ...quiet, networkRecent: 60, nomineeRecent: 100 })).toBe(3);
    expect(frictionLevel({ ...quiet, networkRecent: 110, nomineeRecent: 60 })).toBe(5);
  });

  it("keeps the voter threshold as a floor of one level, and turns the rest off with a null network threshold", () => {
    expect(frictionLevel({ ...quiet, voterRecent: 6 })).toBe(1);
    const off = { ...quiet, networkThreshold: null };
    expect(frictionLevel({ ...off, networkRecent: 900, pairRecent: 900, nomineeRecent: 900 })).toBe(
      0,
    );
    expect(frictionLevel({ ...off, voterRecent: 6 })).toBe(1);
    expect(frictionLevel({ ...off, voterRecent: 6, voterThreshold: null })).toBe(0);
  });

  it("is capped, so a challenge's size stays a safe integer", () => {
    const flood = { ...quiet, networkRecent: 1000, pairRecent: 1000, nomineeRecent: 1000 };
    expect(frictionLevel(flood)).toBe(FRICTION.maxLevel);
    expect(Number.isSafeInteger(difficultyFor(FRICTION.maxLevel, 5_000_000))).toBe(true);
  });

  it("grows the work per like faster than the rate (superlinear), so CPU buys only a logarithm", () => {
    const work = (networkRecent: number) =>
      difficultyFor(frictionLevel({ ...quiet, networkRecent }), 50_000);
    // Doubling the rate from 60 to 120 a minute costs 8× the work per like, not 2×.
    expect(work(120) / work(60)).toBe(8);
    // Twice the CPU per minute buys at most one more step of the curve.
    for (let r = 30; r < 300; r += 30) expect(work(r + FRICTION.networkStep)).toBe(2 * work(r));
  });
});

describe("difficulty and proofs", () => {
  it("doubles the campaign's base size per level", () => {
    expect(difficultyFor(1, 50_000)).toBe(50_000);
    expect(difficultyFor(2, 50_000)).toBe(100_000);
    expect(difficultyFor(5, 50_000)).toBe(800_000);
    // Level 0 never issues a challenge; asked anyway it is the base.
    expect(difficultyFor(0, 50_000)).toBe(50_000);
  });

  it("accepts a proof issued at most one level below the current one", () => {
    expect(proofSuffices(1, 0)).toBe(true);
    expect(proofSuffices(1, 2)).toBe(true);
    expect(proofSuffices(1, 3)).toBe(false);
    expect(proofSuffices(7, 3)).toBe(true);
    expect(needsChallenge({ level: 0, proofWon: false, proofLevel: 0 })).toBe(false);
    expect(needsChallenge({ level: 3, proofWon: true, proofLevel: 2 })).toBe(false);
    expect(needsChallenge({ level: 3, proofWon: true, proofLevel: 1 })).toBe(true);
    expect(needsChallenge({ level: 1, proofWon: false, proofLevel: 1 })).toBe(true);
  });

  it("says how long a solver at a given speed takes on average", () => {
    expect(expectedSolveSeconds(0, 50_000, 100_000)).toBe(0);
    expect(expectedSolveSeconds(1, 50_000, 100_000)).toBe(0.25);
    expect(expectedSolveSeconds(4, 50_000, 100_000)).toBe(2);
  });
});

describe("flags on the like path", () => {
  it("opens a network's flag past either of its rates", () => {
    expect(networkFlagOpens(HOLD.networkPerMinute - 1, HOLD.pairPer10Minutes - 1)).toBe(false);
    expect(networkFlagOpens(HOLD.networkPerMinute, 0)).toBe(true);
    expect(networkFlagOpens(0, HOLD.pairPer10Minutes)).toBe(true);
  });

  it("opens a nominee's flag at the same burst threshold as the friction", () => {
    expect(nomineeFlagOpens(59, 0, 86_400_000)).toBe(false);
    expect(nomineeFlagOpens(60, 0, 86_400_000)).toBe(true);
    expect(nomineeFlagOpens(99, 28_800, 86_400_000)).toBe(false);
  });
});
