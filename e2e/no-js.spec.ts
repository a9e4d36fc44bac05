/**
 * Without JavaScript the site still works: the like button is a form POST to the profile's own URL
 * answered by a 303 back to it with a message, and search/filter/sort are query parameters.
 */
import { expect, test } from "@playwright/test";
import { apiLikes, CAMPAIGN, LIKES_PER_VOTER_PER_DAY, numberIn, watchProblems } from "./helpers";

test.use({ javaScriptEnabled: false });

test("the like form posts, redirects back (303) with the message and the count +1", async ({
  page,
}, testInfo) => {
  // One nominee per project, so the two projects running side by side never like the same one.
  const number = testInfo.project.name === "iPhone 13" ? 10 : 9;
  const profile = `${CAMPAIGN}/${number}`;
  const problems = watchProblems(page);

  await page.goto(profile);
  const name = (await page.getByRole("heading", { level: 1 }).textContent()) ?? "";
  expect(name).not.toBe("");
  const likeBox = page.locator("[data-like]");
  const button = likeBox.getByRole("button");
  await expect(button).toHaveAccessibleName(new RegExp(name));
  const before = await numberIn(likeBox.locator(".like-count"));
  expect(await apiLikes(page, number)).toBeGreaterThanOrEqual(before);
  await expect(likeBox.getByRole("status")).toHaveText("");

  const posted = page.waitForResponse(
    (r) => r.request().method() === "POST" && new URL(r.url()).pathname === profile,
  );
  await button.click();
  const post = await posted;
  expect(post.status(), "the form POST is answered by a 303 redirect").toBe(303);
  expect(new URL(post.headers().location ?? "", post.url()).pathname).toBe(profile);
  await page.waitForLoadState("load");

  // Back on the profile (post/redirect/get), with the message and the new count.
  await expect(page).toHaveURL(new RegExp(`${profile}\\?r=liked`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  await expect(likeBox.getByRole("status")).toHaveText(
    `已点赞 · 今日还可点赞 ${LIKES_PER_VOTER_PER_DAY - 1} 次`,
  );
  expect(await numberIn(likeBox.locator(".like-count"))).toBe(before + 1);
  await expect(button).toHaveAttribute("aria-pressed", "true");
  await expect(button).toHaveAccessibleName(new RegExp(`${name}.*\\b${before + 1}\\b`));

  // A reload repeats the GET, never the like.
  await page.reload();
  expect(await numberIn(likeBox.locator(".like-count"))).toBe(before + 1);

  // A second like of the same nominee the same day is refused with a friendly message.
  await button.click();
  await expect(page).toHaveURL(new RegExp(`${profile}\\?r=already_liked`));
  await expect(likeBox.getByRole("status")).toHaveText("今天已经为TA点过赞了，明天再来吧。");
  expect(await numberIn(likeBox.locator(".like-count"))).toBe(before + 1);

  expect(problems.console, "console errors").toEqual([]);
  expect(problems.failed, "failed requests").toEqual([]);
});

test("search, group filter and sort work through query parameters", async ({ page }) => {
  const problems = watchProblems(page);
  await page.goto(CAMPAIGN);
  const cards = page.locator("#grid .card");
  await expect(cards).toHaveCount(10);

  // The search form submits as a GET.
  await page.getByRole("searchbox", { name: "搜索姓名、编号或单位" }).fill("王瀚东");
  await page.getByRole("button", { name: "搜索", exact: true }).click();
  await expect(page).toHaveURL(/[?&]q=/);
  expect(new URL(page.url()).searchParams.get("q")).toBe("王瀚东");
  await expect(cards).toHaveCount(1);
  await expect(cards.first().locator(".card-name")).toContainText("王瀚东");
  await expect(page.getByRole("searchbox", { name: "搜索姓名、编号或单位" })).toHaveValue("王瀚东");

  // By number (编号) and by unit, straight from the URL.
  await page.goto(`${CAMPAIGN}?q=7`);
  await expect(cards).toHaveCount(1);
  await expect(cards.first().locator(".card-number")).toHaveText("7号");
  await page.goto(`${CAMPAIGN}?q=${encodeURIComponent("信访局")}`);
  const byUnit = await cards.locator(".card-unit").allTextContents();
  expect(byUnit.length).toBeGreaterThan(0);
  expect(byUnit.length).toBeLessThan(10);
  for (const unit of byUnit) expect(unit).toContain("信访局");

  // Group filter.
  await page.goto(`${CAMPAIGN}?group=${encodeURIComponent("市直单位")}`);
  await expect(page.getByRole("combobox", { name: "分组" })).toHaveValue("市直单位");
  const inGroup = await cards.count();
  expect(inGroup).toBeGreaterThan(0);
  expect(inGroup).toBeLessThan(10);

  // Sort by likes: counts never increase down the grid.
  await page.goto(`${CAMPAIGN}?sort=likes`);
  await expect(page.getByRole("combobox", { name: "排序" })).toHaveValue("likes");
  const likes = (await cards.locator(".card-likes").allTextContents()).map((t) =>
    Number(/\d+/.exec(t)?.[0]),
  );
  expect(likes).toHaveLength(10);
  expect(likes).toEqual([...likes].sort((a, b) => b - a));

  // Nothing matches: a clear message, not an empty page.
  await page.goto(`${CAMPAIGN}?q=${encodeURIComponent("不存在的人")}`);
  await expect(cards).toHaveCount(0);
  await expect(page.locator("#grid .empty")).toHaveText("没有找到符合条件的候选人。");

  expect(problems.console, "console errors").toEqual([]);
  expect(problems.failed, "failed requests").toEqual([]);
});
