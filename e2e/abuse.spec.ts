/**
 * Abuse resistance in a real browser (issue 5): when a network is busy the like asks for a proof of
 * work, which the page solves in a Web Worker and resends without the voter doing anything; and the
 * organizer reviews a flag and seals the ledger from the console.
 */
import { expect, request, test } from "@playwright/test";
import { adminApi, createCampaign, expectAccessible, newPhone, signIn } from "./helpers";

async function campaignWithFriction(baseURL: string | undefined, slug: string) {
  const api = await adminApi(baseURL);
  await createCampaign(api, {
    slug,
    title: `防刷测试 ${slug}`,
    nominees: [
      { number: 1, name: "陈顺" },
      { number: 2, name: "康峰" },
    ],
    // Always ask for a proof (threshold 0), a light one so the test stays quick.
    protection: {
      challengePrefixPerMinute: 0,
      challengeVoterPerMinute: null,
      challengeDifficulty: 20_000,
      retentionDays: null,
    },
  });
  return api;
}

test("a busy network's like is verified in the background and counted", async ({
  browser,
  baseURL,
}, testInfo) => {
  test.skip(testInfo.project.name !== "Pixel 7", "one phone is enough for this flow");
  test.setTimeout(90_000);
  const slug = `e2e-pow-${Date.now().toString(36)}`;
  const api = await campaignWithFriction(baseURL, slug);
  const page = await newPhone(browser, baseURL);
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => {
    if (m.type() === "error" && !/status of 428/.test(m.text())) errors.push(m.text());
  });
  const worker = page.waitForEvent("worker");
  await page.goto(`/c/${slug}/2`);
  await page.getByRole("button", { name: /为康峰\s*点赞/ }).click();
  expect((await worker).url()).toContain("/pow-worker.js");
  await expect(page.locator(".like-feedback")).toContainText("已点赞", { timeout: 30_000 });
  await expect(page.locator(".like-receipt")).toContainText(/[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/);
  // Sharded ingest: public counts follow the 201 within about a second (DESIGN §5).
  await expect
    .poll(
      async () => {
        const results = await (await api.get(`/api/campaigns/${slug}/results`)).json();
        return results.candidates.find((c: { number: number }) => c.number === 2).likes;
      },
      { timeout: 5_000 },
    )
    .toBe(1);
  expect(errors).toEqual([]);
  await page.context().close();
  await api.dispose();
});

test("the organizer reviews a flag and seals the ledger from the console", async ({
  page,
  baseURL,
}, testInfo) => {
  test.skip(testInfo.project.name !== "Pixel 7", "one phone is enough for this flow");
  test.setTimeout(90_000);
  const slug = `e2e-review-${Date.now().toString(36)}`;
  const api = await campaignWithFriction(baseURL, slug);
  await api.patch(`/api/admin/campaigns/${slug}`, {
    data: {
      protection: {
        challengePrefixPerMinute: null,
        challengeVoterPerMinute: null,
        challengeDifficulty: 20_000,
        retentionDays: null,
      },
    },
  });
  // Three likes from clients that never loaded a page (no cookie): a script's signature.
  for (let i = 0; i < 3; i++) {
    const bare = await request.newContext({ baseURL });
    const res = await bare.post(`/api/campaigns/${slug}/candidates/1/likes`);
    expect(res.status()).toBe(201);
    await bare.dispose();
  }

  page.on("dialog", (dialog) => dialog.accept());
  await signIn(page, "审查员");
  await page.goto(`/admin/c/${slug}/review`);
  await page.getByRole("button", { name: "立即检查" }).click();
  await expect(page.getByText("已检查完毕")).toBeVisible();
  const flag = page.locator(".flag").filter({ hasText: "未打开页面直接点赞" });
  await expect(flag).toContainText("其中仍计入 3 次");

  await expectAccessible(page, "the review tab with a flag");

  await flag.getByLabel(/处理理由/).fill("核实为本单位测试脚本");
  await flag.getByRole("button", { name: "核减这些点赞" }).click();
  await expect(page.getByText("已核减该标记中的点赞")).toBeVisible();
  await expect(page.locator(".decision-voided")).toContainText("核实为本单位测试脚本");
  const results = await (await api.get(`/api/campaigns/${slug}/results`)).json();
  expect(results.candidates.find((c: { number: number }) => c.number === 1)).toMatchObject({
    likes: 0,
    voidedLikes: 3,
  });

  await page.getByRole("button", { name: "立即封存" }).click();
  await expect(page.getByText("已封存到最新一条点赞")).toBeVisible();
  await expect(page.getByText(/3 \/ 3 条/)).toBeVisible();
  const head = await (await api.get(`/api/campaigns/${slug}/ledger`)).json();
  expect(head).toMatchObject({ seq: 1, count: 3 });
  await expect(page.locator("code.hash")).toHaveText(head.hash);
  await api.dispose();
});
