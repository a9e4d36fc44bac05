import { describe, expect, it } from "vitest";
import { call, like, makeCampaign } from "../../helpers";

describe("GET /api/campaigns", () => {
  it("lists public campaigns with status and ISO times, never drafts", async () => {
    const open = await makeCampaign({ timeZone: "Asia/Shanghai" });
    const draft = await makeCampaign({ draft: true });
    const res = await call("/api/campaigns");
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toContain("application/json");
    const { campaigns } = await res.json<{ campaigns: Record<string, string>[] }>();
    const slugs = campaigns.map((c) => c.slug);
    expect(slugs).toContain(open.slug);
    expect(slugs).not.toContain(draft.slug);
    const item = campaigns.find((c) => c.slug === open.slug);
    expect(Object.keys(item ?? {}).sort()).toEqual([
      "closesAt",
      "opensAt",
      "slug",
      "status",
      "title",
    ]);
    expect(item?.status).toBe("open");
    expect(item?.opensAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/);
  });
});

describe("GET /api/campaigns/:slug", () => {
  it("answers the campaign with rules, counts and totalLikes when visible", async () => {
    const c = await makeCampaign({ count: 4, likesPerVoterPerDay: null });
    await like(c.slug, 1);
    await like(c.slug, 2);
    const res = await call(`/api/campaigns/${c.slug}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      slug: c.slug,
      title: expect.any(String),
      organizer: "测试联席办",
      description: "第一段\n\n第二段",
      status: "open",
      timeZone: "Asia/Shanghai",
      opensAt: expect.stringMatching(/\+08:00$/),
      closesAt: expect.stringMatching(/\+08:00$/),
      rules: { likesPerCandidatePerDay: 1, likesPerVoterPerDay: null },
      showCounts: "always",
      identityMode: "cookie",
      candidateCount: 4,
      totalLikes: 2,
    });
  });

  it("leaves totalLikes out while counts are hidden", async () => {
    for (const showCounts of ["after_close", "never"] as const) {
      const c = await makeCampaign({ showCounts });
      await like(c.slug, 1);
      const body = await (await call(`/api/campaigns/${c.slug}`)).json<Record<string, unknown>>();
      expect(body, showCounts).not.toHaveProperty("totalLikes");
      expect(body.showCounts).toBe(showCounts);
    }
  });

  it("shows totalLikes after close when showCounts is after_close", async () => {
    const c = await makeCampaign({ showCounts: "after_close", closedAt: Date.now() - 1 });
    const body = await (await call(`/api/campaigns/${c.slug}`)).json<Record<string, unknown>>();
    expect(body).toMatchObject({ status: "closed", totalLikes: 0 });
  });

  it("answers 404 campaign_not_found for unknown slugs and drafts", async () => {
    const draft = await makeCampaign({ draft: true });
    for (const slug of ["nope", draft.slug, "%E4%B8%AD", "a".repeat(500)]) {
      const res = await call(`/api/campaigns/${slug}`);
      expect(res.status, slug).toBe(404);
      expect(await res.json()).toEqual({
        error: { code: "campaign_not_found", message: expect.any(String) },
      });
    }
  });
});
