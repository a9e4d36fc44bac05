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
    expect(html).toContain("由 王主任（管理员 · 内置口令登录） 决定");
    expect(html).not.toContain("(admin, session)");
  });
});
