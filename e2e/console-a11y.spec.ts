/**
 * The organizer console (Chinese only: it is for the 联席办 staff), signed in, on a phone: the
 * sign-in page, the campaign list and every tab of the seed campaign, with their collapsible parts
 * open, are axe clean (WCAG 2.2 AA) and do not scroll sideways at 360 px. Also the window isolation split of the security
 * headers on the real server: the console sends COOP, the voters' pages do not.
 */
import { expect, test } from "@playwright/test";
import { CAMPAIGN, expectAccessible, openDetails, SLUG, signIn } from "./helpers";

const TABS = [
  "",
  "/settings",
  "/nominees",
  "/review",
  "/audit",
  "/notice",
  "/nominations",
  "/jury",
  "/combined",
  "/ceremony",
];

test("the console's sign-in page is accessible", async ({ page }) => {
  await page.goto("/admin");
  await expect(page.getByLabel("密码")).toBeVisible();
  await expectAccessible(page, "sign-in");
});

test("the campaign list is accessible", async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== "Pixel 7", "one phone is enough for the console");
  test.setTimeout(90_000);
  await signIn(page, "无障碍检查");
  await expectAccessible(page, "campaign list");
});

// A test per tab: ten axe runs in one test took 56 s alone and over its 120 s in a loaded full run.
for (const tab of TABS) {
  const path = `/admin/c/${SLUG}${tab}`;
  test(`console tab ${path} is accessible`, async ({ page }, testInfo) => {
    test.skip(testInfo.project.name !== "Pixel 7", "one phone is enough for the console");
    test.setTimeout(90_000);
    await signIn(page, "无障碍检查");
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(200);
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    await openDetails(page);
    await expectAccessible(page, path);
  });
}

test("the console isolates its window; the voters' pages do not", async ({ request }) => {
  const admin = await request.get("/admin");
  expect(admin.headers()["cross-origin-opener-policy"]).toBe("same-origin");
  for (const path of ["/", CAMPAIGN, `${CAMPAIGN}/1`, `${CAMPAIGN}/results`]) {
    const res = await request.get(path);
    expect(res.status(), path).toBe(200);
    expect(res.headers()["cross-origin-opener-policy"], path).toBeUndefined();
    expect(res.headers()["content-security-policy"], path).toContain("frame-ancestors 'none'");
  }
});
