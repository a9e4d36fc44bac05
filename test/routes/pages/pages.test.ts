import { createExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { nominees } from "../../../src/db/schema";
import app from "../../../src/index";
import {
  call,
  countingD1,
  type D1Call,
  db,
  like,
  makeCampaign,
  reconcile,
  voterCookie,
} from "../../helpers";

async function html(path: string, init?: RequestInit) {
  const res = await call(path, init);
  return { res, text: await res.text() };
}

describe("public pages", () => {
  it("renders the campaign home in Chinese with the grid, rules and status", async () => {
    const c = await makeCampaign({ count: 3 });
    const { res, text } = await html(`/c/${c.slug}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toContain("text/html");
    expect(text.startsWith("<!doctype html>")).toBe(true);
    expect(text).toContain('<html lang="zh-CN"');
    expect(text).toContain("每人每天可为每位候选人点赞1次，每天最多5次");
    expect(text).toContain("投票进行中");
    expect(text).toContain(`href="/c/${c.slug}/3"`);
    expect(text).toContain("候选人2");
  });

  it("names the day's boundary in Chinese, for the default zone and the others the form suggests", async () => {
    for (const [timeZone, words] of [
      ["Asia/Shanghai", "每天以北京时间零点为界。"],
      ["Asia/Urumqi", "每天以乌鲁木齐时间零点为界。"],
      ["America/New_York", "每天以 America/New_York 时间零点为界。"],
    ]) {
      const c = await makeCampaign({ timeZone });
      expect((await html(`/c/${c.slug}`)).text).toContain(words);
    }
  });

  it("searches and filters without JavaScript through query parameters", async () => {
    const c = await makeCampaign({ count: 4 });
    const { text } = await html(`/c/${c.slug}?q=${encodeURIComponent("候选人3")}`);
    expect(text).toContain(`href="/c/${c.slug}/3"`);
    expect(text).not.toContain(`href="/c/${c.slug}/1"`);
    const byGroup = await html(`/c/${c.slug}?group=${encodeURIComponent("市直单位")}`);
    expect(byGroup.text).toContain(`href="/c/${c.slug}/2"`);
    expect(byGroup.text).not.toContain(`href="/c/${c.slug}/3"`);
    const fragment = await html(`/c/${c.slug}?fragment=grid&q=4`);
    expect(fragment.text.startsWith('<div id="grid"')).toBe(true);
    expect(fragment.text).toContain(`href="/c/${c.slug}/4"`);
  });

  it("searches with long q (17 Chinese, 49 ASCII, 25 %, 100 characters) without a 500", async () => {
    const c = await makeCampaign({ count: 3 });
    await env.DB.prepare("UPDATE nominees SET name = ? WHERE campaign_id = ? AND number = 2")
      .bind("长".repeat(100), c.id)
      .run();
    for (const [q, found] of [
      ["长".repeat(17), true],
      ["长".repeat(100), true],
      ["x".repeat(49), false],
      ["%".repeat(25), false],
      ["_".repeat(100), false],
    ] as const) {
      for (const path of [
        `/c/${c.slug}?q=${encodeURIComponent(q)}`,
        `/c/${c.slug}?fragment=grid&q=${encodeURIComponent(q)}`,
      ]) {
        const { res, text } = await html(path);
        expect(res.status, path).toBe(200);
        expect(text.includes(`href="/c/${c.slug}/2"`), path).toBe(found);
        expect(text).not.toContain(`href="/c/${c.slug}/1"`);
      }
    }
  });

  it("switches to English with ?lang=en and remembers it in a cookie", async () => {
    const c = await makeCampaign();
    const { res, text } = await html(`/c/${c.slug}?lang=en`);
    expect(text).toContain('<html lang="en"');
    expect(text).toContain("Voting open");
    const cookie = /by_lang=en/.exec(res.headers.get("Set-Cookie") ?? "")?.[0];
    expect(cookie).toBe("by_lang=en");
    const again = await html(`/c/${c.slug}`, { headers: { Cookie: "by_lang=en" } });
    expect(again.text).toContain('<html lang="en"');
  });

  it("turns on large text with ?text=large", async () => {
    const c = await makeCampaign();
    const { text } = await html(`/c/${c.slug}?text=large`);
    expect(text).toContain('<html lang="zh-CN" class="large"');
  });

  it("renders a profile with story, like button naming the nominee, share and OG tags", async () => {
    const c = await makeCampaign({ count: 3 });
    const { res, text } = await html(`/c/${c.slug}/2`);
    expect(res.status).toBe(200);
    expect(text).toContain("<h1>候选人2</h1>");
    expect(text).toContain("事迹标题2");
    // The button's accessible name: hidden "为候选人2" + visible "点赞 0 票" (WCAG 2.5.3).
    expect(text).toMatch(
      /<button[^>]*class="like-button"[^>]*>[\s\S]*?<span class="visually-hidden">为候选人2<\/span><span class="like-text">点赞<\/span><span class="like-count">0 票<\/span>/,
    );
    expect(text).not.toMatch(/<button[^>]*aria-label/);
    expect(text).toContain(`<form method="post" action="/c/${c.slug}/2">`);
    expect(text).toContain(`<link rel="canonical" href="http://localhost/c/${c.slug}/2"/>`);
    expect(text).toContain('property="og:title"');
    expect(text).toContain(`href="/c/${c.slug}/1"`);
    expect(text).toContain(`href="/c/${c.slug}/3"`);
    // A PNG: WeChat's long-press recognises a QR code in an image, not in inline SVG.
    expect(text).toContain(`src="/c/${c.slug}/2/qr.png"`);
  });

  it("likes without JavaScript: the form POST counts once and redirects back with a message", async () => {
    const c = await makeCampaign();
    const post = () =>
      call(`/c/${c.slug}/1`, {
        method: "POST",
        redirect: "manual",
        headers: {
          "Content-Type": "application/x-www-form-urlencoded",
          Origin: "http://localhost",
          "CF-Connecting-IP": "203.0.113.20",
          ...(cookie ? { Cookie: cookie } : {}),
        },
      });
    let cookie = "";
    const first = await post();
    expect(first.status).toBe(303);
    expect(first.headers.get("Location")).toMatch(
      new RegExp(`^/c/${c.slug}/1\\?r=liked&left=4&rc=[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}#main$`),
    );
    const rc = /rc=([^#]+)/.exec(first.headers.get("Location") ?? "")?.[1] ?? "";
    cookie = voterCookie(first);
    const page = await html(`/c/${c.slug}/1?r=liked&left=4&rc=${rc}`, {
      headers: { Cookie: cookie },
    });
    expect(page.text).toContain("已点赞 · 今日还可点赞 4 次");
    expect(page.text).toContain(`点赞凭证：${rc}`);
    expect(page.text).toContain('aria-pressed="true"');
    const second = await post();
    expect(second.headers.get("Location")).toBe(`/c/${c.slug}/1?r=already_liked#main`);
    const again = await html(`/c/${c.slug}/1?r=already_liked`, { headers: { Cookie: cookie } });
    expect(again.text).toContain("今天已经为TA点过赞了");
    expect((await reconcile(c.id))[0]).toMatchObject({ counter: 1, counted: 1 });
  });

  it("refuses a cross-site form POST", async () => {
    const c = await makeCampaign();
    const res = await call(`/c/${c.slug}/1`, {
      method: "POST",
      headers: {
        Origin: "https://evil.example",
        "Content-Type": "application/x-www-form-urlencoded",
      },
    });
    expect(res.status).toBe(403);
    // Said in Chinese, without the English code (cross_site).
    const main = /<main[^>]*>([\s\S]*)<\/main>/.exec(await res.text())?.[1] ?? "";
    expect(main).toContain("这个操作不被允许");
    expect(main).not.toContain("cross_site");
    expect((await reconcile(c.id))[0]?.counted).toBe(0);
  });

  it("shows the live ranking with ranks and likes", async () => {
    const c = await makeCampaign({ count: 3 });
    await like(c.slug, 3);
    const { text } = await html(`/c/${c.slug}/results`);
    expect(text).toContain("实时排名");
    expect(text).toMatch(/<li class="rank-row" data-group="县市区" data-number="3">/);
    expect(text).toContain("1 票");
  });

  it("ranks a group's tab among the group's own nominees", async () => {
    // Nominees 1 and 3 are in 县市区, 2 and 4 in 市直单位 (makeCampaign alternates).
    const c = await makeCampaign({ count: 4 });
    await like(c.slug, 1, { ip: "198.51.100.31" });
    await like(c.slug, 1, { ip: "198.51.100.32" });
    await like(c.slug, 3, { ip: "198.51.100.33" });
    await like(c.slug, 2, { ip: "198.51.100.34" });
    const ranks = (text: string) =>
      Object.fromEntries(
        [...text.matchAll(/data-number="(\d+)"><span class="rank">.*?<b>(\d+)<\/b>/g)].map((m) => [
          Number(m[1]),
          Number(m[2]),
        ]),
      );
    // Overall: 1 first, 2 and 3 share second, 4 fourth.
    expect(ranks((await html(`/c/${c.slug}/results`)).text)).toEqual({ 1: 1, 2: 2, 3: 2, 4: 4 });
    const group = encodeURIComponent("市直单位");
    expect(ranks((await html(`/c/${c.slug}/results?group=${group}`)).text)).toEqual({ 2: 1, 4: 2 });
  });

  it("leaks no count anywhere while counts are hidden", async () => {
    const c = await makeCampaign({ count: 2, showCounts: "after_close" });
    for (let i = 0; i < 7; i++) await like(c.slug, 2, { ip: `198.51.100.${i + 100}` });
    const pages = [
      `/c/${c.slug}`,
      `/c/${c.slug}/2`,
      `/c/${c.slug}/results`,
      `/c/${c.slug}?sort=likes`,
    ];
    for (const path of pages) {
      const { text } = await html(path);
      expect(text, path).not.toMatch(/7 票|data-likes|rank-row|累计点赞/);
    }
    // Nor through the isolate caches (profile snapshot, first-visit page), asked twice.
    const cached = { ...env, PUBLIC_CACHE_MS: "60000" };
    for (let i = 0; i < 2; i++) {
      const res = await app.fetch(
        new Request(`http://localhost/c/${c.slug}/2`),
        cached,
        createExecutionContext(),
      );
      expect(await res.text()).not.toMatch(/7 票|data-likes|like-count/);
    }
    const { text } = await html(`/c/${c.slug}/results`);
    expect(text).toContain("票数将于投票结束");
    // sort=likes would reveal the order: the page falls back to numbers.
    const sorted = await html(`/c/${c.slug}?sort=likes`);
    expect(sorted.text.indexOf(`/c/${c.slug}/1"`)).toBeLessThan(
      sorted.text.indexOf(`/c/${c.slug}/2"`),
    );
  });

  it("escapes nominee fields and query parameters (no XSS)", async () => {
    const c = await makeCampaign({ count: 1, title: '<script>alert("t")</script>' });
    await env.DB.prepare(
      "UPDATE nominees SET name = ?, headline = ?, story = ? WHERE campaign_id = ?",
    )
      .bind(
        "<img src=x onerror=alert(1)>",
        '"><svg onload=alert(2)>',
        JSON.stringify(["<script>alert(3)</script>"]),
        c.id,
      )
      .run();
    const q = encodeURIComponent('"><script>alert(4)</script>');
    for (const path of [
      `/c/${c.slug}?q=${q}`,
      `/c/${c.slug}/1`,
      `/c/${c.slug}/results`,
      `/c/${c.slug}/1/card`,
    ]) {
      const { text } = await html(path);
      expect(text, path).not.toMatch(/<script>alert|<img src=x|<svg onload/);
    }
  });

  it("answers 404 pages for unknown campaigns and nominees", async () => {
    const c = await makeCampaign();
    for (const path of ["/c/nope", `/c/${c.slug}/9`, `/c/${c.slug}/abc`, "/nowhere"]) {
      const { res, text } = await html(path);
      expect(res.status, path).toBe(404);
      expect(text).toContain("页面不存在");
    }
  });

  it("serves a QR code of the canonical profile URL", async () => {
    const c = await makeCampaign();
    const res = await call(`/c/${c.slug}/1/qr.svg`);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toContain("image/svg+xml");
    expect(await res.text()).toMatch(/^<svg/);
    const png = await call(`/c/${c.slug}/1/qr.png`);
    expect(png.status).toBe(200);
    expect(png.headers.get("Content-Type")).toBe("image/png");
    expect(png.headers.get("Cache-Control")).toContain("max-age=86400");
    const bytes = new Uint8Array(await png.arrayBuffer());
    expect([...bytes.subarray(1, 4)]).toEqual([0x50, 0x4e, 0x47]);
    expect((await call(`/c/${c.slug}/99/qr.png`)).status).toBe(404);
    // The share card shows the same PNG.
    const card = await (await call(`/c/${c.slug}/1/card`)).text();
    expect(card).toContain(`src="/c/${c.slug}/1/qr.png"`);
    expect(card).not.toContain("<svg");
  });
});

describe("nominee order", () => {
  it("shows each voter their own stable shuffle when the organizer asks for it", async () => {
    const { makeCampaign: make, call: get } = await import("../../helpers");
    const c = await make({ count: 12, nomineeOrder: "shuffle" });
    const order = async (cookie?: string) => {
      const res = await get(`/c/${c.slug}`, cookie ? { headers: { Cookie: cookie } } : {});
      const text = await res.text();
      const set = /by_voter=[^;]+/.exec(res.headers.get("Set-Cookie") ?? "")?.[0];
      const numbers = [...text.matchAll(new RegExp(`href="/c/${c.slug}/(\\d+)"`, "g"))].map((m) =>
        Number(m[1]),
      );
      return { numbers, cookie: set ?? cookie };
    };
    const a = await order();
    const b = await order();
    expect(a.numbers).toHaveLength(12);
    expect([...a.numbers].sort((x, y) => x - y)).toEqual(
      Array.from({ length: 12 }, (_, i) => i + 1),
    );
    expect(a.numbers).not.toEqual(b.numbers); // two voters, two orders (1 in 12! chance of a clash)
    expect((await order(a.cookie)).numbers).toEqual(a.numbers); // and stable per voter
  });
});

describe("the profile's public rows with PUBLIC_CACHE_MS on", () => {
  it("serves them briefly from the isolate, but fresh right after a like", async () => {
    const c = await makeCampaign({ count: 3 });
    const cached = { ...env, PUBLIC_CACHE_MS: "60000" };
    const count = async (path: string) => {
      const res = await app.fetch(
        new Request(`http://localhost${path}`, { headers: { "CF-Connecting-IP": "192.0.2.44" } }),
        cached,
        createExecutionContext(),
      );
      expect(res.status).toBe(200);
      return /<span class="like-count">(\d+) 票<\/span>/.exec(await res.text())?.[1];
    };
    expect(await count(`/c/${c.slug}/2`)).toBe("0");
    expect((await like(c.slug, 2)).status).toBe(201);
    expect(await count(`/c/${c.slug}/2`)).toBe("0");
    expect(await count(`/c/${c.slug}/2?r=liked`)).toBe("1");
    expect(await count(`/c/${c.slug}/9`).catch(() => "404")).toBe("404");
  });
});

describe("the profile snapshot with PUBLIC_CACHE_MS on", () => {
  it("reads a campaign's nominees once for a visitor browsing from one to the next", async () => {
    const c = await makeCampaign({ count: 4 });
    const calls: D1Call[] = [];
    const cached = { ...env, DB: countingD1(calls), PUBLIC_CACHE_MS: "60000" };
    const view = async (number: number) => {
      const res = await app.fetch(
        new Request(`http://localhost/c/${c.slug}/${number}`, {
          headers: { "CF-Connecting-IP": "192.0.2.45" },
        }),
        cached,
        createExecutionContext(),
      );
      expect(res.status).toBe(200);
      return res.text();
    };
    const nomineeReads = () =>
      calls.filter((call) => /from "nominees"/i.test(call.sql ?? "")).length;
    const first = await view(1);
    expect(nomineeReads()).toBe(1);
    for (const n of [2, 3, 4, 2]) await view(n);
    expect(nomineeReads()).toBe(1);
    // Neighbours come from the snapshot: 1 has only a next, 4 only a previous, 3 both.
    expect(first).toContain(`href="/c/${c.slug}/2"`);
    expect(first).not.toContain(`href="/c/${c.slug}/0"`);
    const third = await view(3);
    expect(third).toContain(`href="/c/${c.slug}/2"`);
    expect(third).toContain(`href="/c/${c.slug}/4"`);
    // A nominee added after the snapshot is found at once, not a 404 for a TTL.
    await db().insert(nominees).values({
      campaignId: c.id,
      number: 5,
      name: "候选人5",
      createdAt: Date.now(),
      updatedAt: Date.now(),
    });
    expect(await view(5)).toContain("<h1>候选人5</h1>");
  });
});

describe("a first visit's profile page with PUBLIC_CACHE_MS on", () => {
  it("is rendered once per TTL and handed to each new visitor with their own nonce and cookie", async () => {
    const c = await makeCampaign({ count: 3 });
    const calls: D1Call[] = [];
    const cached = { ...env, DB: countingD1(calls), PUBLIC_CACHE_MS: "60000" };
    const view = (path: string, headers: Record<string, string> = {}) =>
      app.fetch(
        new Request(`http://localhost${path}`, {
          headers: { "CF-Connecting-IP": "192.0.2.46", ...headers },
        }),
        cached,
        createExecutionContext(),
      );
    const nonceOf = (res: Response) =>
      /'nonce-([^']+)'/.exec(res.headers.get("Content-Security-Policy") ?? "")?.[1] ?? "";
    const first = await view(`/c/${c.slug}/2`);
    const firstHtml = await first.text();
    calls.length = 0;
    const second = await view(`/c/${c.slug}/2`);
    const secondHtml = await second.text();
    expect(calls).toEqual([]); // no read at all for the second new visitor
    const [n1, n2] = [nonceOf(first), nonceOf(second)];
    expect(n1).not.toBe(n2);
    expect(secondHtml).toContain(`nonce="${n2}"`);
    expect(secondHtml).not.toContain(n1);
    expect(secondHtml.replaceAll(n2, n1)).toBe(firstHtml);
    expect(voterCookie(second)).not.toBe(voterCookie(first));
    expect(second.headers.get("Cache-Control")).toBe("private, no-cache");
    // English readers get their own copy.
    expect(await (await view(`/c/${c.slug}/2?lang=en`)).text()).toContain('<html lang="en"');
    // A voter who liked sees their own state, not the first-visit page.
    const liked = await like(c.slug, 2);
    expect(liked.status).toBe(201);
    const mine = await (await view(`/c/${c.slug}/2`, { Cookie: voterCookie(liked) })).text();
    expect(secondHtml).toContain('aria-pressed="false"');
    expect(mine).toContain('aria-pressed="true"');
  });
});
