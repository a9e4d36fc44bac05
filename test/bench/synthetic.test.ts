import { describe, expect, it } from "vitest";
import {
  coprimeStride,
  DAY_MS,
  ledgerPlan,
  syntheticCampaign,
  syntheticLike,
  syntheticReceipt,
} from "../../scripts/bench/synthetic";

/** The bench's generator (scripts/bench): its ledger must obey the campaign's rules. */
describe("the benchmark's synthetic ledger", () => {
  const now = Date.UTC(2026, 10, 29, 8);

  it("never gives a voter two likes on one day, and every voter the same number of likes", () => {
    const plan = ledgerPlan(10_000, 2_000, 1_000, now);
    expect(plan.days).toBe(10);
    const perVoter = new Map<number, number[]>();
    for (let i = 0; i < plan.likes; i++) {
      const like = syntheticLike(plan, i);
      expect(like.nominee).toBeGreaterThanOrEqual(1);
      expect(like.nominee).toBeLessThanOrEqual(1_000);
      expect(like.createdAt).toBeGreaterThanOrEqual(plan.start);
      expect(like.createdAt).toBeLessThan(plan.start + plan.days * DAY_MS);
      perVoter.set(like.voter, [...(perVoter.get(like.voter) ?? []), like.createdAt]);
    }
    expect(perVoter.size).toBe(2_000);
    for (const times of perVoter.values()) {
      expect(times).toHaveLength(5);
      // At least two days apart: different campaign-local days in any time zone.
      for (let k = 1; k < times.length; k++) {
        expect((times[k] ?? 0) - (times[k - 1] ?? 0)).toBeGreaterThanOrEqual(2 * DAY_MS - 1);
      }
    }
  });

  it("is deterministic, skewed toward popular nominees, and ends before today", () => {
    const plan = ledgerPlan(1_000, 200, 100, now);
    expect(syntheticLike(plan, 123)).toEqual(syntheticLike(plan, 123));
    const counts = new Array<number>(101).fill(0);
    for (let i = 0; i < plan.likes; i++) {
      const n = syntheticLike(plan, i).nominee;
      counts[n] = (counts[n] ?? 0) + 1;
    }
    const firstTen = counts.slice(1, 11).reduce((a, b) => a + b, 0);
    const lastTen = counts.slice(91).reduce((a, b) => a + b, 0);
    expect(firstTen).toBeGreaterThan(lastTen * 3);
    expect(plan.start + plan.days * DAY_MS).toBeLessThanOrEqual(now);
  });

  it("gives unique receipts in the app's format", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 50_000; i++) {
      const r = syntheticReceipt(0x1b3e7, i);
      expect(r).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
      seen.add(r);
    }
    expect(seen.size).toBe(50_000);
    expect(syntheticReceipt(1, 5)).not.toBe(syntheticReceipt(2, 5));
  });

  it("uses a stride coprime with the number of voters, and a campaign shaped like the seed", () => {
    for (const v of [1, 2, 10, 2_000, 200_000]) {
      const p = coprimeStride(v);
      const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
      expect(gcd(p, v)).toBe(1);
    }
    const c = syntheticCampaign({ slug: "bench-x", title: "x", nominees: 3, now });
    expect(c.nominees.map((n) => n.number)).toEqual([1, 2, 3]);
    expect(c.rules).toEqual({ likesPerCandidatePerDay: 1, likesPerVoterPerDay: 5 });
  });
});
