import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { call, like, makeCampaign } from "../../helpers";
import {
  asCall,
  errorCode,
  invite,
  json,
  nominateAndSubmit,
  openNominations,
  unitCall,
} from "./admin-helpers";

const decide = (
  slug: string,
  id: number,
  decision: string,
  body: unknown = {},
  as: "admin" | "observer" = "admin",
) => asCall(as, `/api/admin/campaigns/${slug}/nominations/${id}/${decision}`, json(body));

async function auditActions(campaignId: number): Promise<string[]> {
  const { results } = await env.DB.prepare(
    "SELECT action FROM audit_log WHERE campaign_id = ? ORDER BY id",
  )
    .bind(campaignId)
    .all<{ action: string }>();
  return results.map((r) => r.action);
}

describe("preliminary review (初选)", () => {
  it("accepts a nomination as a nominee with the next free number, audit-logged", async () => {
    const c = await makeCampaign({ count: 2 });
    await openNominations(c.slug);
    const { token } = await invite(c.slug, { unit: "临县", group: "县市区" });
    const id = await nominateAndSubmit(token);
    const queue = await asCall(
      "admin",
      `/api/admin/campaigns/${c.slug}/nominations?status=submitted`,
    );
    expect((await queue.json<{ items: { id: number; nominatingUnit: string }[] }>()).items).toEqual(
      [expect.objectContaining({ id, nominatingUnit: "临县" })],
    );
    // Likes exist already: the new nominee still gets number 3, nobody is renumbered.
    expect((await like(c.slug, 1)).status).toBe(201);
    const accepted = await decide(c.slug, id, "accept");
    expect(accepted.status).toBe(200);
    expect(await accepted.json()).toMatchObject({ status: "accepted", number: 3 });
    const nominee = await call(`/api/campaigns/${c.slug}/candidates/3`);
    expect(await nominee.json()).toMatchObject({
      name: "陈某某",
      headline: "群众满意是对工作永远的追求",
    });
    const row = await env.DB.prepare(
      "SELECT nominating_unit FROM nominees WHERE campaign_id = ? AND number = 3",
    )
      .bind(c.id)
      .first<{ nominating_unit: string }>();
    expect(row?.nominating_unit).toBe("临县");
    // The unit sees the outcome and the number.
    const unit = await (await unitCall(token)).json<{
      nominations: { status: string; number: number }[];
    }>();
    expect(unit.nominations[0]).toMatchObject({ status: "accepted", number: 3 });
    // Deciding twice is refused.
    const again = await decide(c.slug, id, "decline");
    expect(again.status).toBe(409);
    expect(await errorCode(again)).toBe("invalid_state");
    const actions = await auditActions(c.id);
    expect(actions).toEqual(
      expect.arrayContaining([
        "selection.update",
        "invitation.create",
        "nomination.submit",
        "nomination.accept",
      ]),
    );
    const audit = await env.DB.prepare(
      "SELECT actor, after FROM audit_log WHERE campaign_id = ? AND action = 'nomination.accept'",
    )
      .bind(c.id)
      .first<{ actor: string; after: string }>();
    expect(audit?.actor).toBe("内置管理员（自称：王主任） (admin, session)");
    expect(JSON.parse(audit?.after ?? "{}")).toMatchObject({ number: 3, status: "accepted" });
  });

  it("returns with a comment the unit sees; the unit fixes and resubmits", async () => {
    const c = await makeCampaign({ count: 0 });
    await openNominations(c.slug);
    const { token } = await invite(c.slug);
    const id = await nominateAndSubmit(token);
    const noComment = await decide(c.slug, id, "return", { comment: " " });
    expect(noComment.status).toBe(400);
    expect(await errorCode(noComment)).toBe("comment_required");
    expect((await decide(c.slug, id, "return", { comment: "请补充2022年以来的事迹" })).status).toBe(
      200,
    );
    const seen = await (await unitCall(token, `/nominations/${id}`)).json<{
      status: string;
      reviewComment: string;
    }>();
    expect(seen).toMatchObject({ status: "returned", reviewComment: "请补充2022年以来的事迹" });
    const fix = await unitCall(token, `/nominations/${id}`, {
      ...json({ story: ["补充后的事迹"] }),
      method: "PATCH",
    });
    expect(fix.status).toBe(200);
    expect((await unitCall(token, `/nominations/${id}/submit`, { method: "POST" })).status).toBe(
      200,
    );
    expect((await decide(c.slug, id, "decline", { comment: "名额已满" })).status).toBe(200);
    const actions = await auditActions(c.id);
    expect(actions.filter((a) => a.startsWith("nomination."))).toEqual([
      "nomination.submit",
      "nomination.return",
      "nomination.submit",
      "nomination.decline",
    ]);
  });

  it("lets observers read the queue but not decide; drafts stay private to the unit", async () => {
    const c = await makeCampaign({ count: 0 });
    await openNominations(c.slug);
    const { token } = await invite(c.slug);
    const id = await nominateAndSubmit(token);
    await unitCall(token, "/nominations", json({ name: "未提交的草稿" }));
    const queue = await asCall("observer", `/api/admin/campaigns/${c.slug}/nominations`);
    expect(queue.status).toBe(200);
    const items = (await queue.json<{ items: { name: string }[] }>()).items;
    expect(items.map((i) => i.name)).toEqual(["陈某某"]);
    const denied = await decide(c.slug, id, "accept", {}, "observer");
    expect(denied.status).toBe(403);
    expect((await asCall("none", `/api/admin/campaigns/${c.slug}/nominations`)).status).toBe(401);
    expect((await decide(c.slug, 999999, "accept")).status).toBe(404);
    expect((await decide(c.slug, id, "approve")).status).toBe(404);
  });

  it("validates settings and invitations with the error envelope", async () => {
    const c = await makeCampaign({ count: 0 });
    const bad = await asCall("admin", `/api/admin/campaigns/${c.slug}/selection`, {
      ...json({ weightPublic: 130 }),
      method: "PATCH",
    });
    expect(bad.status).toBe(400);
    expect(await errorCode(bad)).toBe("invalid_body");
    const noUnit = await asCall("admin", `/api/admin/campaigns/${c.slug}/invitations`, json({}));
    expect(noUnit.status).toBe(400);
    const past = await asCall(
      "admin",
      `/api/admin/campaigns/${c.slug}/invitations`,
      json({ unit: "临县", expiresAt: "2020-01-01T00:00:00+08:00" }),
    );
    expect(past.status).toBe(400);
    const list = await asCall("admin", `/api/admin/campaigns/${c.slug}/invitations`);
    expect(await list.json()).toEqual({ items: [] });
  });
});

describe("the console's 提名 tab", () => {
  it("lists invitations and the queue; observers see no buttons", async () => {
    const c = await makeCampaign({ count: 0 });
    await openNominations(c.slug);
    const { token } = await invite(c.slug, { unit: "临县", group: "县市区" });
    await nominateAndSubmit(token);
    const page = await asCall("admin", `/admin/c/${c.slug}/nominations`);
    expect(page.status).toBe(200);
    const text = await page.text();
    expect(text).toContain("提名进行中");
    expect(text).toContain('<th scope="row">临县</th>');
    expect(text).toContain("群众满意是对工作永远的追求");
    expect(text).toContain('data-decision="accept"');
    expect(text).not.toContain(token);
    const observer = await (await asCall("observer", `/admin/c/${c.slug}/nominations`)).text();
    expect(observer).toContain("临县");
    expect(observer).not.toContain('data-decision="accept"');
    expect(observer).not.toContain("data-revoke-invite");
    expect(await (await asCall("none", `/admin/c/${c.slug}/nominations`)).text()).not.toContain(
      "临县",
    );
  });
});
