import { describe, expect, it } from "vitest";
import { like, makeCampaign } from "../../helpers";
import { asCall, json } from "./admin-helpers";

describe("the audit page", () => {
  it("logs a void for 2号 as 2号, with its reason as a fact, not struck through", async () => {
    const c = await makeCampaign({ count: 3 });
    await like(c.slug, 2, { ip: "203.0.113.200" });
    const res = await asCall(
      "admin",
      `/api/admin/campaigns/${c.slug}/votes/void`,
      json({ number: 2, from: "2000-01-01T00:00:00+08:00", reason: "核查为脚本刷票" }),
    );
    expect(res.status).toBe(200);
    const html = await (await asCall("observer", `/admin/c/${c.slug}/audit`)).text();
    const row = /<tr id="audit-[\s\S]*?<\/tr>/.exec(html)?.[0] ?? "";
    expect(row).toContain("核减点赞");
    expect(row).toContain("2号 候选人2");
    expect(row).toContain("2000-01-01 00:00:00");
    expect(row).toMatch(/原因<\/span>：核查为脚本刷票/);
    expect(row).not.toContain("<del>");
    expect(row).not.toContain("已删除");
    expect(row).not.toContain("内部编号");
    expect(row.replace(/<[^>]+>/g, "")).not.toMatch(/votes\.void|nomineeId/);
  });
});
