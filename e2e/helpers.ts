import AxeBuilder from "@axe-core/playwright";
import {
  type APIRequestContext,
  type Browser,
  devices,
  expect,
  type Locator,
  type Page,
  type Request,
  request,
} from "@playwright/test";

/** The seed campaign (DESIGN.md §6): 10 nominees, 1 like per nominee per day, 5 per voter per day. */
export const SLUG = "zuimei-xinfang";
export const CAMPAIGN = `/c/${SLUG}`;
export const RESULTS = `${CAMPAIGN}/results`;
export const LIKES_PER_VOTER_PER_DAY = 5;

export const likesApi = (number: number) => `/api/campaigns/${SLUG}/candidates/${number}/likes`;

/** The first whole number in a text ("12 票", "12 likes", "为王瀚东点赞，当前12票"). */
export function firstNumber(text: string | null | undefined): number {
  const match = /\d+/.exec(text ?? "");
  if (!match) throw new Error(`no number in ${JSON.stringify(text)}`);
  return Number(match[0]);
}

export async function numberIn(locator: Locator): Promise<number> {
  return firstNumber(await locator.textContent());
}

/** The nominee's count as the public API reports it right now. */
export async function apiLikes(page: Page, number: number): Promise<number> {
  const res = await page.request.get(`/api/campaigns/${SLUG}/candidates/${number}`);
  expect(res.status()).toBe(200);
  const body = (await res.json()) as { likes?: number };
  expect(typeof body.likes, "showCounts is `always` for the seed campaign").toBe("number");
  return body.likes as number;
}

/** A nominee's number, looked up by name through the public API. */
export async function nomineeNumber(page: Page, name: string): Promise<number> {
  const res = await page.request.get(
    `/api/campaigns/${SLUG}/candidates?q=${encodeURIComponent(name)}`,
  );
  expect(res.status()).toBe(200);
  const body = (await res.json()) as { items: { number: number; name: string }[] };
  const hit = body.items.find((x) => x.name === name);
  if (!hit) throw new Error(`no nominee named ${name}`);
  return hit.number;
}

/** The likes shown in a ranking row (its first text node; a "voided" note may follow). */
export function rankRowLikes(page: Page, number: number): Locator {
  return page.locator(`[data-ranking] .rank-row[data-number="${number}"] .rank-likes`);
}

export async function rankRowCount(page: Page, number: number): Promise<number> {
  return firstNumber(
    await rankRowLikes(page, number).evaluate((el) => el.firstChild?.textContent ?? ""),
  );
}

/** Marks the current document so a test can tell a reload or navigation from an in-place update. */
export async function markDocument(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { __e2eMark?: number }).__e2eMark = 1;
  });
}

export async function documentIsMarked(page: Page): Promise<boolean> {
  return page.evaluate(() => (window as unknown as { __e2eMark?: number }).__e2eMark === 1);
}

export interface PageProblems {
  console: string[];
  failed: string[];
  /**
   * Requests Chromium aborted after a 304 because the page never read the (empty) body: harmless
   * for the reader, checked by a test of its own rather than on every page.
   */
  aborted304: string[];
}

/**
 * Collects console errors, uncaught exceptions, failed requests and HTTP errors of one page.
 * `expected` lets a deliberate error document (the not-found page) through.
 */
export function watchProblems(
  page: Page,
  expected?: { url: RegExp; status: number },
): PageProblems {
  const problems: PageProblems = { console: [], failed: [], aborted304: [] };
  const notModified = new WeakSet<Request>();
  page.on("console", (msg) => {
    if (msg.type() !== "error") return;
    const text = msg.text();
    // Chromium logs the deliberate 404 document as a resource error too.
    if (expected && /status of 404/.test(text) && expected.url.test(msg.location().url)) return;
    problems.console.push(`${text} (${msg.location().url})`);
  });
  page.on("pageerror", (err) => problems.console.push(`uncaught: ${err.message}`));
  page.on("requestfailed", (req) => {
    const error = req.failure()?.errorText ?? "failed";
    const line = `${req.method()} ${req.url()}: ${error}`;
    if (error === "net::ERR_ABORTED" && notModified.has(req)) problems.aborted304.push(line);
    else problems.failed.push(line);
  });
  page.on("response", (res) => {
    if (res.status() === 304) notModified.add(res.request());
    if (res.status() < 400) return;
    if (expected?.url.test(res.url()) && res.status() === expected.status) return;
    problems.failed.push(`${res.request().method()} ${res.url()}: HTTP ${res.status()}`);
  });
  return problems;
}

