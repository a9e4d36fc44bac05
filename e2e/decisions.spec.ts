/**
 * Issue 14's decisions, in a real browser: reopening a declined nomination; publication that
 * freezes the honoree list (untick → the wall stays; 撤回公布 → 重新公布 with reasons); the
 * 公示期 on the public page; copying a campaign and previewing a draft (organizer vs public 404).
 * Each test runs on a campaign of its own; screenshots land in e2e/.output/i14/.
 */
import { type APIRequestContext, expect, type Locator, type Page, test } from "@playwright/test";
import { adminApi, expectAccessible, newPhone, signIn } from "./helpers";

const iso = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");
/** Screenshots to look at (E2E_SHOTS keeps them outside e2e/.output, which each run empties). */
const SHOTS = process.env.E2E_SHOTS ?? "e2e/.output/i14";
const shot = (page: Page, name: string) =>
  page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
const shotOf = (locator: Locator, name: string) =>
  locator.screenshot({ path: `${SHOTS}/${name}.png` });

async function ok<T = Record<string, unknown>>(
  res: Awaited<ReturnType<APIRequestContext["post"]>>,
  status = 200,
): Promise<T> {
  expect(res.status(), await res.text()).toBe(status);
  return (await res.json()) as T;
}

/** A campaign of the test's own: open from a minute ago, nominees 1..names.length. */
async function campaign(api: APIRequestContext, slug: string, names: string[], draft = false) {
  const now = Date.now();
  await ok(
    await api.post("/api/admin/campaigns", {
      data: {
        slug,
        title: "第二批“最美信访干部”评选",
        organizer: "市信访工作联席会议办公室",
        opensAt: iso(now - 60_000),
        closesAt: iso(now + 7 * 86_400_000),
        draft,
      },
    }),
    201,
  );
  for (const name of names)
    await ok(
      await api.post(`/api/admin/campaigns/${slug}/nominees`, {
        data: { name, unit: "临县信访局", position: "局长", headline: `${name}的事迹` },
      }),
      201,
    );
}

/** One run: each flow opens the phones it needs itself. */
const pixelOnly = (project: string) =>
  test.skip(project !== "Pixel 7", "one run: the flows set their own phones");

test("a declined nomination is reopened, and the unit sees it", async ({
  page,
  browser,
  baseURL,
}, testInfo) => {
  pixelOnly(testInfo.project.name);
  page.on("dialog", (d) => d.accept());
  const api = await adminApi(baseURL);
  const slug = `e2e-reopen-${Date.now().toString(36)}`;
  await campaign(api, slug, ["郭宣佑"]);
  await ok(
    await api.patch(`/api/admin/campaigns/${slug}/selection`, {
      data: { nominationsCloseAt: iso(Date.now() + 7 * 86_400_000) },
    }),
  );
  const invite = await ok<{ token: string }>(
    await api.post(`/api/admin/campaigns/${slug}/invitations`, { data: { unit: "临县" } }),
    201,
  );
  const token = invite.token;
  const created = await ok<{ id: number }>(
    await api.post(`/api/nominate/${token}/nominations`, {
      data: {
        name: "陈顺",
        position: "党组书记、局长",
        unit: "临县信访局",
        headline: "群众满意是对工作永远的追求",
        story: ["把来访群众当亲人。"],
      },
    }),
    201,
  );
  await ok(await api.post(`/api/nominate/${token}/nominations/${created.id}/submit`));
  await ok(
    await api.post(`/api/admin/campaigns/${slug}/nominations/${created.id}/decline`, {
      data: { comment: "材料不全" },
    }),
  );

  await signIn(page, "联席办王");
  await page.goto(`/admin/c/${slug}/nominations`);
  const item = page.locator(`[data-review="${created.id}"]`);
  await expect(item.getByText("未通过")).toBeVisible();
  // The reason is required: an empty one is refused in place.
  await item.getByRole("button", { name: "重新进入初选" }).click();
  await expect(item.getByText("请填写重新初选的理由")).toBeVisible();
  await item.getByLabel(/重新初选的理由/).fill("联席会议复议：补充材料后重新审核");
  await item.getByRole("button", { name: "重新进入初选" }).click();
  await expect(page.getByText("该提名已重新进入初选")).toBeVisible();
  await expect(
    page.locator(`[data-review="${created.id}"] form[data-form="review"]`),
  ).toBeVisible();
  await shotOf(page.locator(`[data-review="${created.id}"]`), "reopen-console");
  await expectAccessible(page, "the 初选 page after reopening");

  const unit = await newPhone(browser, baseURL);
  await unit.goto(`/n/${token}`);
  await expect(unit.getByText("已提交，等待初选")).toBeVisible();
  await expect(unit.getByText(/联席会议复议：补充材料后重新审核/)).toBeVisible();
  await shot(unit, "reopen-unit");
  await unit.context().close();
  await api.dispose();
});

