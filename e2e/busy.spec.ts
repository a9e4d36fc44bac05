/**
 * A like the server cannot take at this moment (503 temporarily_unavailable: a Durable Object that
 * Cloudflare reports overloaded, which cannot be produced locally, so the browser is given that
 * answer here): the page retries with one Idempotency-Key, waits as Retry-After asks, then says the
 * system is busy — not "no connection" — and puts the count back.
 */
import { expect, test } from "@playwright/test";
import { CAMPAIGN, numberIn, PHONE } from "./helpers";

test("a busy server's 503 is retried with one key, then explained in Chinese", async ({
  browser,
  baseURL,
}, testInfo) => {
  test.skip(testInfo.project.name !== "Pixel 7", "one phone is enough for this flow");
  test.setTimeout(60_000);
  const context = await browser.newContext({ ...PHONE, baseURL });
  const page = await context.newPage();
  const keys: string[] = [];
  const times: number[] = [];
  await page.route("**/api/campaigns/*/candidates/*/likes", async (route) => {
    keys.push(route.request().headers()["idempotency-key"] ?? "");
    times.push(Date.now());
    await route.fulfill({
      status: 503,
      headers: { "Retry-After": "3" },
      contentType: "application/json",
      body: JSON.stringify({
        error: {
          code: "temporarily_unavailable",
          message: "Too many requests at this moment; please try again in a few seconds.",
        },
      }),
    });
  });
  await page.goto(`${CAMPAIGN}/3`);
  const count = page.locator(".like-count");
  const before = await numberIn(count);
  await page.getByRole("button", { name: /点赞/ }).first().click();
  const feedback = page.locator(".like-feedback");
  await expect(feedback).toHaveText("网络不稳，正在重试…");
  await expect(feedback).toHaveText("此刻点赞的人太多，系统正忙，请过几秒再点一次。", {
    timeout: 30_000,
  });
  expect(await numberIn(count)).toBe(before);
  await expect(page.getByRole("button", { name: /点赞/ }).first()).toHaveAttribute(
    "aria-pressed",
    "false",
  );
  // Four tries, one key; the first wait honours Retry-After (3 s, more than the 1.2 s backoff).
  expect(keys).toHaveLength(4);
  expect(new Set(keys).size).toBe(1);
  expect((times[1] ?? 0) - (times[0] ?? 0)).toBeGreaterThanOrEqual(2900);
  await context.close();
});
