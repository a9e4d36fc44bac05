/**
 * Every public page, in Chinese, English and large text: axe (WCAG 2.2 AA) clean, no sideways
 * scroll at 360 px, tap targets of at least 44×44 px, a like button that says whom it likes and the
 * count, and no console errors or failed requests.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import {
  AXE_TAGS,
  CAMPAIGN,
  firstNumber,
  openDetails,
  RESULTS,
  SLUG,
  watchProblems,
} from "./helpers";

const NARROW = 360;
const MIN_TARGET = 44;

const PAGES: { name: string; path: string; status?: number; profile?: boolean }[] = [
  { name: "campaign", path: CAMPAIGN },
  { name: "profile", path: `${CAMPAIGN}/1`, profile: true },
  { name: "results", path: RESULTS },
  { name: "share card", path: `${CAMPAIGN}/1/card` },
  { name: "404", path: "/no-such-page", status: 404 },
];

const VARIANTS: { name: string; query: string; lang: string; large: boolean }[] = [
  { name: "zh-CN", query: "", lang: "zh-CN", large: false },
  { name: "English", query: "lang=en", lang: "en", large: false },
  { name: "large text", query: "text=large", lang: "zh-CN", large: true },
];

function withQuery(path: string, query: string): string {
  if (!query) return path;
  return `${path}${path.includes("?") ? "&" : "?"}${query}`;
}

interface SmallTarget {
  what: string;
  width: number;
  height: number;
}

/**
 * Interactive elements in the site header and main content smaller than 44×44 CSS px. Inline
 * links inside a paragraph of text are exempt (WCAG 2.5.8's inline exception).
 */
async function smallTargets(page: Page): Promise<SmallTarget[]> {
  return page.evaluate((min) => {
    const interactive =
      'a[href], button, summary, input:not([type="hidden"]), select, textarea, [role="button"]';
    const found: { what: string; width: number; height: number }[] = [];
    const seen = new Set<Element>();
    for (const el of document.querySelectorAll(
      `header.site :is(${interactive}), main :is(${interactive})`,
    )) {
      if (seen.has(el)) continue;
      seen.add(el);
      const style = getComputedStyle(el);
      if (el.getClientRects().length === 0 || style.visibility === "hidden") continue;
      if (el.tagName === "A" && style.display === "inline" && el.closest("p")) continue;
      const box = el.getBoundingClientRect();
      if (Math.round(box.width) >= min && Math.round(box.height) >= min) continue;
      const cls = el.getAttribute("class");
      const text = (el.textContent ?? "").trim().replace(/\s+/g, " ").slice(0, 30);
      found.push({
        what: `${el.tagName.toLowerCase()}${cls ? `.${cls.split(/\s+/).join(".")}` : ""} "${text}"`,
        width: Math.round(box.width * 10) / 10,
        height: Math.round(box.height * 10) / 10,
      });
    }
    return found;
  }, MIN_TARGET);
}

