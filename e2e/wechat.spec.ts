/**
 * The WeChat identity mode in a real browser (issue 13 item 5), against the local WeChat mock
 * (e2e/wechat-mock-server.ts; the dev server is pointed at it by playwright.config.ts): a phone
 * with WeChat's user agent signs in silently and likes, with and without JavaScript; a normal
 * browser gets the QR code and the reason; a failed exchange shows its page and counts nothing.
 */
import type { Server } from "node:http";
import { type Browser, expect, test } from "@playwright/test";
import { adminApi, createCampaign, expectAccessible, PHONE, wechatUserAgent } from "./helpers";
import { startWeChatMock, wechatMockPort } from "./wechat-mock-server";

const WECHAT_UA = wechatUserAgent();
const SHOTS = "e2e/.output/wechat";

test.describe.configure({ mode: "serial" });

let server: Server | undefined;
let slug = "";

test.beforeAll(async ({ baseURL }, testInfo) => {
  test.skip(testInfo.project.name !== "Pixel 7", "one phone is enough for these flows");
  ({ server } = await startWeChatMock());
  slug = `e2e-wx-${Date.now().toString(36)}`;
  const api = await adminApi(baseURL);
  await createCampaign(api, {
    slug,
    title: `微信投票测试 ${slug}`,
    nominees: [
      { number: 1, name: "陈顺" },
      { number: 2, name: "康峰" },
      { number: 3, name: "王瀚东" },
    ],
  });
  const res = await api.patch(`/api/admin/campaigns/${slug}`, { data: { identityMode: "wechat" } });
  expect(res.status(), await res.text()).toBe(200);
  await api.dispose();
});

test.afterAll(async () => {
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
});

async function phone(
  browser: Browser,
  baseURL: string | undefined,
  opts: { wechat: boolean; js?: boolean },
) {
  const context = await browser.newContext({
    ...PHONE,
    userAgent: opts.wechat ? WECHAT_UA : PHONE.userAgent,
    javaScriptEnabled: opts.js ?? true,
    baseURL,
  });
  return context.newPage();
}

async function likesOf(baseURL: string | undefined, number: number): Promise<number> {
  const api = await adminApi(baseURL);
  const body = await (await api.get(`/api/campaigns/${slug}/candidates/${number}`)).json();
  await api.dispose();
  return body.likes as number;
}

test("inside WeChat the sign-in is silent, lands back on the page, and the like counts once", async ({
  browser,
  baseURL,
}) => {
  const page = await phone(browser, baseURL, { wechat: true });
  const hops: string[] = [];
  page.on("request", (r) => {
    if (r.isNavigationRequest()) hops.push(new URL(r.url()).host + new URL(r.url()).pathname);
  });
  const before = await likesOf(baseURL, 2);
  await page.goto(`/c/${slug}/2`);
  // Through the mock's authorize endpoint and our callback, back to the same profile.
  expect(hops).toContain(`localhost:${wechatMockPort()}/connect/oauth2/authorize`);
  expect(hops).toContain(`${new URL(baseURL ?? "").host}/wechat/callback`);
  // The return mark is dropped from the address bar (it is not for sharing).
  await expect(page).toHaveURL(new RegExp(`/c/${slug}/2#main$`));
  await expect(page.getByText("已通过微信确认身份")).toBeVisible();
  await page.getByRole("button", { name: /为康峰\s*点赞/ }).click();
  await expect(page.locator(".like-feedback")).toContainText("已点赞");
  await page.screenshot({ path: `${SHOTS}/in-wechat-liked.png`, fullPage: false });
  expect(await likesOf(baseURL, 2)).toBe(before + 1);
  // The same WeChat account again (the page is reloaded: the button says already liked).
  await page.reload();
  await expect(page.getByRole("button", { name: /为康峰\s*已点赞/ })).toBeVisible();
  await expectAccessible(page, "signed-in profile in WeChat");
  await page.context().close();
});

test("inside WeChat without JavaScript the form like works too", async ({ browser, baseURL }) => {
  const page = await phone(browser, baseURL, { wechat: true, js: false });
  const before = await likesOf(baseURL, 3);
  await page.goto(`/c/${slug}/3`);
  await expect(page).toHaveURL(new RegExp(`/c/${slug}/3\\?wx=1#main$`));
  await page.getByRole("button", { name: /为王瀚东\s*点赞/ }).click();
  await expect(page.locator(".like-feedback")).toContainText("已点赞");
  expect(await likesOf(baseURL, 3)).toBe(before + 1);
  await page.context().close();
});

test("a normal browser sees the QR code and why, and cannot like", async ({ browser, baseURL }) => {
  const page = await phone(browser, baseURL, { wechat: false });
  await page.goto(`/c/${slug}/1`);
  await expect(page.getByRole("heading", { name: "本次评选用微信投票" })).toBeVisible();
  await expect(page.getByText("一个微信号算一位投票人")).toBeVisible();
  const qr = page.getByRole("img", { name: "在微信中打开陈顺页面的二维码" });
  await expect(qr).toBeVisible();
  expect(await qr.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  await expect(page.getByRole("button", { name: /点赞/ })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "复制链接" }).first()).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/outside-wechat-qr.png`, fullPage: true });
  await expectAccessible(page, "QR page outside WeChat");
  // The API refuses the like with the documented code.
  const res = await page.request.post(`/api/campaigns/${slug}/candidates/1/likes`);
  expect(res.status()).toBe(403);
  expect((await res.json()).error.code).toBe("wechat_identity_required");
  await page.context().close();
});

test("a failed exchange shows a clear page and counts nothing", async ({ browser, baseURL }) => {
  const mockUrl = `http://localhost:${wechatMockPort()}/__mock/fault`;
  const fault = await fetch(mockUrl, {
    method: "POST",
    body: JSON.stringify({ kind: "errcode", errcode: 40163, errmsg: "code been used" }),
  });
  expect(fault.status).toBe(204);
  const page = await phone(browser, baseURL, { wechat: true });
  const before = await likesOf(baseURL, 1);
  const response = await page.goto(`/c/${slug}/1`);
  expect(response?.status()).toBe(400);
  await expect(page.getByRole("heading", { name: "微信身份确认未完成" })).toBeVisible();
  await expect(page.getByText("授权码无效、已被使用或已过期")).toBeVisible();
  await expect(page.getByText("本次操作没有记录任何点赞")).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/failed-exchange.png`, fullPage: true });
  await expectAccessible(page, "failed WeChat sign-in");
  // Trying again goes through WeChat once more and lands on the profile, signed in.
  await page.getByRole("link", { name: "重新确认身份" }).click();
  await expect(page.getByText("已通过微信确认身份")).toBeVisible();
  expect(await likesOf(baseURL, 1)).toBe(before);
  await page.context().close();
});
