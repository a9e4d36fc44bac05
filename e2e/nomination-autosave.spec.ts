/**
 * A unit's nomination form autosaves on a slow network: a save whose answer is slow must never
 * land after a newer one (the newer text would be overwritten by the older). Runs on its own
 * campaign, set up through the organizer API.
 */
import { expect, test } from "@playwright/test";
import { adminApi, createCampaign, newPhone } from "./helpers";

test("autosave keeps the newest draft when an older save is slow", async ({
  browser,
  baseURL,
}, info) => {
  test.skip(info.project.name !== "Pixel 7", "one phone is enough for this flow");
  test.setTimeout(60_000);
  const slug = `e2e-auto-${Date.now().toString(36)}`;
  const api = await adminApi(baseURL);
  try {
    await createCampaign(api, { slug, title: `提名测试 ${slug}`, open: false });
    const now = Date.now();
    const settings = await api.patch(`/api/admin/campaigns/${slug}/selection`, {
      data: { nominationsCloseAt: new Date(now + 86_400_000).toISOString() },
    });
    expect(settings.status(), await settings.text()).toBe(200);
    const invite = await api.post(`/api/admin/campaigns/${slug}/invitations`, {
      data: { unit: "临县", group: "县市区" },
    });
    expect(invite.status(), await invite.text()).toBe(201);
    const { url } = (await invite.json()) as { url: string };

    const page = await newPhone(browser, baseURL);
    await page.goto(new URL(url, baseURL).pathname);
    await page.getByRole("button", { name: "新增提名" }).click();
    await expect(page.getByRole("heading", { name: /提名表/ })).toBeVisible();

    // The first autosave's request is held for 2.5 s (a slow network); later ones are not.
    let patches = 0;
    let answered = 0;
    page.on("response", (res) => {
      if (res.request().method() === "PATCH" && res.url().includes("/api/nominate/")) answered++;
    });
    await page.route("**/api/nominate/**", async (route) => {
      if (route.request().method() === "PATCH" && ++patches === 1)
        await new Promise((r) => setTimeout(r, 2500));
      await route.continue();
    });
    const name = page.getByLabel("姓名");
    await name.fill("陈");
    await page.waitForTimeout(1000); // the first autosave (800 ms after typing) is now in flight
    await name.fill("陈顺");
    await expect.poll(() => answered, { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
    await expect(page.getByText(/已自动保存/)).toBeVisible();

    await page.unroute("**/api/nominate/**");
    await page.reload();
    await expect(page.getByLabel("姓名")).toHaveValue("陈顺");
    await page.context().close();
  } finally {
    await api.dispose();
  }
});
