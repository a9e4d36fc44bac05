import { describe, expect, it } from "vitest";
import { screenTop } from "../../../src/routes/pages/screen";
import { call, like, makeCampaign } from "../../helpers";
import { asCall, json } from "../admin/admin-helpers";

/** Rows of the screen's ranking, in page order: [rank, number, likes text]. */
function rows(html: string): [number, number, string][] {
  const out: [number, number, string][] = [];
  const re =
    /<li class="screen-row" data-number="(\d+)"[^>]*>.*?<b>(\d+)<\/b>.*?<span class="screen-likes">([^<]*)<\/span>/gs;
  for (const m of html.matchAll(re)) out.push([Number(m[2]), Number(m[1]), m[3] ?? ""]);
  return out;
}

describe("GET /c/:slug/screen (大屏)", () => {
  it("ranks by likes with rank, count, bar, total, QR and the live script", async () => {
    const c = await makeCampaign({ count: 4 });
    for (const [n, times] of [
      [3, 2],
      [2, 1],
    ] as const)
      for (let i = 0; i < times; i++) await like(c.slug, n, { ip: `198.51.100.${n * 10 + i}` });
    const res = await call(`/c/${c.slug}/screen`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(rows(html)).toEqual([
      [1, 3, "2 票"],
      [2, 2, "1 票"],
      [3, 1, "0 票"],
      [3, 4, "0 票"],
    ]);
    expect(html).toContain("累计点赞 3 次");
    expect(html).toContain('src="/screen.js"');
    expect(html).not.toContain('src="/app.js"');
    expect(html).toContain("<svg");
    expect(html).toContain("扫码投票");
    expect(html).toContain("投票进行中");
    expect(html).toContain('"live":true');
  });

  it("shows the top N asked for", async () => {
    const c = await makeCampaign({ count: 6 });
    const html = await (await call(`/c/${c.slug}/screen?top=2`)).text();
    expect(rows(html)).toHaveLength(2);
    expect(html).toContain("前 2 名 · 共 6 位候选人");
    expect(screenTop("all", 6)).toBe(6);
    expect(screenTop("x", 60)).toBe(10);
    expect(screenTop("0", 60)).toBe(1);
    expect(screenTop("999", 600)).toBe(100);
  });

  it("keeps hidden counts hidden: names and the QR only, no order, no counts", async () => {
    const c = await makeCampaign({ count: 3, showCounts: "never" });
    await like(c.slug, 3, { ip: "198.51.100.1" });
    const html = await (await call(`/c/${c.slug}/screen`)).text();
    expect(rows(html)).toEqual([]);
    expect(html).not.toMatch(/\d+ 票|累计点赞 \d/);
    expect(html).toContain("候选人1");
    expect(html.indexOf("候选人1")).toBeLessThan(html.indexOf("候选人3"));
    expect(html).toContain("暂不公开票数");
    expect(html).toContain('"hidden":true');
  });

  it("after publication plays the honorees as slides, and still offers the ranking", async () => {
    const c = await makeCampaign({ count: 3 });
    await asCall("admin", `/api/admin/campaigns/${c.slug}/close`, { method: "POST" });
    const pub = await asCall(
      "admin",
      `/api/admin/campaigns/${c.slug}/publish`,
      json({ honorees: [3, 1] }),
    );
    expect(pub.status).toBe(200);
    const html = await (await call(`/c/${c.slug}/screen`)).text();
    const slides = [...html.matchAll(/<article class="slide" data-slide="(\d)"/g)];
    expect(slides).toHaveLength(2);
    expect(html).toContain("事迹标题1");
    expect(html).toContain("事迹标题3");
    expect(html).not.toContain("事迹标题2");
    expect(html).toContain("结果已公布");
    const ranking = await (await call(`/c/${c.slug}/screen?view=ranking`)).text();
    expect(rows(ranking)).toHaveLength(3);
  });

  it("is in English with ?lang=en, and 404s an unknown campaign or a draft", async () => {
    const c = await makeCampaign({ count: 2 });
    expect(await (await call(`/c/${c.slug}/screen?lang=en`)).text()).toContain("Scan to vote");
    expect((await call("/c/no-such-campaign/screen")).status).toBe(404);
    const draft = await makeCampaign({ count: 2, draft: true });
    expect((await call(`/c/${draft.slug}/screen`)).status).toBe(404);
  });
});
