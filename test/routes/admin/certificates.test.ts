import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { certificateText, honourFromTitle } from "../../../src/domain/certificate";
import { qrPng } from "../../../src/domain/qr";
import { call, makeCampaign } from "../../helpers";
import { asCall, errorCode, json } from "./admin-helpers";

async function published(count = 3, honorees = [2, 3]) {
  const c = await makeCampaign({ count, title: "吕梁市第一批“最美信访干部”评选" });
  await asCall("admin", `/api/admin/campaigns/${c.slug}/close`, { method: "POST" });
  const res = await asCall("admin", `/api/admin/campaigns/${c.slug}/publish`, json({ honorees }));
  expect(res.status).toBe(200);
  return c;
}

const put = (body: unknown): RequestInit => ({ ...json(body), method: "PUT" });

describe("certificate text", () => {
  it("derives the honour, issuer and date when the settings are empty", () => {
    expect(honourFromTitle("吕梁市第一批“最美信访干部”评选")).toBe("吕梁市第一批“最美信访干部”");
    expect(honourFromTitle("评选")).toBe("评选");
    const text = certificateText({
      campaign: {
        title: "最美评选活动",
        organizer: "联席办",
        timeZone: "Asia/Shanghai",
        // 2026-12-19T17:00Z is already the 20th in Beijing.
        publishedAt: Date.parse("2026-12-19T17:00:00Z"),
      },
      settings: { honourTitle: "", issuer: "", issuedOn: "" },
    });
    expect(text).toEqual({ honour: "最美", issuer: "联席办", date: "2026年12月20日" });
    expect(
      certificateText({
        campaign: { title: "x", organizer: "y", timeZone: "Asia/Shanghai", publishedAt: null },
        settings: { honourTitle: "十佳", issuer: "市委", issuedOn: "2027-01-05" },
      }),
    ).toEqual({ honour: "十佳", issuer: "市委", date: "2027年1月5日" });
  });
});

describe("certificate settings API", () => {
  it("saves the words, audits it, and refuses observers and bad input", async () => {
    const c = await makeCampaign();
    const url = `/api/admin/campaigns/${c.slug}/certificate`;
    expect(await (await asCall("admin", url)).json()).toEqual({
      honourTitle: "",
      issuer: "",
      issuedOn: "",
      sealUrl: null,
    });
    const saved = await asCall(
      "admin",
      url,
      put({ honourTitle: "十佳信访干部", issuedOn: "2026-12-20" }),
    );
    expect(saved.status).toBe(200);
    expect(await (await asCall("observer", url)).json()).toMatchObject({
      honourTitle: "十佳信访干部",
      issuedOn: "2026-12-20",
    });
    const audit = await (await asCall("admin", `/api/admin/audit?campaign=${c.slug}`)).text();
    expect(audit).toContain("certificate.update");

    expect((await asCall("observer", url, put({ issuer: "x" }))).status).toBe(403);
    const bad = await asCall("admin", url, put({ issuedOn: "20 December" }));
    expect(bad.status).toBe(400);
    expect(await errorCode(bad)).toBe("invalid_body");
    expect((await asCall("admin", url, put({ honourTitle: "长".repeat(41) }))).status).toBe(400);
    expect((await asCall("admin", url, put({ unknown: 1 }))).status).toBe(400);
    expect(await asCall("none", url, put({}))).toHaveProperty("status", 401);
    expect((await asCall("admin", "/api/admin/campaigns/nope/certificate")).status).toBe(404);
  });

  it("stores a seal image in R2 (type from the bytes), and removes it", async () => {
    const c = await makeCampaign();
    const url = `/api/admin/campaigns/${c.slug}/certificate/seal`;
    const { bytes } = await qrPng("seal", 2);
    const res = await asCall("admin", url, {
      method: "POST",
      headers: { "Content-Type": "application/octet-stream" },
      body: bytes,
    });
    expect(res.status).toBe(201);
    const { sealUrl } = await res.json<{ sealUrl: string }>();
    expect(sealUrl).toMatch(/^\/media\/seals\/\d+\/[0-9a-f-]+\.png$/);
    expect(await env.MEDIA.head(sealUrl.slice("/media/".length))).not.toBeNull();
    const text = await asCall("admin", url, {
      method: "POST",
      headers: { "Content-Type": "image/png" },
      body: "not an image",
    });
    expect(text.status).toBe(415);
    const removed = await asCall("admin", url, { method: "DELETE" });
    expect(await removed.json()).toMatchObject({ sealUrl: null });
  });
});

describe("printable certificates", () => {
  it("one page per honoree, all or one, organizers only", async () => {
    const c = await published(3, [2, 3]);
    await asCall(
      "admin",
      `/api/admin/campaigns/${c.slug}/certificate`,
      put({ issuer: "吕梁市信访工作联席会议办公室", issuedOn: "2026-12-20" }),
    );
    const all = await asCall("admin", `/admin/c/${c.slug}/certificates`);
    expect(all.status).toBe(200);
    const html = await all.text();
    expect([...html.matchAll(/data-certificate="(\d+)"/g)].map((m) => m[1])).toEqual(["2", "3"]);
    expect(html).toContain("荣获“<strong>吕梁市第一批‘最美信访干部’</strong>”称号");
    expect(html).toContain("候选人2");
    expect(html).toContain("市信访局2");
    expect(html).toContain("吕梁市信访工作联席会议办公室");
    expect(html).toContain("2026年12月20日");
    expect(html).toContain('href="/certificate.css"');

    const one = await (await asCall("observer", `/admin/c/${c.slug}/certificates/3`)).text();
    expect([...one.matchAll(/data-certificate="(\d+)"/g)].map((m) => m[1])).toEqual(["3"]);
    expect((await asCall("admin", `/admin/c/${c.slug}/certificates/1`)).status).toBe(404);
    // Signed out: the sign-in form, no certificate.
    const out = await (await call(`/admin/c/${c.slug}/certificates`)).text();
    expect(out).not.toContain("data-certificate");
  });

  it("none before publication; the 颁奖 tab links the screen and the certificates", async () => {
    const c = await makeCampaign({ count: 2 });
    expect((await asCall("admin", `/admin/c/${c.slug}/certificates`)).status).toBe(404);
    const tab = await (await asCall("admin", `/admin/c/${c.slug}/ceremony`)).text();
    expect(tab).toContain(`href="/c/${c.slug}/screen"`);
    expect(tab).toContain("结果公布后才能打印证书");
    const p = await published(2, [1]);
    const after = await (await asCall("admin", `/admin/c/${p.slug}/ceremony`)).text();
    expect(after).toContain(`href="/admin/c/${p.slug}/certificates/1"`);
    expect(after).toContain("全部打印（1 页）");
  });
});