test("publication freezes the wall; withdraw and republish with reasons; the 公示期 shows", async ({
  page,
  browser,
  baseURL,
}, testInfo) => {
  pixelOnly(testInfo.project.name);
  test.setTimeout(120_000);
  page.on("dialog", (d) => d.accept());
  const api = await adminApi(baseURL);
  const slug = `e2e-freeze-${Date.now().toString(36)}`;
  await campaign(api, slug, ["郭宣佑", "康峰", "陈顺"]);
  await signIn(page, "联席办王");

  // The 公示 block of the settings, filled in through the form.
  await page.goto(`/admin/c/${slug}/settings`);
  await page.getByLabel("公示开始时间").fill("2026-12-10T09:00");
  await page.getByLabel("公示结束时间").fill("2026-12-16T17:00");
  await page.getByLabel("异议受理单位").fill("市信访工作联席会议办公室");
  await page.getByLabel("受理电话").fill("abc");
  await page.getByRole("button", { name: "保存修改" }).click();
  await expect(page.locator("[data-form-error]").first()).toContainText("受理电话");
  await page.getByLabel("受理电话").fill("0358-8223456");
  await page.getByLabel("受理邮箱").fill("xinfang@lvliang.example.cn");
  await page.getByRole("button", { name: "保存修改" }).click();
  await expect(page.getByText("已保存。")).toBeVisible();
  await expect(page.getByLabel("受理电话")).toHaveValue("0358-8223456");

  // Close and publish 1 and 2 from the dashboard.
  await ok(await api.post(`/api/admin/campaigns/${slug}/close`));
  await page.goto(`/admin/c/${slug}`);
  await page.getByRole("button", { name: "公布结果" }).click();
  const panel = page.locator("[data-publish-panel]");
  for (const box of await panel.locator('input[name="honoree"]').all()) await box.uncheck();
  await panel.getByLabel(/郭宣佑/).check();
  await panel.getByLabel(/康峰/).check();
  await panel.getByRole("button", { name: /确认公布/ }).click();
  await expect(page.getByText("结果已公布。")).toBeVisible();
  await expect(page.locator("[data-publication]")).toContainText("已公布的当选名单（2 人）");
  await shotOf(page.locator("[data-publication]"), "publication-panel");

  const visitor = await newPhone(browser, baseURL);
  await visitor.goto(`/c/${slug}`);
  await expect(visitor.getByText("共 2 位同志当选")).toBeVisible();
  await expect(visitor.getByRole("heading", { name: "公示" })).toBeVisible();
  await expect(visitor.getByText("2026年12月10日 09:00 至 2026年12月16日 17:00")).toBeVisible();
  await expect(visitor.getByRole("link", { name: "0358-8223456" })).toHaveAttribute(
    "href",
    "tel:03588223456",
  );
  await expectAccessible(visitor, "the published campaign page with its 公示");
  await shot(visitor, "published-wall-notice");
  await shotOf(visitor.locator("[data-notice]"), "notice-zh");
  await visitor.goto(`/c/${slug}?lang=en`);
  await expect(visitor.getByText("Notice period", { exact: true })).toBeVisible();
  await expect(visitor.getByText("Receiving office", { exact: true })).toBeVisible();
  await shotOf(visitor.locator("[data-notice]"), "notice-en");
  await visitor.goto(`/c/${slug}?lang=zh`);

  // Unticking 当选 in a nominee's form: the box is locked and says why; the API refuses too.
  await page.goto(`/admin/c/${slug}/nominees`);
  const kang = page.locator('li.nominee[data-number="2"]');
  await kang.locator("details.nominee-details > summary").click();
  await expect(kang.getByLabel(/当选/)).toBeDisabled();
  const locked = kang.locator("[data-honoree-locked]");
  await expect(locked).toContainText("撤回公布");
  await shotOf(locked.locator(".."), "nominee-form-locked");
  const untick = await page.request.patch(`/api/admin/campaigns/${slug}/nominees/2`, {
    data: { honoree: false },
  });
  expect(untick.status()).toBe(409);
  await visitor.reload();
  await expect(visitor.getByText("共 2 位同志当选")).toBeVisible();

  // 撤回公布 with a reason, then republish with 1 only and a reason.
  await page.goto(`/admin/c/${slug}`);
  await page.getByLabel(/撤回理由/).fill("2号事迹材料需复核");
  await page.getByRole("button", { name: "撤回公布" }).click();
  await expect(page.getByText("已撤回公布")).toBeVisible();
  await visitor.reload();
  await expect(visitor.getByText(/位同志当选/)).toHaveCount(0);
  await page.getByRole("button", { name: "公布结果" }).click();
  await panel.getByLabel(/康峰/).uncheck();
  await panel.getByRole("button", { name: /确认公布/ }).click();
  await expect(panel.getByText("请填写重新公布的理由。")).toBeVisible();
  await panel.getByLabel(/重新公布的理由/).fill("复核后确认 1 人当选");
  await shotOf(panel, "republish-panel");
  await panel.getByRole("button", { name: /确认公布/ }).click();
  await expect(page.getByText("结果已公布。")).toBeVisible();
  await visitor.reload();
  await expect(visitor.getByText("共 1 位同志当选")).toBeVisible();
  await shot(visitor, "republished-wall");

  await page.goto(`/admin/c/${slug}/audit`);
  await expect(page.getByText("重新公布结果").first()).toBeVisible();
  await expect(page.getByText("撤回公布").first()).toBeVisible();
  await visitor.context().close();
  await api.dispose();
});

