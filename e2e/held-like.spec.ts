/**
 * A held like in a real browser (issue 13, item 4): after a burst from the voter's network on one
 * nominee, the like is recorded but not counted, and the page says so plainly (已记录，待核验),
 * shows the receipt and leaves the public count where it was.
 */
import { expect, request, test } from "@playwright/test";
import { adminApi, createCampaign, newPhone } from "./helpers";

test("a like the open flag covers is recorded, not counted, and the voter is told", async ({
  browser,
  baseURL,
}, testInfo) => {
  test.skip(testInfo.project.name !== "Pixel 7", "one phone is enough for this flow");
  test.setTimeout(90_000);
  const slug = `e2e-held-${Date.now().toString(36)}`;
  const api = await adminApi(baseURL);
  await createCampaign(api, {
    slug,
    title: `待核验测试 ${slug}`,
    nominees: [
      { number: 1, name: "陈顺" },
      { number: 2, name: "康峰" },
    ],
    // No proof of work, so the burst below is quick; holding is on for new campaigns.
    protection: {
      challengePrefixPerMinute: null,
      challengeVoterPerMinute: null,
      challengeDifficulty: 20_000,
      retentionDays: null,
    },
  });
  // 50 likes for 康峰 from this machine's network (each a new voter): the network's flag opens.
  for (let i = 0; i < 50; i++) {
    const bare = await request.newContext({ baseURL });
    const res = await bare.post(`/api/campaigns/${slug}/candidates/2/likes`);
    expect(res.status()).toBe(201);
    await bare.dispose();
  }
  const page = await newPhone(browser, baseURL);
  await page.goto(`/c/${slug}/2`);
  const count = page.locator(".like-count");
  await expect(count).toContainText("50");
  await page.getByRole("button", { name: /为康峰\s*点赞/ }).click();
  await expect(page.locator(".like-feedback")).toContainText("已记录，待核验");
  await expect(page.locator(".like-receipt")).toContainText(/[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/);
  // The public count did not move, on the page or in the results.
  await expect(count).toContainText("50");
  const results = await (await api.get(`/api/campaigns/${slug}/results`)).json();
  expect(results.candidates.find((c: { number: number }) => c.number === 2).likes).toBe(50);
  await page.screenshot({ path: testInfo.outputPath("held-like.png") });
  await page.context().close();
  await api.dispose();
});
