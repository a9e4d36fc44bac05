import { describe, expect, it } from "vitest";
import {
  countsTowardQuota,
  missingForSubmit,
  nominationsOpen,
  review,
  unitCanEdit,
} from "../../src/domain/nomination";
import {
  hashLinkToken,
  isWellFormedToken,
  linkState,
  newLinkToken,
} from "../../src/domain/selection-links";

describe("review (初选)", () => {
  it("decides only submitted nominations", () => {
    expect(review("submitted", "accept", "")).toEqual({ ok: true, status: "accepted" });
    expect(review("submitted", "decline", "")).toEqual({ ok: true, status: "declined" });
    expect(review("submitted", "return", "请补充事迹")).toEqual({ ok: true, status: "returned" });
    for (const status of ["draft", "returned", "accepted", "declined"] as const) {
      const r = review(status, "accept", "");
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.code).toBe("invalid_state");
    }
  });

  it("needs a comment to return a nomination", () => {
    const r = review("submitted", "return", "  ");
    expect(r).toMatchObject({ ok: false, code: "comment_required" });
  });

  it("lets the unit edit drafts and returned nominations only", () => {
    expect(["draft", "returned"].every((s) => unitCanEdit(s as "draft"))).toBe(true);
    expect(["submitted", "accepted", "declined"].some((s) => unitCanEdit(s as "draft"))).toBe(
      false,
    );
  });

  it("counts everything but declined nominations toward the quota", () => {
    expect(countsTowardQuota("draft")).toBe(true);
    expect(countsTowardQuota("accepted")).toBe(true);
    expect(countsTowardQuota("declined")).toBe(false);
  });

  it("opens nominations until the closing time, never without one", () => {
    expect(nominationsOpen(null, 0)).toBe(false);
    expect(nominationsOpen(1000, 999)).toBe(true);
    expect(nominationsOpen(1000, 1000)).toBe(false);
  });

  it("lists what is missing before submitting", () => {
    const empty = { name: "", position: "", unit: "", groupName: "", headline: "", story: [""] };
    expect(missingForSubmit(empty)).toEqual(["name", "position", "unit", "headline", "story"]);
    expect(
      missingForSubmit({
        ...empty,
        name: "陈某",
        position: "局长",
        unit: "临县",
        headline: "x",
        story: ["y"],
      }),
    ).toEqual([]);
  });
});

describe("link tokens", () => {
  it("are 256 random bits, base64url, stored as SHA-256", async () => {
    const a = newLinkToken();
    const b = newLinkToken();
    expect(a).not.toBe(b);
    expect(isWellFormedToken(a)).toBe(true);
    expect(isWellFormedToken(`${a}x`)).toBe(false);
    expect(isWellFormedToken("../../etc")).toBe(false);
    expect(await hashLinkToken(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(await hashLinkToken(a)).not.toBe(await hashLinkToken(b));
  });

  it("expire and are revoked; revocation wins", () => {
    expect(linkState({ expiresAt: 10, revokedAt: null }, 9)).toBe("ok");
    expect(linkState({ expiresAt: 10, revokedAt: null }, 10)).toBe("expired");
    expect(linkState({ expiresAt: 10, revokedAt: 5 }, 20)).toBe("revoked");
  });
});
