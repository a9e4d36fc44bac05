import * as v from "valibot";
import { describe, expect, it } from "vitest";
import {
  CAMPAIGN_LIMITS,
  CAMPAIGN_RANGES,
  CampaignPatch,
  CampaignSettings,
} from "../../src/validators/campaign";

const BASE = {
  slug: "test-limits",
  title: "评选",
  organizer: "联席办",
  opensAt: "2026-12-01T08:00:00+08:00",
  closesAt: "2026-12-31T20:00:00+08:00",
};
const RULES = { likesPerCandidatePerDay: 1, likesPerVoterPerDay: 5 };
const PROTECTION = {
  challengePrefixPerMinute: 30,
  challengeVoterPerMinute: 6,
  challengeDifficulty: 50_000,
  retentionDays: null,
};

/** The campaign as POST …/campaigns takes it, with one field set. */
function withField(field: string, value: unknown) {
  if (field in RULES) return { ...BASE, rules: { ...RULES, [field]: value } };
  if (field in PROTECTION) return { ...BASE, protection: { ...PROTECTION, [field]: value } };
  return { ...BASE, [field]: value };
}
const accepts = (field: string, value: unknown) =>
  v.safeParse(CampaignSettings, withField(field, value)).success;

describe("the campaign's limits are the schema's", () => {
  it.each(Object.entries(CAMPAIGN_RANGES))(
    "%s: accepts its range and nothing past it",
    (field, r) => {
      expect([r.min, r.max].map((n) => accepts(field, n))).toEqual([true, true]);
      expect([r.min - 1, r.max + 1, r.min + 0.5].map((n) => accepts(field, n))).toEqual([
        false,
        false,
        false,
      ]);
    },
  );

  it.each(["title", "organizer", "description"] as const)(
    "%s: at most its limit in characters",
    (field) => {
      const max = CAMPAIGN_LIMITS[field];
      expect(accepts(field, "字".repeat(max))).toBe(true);
      expect(accepts(field, "𠮷".repeat(max))).toBe(true);
      expect(accepts(field, "字".repeat(max + 1))).toBe(false);
    },
  );

  it("slug: 2 to 63 characters", () => {
    expect(accepts("slug", `a${"b".repeat(CAMPAIGN_LIMITS.slug - 1)}`)).toBe(true);
    expect(accepts("slug", `a${"b".repeat(CAMPAIGN_LIMITS.slug)}`)).toBe(false);
    expect(accepts("slug", "a")).toBe(false);
  });

  it("keeps its messages", () => {
    const issue = (patch: unknown) => v.safeParse(CampaignPatch, patch).issues?.[0]?.message;
    expect(issue({ rules: { ...RULES, likesPerVoterPerDay: 0 } })).toBe(
      "likesPerVoterPerDay must be at least 1 (or null for no cap)",
    );
    expect(issue({ protection: { challengeDifficulty: 5_000_001 } })).toBe(
      "challengeDifficulty must be at most 5000000",
    );
    expect(issue({ protection: { challengeVoterPerMinute: -1 } })).toBe(
      "challengeVoterPerMinute must be at least 0 (0 = always ask, null = never)",
    );
  });
});
