/**
 * The whole selection as the seed describes it (issue 7): a unit nominates on a phone through its
 * invitation link, the organizer accepts it in the preliminary review, the public likes, two
 * jurors score on their phones, the organizer closes scoring and voting, marks the honorees from
 * the combined ranking and publishes, and the recognition wall shows them. Runs on its own
 * campaign, so the seed campaign stays open for the other specs.
 */
import { type APIRequestContext, expect, test } from "@playwright/test";
import { expectAccessible, newPhone, signIn } from "./helpers";

async function ok(res: Awaited<ReturnType<APIRequestContext["post"]>>, status = 200) {
  expect(res.status(), await res.text()).toBe(status);
  return res.json();
}

test("from invitation to the recognition wall", async ({ page, browser, baseURL }, testInfo) => {
  test.skip(testInfo.project.name !== "Pixel 7", "one run: the phones are set by this file");
  test.setTimeout(180_000);
  page.on("dialog", (dialog) => dialog.accept());
  const slug = `e2e-sel-${Date.now().toString(36)}`;
  const api = `/api/admin/campaigns/${slug}`;

  // The organizer signs in and prepares a campaign: two nominees, nominations open, one unit.
  await signIn(page, "联席办王");
  const now = Date.now();
  const iso = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");
  await ok(
    await page.request.post("/api/admin/campaigns", {
      data: {
        slug,
        title: "第二批“最美信访干部”评选（端到端）",
        organizer: "市信访工作联席会议办公室",
        opensAt: iso(now - 60_000),
        closesAt: iso(now + 7 * 86_400_000),
        draft: false,
      },
    }),
    201,
  );
  for (const name of ["郭宣佑", "康峰"]) {
    await ok(
      await page.request.post(`${api}/nominees`, {
        data: { name, unit: "市信访局", headline: `${name}的事迹` },
      }),
      201,
    );
  }
  await page.goto(`/admin/c/${slug}/nominations`);
  await page.getByLabel("提名截止时间").fill("2099-12-31T18:00");
  await page.getByRole("button", { name: "保存提名设置" }).click();
  await expect(page.getByText("提名进行中")).toBeVisible();
  await page.getByLabel("推荐单位", { exact: true }).fill("临县");
  await page.getByLabel("分组").fill("县市区");
  await page.getByRole("button", { name: "生成邀请链接" }).click();
  await expect(page.locator("[data-invite-link]")).toHaveValue(/\/n\/[A-Za-z0-9_-]{43}$/);
  const link = await page.locator("[data-invite-link]").inputValue();
  await expectAccessible(page, "the console's 提名 tab");

  // The unit's contact opens the link on a phone, fills in a nomination and submits it.
  const unit = await newPhone(browser, baseURL);
  await unit.goto(new URL(link).pathname);
  await expect(unit.getByText("推荐单位：临县")).toBeVisible();
  await unit.getByRole("button", { name: "新增提名" }).click();
  await expect(unit.getByRole("heading", { name: /提名表/ })).toBeVisible();
  await unit.getByLabel("姓名").fill("陈顺");
  await unit.getByLabel("职务").fill("党组书记、局长");
  await unit.getByLabel("工作单位").fill("临县信访局");
  await unit.getByLabel("事迹标题").fill("群众满意是对工作永远的追求");
  await unit.getByLabel("先进事迹").fill("把来访群众当亲人。\n\n协调法院执行到位。");
  await expect(unit.getByText(/已自动保存/)).toBeVisible();
  await expectAccessible(unit, "the nomination form");
  // The draft survives a reload (autosave), then goes to review.
  await unit.reload();
  await expect(unit.getByLabel("姓名")).toHaveValue("陈顺");
  await unit.getByRole("button", { name: "提交初选" }).click();
  await expect(unit.getByText("已提交，等待初选")).toBeVisible();
  await expect(unit.getByText("已提名 1 / 3 人")).toBeVisible();
  await expectAccessible(unit, "the unit's page");

  // The organizer accepts it: it becomes nominee 3.
  await page.goto(`/admin/c/${slug}/nominations`);
  const item = page.locator("[data-review]").filter({ hasText: "陈顺" });
  await item.getByRole("button", { name: "通过，列为候选人" }).click();
  await expect(page.locator("[data-review]").filter({ hasText: "陈顺" })).toContainText("已通过");
  await unit.reload();
  await expect(unit.getByText("已列为候选人，编号 3")).toBeVisible();

  // The public likes the new nominee on a phone.
  const voter = await newPhone(browser, baseURL);
  await voter.goto(`/c/${slug}/3`);
  await expect(voter.getByRole("heading", { level: 1 })).toHaveText("陈顺");
  await voter.locator("[data-like]").getByRole("button").click();
  await expect(voter.locator("[data-like]").getByRole("status")).toContainText("已点赞");

  // Two jurors score every nominee on their phones.
  const tokens: string[] = [];
  for (const name of ["评委甲", "评委乙"]) {
    const body = (await ok(await page.request.post(`${api}/jurors`, { data: { name } }), 201)) as {
      url: string;
    };
    tokens.push(body.url);
  }
  const scores = [
    [70, 75, 95],
    [80, 65, 90],
  ];
  for (const [j, url] of tokens.entries()) {
    const juror = await newPhone(browser, baseURL);
    await juror.goto(new URL(url).pathname);
    await expect(juror.getByText(j === 0 ? "评委甲" : "评委乙").first()).toBeVisible();
    for (const [i, score] of (scores[j] ?? []).entries()) {
      const row = juror.locator("[data-sheet-row]").nth(i);
      await row.getByLabel("分数（0–100）").fill(String(score));
      await row.getByRole("button", { name: /保存/ }).click();
      await expect(row.getByRole("status")).toHaveText("已保存");
    }
    await expect(juror.locator("[data-progress-done]")).toHaveText("3");
    if (j === 0) await expectAccessible(juror, "the score sheet");
    await juror.context().close();
  }

  // The organizer closes scoring, then voting, and publishes from the combined ranking.
  await page.goto(`/admin/c/${slug}/jury`);
  await expect(page.getByText("缺少的打分（0）")).toBeVisible();
  await expectAccessible(page, "the console's 评审 tab");
  await page.getByRole("button", { name: "结束评审并汇总" }).click();
  await expect(page.getByText("评审已结束").first()).toBeVisible();
  await ok(await page.request.post(`${api}/close`));
  await page.goto(`/admin/c/${slug}/combined`);
  const table = page.locator("[data-combined]");
  // 陈顺: 1 like of 1 → 100; (95 + 90) / 2 = 92.5 → 30 + 64.75 = 94.75, first.
  await expect(table.locator("tbody tr").first()).toContainText("94.75");
  await expect(table.locator("tbody tr").first()).toContainText("陈顺");
  await expectAccessible(page, "the console's 综合结果 tab");
  // Two honorees: uncheck the last one.
  await table.locator("tbody tr").last().getByRole("checkbox").uncheck();
  await page.getByRole("button", { name: "按勾选名单公布结果" }).click();
  await expect(page.getByText("结果已公布").first()).toBeVisible();

  // The recognition wall shows the honorees with the 当选 badge, the others below.
  await voter.goto(`/c/${slug}`);
  const wall = voter.locator("[data-wall]");
  await expect(wall.getByRole("heading", { name: "先进事迹选登" })).toBeVisible();
  await expect(wall.locator("[data-honoree]")).toHaveCount(2);
  await expect(wall.locator('[data-honoree="3"]')).toContainText("当选");
  await expect(wall.locator('[data-honoree="3"]')).toContainText("群众满意是对工作永远的追求");
  await expect(wall.getByText("其他候选人")).toBeVisible();
  await expectAccessible(voter, "the recognition wall");
  const results = await voter.request.get(`/api/campaigns/${slug}/results`);
  const json = await results.json();
  expect(json.combined.weights).toEqual({ public: 30, committee: 70 });
  await unit.context().close();
  await voter.context().close();
});