test("a draft: copied from the console, previewed by the organizer, 404 for the public", async ({
  page,
  browser,
  baseURL,
}, testInfo) => {
  pixelOnly(testInfo.project.name);
  page.on("dialog", (d) => d.accept());
  const api = await adminApi(baseURL);
  const slug = `e2e-copy-${Date.now().toString(36)}`;
  await campaign(api, slug, ["郭宣佑", "康峰"]);
  await ok(
    await api.post(`/api/admin/campaigns/${slug}/jurors`, { data: { name: "张委员" } }),
    201,
  );
  await signIn(page, "联席办王");

  await page.goto(`/admin/c/${slug}/settings`);
  const copy = page.locator("[data-copy-panel]");
  await copy.getByLabel("新活动的网址标识").fill(`${slug}-2`);
  await copy.getByLabel("新活动的标题").fill("第三批“最美信访干部”评选");
  await copy.getByLabel(/同时复制候选人/).check();
  await copy.getByRole("button", { name: "复制为新活动" }).click();
  await expect(copy.getByText(/已复制为草稿活动/)).toBeVisible();
  await expect(copy.getByText(/评委 张委员/)).toBeVisible();
  await expect(copy.locator("[data-copy-links] code")).toHaveText(/\/j\/[A-Za-z0-9_-]{43}$/);
  await shotOf(copy, "copy-result");
  await copy.getByRole("link", { name: "打开新活动的设置" }).click();
  await expect(page.getByLabel("标题", { exact: true })).toHaveValue("第三批“最美信访干部”评选");

  // The organizer previews the draft and a profile; the public gets 404 at the same addresses.
  const draft = `/c/${slug}-2`;
  await page.goto(draft);
  await expect(page.locator("[data-preview]")).toContainText("预览");
  await expect(page.getByText("郭宣佑").first()).toBeVisible();
  await shot(page, "draft-preview");
  await page.goto(`${draft}/1`);
  await expect(page.locator("[data-preview]")).toBeVisible();
  await shot(page, "draft-preview-profile");

  const visitor = await newPhone(browser, baseURL);
  for (const path of [draft, `${draft}/1`]) {
    const res = await visitor.goto(path);
    expect(res?.status()).toBe(404);
    await expect(visitor.locator("[data-preview]")).toHaveCount(0);
  }
  await shot(visitor, "draft-public-404");
  await visitor.context().close();
  await api.dispose();
});
