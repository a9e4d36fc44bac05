/**
 * The like shards from the console (issue 16): a new campaign's 分片数 is chosen in the create form
 * (refused in Chinese when out of range), is then shown on the settings page as fixed, and the
 * dashboard's 点赞写入 panel reports the shards.
 */
import { expect, test } from "@playwright/test";
import { ADMIN_TOKEN, expectAccessible, signIn } from "./helpers";

test("an organizer sets 32 shards for a big campaign and sees them fixed", async ({
  page,
}, testInfo) => {
  test.skip(testInfo.project.name !== "Pixel 7", "one phone is enough for the console");
  const slug = `e2e-shards-${Date.now().toString(36)}`;
  await signIn(page, "分片测试员");
  const form = page.locator("details.new-campaign");
  if (!(await form.getAttribute("open"))) await form.locator("summary").click();
  await form.getByLabel("标题").fill("分片测试评选");
  await form.getByLabel("网址标识").fill(slug);
  await form.getByLabel("主办单位").fill("市信访工作联席会议办公室");
  await expect(form.getByLabel("分片数")).toHaveValue("16");

  await form.getByLabel("分片数").fill("300");
  await form.getByRole("button", { name: "创建活动" }).click();
  await expect(form.getByText("分片数不能大于 256。").first()).toBeVisible();

  await form.getByLabel("分片数").fill("32");
  await form.getByRole("button", { name: "创建活动" }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/c/${slug}`));
  await page.goto(`/admin/c/${slug}`);
  await expect(page.getByRole("region", { name: "点赞写入" })).toContainText("32 个分片");
  const ingest = await page.request.get(`/api/admin/campaigns/${slug}/ingest`, {
    headers: { Authorization: `Bearer ${ADMIN_TOKEN}` },
  });
  expect(await ingest.json()).toMatchObject({ ingest: "sharded", shards: 32, pending: 0 });

  await page.goto(`/admin/c/${slug}/settings`);
  await expect(page.getByText("分片数：32（创建活动时设定，不能修改）。")).toBeVisible();
  await expect(page.getByLabel("分片数")).toHaveCount(0);
  await expectAccessible(page, "活动设置");
});
