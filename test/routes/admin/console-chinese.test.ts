import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { makeCampaign } from "../../helpers";
import { asCall, invite, json, nominateAndSubmit, openNominations } from "./admin-helpers";

describe("the console speaks Chinese", () => {
  it("names who decided a nomination in Chinese, not as (admin, session)", async () => {
    const c = await makeCampaign({ count: 1 });
    await openNominations(c.slug);
    const { token } = await invite(c.slug, { unit: "临县" });
    const id = await nominateAndSubmit(token);
    const res = await asCall(
      "admin",
      `/api/admin/campaigns/${c.slug}/nominations/${id}/accept`,
      json({}),
    );
    expect(res.status).toBe(200);
    const html = await (await asCall("admin", `/admin/c/${c.slug}/nominations`)).text();
    // The name part is the accounts branch's (built-in password: 内置管理员（自称：王主任）).
    expect(html).toMatch(/由 [^；<]*王主任[^；<]*（管理员 · 内置口令登录） 决定/);
    expect(html).not.toContain("(admin, session)");
  });

  it("gives every refusal on the dashboard in Chinese, with no API code", async () => {
    const c = await makeCampaign({ count: 1 });
    const hour = Math.floor(Date.now() / 3_600_000) * 3_600_000;
    for (const reason of ["daily_quota_exhausted", "idempotency_key_reused", "a_future_code"]) {
      await env.DB.prepare(
        "INSERT INTO rejections (campaign_id, hour, reason, count) VALUES (?, ?, ?, 2)",
      )
        .bind(c.id, hour, reason)
        .run();
    }
    const html = await (await asCall("observer", `/admin/c/${c.slug}`)).text();
    const part = /data-part="rejections">([\s\S]*?)<\/section>/.exec(html)?.[1] ?? "";
    expect(part).toContain("超出每日次数");
    expect(part).toContain("重复提交");
    expect(part).toContain("其他原因");
    expect(part).not.toMatch(/[a-z]+_[a-z_]+/);
  });
});

describe("the review page's hash chain section", () => {
  it("explains the head hash to an organizer; the command is only in the technicians' note", async () => {
    const c = await makeCampaign({ count: 1 });
    const html = await (await asCall("observer", `/admin/c/${c.slug}/review`)).text();
    expect(html).toContain("链头哈希");
    expect(html).toContain("对不上");
    expect(html).toContain("审计人员");
    const command = html.indexOf("npm run verify");
    const note = html.indexOf("给技术人员");
    expect(note).toBeGreaterThan(0);
    expect(command).toBeGreaterThan(note);
    expect(html.match(/npm run verify/g)).toHaveLength(1);
  });
});
