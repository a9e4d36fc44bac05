/**
 * 查询点赞凭证: a voter checks that their like counted, from the link next to the receipt the like
 * gave them — with JavaScript (a WeChat phone) and without — and by typing the code as people do
 * (lower case, no dashes). Its own campaign, so the seed's counts are untouched.
 */
import { join } from "node:path";
import { expect, type Page, test } from "@playwright/test";
import {
  adminApi,
  createCampaign,
  expectAccessible,
  PHONE,
  watchProblems,
  wechatUserAgent,
} from "./helpers";

const SHOTS = join(import.meta.dirname, "..", "docs", "screenshots");

async function campaign(baseURL: string | undefined, tag: string): Promise<string> {
  const slug = `e2e-rcpt-${tag}-${Date.now().toString(36)}`;
  const api = await adminApi(baseURL);
  await createCampaign(api, {
    slug,
    title: `凭证查询测试 ${slug}`,
    nominees: [
      { number: 1, name: "陈顺" },
      { number: 2, name: "康峰" },
    ],
  });
  await api.dispose();
  return slug;
}

async function checkResult(page: Page, code: string, name: string): Promise<void> {
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("查询点赞凭证");
  const result = page.locator(".receipt-result");
  await expect(result.locator(".receipt-status b")).toHaveText("已计入");
  await expect(result.locator(".receipt-code")).toHaveText(code);
  await expect(result.getByRole("link")).toContainText(name);
  await expect(result).toContainText("点赞时间");
}

test("a voter in WeChat follows the receipt's link and sees the like counted", async ({
  browser,
  baseURL,
}, testInfo) => {
  test.setTimeout(90_000);
  const slug = await campaign(baseURL, testInfo.project.name === "Pixel 7" ? "p" : "i");
  const context = await browser.newContext({ ...PHONE, userAgent: wechatUserAgent(), baseURL });
  const page = await context.newPage();
  const problems = watchProblems(page);
  await page.goto(`/c/${slug}/2`);
  await page.getByRole("button", { name: /为康峰\s*点赞/ }).click();
  const receipt = page.locator(".like-receipt");
  await expect(receipt).toContainText(/点赞凭证：[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/);
  const code = /[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/.exec((await receipt.textContent()) ?? "")?.[0];
  expect(code).toBeTruthy();
  // At once, while the like may still be in its shard: the voter's own shard answers.
  await receipt.getByRole("link", { name: "查询是否计入" }).click();
  await expect(page).toHaveURL(new RegExp(`/c/${slug}/receipt\\?code=${code}`));
  await checkResult(page, code ?? "", "2号 康峰");
  await expectAccessible(page, "the receipt page");
  if (testInfo.project.name === "Pixel 7") {
    await page.screenshot({ path: join(SHOTS, "receipt-check.png"), fullPage: true });
  }
  // Typed by hand, as people type it: lower case, no dashes.
  const field = page.getByLabel("点赞凭证号");
  await field.fill((code ?? "").toLowerCase().replaceAll("-", ""));
  await page.getByRole("button", { name: "查询" }).click();
  await checkResult(page, code ?? "", "2号 康峰");
  // A wrong code is refused in Chinese and the field says so.
  await field.fill("8DEM-EQ8C");
  await page.getByRole("button", { name: "查询" }).click();
  await expect(page.getByRole("alert")).toHaveText(/凭证号的格式不对/);
  await expect(page.getByLabel("点赞凭证号")).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page, "the receipt page with a refusal");
  // Inside WeChat the page asks for the share card's signature (WeChat's servers: mocked only while
  // wechat.spec.ts runs, else 503) and loads WeChat's own JS-SDK from res.wx.qq.com (no internet
  // here); neither is this flow's.
  const ours = (lines: string[]) =>
    lines.filter((l) => !l.includes("/api/wechat/share-config") && !l.includes("res.wx.qq.com"));
  expect(ours(problems.console), "no console errors").toEqual([]);
  expect(ours(problems.failed), "no failed requests").toEqual([]);
  await context.close();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the receipt after a form like links to its check", async ({ page, baseURL }, testInfo) => {
    test.setTimeout(60_000);
    const slug = await campaign(baseURL, testInfo.project.name === "Pixel 7" ? "pn" : "in");
    await page.goto(`/c/${slug}/1`);
    await page.getByRole("button", { name: /为陈顺\s*点赞/ }).click();
    await expect(page).toHaveURL(/\?r=liked/);
    const receipt = page.locator(".like-receipt");
    const code = /[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/.exec(
      (await receipt.textContent()) ?? "",
    )?.[0];
    expect(code).toBeTruthy();
    await receipt.getByRole("link", { name: "查询是否计入" }).click();
    await checkResult(page, code ?? "", "1号 陈顺");
  });
});
