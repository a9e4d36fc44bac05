/**
 * Issue 17 on a phone: the 拉票海报 (a 750×1334 PNG drawn in the browser, poster.js fetched only
 * when asked) and the WeChat share card — the JS-SDK config signed by the server against the local
 * mock of WeChat's API (test/mocks/wechat.ts on e2e/wechat-mock-server.ts's port, which
 * playwright.config.ts gives the dev server as WECHAT_API_ORIGIN), WeChat's own script
 * stood in for by a recorder, and the one-time hint when there is no config.
 */
import { createHash } from "node:crypto";
import { writeFileSync } from "node:fs";
import type { Server } from "node:http";
import { join } from "node:path";
import { devices, expect, test } from "@playwright/test";
import { MOCK_JSAPI_TICKET } from "../test/mocks/wechat";
import { CAMPAIGN, expectAccessible, wechatUserAgent } from "./helpers";
import { E2E_WECHAT, startWeChatMock, wechatMockPort } from "./wechat-mock-server";

const SHOTS = join(import.meta.dirname, "..", "docs", "screenshots");
const MOCK = `http://127.0.0.1:${wechatMockPort()}`;

/** Stands in for res.wx.qq.com's jweixin: records wx.config and the share data it is given. */
const FAKE_JWEIXIN = `window.wx = {
  config: function (c) { window.__wx = { config: c, share: {}, timeline: {} }; },
  ready: function (f) { setTimeout(f, 0); },
  error: function () {},
  updateAppMessageShareData: function (d) { window.__wx.share = d; },
  updateTimelineShareData: function (d) { window.__wx.timeline = d; }
};`;

test("拉票海报: a 750×1334 PNG to long-press, its script loaded only when asked", async ({
  page,
}) => {
  await page.goto(`${CAMPAIGN}/1`);
  await page.getByText("分享", { exact: true }).click();
  const button = page.getByRole("button", { name: "生成拉票海报" });
  await expect(button).toBeVisible();
  const loadedBefore = await page.evaluate(() =>
    performance.getEntriesByType("resource").some((e) => e.name.endsWith("/poster.js")),
  );
  expect(loadedBefore, "poster.js is not part of the first view").toBe(false);
  await button.click();
  const img = page.locator("[data-poster-out] img");
  await expect(img).toHaveAttribute("src", /^data:image\/png;base64,/, { timeout: 15_000 });
  const size = await img.evaluate((el: HTMLImageElement) => [el.naturalWidth, el.naturalHeight]);
  expect(size).toEqual([750, 1334]);
  await expect(page.getByText("长按图片保存，或发送给朋友")).toBeVisible();
  await expect(img).toHaveAttribute("alt", /拉票海报/);
  const src = (await img.getAttribute("src")) ?? "";
  const png = Buffer.from(src.slice(src.indexOf(",") + 1), "base64");
  expect(png.subarray(1, 4).toString()).toBe("PNG");
  if (test.info().project.name === "Pixel 7") writeFileSync(join(SHOTS, "poster.png"), png);
  await expectAccessible(page, "profile with poster");
});

test("WeChat share: the server signs wx.config from the mock's ticket; the page sets the card", async ({
  browser,
  baseURL,
}, testInfo) => {
  const device = devices[testInfo.project.name] ?? devices["Pixel 7"];
  const context = await browser.newContext({
    ...device,
    baseURL,
    userAgent: wechatUserAgent(device.userAgent),
  });
  // The local WeChat mock (also e2e/wechat.spec.ts's): started here, or already up for that spec.
  let server: Server | undefined;
  try {
    server = (await startWeChatMock()).server;
  } catch (err) {
    if ((err as { code?: string }).code !== "EADDRINUSE") throw err;
  }
  try {
    const before = (await (await fetch(`${MOCK}/__mock/jssdk-calls`)).json()) as { token: number };
    const page = await context.newPage();
    await page.route("https://res.wx.qq.com/**", (route) =>
      route.fulfill({ contentType: "application/javascript", body: FAKE_JWEIXIN }),
    );
    for (const n of [2, 3, 1]) {
      await page.goto(`${CAMPAIGN}/${n}?from=singlemessage#main`);
      await page.waitForFunction(
        () => (window as { __wx?: { share?: { title?: string } } }).__wx?.share?.title,
      );
    }
    const wx = await page.evaluate(
      () =>
        (
          window as unknown as {
            __wx: {
              config: {
                appId: string;
                timestamp: number;
                nonceStr: string;
                signature: string;
                jsApiList: string[];
              };
              share: { title: string; desc: string; link: string; imgUrl: string };
              timeline: { title: string; link: string };
            };
          }
        ).__wx,
    );
    const url = page.url().split("#")[0];
    const expected = createHash("sha1")
      .update(
        `jsapi_ticket=${MOCK_JSAPI_TICKET}&noncestr=${wx.config.nonceStr}&timestamp=${wx.config.timestamp}&url=${url}`,
      )
      .digest("hex");
    expect(wx.config.appId).toBe(E2E_WECHAT.appId);
    expect(wx.config.signature).toBe(expected);
    expect(wx.config.jsApiList).toContain("updateTimelineShareData");
    expect(wx.share.title).toBe(await page.title());
    expect(wx.share.desc.length).toBeGreaterThan(0);
    expect(wx.share.link).toMatch(/\/c\/zuimei-xinfang\/1$/);
    expect(wx.share.imgUrl).toMatch(/^https?:\/\//);
    expect(wx.timeline.title).toBe(wx.share.title);
    // Three signed pages, at most one trip to WeChat for the token (cached per isolate and in D1).
    const after = (await (await fetch(`${MOCK}/__mock/jssdk-calls`)).json()) as { token: number };
    expect(after.token - before.token).toBeLessThanOrEqual(1);
    await expect(page.locator(".wechat-hint")).toHaveCount(0);
  } finally {
    await context.close();
    server?.close();
  }
});

test("WeChat without an Official Account: a one-time hint where 分享 is", async ({
  browser,
  baseURL,
}, testInfo) => {
  const device = devices[testInfo.project.name] ?? devices["Pixel 7"];
  const context = await browser.newContext({
    ...device,
    baseURL,
    userAgent: wechatUserAgent(device.userAgent),
  });
  try {
    const page = await context.newPage();
    // As a server without WECHAT_APP_ID answers.
    await page.route("**/api/wechat/share-config*", (route) =>
      route.fulfill({
        status: 404,
        contentType: "application/json",
        body: JSON.stringify({ error: { code: "wechat_not_configured", message: "" } }),
      }),
    );
    await page.goto(`${CAMPAIGN}/2`);
    const hint = page.locator(".wechat-hint");
    await expect(hint).toContainText("点击右上角「···」");
    if (testInfo.project.name === "Pixel 7")
      await page.screenshot({ path: join(SHOTS, "wechat-hint.png") });
    await hint.getByRole("button", { name: "知道了" }).click();
    await expect(hint).toHaveCount(0);
    await page.goto(`${CAMPAIGN}/3`);
    await page.waitForLoadState("networkidle");
    await expect(hint).toHaveCount(0);
  } finally {
    await context.close();
  }
  // Outside WeChat: no request for a config at all.
  const plain = await browser.newContext({ ...device, baseURL });
  try {
    const page = await plain.newPage();
    const asked: string[] = [];
    page.on("request", (r) => {
      if (r.url().includes("/api/wechat/")) asked.push(r.url());
    });
    await page.goto(`${CAMPAIGN}/2`);
    await page.waitForLoadState("networkidle");
    expect(asked).toEqual([]);
  } finally {
    await plain.close();
  }
});
