import { describe, expect, it } from "vitest";
import { type CpuProfile, hotFunctions } from "../../scripts/bench/cpu-profile";

const frame = (functionName: string, lineNumber: number) => ({
  functionName,
  url: "file:///dist/index.js",
  lineNumber,
  columnNumber: 0,
});

/** Two functions sampled in turn every 100 µs, with one pause of `pause` µs before sample `at`. */
function profile(pause: number, at: number): CpuProfile {
  const samples = Array.from({ length: 200 }, (_, i) => (i % 2 === 0 ? 1 : 2));
  const timeDeltas = samples.map((_, i) => (i === at ? pause : 100));
  return {
    nodes: [
      { id: 1, callFrame: frame("render", 10) },
      { id: 2, callFrame: frame("search", 20) },
    ],
    samples,
    timeDeltas,
    startTime: 0,
    endTime: timeDeltas.reduce((a, b) => a + b, 0),
  };
}

describe("the bench's CPU profile summary", () => {
  it("charges a pause of the sampler to no function, whichever frame comes next", () => {
    // A 50 ms pause before a `search` sample: counted as that sample's time, it made `search`
    // look like most of the CPU.
    for (const at of [51, 52]) {
      const hot = hotFunctions(profile(50_000, at));
      const share = (name: string) => hot.find((h) => h.name === name)?.share ?? 0;
      expect(share("render")).toBeCloseTo(0.5, 1);
      expect(share("search")).toBeCloseTo(0.5, 1);
      const gaps = hot.find((h) => h.name === "(gaps)");
      expect(gaps?.selfMs).toBeCloseTo(49.6, 1);
      expect(gaps?.share).toBe(0);
    }
  });

  it("adds no gaps line when the samples come evenly", () => {
    const hot = hotFunctions(profile(100, 0));
    expect(hot.map((h) => h.name).sort()).toEqual(["render", "search"]);
    expect(hot[0]?.selfMs).toBeCloseTo(10, 1);
  });
});
