/**
 * The walk-through's defects that need a browser (issue 14 item 5): each test reproduces what the
 * walk-through saw and fails on the old behaviour. Runs on campaigns of its own.
 */
import { type APIRequestContext, expect, type Page, test } from "@playwright/test";
import { adminApi, createCampaign, signIn } from "./helpers";

// biome-ignore lint/suspicious/noExplicitAny: JSON answers of several shapes
async function ok(res: Awaited<ReturnType<APIRequestContext["post"]>>, status = 200): Promise<any> {
  expect(res.status(), await res.text()).toBe(status);
  return res.json();
}

/** A campaign of this spec's own with nominations open and `count` submitted nominations. */
async function withSubmitted(api: APIRequestContext, count: number): Promise<string> {
  const slug = `e2e-def-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;
  await createCampaign(api, {
    slug,
    title: "缺陷回归（端到端）",
    nominees: [{ number: 1, name: "郭宣佑" }],
  });
  const base = `/api/admin/campaigns/${slug}`;
  await ok(
    await api.patch(`${base}/selection`, { data: { nominationsCloseAt: "2099-12-31T10:00:00Z" } }),
  );
  const invite = await ok(
    await api.post(`${base}/invitations`, { data: { unit: "临县", quota: 5 } }),
    201,
  );
  const token = new URL(String(invite.url)).pathname.split("/").pop();
  for (let i = 0; i < count; i++) {
    const n = await ok(
      await api.post(`/api/nominate/${token}/nominations`, {
        data: {
          name: `提名人${i + 1}`,
          position: "科员",
          unit: "临县信访局",
          headline: "事迹",
          story: ["第一段"],
        },
      }),
      201,
    );
    await ok(await api.post(`/api/nominate/${token}/nominations/${n.id}/submit`));
  }
  return slug;
}

async function consoleSignIn(page: Page): Promise<void> {
  page.on("dialog", (dialog) => dialog.accept());
  await signIn(page, "联席办王");
}

test.describe("walk-through defects", () => {
  test.beforeEach(({ page: _ }, testInfo) => {
    test.skip(testInfo.project.name !== "Pixel 7", "one phone is enough");
  });

  test("5.2 the 初选 queue shows each decision, the second one included", async ({
    page,
    baseURL,
  }) => {
    const api = await adminApi(baseURL);
    const slug = await withSubmitted(api, 3);
    await consoleSignIn(page);
    await page.goto(`/admin/c/${slug}/nominations`);
    const accept = page.getByRole("button", { name: "通过，列为候选人" });
    await expect(accept).toHaveCount(3);
    await accept.first().click();
    await expect(page.getByText("初选结果已记录。")).toBeVisible();
    await expect(accept).toHaveCount(2);
    // The second decision is made from ?done=decided#queue-title: the page must reload again.
    await accept.first().click();
    await expect(accept).toHaveCount(1);
    await expect(page.locator("[data-waiting]")).toHaveText("1");
    // A decision taken meanwhile elsewhere: Chinese, and the queue as it is now.
    const stale = page.locator('form[data-form="review"]').first();
    const id = await stale.getAttribute("data-id");
    await ok(await api.post(`/api/admin/campaigns/${slug}/nominations/${id}/decline`));
    await accept.first().click();
    await expect(page.getByText(/这条提名已经处理过/)).toBeVisible();
    await expect(accept).toHaveCount(0);
    await expect(page.locator("body")).not.toContainText(/Only submitted|decided meanwhile/);
  });
});

test.describe("a juror's sheet", () => {
  test.beforeEach(({ page: _ }, testInfo) => {
    test.skip(testInfo.project.name !== "Pixel 7", "one phone is enough");
  });

  test("5.4 a note typed after 保存 survives a reload; 105 is refused at the field in Chinese", async ({
    page,
    baseURL,
  }) => {
    const api = await adminApi(baseURL);
    const slug = `e2e-jur-${Date.now().toString(36)}`;
    await createCampaign(api, {
      slug,
      title: "评委打分（端到端）",
      nominees: [
        { number: 1, name: "郭宣佑" },
        { number: 2, name: "康峰" },
      ],
    });
    const juror = await ok(
      await api.post(`/api/admin/campaigns/${slug}/jurors`, { data: { name: "评委甲" } }),
      201,
    );
    await page.goto(new URL(String(juror.url)).pathname);
    const score = page.getByLabel("分数（0–100）").first();
    const note = page.getByLabel("意见（可选）").first();
    await score.fill("90");
    await page.getByRole("button", { name: /^保存/ }).first().click();
    await expect(page.getByText("已保存").first()).toBeVisible();
    // The note typed after 保存 is saved by itself.
    await note.fill("事迹扎实，群众口碑好");
    await expect(page.locator("[data-score-state]").first()).toHaveText("已保存");
    await page.waitForTimeout(1_500);
    await page.reload();
    await expect(note).toHaveValue("事迹扎实，群众口碑好");
    await expect(score).toHaveValue("90");

    // 105: a message at the field, in Chinese, and nothing saved.
    await score.fill("105");
    await page.getByRole("button", { name: /^保存/ }).first().click();
    await expect(score).toHaveAttribute("aria-invalid", "true");
    await expect(page.locator("[data-score-error]").first()).toHaveText(
      "分数请填写 0 到 100 之间的整数。",
    );
    await expect(score).toBeFocused();
    await page.screenshot({ path: "e2e/.output/defects-jury-105.png", fullPage: false });
    await page.reload();
    await expect(score).toHaveValue("90");
  });
});

test.describe("Chinese throughout", () => {
  test.beforeEach(({ page: _ }, testInfo) => {
    test.skip(testInfo.project.name !== "Pixel 7", "one phone is enough");
  });

  test("5.5 the unit's submit error names the missing fields in Chinese and marks them", async ({
    page,
    baseURL,
  }) => {
    page.on("dialog", (dialog) => dialog.accept());
    const api = await adminApi(baseURL);
    const slug = `e2e-unit-${Date.now().toString(36)}`;
    await createCampaign(api, { slug, title: "提名表（端到端）" });
    const base = `/api/admin/campaigns/${slug}`;
    await ok(
      await api.patch(`${base}/selection`, {
        data: { nominationsCloseAt: "2099-12-31T10:00:00Z" },
      }),
    );
    const invite = await ok(await api.post(`${base}/invitations`, { data: { unit: "临县" } }), 201);
    const path = new URL(String(invite.url)).pathname;
    const token = path.split("/").pop();
    const draft = await ok(
      await api.post(`/api/nominate/${token}/nominations`, { data: { name: "陈顺" } }),
      201,
    );
    await page.goto(`${path}/${draft.id}`);
    await page.getByRole("button", { name: "提交初选" }).click();
    const error = page.locator("[data-error]").last();
    await expect(error).toHaveText("请先填写完整再提交：职务、事迹标题、先进事迹");
    await expect(page.getByLabel("职务")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("事迹标题")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("先进事迹")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("职务")).toBeFocused();
    await page.screenshot({ path: "e2e/.output/defects-unit-incomplete.png" });
  });
});

test.describe("links", () => {
  test.beforeEach(({ page: _ }, testInfo) => {
    test.skip(testInfo.project.name !== "Pixel 7", "one phone is enough");
  });

  test("5.7 each new link stays in view, the form starts empty, the list updates at once", async ({
    page,
    baseURL,
  }) => {
    const api = await adminApi(baseURL);
    const slug = `e2e-inv-${Date.now().toString(36)}`;
    await createCampaign(api, { slug, title: "邀请链接（端到端）" });
    await ok(
      await api.patch(`/api/admin/campaigns/${slug}/selection`, {
        data: { nominationsCloseAt: "2099-12-31T10:00:00Z" },
      }),
    );
    await consoleSignIn(page);
    await page.goto(`/admin/c/${slug}/nominations`);
    // No empty 新链接 box before any link is made.
    await expect(page.getByText(/新链接/)).toHaveCount(0);
    await expect(page.getByText("还没有邀请链接。")).toBeVisible();
    await page.getByLabel("推荐单位", { exact: true }).fill("临县");
    await page.getByLabel("联系人（可选）").fill("张三 13800000000");
    await page.getByRole("button", { name: "生成邀请链接" }).click();
    await expect(page.getByText("新链接（只显示这一次）：临县")).toBeVisible();
    const first = await page.locator("[data-invite-link]").inputValue();
    expect(first).toMatch(/\/n\/[A-Za-z0-9_-]{43}$/);
    await expect(page.getByLabel("联系人（可选）")).toHaveValue("");
    await expect(page.getByLabel("推荐单位", { exact: true })).toHaveValue("");
    await expect(page.locator('[data-invites] th[scope="row"]', { hasText: "临县" })).toBeVisible();
    await expect(page.getByText("还没有邀请链接。")).toHaveCount(0);
    await page.getByLabel("推荐单位", { exact: true }).fill("兴县");
    await page.getByRole("button", { name: "生成邀请链接" }).click();
    await expect(page.getByText("新链接（只显示这一次）：兴县")).toBeVisible();
    // The first link is still there to copy.
    await expect(page.getByText("新链接（只显示这一次）：临县")).toBeVisible();
    await expect(page.getByLabel("新链接（只显示这一次）：临县")).toHaveValue(first);
    await expect(page.locator("[data-invites] tbody tr")).toHaveCount(2);
    await page.screenshot({ path: "e2e/.output/defects-invites.png", fullPage: true });

    await page.goto(`/admin/c/${slug}/jury`);
    await expect(page.getByText(/打分链接/)).toHaveCount(0);
    await page.getByLabel("评委姓名").fill("评委甲");
    await page.getByRole("button", { name: "添加评委并生成链接" }).click();
    await expect(page.getByText(/评委甲 的打分链接/)).toBeVisible();
    await expect(
      page.locator('[data-jurors] th[scope="row"]', { hasText: "评委甲" }),
    ).toBeVisible();
    await page.getByLabel("评委姓名").fill("评委乙");
    await page.getByRole("button", { name: "添加评委并生成链接" }).click();
    await expect(page.getByText(/评委乙 的打分链接/)).toBeVisible();
    await expect(page.getByText(/评委甲 的打分链接/)).toBeVisible();
    await expect(page.locator("[data-jurors] tbody tr")).toHaveCount(2);
  });
});

test.describe("phones at 360 px", () => {
  test.beforeEach(({ page: _ }, testInfo) => {
    test.skip(testInfo.project.name !== "Pixel 7", "one phone is enough");
  });

  test("5.9 the wall is centred and the 公示's combined table fits", async ({ page, baseURL }) => {
    const api = await adminApi(baseURL);
    const slug = `e2e-pub-${Date.now().toString(36)}`;
    await createCampaign(api, {
      slug,
      title: "公示（端到端）",
      nominees: [
        { number: 1, name: "郭宣佑" },
        { number: 2, name: "康峰" },
      ],
    });
    const base = `/api/admin/campaigns/${slug}`;
    const juror = await ok(await api.post(`${base}/jurors`, { data: { name: "评委甲" } }), 201);
    const token = new URL(String(juror.url)).pathname.split("/").pop();
    for (const n of [1, 2]) {
      await ok(
        await api.put(`/api/jury/${token}/scores/${n}`, { data: { score: 90 - n, note: "" } }),
      );
    }
    await ok(await api.post(`${base}/scoring/close`));
    await ok(await api.post(`${base}/close`));
    await ok(await api.post(`${base}/publish`, { data: { honorees: [1, 2] } }));

    await page.setViewportSize({ width: 360, height: 780 });
    await page.goto(`/c/${slug}`);
    const card = page.locator(".wall-item").first();
    await expect(card).toBeVisible();
    const box = await card.boundingBox();
    if (!box) throw new Error("no wall card");
    const left = box.x;
    const right = 360 - (box.x + box.width);
    expect(Math.abs(left - right), `left ${left}, right ${right}`).toBeLessThanOrEqual(1);
    await page.screenshot({ path: "e2e/.output/defects-wall-360.png" });

    await consoleSignIn(page);
    await page.goto(`/admin/c/${slug}/notice`);
    await expect(page.getByRole("heading", { name: "综合评定结果" })).toBeVisible();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);
    await page.screenshot({ path: "e2e/.output/defects-notice-360.png", fullPage: true });
  });
});

test.describe("the local dev server", () => {
  test.beforeEach(({ page: _ }, testInfo) => {
    test.skip(testInfo.project.name !== "Pixel 7", "one phone is enough");
    test.skip(!!process.env.E2E_BASE_URL, "only a server started by npm run dev runs the Cron");
  });

  test("5.11 runs the scheduled work each minute: a like gets sealed without asking", async ({
    page,
    baseURL,
  }) => {
    test.setTimeout(150_000);
    const api = await adminApi(baseURL);
    const slug = `e2e-cron-${Date.now().toString(36)}`;
    await createCampaign(api, {
      slug,
      title: "定时任务（端到端）",
      nominees: [{ number: 1, name: "郭宣佑" }],
    });
    const liked = await page.request.post(`/api/campaigns/${slug}/candidates/1/likes`, {
      headers: { "CF-Connecting-IP": "203.0.113.222" },
    });
    expect(liked.status(), await liked.text()).toBe(201);
    // Nothing seals it but the Cron (no one calls POST …/ledger/seal).
    await expect
      .poll(
        async () => {
          const res = await page.request.get(`/api/campaigns/${slug}/ledger`);
          return ((await res.json()) as { count?: number }).count ?? 0;
        },
        { timeout: 125_000, intervals: [5_000] },
      )
      .toBe(1);
  });
});
