/**
 * What a share in WeChat and a phone's home screen need: favicon and app icons, the web manifest,
 * and per-nominee Open Graph / Twitter meta with canonical URLs.
 */
import { expect, test } from "@playwright/test";
import { CAMPAIGN } from "./helpers";

test("favicon, app icons and the manifest are served", async ({ request }) => {
  const expectType = async (path: string, type: RegExp) => {
    const res = await request.get(path);
    expect(res.status(), path).toBe(200);
    expect(res.headers()["content-type"], path).toMatch(type);
    return res;
  };
  await expectType("/favicon.ico", /image\/(x-icon|vnd\.microsoft\.icon)/);
  await expectType("/apple-touch-icon.png", /image\/png/);
  const manifest = (await (
    await expectType("/manifest.webmanifest", /application\/(manifest\+)?json/)
  ).json()) as { icons: { src: string; type: string }[] };
  expect(manifest.icons.length).toBeGreaterThan(0);
  for (const icon of manifest.icons) {
    await expectType(icon.src, new RegExp(icon.type.replace(/[+.]/g, "\\$&")));
  }
  // Every icon a page links is served as an image, and none is an SVG: in Chromium an SVG image
  // is a document of its own, laid out during the first view.
  const html = await (await request.get(CAMPAIGN)).text();
  const icons = [...html.matchAll(/<link rel="(?:icon|apple-touch-icon)" href="([^"]+)"/g)].map(
    (m) => m[1] ?? "",
  );
  expect(icons.length).toBeGreaterThanOrEqual(2);
  for (const href of icons) await expectType(href, /^image\/(png|x-icon|vnd\.microsoft\.icon)$/);
});

test("a profile carries its own share meta and canonical URL", async ({ page, baseURL }) => {
  await page.goto(`${CAMPAIGN}/7?lang=en`);
  const name = (await page.getByRole("heading", { level: 1 }).textContent()) ?? "";
  const meta = (selector: string) => page.locator(selector).getAttribute("content");
  // The canonical URL drops the language and text-size parameters.
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute(
    "href",
    `${baseURL}${CAMPAIGN}/7`,
  );
  expect(await meta('meta[property="og:url"]')).toBe(`${baseURL}${CAMPAIGN}/7`);
  expect(await meta('meta[property="og:title"]')).toContain(name);
  expect(await meta('meta[name="twitter:title"]')).toContain(name);
  expect(await meta('meta[property="og:description"]')).toBeTruthy();
  const image = await meta('meta[property="og:image"]');
  expect(image).toMatch(/^https?:\/\//);
  expect((await page.request.get(image ?? "")).status()).toBe(200);
  // The share panel's QR code is an SVG made by the server.
  const qr = await page.request.get(`${CAMPAIGN}/7/qr.svg`);
  expect(qr.status()).toBe(200);
  expect(qr.headers()["content-type"]).toMatch(/image\/svg\+xml/);
});
