/**
 * A new voter on a phone, with JavaScript: browse → search → open a profile → like → see the
 * feedback → see the ranking, then watch the ranking move by itself when someone else likes.
 * Counts are shared with every other run against the same database, so only deltas are asserted.
 */
import { expect, type Request, test } from "@playwright/test";
import {
  apiLikes,
  CAMPAIGN,
  documentIsMarked,
  LIKES_PER_VOTER_PER_DAY,
  likesApi,
  markDocument,
  numberIn,
  RESULTS,
  rankRowCount,
  rankRowLikes,
  SLUG,
  watchProblems,
} from "./helpers";

const NAME = "王瀚东";

test("browse, search, like with instant feedback, and see the ranking move", async ({
  page,
  browser,
  baseURL,
}) => {
  const problems = watchProblems(page);

  // Browse: / goes straight to the featured campaign when it is the only live one. Other suites
  // sharing the database (the organizer's) may have opened more for a while: then / lists them.
  await page.goto("/");
  if (!new URL(page.url()).pathname.startsWith(CAMPAIGN)) {
    await page.locator(`a[href="${CAMPAIGN}"]`).click();
  }
  await expect(page).toHaveURL(new RegExp(`${CAMPAIGN}$`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText("最美信访干部");
  const cards = page.locator("#grid .card");
  await expect(cards).toHaveCount(10);

  // Search in place: the cards are replaced without a reload and the URL keeps the query. The
  // count line is a status that stays the same element, so a screen reader announces the new
  // count (and not every card of the new grid).
  await markDocument(page);
  const resultStatus = page.locator("#grid").getByRole("status");
  await expect(resultStatus).toHaveText("共 10 位候选人");
  await resultStatus.evaluate((el) => el.setAttribute("data-e2e-kept", ""));
  await expect(page.locator("#grid[aria-live], #grid [aria-live]")).toHaveCount(0);
  await page.getByRole("searchbox", { name: "搜索姓名、编号或单位" }).fill(NAME);
  await expect(cards).toHaveCount(1);
  await expect(page.locator("#grid [data-e2e-kept]")).toHaveText("共 1 位候选人");
  await expect(cards.first().locator(".card-name")).toContainText(NAME);
  await expect(page).toHaveURL(/[?&]q=/);
  expect(new URL(page.url()).searchParams.get("q")).toBe(NAME);
  expect(await documentIsMarked(page), "search must not reload the page").toBe(true);

  // Open the profile.
  await cards.first().getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(NAME);
  const number = Number(/\/(\d+)$/.exec(new URL(page.url()).pathname)?.[1]);
  expect(number).toBeGreaterThan(0);

  const likeBox = page.locator("[data-like]");
  const likeButton = likeBox.getByRole("button");
  const count = likeBox.locator(".like-count");
  const status = likeBox.getByRole("status");
  const before = await numberIn(count);
  await expect(likeButton).toHaveAccessibleName(new RegExp(`${NAME}.*\\b${before}\\b`));
  await expect(likeButton).toHaveAttribute("aria-pressed", "false");

  // Hold the like request so the instant feedback can be seen before the server answers.
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route(`**${likesApi(number)}`, async (route) => {
    await held;
    await route.continue();
  });
  const answer = page.waitForResponse(
    (r) => r.url().endsWith(likesApi(number)) && r.request().method() === "POST",
  );
  await markDocument(page);
  await likeButton.tap();

  await expect(count, "instant feedback: +1 before the server answers").toHaveText(
    new RegExp(`^${before + 1}\\b`),
  );
  await expect(likeButton).toHaveAttribute("aria-pressed", "true");
  await expect(likeButton).toHaveAccessibleName(new RegExp(`${NAME}.*\\b${before + 1}\\b`));
  await expect(status).not.toBeEmpty();
  release();

  const res = await answer;
  expect(res.status()).toBe(201);
  const body = (await res.json()) as { counted: boolean; likes?: number; remainingToday: number };
  expect(body.counted).toBe(true);
  expect(body.remainingToday).toBe(LIKES_PER_VOTER_PER_DAY - 1);
  await expect(status).toHaveText(`已点赞 · 今日还可点赞 ${LIKES_PER_VOTER_PER_DAY - 1} 次`);
  // Other runs may like the same nominee at the same moment: the server's count is at least +1,
  // and the page shows the server's count.
  expect(body.likes).toBeGreaterThanOrEqual(before + 1);
  await expect(count).toHaveText(new RegExp(`^${body.likes}\\b`));
  await expect(likeButton).toHaveAccessibleName(new RegExp(`${NAME}.*\\b${body.likes}\\b`));
  expect(await documentIsMarked(page), "the like must not reload the page").toBe(true);
  await page.unroute(`**${likesApi(number)}`);

  // The ranking shows the like.
  await page.getByRole("link", { name: "查看实时排名" }).click();
  await expect(page).toHaveURL(new RegExp(`${RESULTS}$`));
  await expect(rankRowLikes(page, number)).toBeVisible();
  await expect(page.locator(`.rank-row[data-number="${number}"] .rank-main a`)).toContainText(NAME);
  const shown = await rankRowCount(page, number);
  expect(shown).toBeGreaterThanOrEqual(body.likes ?? before + 1);

  // Someone else (a second voter, through the API) likes the same nominee: the open ranking
  // updates by itself within 6 s, without a reload.
  await markDocument(page);
  // When it fails, the poll timings tell a slow server from a page that does not poll.
  const polls: string[] = [];
  let likedAt = 0;
  const started = new Map<Request, number>();
  page.on("request", (req) => {
    if (req.url().endsWith(`/api/campaigns/${SLUG}/results`)) started.set(req, Date.now());
  });
  page.on("response", (r) => {
    const start = started.get(r.request());
    if (start === undefined) return;
    polls.push(
      `sent ${likedAt ? `${start - likedAt} ms after the like` : "before the like"}, HTTP ${r.status()} after ${Date.now() - start} ms`,
    );
  });
  const other = await browser.newContext({ baseURL });
  try {
    // The context's request client carries that context's cookies: a new voter.
    const second = await other.request.post(likesApi(number));
    likedAt = Date.now();
    expect(second.status()).toBe(201);
    const secondBody = (await second.json()) as { likes: number };
    expect(secondBody.likes).toBeGreaterThanOrEqual(shown + 1);
    try {
      await expect
        .poll(() => rankRowCount(page, number), {
          message: "the ranking updates by itself within 6 s",
          timeout: 6_000,
          intervals: [250],
        })
        .toBeGreaterThanOrEqual(secondBody.likes);
    } finally {
      console.log(
        `[journey ${test.info().project.name}] results polls: ${polls.join("; ") || "none"}`,
      );
    }
    expect(await documentIsMarked(page), "the ranking must update without a reload").toBe(true);
    expect(await apiLikes(page, number)).toBeGreaterThanOrEqual(secondBody.likes);
  } finally {
    await other.close();
  }

  expect(problems.console, "console errors").toEqual([]);
  expect(problems.failed, "failed requests").toEqual([]);
});

test("the ranking's bars share one scale, however wide each count is", async ({ page }) => {
  await page.goto(RESULTS);
  const rows = page.locator("[data-ranking] .rank-row");
  expect(await rows.count()).toBeGreaterThan(2);
  // Make one count much wider than the others, as a leader's "12,345 票" next to "4 票".
  await rows
    .first()
    .locator(".rank-likes")
    .evaluate((el) => {
      if (el.firstChild) el.firstChild.textContent = "1234567 票";
    });
  const tracks = await page
    .locator("[data-ranking] .bar")
    .evaluateAll((bars) => bars.map((b) => Math.round(b.getBoundingClientRect().width)));
  expect(new Set(tracks).size, `bar track widths ${tracks.join(", ")}`).toBe(1);
});

test("a refused like puts the button back as it was, with a kind message", async ({ page }) => {
  // This voter spends the day's likes on Nos. 1–5 (through the page's own cookie), then taps No. 6.
  await page.goto(`${CAMPAIGN}/6`);
  for (let n = 1; n <= LIKES_PER_VOTER_PER_DAY; n++) {
    const res = await page.request.post(likesApi(n));
    expect(res.status(), await res.text()).toBe(201);
  }
  const likeBox = page.locator("[data-like]");
  const likeButton = likeBox.getByRole("button");
  const count = likeBox.locator(".like-count");
  await expect(likeButton).toHaveAttribute("aria-pressed", "false");
  await expect(likeBox.locator(".like-text")).toHaveText("点赞");
  const before = await numberIn(count);

  const answer = page.waitForResponse(
    (r) => r.url().endsWith(likesApi(6)) && r.request().method() === "POST",
  );
  await likeButton.tap();
  expect((await answer).status()).toBe(429);
  await expect(likeBox.getByRole("status")).toHaveText("今天的点赞次数已用完，明天再来吧。");
  await expect(likeButton).toHaveAttribute("aria-pressed", "false");
  await expect(likeBox.locator(".like-text")).toHaveText("点赞");
  await expect(count).toHaveText(new RegExp(`^${before}\\b`));
});
