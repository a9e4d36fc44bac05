import { describe, expect, it } from "vitest";
import { call, makeCampaign } from "../../helpers";
import { invite, json, nominateAndSubmit, openNominations, unitCall } from "../admin/admin-helpers";

describe("a unit's pages", () => {
  it("shows the unit's own nominations, status and the form, never indexed or cached", async () => {
    const c = await makeCampaign({ count: 0 });
    await openNominations(c.slug);
    const a = await invite(c.slug, { unit: "临县", quota: 3 });
    const b = await invite(c.slug, { unit: "兴县" });
    await nominateAndSubmit(a.token);
    const other = await (
      await unitCall(b.token, "/nominations", json({ name: "兴县的草稿<b>" }))
    ).json<{ id: number }>();
    const home = await call(`/n/${a.token}`);
    expect(home.status).toBe(200);
    expect(home.headers.get("Cache-Control")).toBe("no-store");
    expect(home.headers.get("X-Robots-Tag")).toContain("noindex");
    const text = await home.text();
    expect(text).toContain("推荐单位：<strong>临县</strong>");
    expect(text).toContain("已提名 1 / 3 人");
    expect(text).toContain("已提交，等待初选");
    expect(text).not.toContain("兴县的草稿");
    expect(text).toContain('src="/selection.js"');
    // The form of another unit's nomination is not found through this link.
    expect((await call(`/n/${a.token}/${other.id}`)).status).toBe(404);
    const form = await call(`/n/${b.token}/${other.id}?lang=en`);
    expect(form.status).toBe(200);
    const formText = await form.text();
    expect(formText).toContain("Nomination form");
    expect(formText).toContain("兴县的草稿&lt;b&gt;");
  });

  it("answers an unknown link with a page, not an error", async () => {
    const res = await call(`/n/${"x".repeat(43)}`);
    expect(res.status).toBe(404);
    expect(await res.text()).toContain("链接无效");
  });
});
