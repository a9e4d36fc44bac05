import { describe, expect, it } from "vitest";
import { copiedCampaign, copiedLinkExpiry, HAPPENED } from "../../src/domain/campaign-copy";
import { mediaKey, ORPHAN_GRACE_MS, orphanKeys } from "../../src/domain/media";
import { reopen } from "../../src/domain/nomination";

describe("orphan photo rules", () => {
  const now = 10 * ORPHAN_GRACE_MS;
  it("deletes only unreferenced uploads past the grace period", () => {
    const listed = [
      { key: "photos/a/1/x.png", uploaded: now - 2 * ORPHAN_GRACE_MS },
      { key: "photos/a/1/kept.png", uploaded: now - 2 * ORPHAN_GRACE_MS },
      { key: "photos/a/1/fresh.png", uploaded: now - 1000 },
      { key: "a/legacy.png", uploaded: 0 },
    ];
    expect(orphanKeys(listed, new Set(["photos/a/1/kept.png"]), now)).toEqual(["photos/a/1/x.png"]);
  });
  it("reads our media URLs only", () => {
    expect(mediaKey("/media/photos/a/1.png")).toBe("photos/a/1.png");
    expect(mediaKey("/portraits/a/1.svg")).toBeNull();
    expect(mediaKey("https://example.cn/media/x.png")).toBeNull();
  });
});

describe("copying a campaign", () => {
  it("keeps the setup, drops what happened, and takes the new slug and title", () => {
    const source = {
      id: 7,
      slug: "old",
      title: "第一批",
      likesPerVoterPerDay: 5,
      draft: false,
      closedAt: 5,
      publishedAt: 6,
      publishedHonorees: [1],
      futureColumn: "kept",
      createdAt: 1,
      updatedAt: 2,
    };
    const copy = copiedCampaign(source, { slug: "new" }, 100);
    expect(copy).not.toHaveProperty("id");
    expect(copy).toMatchObject({
      ...HAPPENED,
      slug: "new",
      title: "第一批（副本）",
      likesPerVoterPerDay: 5,
      futureColumn: "kept",
      createdAt: 100,
      updatedAt: 100,
    });
    expect(copiedCampaign(source, { slug: "n", title: "第二批" }, 1).title).toBe("第二批");
    expect(copiedLinkExpiry(0, 1000)).toBe(1000 + 30 * 86_400_000);
  });
});

describe("reopening a nomination", () => {
  it("only from declined, only with a reason", () => {
    expect(reopen("declined", "复议")).toEqual({ ok: true, status: "submitted" });
    expect(reopen("declined", " ")).toMatchObject({ ok: false, code: "comment_required" });
    for (const status of ["draft", "submitted", "returned", "accepted"] as const)
      expect(reopen(status, "复议")).toMatchObject({ ok: false, code: "invalid_state" });
  });
});
