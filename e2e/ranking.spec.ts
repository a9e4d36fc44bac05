/**
 * The live ranking on its own campaign (the seed campaign's counts are shared with the other
 * specs), before and after the page repaints itself from a poll: after an organizer voids likes,
 * each row shows its own "已核减" note; a group's tab ranks its nominees among themselves.
 */
import { type APIRequestContext, expect, type Page, request, test } from "@playwright/test";
import { adminApi, createCampaign } from "./helpers";

async function like(baseURL: string, slug: string, number: number): Promise<void> {
  // A new request context is a new voter (no cookie yet).
  const voter = await request.newContext({ baseURL });
  try {
    const res = await voter.post(`/api/campaigns/${slug}/candidates/${number}/likes`);
    expect(res.status(), await res.text()).toBe(201);
  } finally {
    await voter.dispose();
  }
}

async function campaign(baseURL: string | undefined, slug: string): Promise<APIRequestContext> {
  const api = await adminApi(baseURL);
  await createCampaign(api, {
    slug,
    title: `排名测试 ${slug}`,
    nominees: [
      { number: 1, name: "陈顺", group: "县市区" },
      { number: 2, name: "康峰", group: "市直单位" },
      { number: 3, name: "李亚利", group: "市直单位" },
    ],
    // Never ask these API voters for a proof of work: this spec is about the ranking.
    protection: {
      challengePrefixPerMinute: null,
      challengeVoterPerMinute: null,
      challengeDifficulty: 20_000,
      retentionDays: null,
    },
  });
  return api;
}

const row = (page: Page, number: number) =>
  page.locator(`[data-ranking] .rank-row[data-number="${number}"]`);
const note = (page: Page, number: number) => row(page, number).locator(".voided");
const rank = (page: Page, number: number) => row(page, number).locator(".rank b");

test("the live ranking: voided likes per row, and ranks within a group", async ({
  page,
  baseURL,
}, info) => {
  test.skip(info.project.name !== "Pixel 7", "one phone is enough for this flow");
  test.setTimeout(60_000);
  const base = baseURL ?? "";
  const slug = `e2e-rank-${Date.now().toString(36)}`;
  const api = await campaign(base, slug);
  try {
    // No. 1 leads with one like voided: one like in a window that is then voided, two after it.
    const from = new Date(Date.now() - 1000).toISOString();
    await like(base, slug, 1);
    await new Promise((r) => setTimeout(r, 50));
    const to = new Date().toISOString();
    const voided = await api.post(`/api/admin/campaigns/${slug}/votes/void`, {
      data: { from, to, number: 1, reason: "测试核减" },
    });
    expect(voided.status(), await voided.text()).toBe(200);
    expect(((await voided.json()) as { voided: number }).voided).toBe(1);
    await like(base, slug, 1);
    await like(base, slug, 1);
    await like(base, slug, 2);

    await page.goto(`/c/${slug}/results`);
    await expect(page.locator("[data-ranking] .rank-row").first()).toHaveAttribute(
      "data-number",
      "1",
    );
    await expect(note(page, 1)).toHaveText("已核减 1 票");
    await expect(note(page, 2)).toHaveCount(0);

    // A new like makes the next poll repaint the list from the results JSON.
    await like(base, slug, 3);
    await expect(
      page.locator('[data-ranking] .rank-row[data-number="3"] .rank-likes'),
    ).toContainText("1 票", { timeout: 8000 });
    await expect(note(page, 1)).toHaveText("已核减 1 票");
    await expect(note(page, 2)).toHaveCount(0);
    await expect(note(page, 3)).toHaveCount(0);

    // 市直单位 alone: No. 2 and No. 3 tie at 1 like, first in their group (overall they are 2nd).
    await page.goto(`/c/${slug}/results?group=${encodeURIComponent("市直单位")}`);
    await expect(page.locator("[data-ranking] .rank-row")).toHaveCount(2);
    await expect(rank(page, 2)).toHaveText("1");
    await expect(rank(page, 3)).toHaveText("1");
    // No. 3 pulls ahead; after the repaint it leads its group and No. 2 is its group's 2nd
    // (overall No. 2 would be 3rd, behind No. 1 and No. 3 at 2 likes each).
    await like(base, slug, 3);
    await expect(rank(page, 2)).toHaveText("2", { timeout: 8000 });
    await expect(rank(page, 3)).toHaveText("1");
    await expect(page.locator("[data-ranking] .rank-row").first()).toHaveAttribute(
      "data-number",
      "3",
    );
  } finally {
    await api.dispose();
  }
});
