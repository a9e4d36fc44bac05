/**
 * Held likes and reversible voids in the console (issue 13 item 4, issue 14 item 2): an organizer
 * sees held likes on the dashboard, releases them in bulk from the review queue with a reason,
 * previews a void before committing it, and reinstates that void.
 *
 * The like path that holds likes is another branch's (i13-friction); until it lands, this spec
 * writes the held ledger rows straight into the dev server's local D1 with `wrangler d1 execute`
 * (the ledger triggers run as for any insert).
 */
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { adminApi, createCampaign, signIn } from "./helpers";

const root = join(import.meta.dirname, "..");

function sql(command: string): void {
  execFileSync(
    join(root, "node_modules", ".bin", "wrangler"),
    ["d1", "execute", "DB", "--local", "--command", command],
    {
      cwd: root,
      env: {
        ...process.env,
        CLOUDFLARE_CF_FETCH_ENABLED: "false",
        WRANGLER_SEND_METRICS: "false",
        WRANGLER_LOG_PATH: join(root, ".wrangler", "logs"),
      },
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
}

/** `n` held likes for one nominee of a campaign, from distinct voters. */
function insertHeld(slug: string, number: number, n: number): void {
  const tag = Date.now().toString(36).toUpperCase().slice(-4).padStart(4, "0");
  const values = Array.from(
    { length: n },
    (_, i) =>
      `((SELECT id FROM campaigns WHERE slug = '${slug}'),
        (SELECT n.id FROM nominees n JOIN campaigns c ON c.id = n.campaign_id
         WHERE c.slug = '${slug}' AND n.number = ${number}),
        'e2e-held-${tag}-${i}', 'e2e-ip', 'e2e-net', strftime('%Y-%m-%d', 'now', '+8 hours'), 1,
        CAST(strftime('%s', 'now') AS INTEGER) * 1000, 'held', 'H${i}${tag.slice(1)}-${tag}-E2EH')`,
  );
  sql(
    `INSERT INTO likes (campaign_id, nominee_id, voter_hash, ip_hash, ip_prefix_hash, day, slot,
                        created_at, status, receipt) VALUES ${values.join(", ")};`,
  );
}

test("an organizer releases held likes in bulk, previews a void, and reinstates it", async ({
  page,
  baseURL,
}, testInfo) => {
  test.skip(testInfo.project.name !== "Pixel 7", "one phone is enough for the console flow");
  test.setTimeout(120_000);
  const slug = `e2e-held-${Date.now().toString(36)}`;
  const api = await adminApi(baseURL);
  await createCampaign(api, {
    slug,
    title: "待核验测试评选",
    nominees: [
      { number: 1, name: "陈顺" },
      { number: 2, name: "康峰" },
    ],
  });
  insertHeld(slug, 2, 3);
  // The public results are cached for a few seconds: poll.
  const likesOf = async (number: number) => {
    const res = await page.request.get(`/api/campaigns/${slug}/results`);
    const body = (await res.json()) as {
      candidates: { number: number; likes: number; heldLikes?: number }[];
    };
    return body.candidates.find((r) => r.number === number);
  };
  await expect
    .poll(() => likesOf(2), { timeout: 10_000 })
    .toMatchObject({ likes: 0, heldLikes: 3 });

  // The public sees 待核验 where counts are shown.
  await page.goto(`/c/${slug}/results`);
  await expect(page.locator('.rank-row[data-number="2"] .held')).toHaveText("待核验 3 票");

  page.on("dialog", (dialog) => dialog.accept());
  await signIn(page, "审核员");
  await page.goto(`/admin/c/${slug}`);
  const heldTotal = page.locator("dl.totals div", { hasText: "待核验" }).locator("a");
  await expect(heldTotal).toHaveText("3");
  await heldTotal.click();
  await expect(page).toHaveURL(new RegExp(`/admin/c/${slug}/review#held-title`));
  await expect(page.getByRole("heading", { name: "待核验的点赞（3）" })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("review-held.png"), fullPage: true });

  // Release them in one action, with a reason.
  const held = page.locator('form[data-form="held"]');
  await held.getByLabel("处理哪些").selectOption("2");
  await held.getByLabel(/理由/).fill("同一办公室集中点赞，已电话核实");
  await held.getByRole("button", { name: "全部计入" }).click();
  await expect(page.getByText("待核验的点赞已计入")).toBeVisible();
  await expect(page.getByText("没有待核验的点赞。")).toBeVisible();
  await expect
    .poll(() => likesOf(2), { timeout: 10_000 })
    .toMatchObject({ likes: 3, heldLikes: 0 });

  // Void them again from the dashboard's form: the preview says how many before committing.
  await page.goto(`/admin/c/${slug}?number=2&from=${Date.now() - 3_600_000}#void-panel`);
  const form = page.locator('form[data-form="void"]');
  await expect(form.getByLabel("候选人")).toHaveValue("2");
  await form.getByRole("button", { name: "预览符合条件的点赞" }).click();
  await expect(form.locator("[data-void-preview]")).toContainText("有效点赞 3 条");
  await form.getByLabel(/原因/).fill("复核为重复点赞");
  await form.getByRole("button", { name: "核减" }).click();
  await expect(form.locator("[data-form-ok]")).toHaveText("已核减 3 票。");
  await expect.poll(() => likesOf(2), { timeout: 10_000 }).toMatchObject({ likes: 0 });

  // And take the void back, with a reason: the ledger keeps both.
  await page.goto(`/admin/c/${slug}/review`);
  const reinstate = page.locator('form[data-form="reinstate"]').first();
  await reinstate.getByLabel(/理由/).fill("复核有误，恢复");
  await reinstate.getByRole("button", { name: "恢复这次核减" }).click();
  await expect(page.getByText("已恢复这次核减的点赞")).toBeVisible();
  await expect.poll(() => likesOf(2), { timeout: 10_000 }).toMatchObject({ likes: 3 });
  await page.screenshot({ path: testInfo.outputPath("review-after.png"), fullPage: true });

  const csv = await (await api.get(`/api/admin/campaigns/${slug}/votes.csv?lang=en`)).text();
  const events = csv.split("\r\n").filter((l) => l.startsWith("#event,"));
  expect(events.filter((l) => l.includes(",held,counted,"))).toHaveLength(3);
  expect(events.filter((l) => l.includes(",counted,voided,"))).toHaveLength(3);
  expect(events.filter((l) => l.includes(",voided,counted,"))).toHaveLength(3);
});
