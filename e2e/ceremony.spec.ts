/**
 * Issue 17 in a real browser: the 大屏 at 1920×1080 (a like shows within the polling interval, a
 * rank change animates — and only outlines under reduced motion —, axe clean, slides after
 * publication), and the 荣誉证书 (print layout: one A4 landscape page each). A campaign of its
 * own, so the seed's counts are untouched. Screenshots go to docs/screenshots.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, type Page, test } from "@playwright/test";
import { ADMIN_TOKEN, adminApi, createCampaign, expectAccessible } from "./helpers";

const SHOTS = join(import.meta.dirname, "..", "docs", "screenshots");
const PROJECTOR = {
  viewport: { width: 1920, height: 1080 },
  deviceScaleFactor: 1,
  isMobile: false,
  hasTouch: false,
};
/** Polling interval (3 s) + the results' per-isolate cache (2 s) + slack. */
const LIVE_WITHIN = 8_000;

const slug = `ceremony-${Date.now().toString(36)}`;
const NAMES = ["郭宣佑", "康峰", "李凯", "王瀚东"];

async function likeTimes(baseURL: string | undefined, number: number, times: number) {
  // Plain fetch keeps no cookie: each request is a new voter (one like per nominee a day each).
  for (let i = 0; i < times; i++) {
    const res = await fetch(`${baseURL}/api/campaigns/${slug}/candidates/${number}/likes`, {
      method: "POST",
    });
    expect(res.status, await res.text()).toBe(201);
  }
}

/** Counts Element.animate calls on ranking rows (the FLIP). */
async function countAnimations(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { __flips: number };
    w.__flips = 0;
    const animate = Element.prototype.animate;
    Element.prototype.animate = function (...args: Parameters<typeof animate>) {
      if ((this as Element).classList.contains("screen-row")) w.__flips++;
      return animate.apply(this, args);
    };
  });
}
const flips = (page: Page) =>
  page.evaluate(() => (window as unknown as { __flips: number }).__flips);

test.describe.configure({ mode: "serial" });
test.use(PROJECTOR);

test.beforeAll(async ({ baseURL }) => {
  const api = await adminApi(baseURL);
  await createCampaign(api, {
    slug,
    title: "第三批“最美信访干部”评选（大屏）",
    nominees: NAMES.map((name, i) => ({ number: i + 1, name })),
    protection: {
      challengePrefixPerMinute: null,
      challengeVoterPerMinute: null,
      challengeDifficulty: 1000,
      retentionDays: null,
    },
  });
  await likeTimes(baseURL, 1, 2);
  await likeTimes(baseURL, 2, 1);
  await api.dispose();
});

test("大屏: a like shows within the polling interval and the rank change animates", async ({
  page,
  baseURL,
}) => {
  test.skip(test.info().project.name !== "Pixel 7", "one projector run is enough");
  await countAnimations(page);
  await page.goto(`/c/${slug}/screen`);
  const rows = page.locator("[data-screen-ranking] .screen-row");
  await expect(rows.first()).toHaveAttribute("data-number", "1");
  await expect(page.locator("[data-screen-total]")).toHaveText("累计点赞 3 次");
  await expectAccessible(page, "大屏");
  await page.screenshot({ path: join(SHOTS, "screen-1920.png") });

  await likeTimes(baseURL, 4, 3);
  await expect(rows.first()).toHaveAttribute("data-number", "4", { timeout: LIVE_WITHIN });
  await expect(rows.first().locator(".screen-likes")).toHaveText("3 票");
  await expect(rows.first()).toHaveClass(/moved/);
  await expect(page.locator("[data-screen-total]")).toHaveText("累计点赞 6 次");
  expect(await flips(page)).toBeGreaterThan(0);
});

test("大屏 under reduced motion: rows jump to their place, the moved row is outlined", async ({
  page,
  baseURL,
}) => {
  test.skip(test.info().project.name !== "Pixel 7", "one projector run is enough");
  await page.emulateMedia({ reducedMotion: "reduce" });
  await countAnimations(page);
  await page.goto(`/c/${slug}/screen`);
  const rows = page.locator("[data-screen-ranking] .screen-row");
  await expect(rows.nth(2)).toHaveAttribute("data-number", "2");
  // 1 → 3 likes: tied with nominee 4 for rank 1, listed first by number.
  await likeTimes(baseURL, 2, 2);
  await expect(rows.first()).toHaveAttribute("data-number", "2", { timeout: LIVE_WITHIN });
  await expect(rows.first()).toHaveClass(/moved/);
  expect(await flips(page)).toBe(0);
});