export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/** No axe violations (WCAG 2.2 AA), and nothing wider than a 360 px phone (soft assertions). */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  const axe = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  expect
    .soft(
      axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
      `axe on ${label}`,
    )
    .toEqual([]);
  const size = page.viewportSize();
  await page.setViewportSize({ width: 360, height: 740 });
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect.soft(overflow, `horizontal overflow at 360 px on ${label}`).toBeLessThanOrEqual(0);
  if (size) await page.setViewportSize(size);
}

export const ADMIN_PASSWORD = process.env.E2E_ADMIN_PASSWORD ?? "dev-admin-password";

/** Signs in to the console through its form, as an admin under the given name. */
export async function signIn(page: Page, name: string): Promise<void> {
  await page.goto("/admin");
  await page.getByLabel("密码").fill(ADMIN_PASSWORD);
  await page.getByLabel(/姓名/).fill(name);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByRole("button", { name: "退出登录" })).toBeVisible();
}

export const ADMIN_TOKEN = process.env.E2E_ADMIN_TOKEN ?? "dev-admin-token-change-me";

/** The organizer API as an admin (bearer token), for specs that set up a campaign of their own. */
export function adminApi(baseURL: string | undefined): Promise<APIRequestContext> {
  return request.newContext({
    baseURL,
    extraHTTPHeaders: { Authorization: `Bearer ${ADMIN_TOKEN}` },
  });
}

export interface CampaignSetup {
  slug: string;
  title: string;
  /** Open for likes from a minute ago for a day (default), or not yet open (opens tomorrow). */
  open?: boolean;
  nominees?: { number: number; name: string; group?: string }[];
  /** The campaign's abuse friction; the server's defaults when left out. */
  protection?: {
    challengePrefixPerMinute: number | null;
    challengeVoterPerMinute: number | null;
    challengeDifficulty: number;
    retentionDays: number | null;
  };
}

/** A campaign of a spec's own (the seed campaign's counts are shared by every spec). */
export async function createCampaign(api: APIRequestContext, setup: CampaignSetup): Promise<void> {
  const now = Date.now();
  const open = setup.open ?? true;
  const created = await api.post("/api/admin/campaigns", {
    data: {
      slug: setup.slug,
      title: setup.title,
      organizer: "测试联席办",
      opensAt: new Date(open ? now - 60_000 : now + 86_400_000).toISOString(),
      closesAt: new Date(now + (open ? 1 : 7) * 86_400_000).toISOString(),
      ...(setup.protection ? { protection: setup.protection } : {}),
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  for (const n of setup.nominees ?? []) {
    const res = await api.post(`/api/admin/campaigns/${setup.slug}/nominees`, {
      data: { ...n, group: n.group ?? "", unit: "临县信访局", headline: "事迹标题" },
    });
    expect(res.status(), await res.text()).toBe(201);
  }
  if (open) expect((await api.post(`/api/admin/campaigns/${setup.slug}/open`)).status()).toBe(200);
}

/** A Pixel 7 in Debian's Chromium (the device's own browser type, WebKit, is not installed). */
export const PHONE = {
  viewport: devices["Pixel 7"].viewport,
  deviceScaleFactor: devices["Pixel 7"].deviceScaleFactor,
  isMobile: true,
  hasTouch: true,
  userAgent: devices["Pixel 7"].userAgent,
};

/** The browser inside WeChat on that phone: its user agent plus WeChat's own tokens. */
export const wechatUserAgent = (ua: string = PHONE.userAgent) =>
  `${ua} MicroMessenger/8.0.47.2560(0x28002F30) WeChat/arm64 Weixin NetType/WIFI Language/zh_CN`;

/**
 * A fresh phone, as someone who has never been to the site (no cookies); confirmation dialogs are
 * accepted. Close it with `page.context().close()`.
 */
export async function newPhone(browser: Browser, baseURL: string | undefined): Promise<Page> {
  const context = await browser.newContext({ ...PHONE, baseURL });
  const page = await context.newPage();
  page.on("dialog", (dialog) => dialog.accept());
  return page;
}

/** Opens every <details> (editor's note, share panel, console forms) so its content is checked too. */
export async function openDetails(page: Page): Promise<void> {
  await page.evaluate(() => {
    for (const d of document.querySelectorAll("details")) d.open = true;
  });
}
