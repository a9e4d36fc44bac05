/**
 * The organizer runs a whole campaign from the console, on a phone and on a desktop (issue 4):
 * sign in, create a campaign, import nominees from a CSV, open voting, watch a public like arrive
 * on the live dashboard, close, publish the honorees and export the counts.
 */
import { expect, test } from "@playwright/test";
import { newPhone, PHONE, signIn } from "./helpers";

const NOMINEES_CSV =
  "\uFEFF编号,姓名,职务,单位,分组,事迹标题,事迹\r\n" +
  "1,陈顺,党组书记、局长,临县信访局,县市区,群众满意是对工作永远的追求,把来访群众当亲人。\r\n" +
  "2,康峰,科长,市退役军人事务局,市直单位,用诚心换来退伍军人的信任,每年接待三百多人次。\r\n" +
  '3,李亚利,主任,市信访局,市直单位,把真情洒在化解矛盾纠纷上,"逐案审查，""清零""。"\r\n';

const viewports = [
  {
    name: "phone",
    use: PHONE,
  },
  {
    name: "desktop",
    use: { viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false },
  },
] as const;

for (const vp of viewports) {
  test.describe(`organizer console on a ${vp.name}`, () => {
    test.use(vp.use);

    test("runs a campaign from sign-in to export", async ({ page, browser, baseURL }, testInfo) => {
      // The two viewports are the point here; run them once, not once per phone project.
      test.skip(testInfo.project.name !== "Pixel 7", "viewports are set by this file");
      test.setTimeout(120_000);
      page.on("dialog", (dialog) => dialog.accept());
      const slug = `e2e-${vp.name}-${Date.now().toString(36)}`;

      // Sign in.
      await signIn(page, `测试员${vp.name}`);

      // Create a campaign (a draft until it is opened).
      const form = page.locator("details.new-campaign");
      if (!(await form.getAttribute("open"))) await form.locator("summary").click();
      await form.getByLabel("标题").fill(`端到端测试评选 ${vp.name}`);
      await form.getByLabel("网址标识").fill(slug);
      await form.getByLabel("主办单位").fill("市信访工作联席会议办公室");
      await form.getByRole("button", { name: "创建活动" }).click();
      await expect(page).toHaveURL(new RegExp(`/admin/c/${slug}`));

      // Import nominees from a CSV: preview first, then import.
      await page.goto(`/admin/c/${slug}/nominees`);
      await page.getByLabel(/选择文件/).setInputFiles({
        name: "nominees.csv",
        mimeType: "text/csv",
        buffer: Buffer.from(NOMINEES_CSV, "utf8"),
      });
      await page.getByRole("button", { name: "预览" }).click();
      const commit = page.locator("[data-import-commit]");
      await expect(commit).toBeVisible();
      await expect(page.locator("[data-import-rows]")).toContainText("李亚利");
      await commit.click();
      await expect(page.getByText("导入成功")).toBeVisible();
      await expect(page.getByText("康峰").first()).toBeVisible();

      // Open voting from the dashboard.
      await page.goto(`/admin/c/${slug}`);
      await page.getByRole("button", { name: "开始投票" }).click();
      await expect(page.locator('[data-part="status"]')).toHaveAttribute("data-status", "open");
      const total = page.locator('[data-part="totals"] dd').first();
      await expect(total).toHaveText("0");

      // A member of the public likes nominee 2 on the public page...
      const pub = await newPhone(browser, baseURL);
      await pub.goto(`/c/${slug}/2`);
      await pub.getByRole("button", { name: /为康峰\s*点赞/ }).click();
      await expect(pub.getByRole("status")).toContainText("已点赞");
      await pub.context().close();

      // ...and the dashboard shows it within 5 s, without a reload.
      await expect(total).toHaveText("1", { timeout: 6_000 });

      // Close, then publish with nominee 2 as the honoree.
      await page.getByRole("button", { name: "结束投票" }).click();
      await expect(page.locator('[data-part="status"]')).toHaveAttribute("data-status", "closed");
      await page.getByRole("button", { name: "公布结果" }).click();
      const publish = page.locator('form[data-form="publish"]');
      for (const box of await publish.getByRole("checkbox").all()) await box.uncheck();
      await publish.getByLabel(/康峰/).check();
      await publish.getByRole("button", { name: /确认公布/ }).click();
      await expect(page.locator('[data-part="status"]')).toHaveAttribute(
        "data-status",
        "published",
      );

      // The public sees the honoree.
      const list = await page.request.get(`/api/campaigns/${slug}/candidates`);
      const items = ((await list.json()) as { items: { number: number; honoree: boolean }[] })
        .items;
      expect(items.filter((i) => i.honoree).map((i) => i.number)).toEqual([2]);

      // Export: the session cookie downloads the CSV the committee gets.
      const csv = await page.request.get(`/api/admin/campaigns/${slug}/export.csv`);
      expect(csv.status()).toBe(200);
      const bytes = await csv.body();
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = bytes.toString("utf8");
      expect(text).toContain("名次,编号,姓名,职务,单位,分组,票数");
      expect(text).toContain("1,2,康峰,科长,市退役军人事务局,市直单位,1");
      await testInfo.attach("export.csv", { body: bytes, contentType: "text/csv" });
    });
  });
}
