import { describe, expect, it } from "vitest";
import { isNomineeBurst, judgeTiming, WINDOW_MS, windowStart } from "../../src/domain/anomaly";

describe("anomaly rules", () => {
  it("aligns windows to ten minutes", () => {
    expect(windowStart(WINDOW_MS * 3 + 5)).toBe(WINDOW_MS * 3);
  });

  it("calls a window a nominee burst only when large and far above the usual rate", () => {
    expect(isNomineeBurst(30, 2)).toBe(true);
    expect(isNomineeBurst(29, 0)).toBe(false); // too small to matter
    expect(isNomineeBurst(40, 10)).toBe(false); // a popular nominee's normal pace
    expect(isNomineeBurst(50, 10)).toBe(true);
  });

  it("sees machine timing in fast or metronome-regular likes, not in people", () => {
    const t0 = 1_800_000_000_000;
    const fast = [0, 400, 900, 1300, 1700].map((d) => t0 + d);
    expect(judgeTiming(fast).machine).toBe(true);
    const metronome = [0, 5000, 10_010, 15_000, 20_005].map((d) => t0 + d);
    expect(judgeTiming(metronome)).toMatchObject({ machine: true, meanGapMs: 5001 });
    const person = [0, 35_000, 52_000, 140_000, 151_000].map((d) => t0 + d);
    expect(judgeTiming(person).machine).toBe(false);
    // Too few likes to judge, however fast.
    expect(judgeTiming([t0, t0 + 100, t0 + 200]).machine).toBe(false);
    expect(judgeTiming([t0]).machine).toBe(false);
  });
});
