/**
 * The console marks the field the API's `error.issues` names (issue 15): a refused setting gets
 * aria-invalid and the message in Chinese, with no English, and the focus.
 */
import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

test("a setting the server refuses is marked at its field, in Chinese", async ({ page }) => {
  await signIn(page, "测试员");
  await page.goto("/admin/c/zuimei-xinfang/settings");
  await page.getByLabel("异议受理单位").fill("市信访工作联席会议办公室");
  const phone = page.getByLabel("受理电话");
  // Passes the browser's own checks (type="tel" has no pattern); the schema's regex refuses it.
  await phone.fill("call me");
  await page.locator("form [type=submit]").first().click();
  await expect(phone).toHaveAttribute("aria-invalid", "true");
  const error = page.locator("[data-form-error]").first();
  await expect(error).toContainText("受理电话");
  await expect(error).not.toHaveText(/[A-Za-z]{3,}/);
  await expect(phone).toBeFocused();
  await page.screenshot({ path: "e2e/.output/field-issues.png" });
});
