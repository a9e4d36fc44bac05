import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { quoted } from "../../../src/views/quote";
import { call, makeCampaign } from "../../helpers";
import { asCall, openNominations } from "../admin/admin-helpers";

const text = async (res: Response) => {
  expect(res.status).toBe(200);
  return res.text();
};

describe("the walk-through's page defects (issue 14, 5.9)", () => {
  it("quotes a headline once, nesting inner quotes as ‘’", () => {
    expect(quoted("大山里的“信访代办员”")).toBe("“大山里的‘信访代办员’”");
    expect(quoted("“群众满意是追求”")).toBe("“群众满意是追求”");
    expect(quoted("一心为民")).toBe("“一心为民”");
  });

  it("the share card does not double the quotes", async () => {
    const c = await makeCampaign({ count: 1 });
    await env.DB.prepare("UPDATE nominees SET headline = ? WHERE campaign_id = ?")
      .bind("大山里的“信访代办员”", c.id)
      .run();
    const html = await text(await call(`/c/${c.slug}/1/card`));
    expect(html).toContain("“大山里的‘信访代办员’”");
    expect(html).not.toContain("””");
  });

  it("the results page stops promising updates once results are published", async () => {
    const now = Date.now();
    const open = await makeCampaign({ count: 2 });
    expect(await text(await call(`/c/${open.slug}/results`))).toContain("排名每 5 秒自动更新");
    const done = await makeCampaign({ count: 2, closedAt: now - 60_000, publishedAt: now });
    const html = await text(await call(`/c/${done.slug}/results`));
    expect(html).not.toContain("自动更新");
    expect(html).toContain("结果已公布，以上为最终票数");
  });

  it("an observer sees the nomination settings without a 保存 button", async () => {
    const c = await makeCampaign({ count: 1 });
    await openNominations(c.slug);
    expect(await text(await asCall("observer", `/admin/c/${c.slug}/nominations`))).not.toContain(
      "保存提名设置",
    );
    expect(await text(await asCall("admin", `/admin/c/${c.slug}/nominations`))).toContain(
      "保存提名设置",
    );
  });

  it("a profile without a photo is laid out as one column", async () => {
    const c = await makeCampaign({ count: 2 });
    await env.DB.prepare("UPDATE nominees SET photos = '[]' WHERE campaign_id = ? AND number = 2")
      .bind(c.id)
      .run();
    expect(await text(await call(`/c/${c.slug}/2`))).toContain('class="profile-head no-photo"');
    expect(await text(await call(`/c/${c.slug}/1`))).toContain('class="profile-head"');
  });
});