for (const target of PAGES) {
  for (const variant of VARIANTS) {
    test(`${target.name} (${variant.name}) is accessible on a phone`, async ({ page }) => {
      const path = withQuery(target.path, variant.query);
      const problems = watchProblems(
        page,
        target.status ? { url: /\/no-such-page/, status: target.status } : undefined,
      );
      const res = await page.goto(path, { waitUntil: "networkidle" });
      expect(res?.status()).toBe(target.status ?? 200);
      await expect(page.locator("html")).toHaveAttribute("lang", variant.lang);
      if (variant.large) await expect(page.locator("html")).toHaveClass(/\blarge\b/);
      await openDetails(page);

      // axe, WCAG 2.0/2.1 A+AA and 2.2 AA.
      const axe = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
      const violations = axe.violations.map((v) => ({
        rule: `${v.id} (${v.impact}): ${v.help}`,
        help: v.helpUrl,
        nodes: v.nodes.map((n) => `${n.target.join(" ")} — ${n.failureSummary ?? ""}`),
      }));
      expect.soft(violations, `axe violations on ${path}`).toEqual([]);

      // The like button says whom it likes and the count.
      if (target.profile) {
        const name = (await page.getByRole("heading", { level: 1 }).textContent()) ?? "";
        const likeBox = page.locator("[data-like]");
        const count = firstNumber(await likeBox.locator(".like-count").textContent());
        const button = likeBox.getByRole("button");
        // The computed accessible name, however it is made (aria-label or hidden text).
        const snapshot = await button.ariaSnapshot();
        const label = JSON.parse(
          /^- button ("(?:[^"\\]|\\.)*")/.exec(snapshot)?.[1] ?? '""',
        ) as string;
        expect.soft(label, "the like button's name says whom it likes").toContain(name);
        expect
          .soft(firstNumber(label.replace(name, "")), "the like button's name says the count")
          .toBe(count);
      }

      // At the narrowest common phone width: no sideways scroll, and big enough tap targets.
      await page.setViewportSize({ width: NARROW, height: 780 });
      const scroll = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        widest: [...document.querySelectorAll("body *")]
          .map((el) => ({ el, right: el.getBoundingClientRect().right }))
          .filter((x) => x.right > document.documentElement.clientWidth + 0.5)
          .slice(0, 5)
          .map(
            (x) =>
              `${x.el.tagName.toLowerCase()}${x.el.className ? `.${String(x.el.className).replace(/\s+/g, ".")}` : ""} right=${Math.round(x.right)}`,
          ),
      }));
      expect
        .soft(
          scroll.scrollWidth,
          `sideways scroll at ${NARROW} px on ${path}: ${scroll.widest.join(", ")}`,
        )
        .toBeLessThanOrEqual(NARROW);
      expect.soft(await smallTargets(page), `tap targets under 44×44 px on ${path}`).toEqual([]);

      expect.soft(problems.console, `console errors on ${path}`).toEqual([]);
      expect.soft(problems.failed, `failed requests on ${path}`).toEqual([]);
    });
  }
}

test("the live ranking's polls end cleanly (no request left aborted)", async ({ page }) => {
  test.setTimeout(45_000);
  const problems = watchProblems(page);
  await page.goto(RESULTS);
  // The first poll (after ~4 s) gets 200 with an ETag; a later one gets 304 Not Modified.
  const notModified = await page.waitForResponse(
    (r) => r.url().endsWith(`/api/campaigns/${SLUG}/results`) && r.status() === 304,
    { timeout: 25_000 },
  );
  expect(notModified.request().headers()["if-none-match"]).toBeTruthy();
  await page.waitForTimeout(500);
  expect(
    problems.aborted304,
    "a 304 whose body the page never reads is aborted by Chromium (net::ERR_ABORTED, shown as " +
      "failed in DevTools): src/client/app.ts poll() should consume or cancel the body",
  ).toEqual([]);
  expect(problems.console, "console errors").toEqual([]);
  expect(problems.failed, "failed requests").toEqual([]);
});

test("keyboard focus is visible on every stop of the profile page", async ({ page }) => {
  await page.goto(`${CAMPAIGN}/1`, { waitUntil: "networkidle" });
  const unseen: string[] = [];
  const stops = new Set<string>();
  for (let i = 0; i < 15; i++) {
    await page.keyboard.press("Tab");
    const focus = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      const text = (el.textContent ?? "").trim().replace(/\s+/g, " ").slice(0, 24);
      return {
        what: `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""} "${text}"`,
        visible:
          (style.outlineStyle !== "none" && Number.parseFloat(style.outlineWidth) >= 2) ||
          style.boxShadow !== "none",
      };
    });
    if (!focus) break;
    stops.add(focus.what);
    if (!focus.visible) unseen.push(focus.what);
  }
  expect(stops.size, "the page has keyboard stops").toBeGreaterThan(3);
  expect(unseen, "focused elements without a visible focus indicator").toEqual([]);
});
