/**
 * Named organizer accounts (issue 14) in a real browser on a phone: two accounts sign in, an
 * admin disables the other, whose open session stops at once; a session cookie copied before
 * sign-out is refused after it; two-step verification is enrolled from the QR page's secret and
 * asked for at sign-in (the code computed here with the same library, otpauth); the new console
 * pages are axe clean and fit 360 px.
 */
import { type Browser, type BrowserContext, expect, type Page, test } from "@playwright/test";
import { Secret, TOTP } from "otpauth";
import { ADMIN_TOKEN, expectAccessible, openDetails } from "./helpers";

const PASSWORD = "e2e-account-password";
const run = Date.now().toString(36);

async function createAccount(
  page: Page,
  name: string,
  role: "admin" | "observer",
): Promise<string> {
  const username = `${name}-${run}`;
  const res = await page.request.post("/api/admin/accounts", {
    headers: { Authorization: `Bearer ${ADMIN_TOKEN}` },
    data: { username, displayName: `${name}同志`, role, password: PASSWORD },
  });
  expect(res.status(), await res.text()).toBe(201);
  return username;
}

async function signInAs(page: Page, username: string, code?: string): Promise<void> {
  await page.goto("/admin");
  await page.getByLabel("账号", { exact: true }).fill(username);
  await page.getByLabel("密码", { exact: true }).fill(PASSWORD);
  if (code) await page.getByLabel(/动态验证码/).fill(code);
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page.getByRole("button", { name: "退出登录" })).toBeVisible();
}

async function newPage(browser: Browser, from?: BrowserContext): Promise<Page> {
  const context = await browser.newContext();
  if (from) await context.addCookies(await from.cookies());
  return context.newPage();
}

test.describe.configure({ mode: "serial" });

test("an admin disables another account, whose open session stops at once", async ({
  page,
  browser,
}, testInfo) => {
  test.skip(testInfo.project.name !== "Pixel 7", "one phone is enough for the console");
  // Two browsers, four sign-ins and an axe pass over the accounts page: slow on a loaded runner.
  test.setTimeout(150_000);
  const chief = await createAccount(page, "chief", "admin");
  const clerk = await createAccount(page, "clerk", "admin");

  const clerkPage = await newPage(browser);
  await signInAs(clerkPage, clerk);
  await expect(clerkPage.getByText("clerk同志")).toBeVisible();

  await signInAs(page, chief);
  await page.getByRole("link", { name: "账号管理" }).click();
  await expect(page.getByRole("heading", { name: "账号管理", level: 1 })).toBeVisible();
  await openDetails(page);
  await expectAccessible(page, "账号管理");

  // The clerk's own page: limit it to the seed campaign.
  const card = page.locator("[data-account]", { hasText: clerk });
  await card.getByRole("link", { name: "修改 clerk同志 的账号" }).click();
  await expect(
    page.getByRole("heading", { name: /修改 clerk同志 的账号/, level: 1 }),
  ).toBeVisible();
  await expectAccessible(page, "修改账号");
  await page.locator('input[name="campaigns"][value="zuimei-xinfang"]').check();
  await page.getByRole("button", { name: "保存", exact: true }).click();
  await expect(page.getByRole("status")).toContainText("账号已保存");
  await expect(page.locator('input[name="campaigns"][value="zuimei-xinfang"]')).toBeChecked();
  await expect(page.locator(".account-meta")).toContainText("最美信访干部");
  await page.getByRole("link", { name: "← 返回账号管理" }).click();
  await expect(card).toContainText("最美信访干部");
  page.once("dialog", (dialog) => dialog.accept());
  await card.getByRole("button", { name: "停用 clerk同志" }).click();
  await expect(page.getByRole("status")).toContainText("账号已停用");
  await expect(page.locator("[data-account]", { hasText: clerk })).toContainText("已停用");

  // The clerk's page, open all along: its next request is refused, the next page is the sign-in.
  const api = await clerkPage.request.get("/api/admin/campaigns");
  expect(api.status()).toBe(401);
  await clerkPage.reload();
  await expect(clerkPage.getByRole("button", { name: "登录", exact: true })).toBeVisible();
  await expect(clerkPage.getByRole("button", { name: "退出登录" })).toHaveCount(0);
  // And cannot sign in again.
  await clerkPage.getByLabel("账号", { exact: true }).fill(clerk);
  await clerkPage.getByLabel("密码", { exact: true }).fill(PASSWORD);
  await clerkPage.getByRole("button", { name: "登录", exact: true }).click();
  await expect(clerkPage.getByRole("alert")).toContainText("不正确");
});

test("a session cookie copied before sign-out is refused after it", async ({
  page,
  browser,
}, testInfo) => {
  test.skip(testInfo.project.name !== "Pixel 7", "one phone is enough for the console");
  const who = await createAccount(page, "copied", "observer");
  await signInAs(page, who);
  const copy = await newPage(browser, page.context());
  await copy.goto("/admin");
  await expect(copy.getByRole("button", { name: "退出登录" })).toBeVisible();

  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page.getByRole("button", { name: "登录", exact: true })).toBeVisible();

  expect((await copy.request.get("/api/admin/campaigns")).status()).toBe(401);
  await copy.goto("/admin");
  await expect(copy.getByRole("button", { name: "登录", exact: true })).toBeVisible();
});

test("two-step verification: enrol from the QR page's secret, then sign in with a code", async ({
  page,
}, testInfo) => {
  test.skip(testInfo.project.name !== "Pixel 7", "one phone is enough for the console");
  const who = await createAccount(page, "totp", "admin");
  await signInAs(page, who);
  await page.getByRole("link", { name: "我的账号" }).click();
  await expect(page.getByRole("heading", { name: "我的账号", level: 1 })).toBeVisible();
  await expectAccessible(page, "我的账号");

  await page.getByRole("link", { name: "开启两步验证" }).click();
  await expect(page.getByRole("img", { name: /两步验证二维码/ })).toBeVisible();
  await expectAccessible(page, "开启两步验证");
  const secret = ((await page.locator("[data-totp-secret]").textContent()) ?? "").replace(
    /\s+/g,
    "",
  );
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  const totp = new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 });
  const now = Date.now();
  await page.getByLabel(/6 位动态验证码/).fill(totp.generate({ timestamp: now }));
  await page.getByRole("button", { name: "确认开启" }).click();
  await expect(page.getByRole("status")).toContainText("两步验证已开启");

  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page.getByRole("button", { name: "登录", exact: true })).toBeVisible();
  // Without the code: asked for it, still signed out.
  await page.getByLabel("账号", { exact: true }).fill(who);
  await page.getByLabel("密码", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page.getByRole("alert")).toContainText("6 位动态验证码");
  await expect(page.getByLabel(/动态验证码/)).toBeFocused();
  // The enrolment's code is spent: the next step's code signs in.
  await page.getByLabel(/动态验证码/).fill(totp.generate({ timestamp: now + 30_000 }));
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page.getByRole("button", { name: "退出登录" })).toBeVisible();
  await expect(page.getByText("totp同志")).toBeVisible();
});
