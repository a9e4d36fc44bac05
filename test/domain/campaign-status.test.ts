import { describe, expect, it } from "vitest";
import { campaignStatus, countsVisible } from "../../src/domain/campaign-status";

const base = { opensAt: 1000, closesAt: 2000, paused: false, closedAt: null, publishedAt: null };

describe("campaignStatus", () => {
  it("moves through upcoming, open, closed by the clock", () => {
    expect(campaignStatus(base, 999)).toBe("upcoming");
    expect(campaignStatus(base, 1000)).toBe("open");
    expect(campaignStatus(base, 1999)).toBe("open");
    expect(campaignStatus(base, 2000)).toBe("closed");
  });

  it("honours pause, a manual close and publication", () => {
    expect(campaignStatus({ ...base, paused: true }, 1500)).toBe("paused");
    expect(campaignStatus({ ...base, closedAt: 1200 }, 1500)).toBe("closed");
    expect(campaignStatus({ ...base, closedAt: 1200, publishedAt: 1300 }, 1500)).toBe("published");
  });
});

describe("countsVisible", () => {
  it("follows showCounts", () => {
    expect(countsVisible("always", "open")).toBe(true);
    expect(countsVisible("after_close", "open")).toBe(false);
    expect(countsVisible("after_close", "paused")).toBe(false);
    expect(countsVisible("after_close", "closed")).toBe(true);
    expect(countsVisible("after_close", "published")).toBe(true);
    expect(countsVisible("never", "published")).toBe(false);
  });
});
