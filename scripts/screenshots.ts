/**
 * Phone screenshots of the public pages, and the organizer dashboard on a phone and a desktop, for
 * docs/screenshots (linked from the README).
 * Needs a running server: `npm run dev`, then `npm run screenshots` (BANGYANG_URL to point
 * elsewhere). Uses Debian's Chromium (apt-get install chromium fonts-wqy-zenhei).
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { chromium, devices } from "playwright-core";

const base = process.env.BANGYANG_URL ?? "http://localhost:8787";
const out = join(import.meta.dirname, "..", "docs", "screenshots");
mkdirSync(out, { recursive: true });

const shots: [string, string, { full?: boolean }][] = [
  ["campaign", "/c/zuimei-xinfang", {}],
  ["campaign-search", `/c/zuimei-xinfang?q=${encodeURIComponent("市")}`, {}],
  ["profile", "/c/zuimei-xinfang/1", {}],
  ["results", "/c/zuimei-xinfang/results", {}],
  ["share-card", "/c/zuimei-xinfang/1/card", {}],
  ["profile-large-text", "/c/zuimei-xinfang/2?text=large", {}],
  ["campaign-en", "/c/zuimei-xinfang?lang=en", {}],
];

const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
  args: [
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
});
try {
  for (const [name, path, opts] of shots) {
    // A fresh context per shot, so the language and text-size cookies do not carry over.
    const context = await browser.newContext({ ...devices["Pixel 7"] });
    const page = await context.newPage();
    await page.goto(base + path, { waitUntil: "networkidle" });
    await page.screenshot({ path: join(out, `${name}.png`), fullPage: opts.full ?? false });
    await context.close();
    console.log(`docs/screenshots/${name}.png`);
  }
  // The organizer's live dashboard, signed in with the local password, on a phone and a desktop.
  for (const [name, device] of [
    ["admin-dashboard-phone", devices["Pixel 7"]],
    ["admin-dashboard-desktop", { viewport: { width: 1280, height: 800 } }],
  ] as const) {
    const context = await browser.newContext({ ...device });
    const page = await context.newPage();
    await page.goto(`${base}/admin`);
    await page.getByLabel("密码").fill(process.env.ADMIN_PASSWORD ?? "dev-admin-password");
    await page.getByRole("button", { name: "登录" }).click();
    await page.getByRole("button", { name: "退出登录" }).waitFor();
    await page.goto(`${base}/admin/c/zuimei-xinfang`, { waitUntil: "networkidle" });
    await page.screenshot({ path: join(out, `${name}.png`) });
    await context.close();
    console.log(`docs/screenshots/${name}.png`);
  }
} finally {
  await browser.close();
}