test("荣誉证书 print one A4 landscape page each; the screen plays the honorees", async ({
  page,
  baseURL,
}) => {
  test.skip(test.info().project.name !== "Pixel 7", "one print run is enough");
  // Two axe runs, a seal upload and two PDFs: more than the default minute on a busy machine.
  test.setTimeout(180_000);
  const api = await adminApi(baseURL);
  expect((await api.post(`/api/admin/campaigns/${slug}/close`)).status()).toBe(200);
  const pub = await api.post(`/api/admin/campaigns/${slug}/publish`, {
    data: { honorees: [2, 3, 4] },
  });
  expect(pub.status(), await pub.text()).toBe(200);
  await api.put(`/api/admin/campaigns/${slug}/certificate`, {
    data: { honourTitle: "第三批“最美信访干部”", issuedOn: "2026-12-20" },
  });
  await api.dispose();

  // The screen now plays the honorees' slides; arrows move between them.
  await page.goto(`/c/${slug}/screen`);
  const visible = page.locator("[data-slide]:not([hidden])");
  await expect(visible).toHaveCount(1);
  await expect(visible.locator(".slide-name")).toHaveText("康峰");
  await expectAccessible(page, "大屏 slides");
  await page.screenshot({ path: join(SHOTS, "screen-slides.png") });
  // Space pauses the show (slides move on by themselves every 10 s); arrows move between them.
  await page.keyboard.press(" ");
  await expect(page.locator("[data-slide-pause]")).toHaveText("继续播放");
  const at = Number(await visible.getAttribute("data-slide"));
  await page.keyboard.press("ArrowRight");
  await expect(visible).toHaveAttribute("data-slide", String((at + 1) % 3));
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("ArrowLeft");
  await expect(visible).toHaveAttribute("data-slide", String((at + 2) % 3));
  await expect(page.locator("[data-slide-count]")).toHaveText(`第 ${((at + 2) % 3) + 1} / 3 位`);

  await page.context().setExtraHTTPHeaders({ Authorization: `Bearer ${ADMIN_TOKEN}` });
  // A seal drawn in the browser (red ring, star, text on a transparent PNG), uploaded to R2.
  const seal = await page.evaluate(async (token) => {
    const c = document.createElement("canvas");
    c.width = c.height = 320;
    const g = c.getContext("2d") as CanvasRenderingContext2D;
    g.strokeStyle = g.fillStyle = "rgba(200, 16, 32, 0.85)";
    g.lineWidth = 12;
    g.beginPath();
    g.arc(160, 160, 150, 0, Math.PI * 2);
    g.stroke();
    g.beginPath();
    for (let i = 0; i < 10; i++) {
      const r = i % 2 ? 24 : 60;
      const a = -Math.PI / 2 + (i * Math.PI) / 5;
      g.lineTo(160 + r * Math.cos(a), 160 + r * Math.sin(a));
    }
    g.fill();
    g.font = "bold 34px sans-serif";
    g.textAlign = "center";
    g.fillText("测试联席办", 160, 260);
    const blob = await new Promise<Blob>((r) => c.toBlob((b) => r(b as Blob), "image/png"));
    const res = await fetch(
      `/api/admin/campaigns/${location.pathname.split("/")[2]}/certificate/seal`,
      {
        method: "POST",
        headers: { Authorization: `Bearer ${token}`, "Content-Type": "image/png" },
        body: blob,
      },
    );
    return res.status;
  }, ADMIN_TOKEN);
  expect(seal).toBe(201);

  // The console's 颁奖 tab links the screen and each certificate.
  await page.goto(`/admin/c/${slug}/ceremony`);
  await expect(page.locator("[data-certificates] a")).toHaveCount(3);
  await expect(page.locator("[data-screen-link]")).toHaveAttribute("href", `/c/${slug}/screen`);
  await expectAccessible(page, "颁奖 tab");
  await page.goto(`/admin/c/${slug}/certificates`);
  await expect(page.locator(".certificate")).toHaveCount(3);
  await expect(page.locator(".cert-seal")).toHaveCount(3);
  await expect(page.locator(".cert-seal").first()).toHaveJSProperty("complete", true);
  await page.screenshot({ path: join(SHOTS, "certificates.png") });
  await page.emulateMedia({ media: "print" });
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  // Kept for a look: pdftoppm -r 40 -png e2e/.output/certificates.pdf /tmp/cert
  mkdirSync(join(import.meta.dirname, ".output"), { recursive: true });
  writeFileSync(join(import.meta.dirname, ".output", "certificates.pdf"), pdf);
  const text = pdf.toString("latin1");
  const pages = text.match(/\/Type\s*\/Page[^s]/g) ?? [];
  expect(pages).toHaveLength(3);
  // A4 landscape in points: 842 × 595.
  const box = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(text);
  expect(Math.round(Number(box?.[1]))).toBe(842);
  expect(Math.round(Number(box?.[2]))).toBe(595);

  await page.goto(`/admin/c/${slug}/certificates/3`);
  const one = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  expect(one.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).toHaveLength(1);
});
