import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { call, makeCampaign } from "../../helpers";
import {
  asCall,
  errorCode,
  invite,
  json,
  nominateAndSubmit,
  openNominations,
  unitCall,
} from "./admin-helpers";

/** Issue 14: a declined nomination can be reopened (back to the review queue). */

const post = (slug: string, path: string, body: unknown, as: "admin" | "observer" = "admin") =>
  asCall(as, `/api/admin/campaigns/${slug}/nominations/${path}`, json(body));

describe("reopening a declined nomination", () => {
  it("puts it back in the queue with the reason, audit-logged, and the unit sees it", async () => {
    const c = await makeCampaign({ count: 1 });
    await openNominations(c.slug);
    const { token } = await invite(c.slug, { unit: "临县", quota: 1 });
    const id = await nominateAndSubmit(token);
    // Only a declined nomination can be reopened.
    const early = await post(c.slug, `${id}/reopen`, { reason: "复核" });
    expect(early.status).toBe(409);
    expect(await errorCode(early)).toBe("invalid_state");
    expect((await post(c.slug, `${id}/decline`, { comment: "材料不全" })).status).toBe(200);

    expect((await post(c.slug, `${id}/reopen`, {})).status).toBe(400);
    expect((await post(c.slug, `${id}/reopen`, { reason: "  " })).status).toBe(400);
    expect((await post(c.slug, `${id}/reopen`, { reason: "复核" }, "observer")).status).toBe(403);
    const reopened = await post(c.slug, `${id}/reopen`, { reason: "联席会议复议后重新审核" });
    expect(reopened.status).toBe(200);
    expect(await reopened.json()).toMatchObject({
      id,
      status: "submitted",
      reviewComment: "联席会议复议后重新审核",
      decidedAt: null,
    });
    expect((await post(c.slug, `${id}/reopen`, { reason: "again" })).status).toBe(409);

    const queue = await (
      await asCall("admin", `/api/admin/campaigns/${c.slug}/nominations?status=submitted`)
    ).json<{ items: { id: number }[] }>();
    expect(queue.items.map((i) => i.id)).toEqual([id]);

    const unit = await (await unitCall(token)).json<{
      used: number;
      nominations: { id: number; status: string; reviewComment: string }[];
    }>();
    expect(unit.used).toBe(1);
    expect(unit.nominations[0]).toMatchObject({
      id,
      status: "submitted",
      reviewComment: "联席会议复议后重新审核",
    });
    const page = await (await call(`/n/${token}`)).text();
    expect(page).toContain("联席会议复议后重新审核");

    const { results } = await env.DB.prepare(
      "SELECT action, after FROM audit_log WHERE campaign_id = ? ORDER BY id",
    )
      .bind(c.id)
      .all<{ action: string; after: string }>();
    const last = results.at(-1);
    expect(last?.action).toBe("nomination.reopen");
    expect(JSON.parse(last?.after ?? "{}")).toMatchObject({ reason: "联席会议复议后重新审核" });

    // Back in the queue, it can be decided again.
    const accepted = await post(c.slug, `${id}/accept`, {});
    expect(accepted.status).toBe(200);
    expect(await accepted.json()).toMatchObject({ status: "accepted", number: 2 });
  });

  it("shows the 重新进入初选 form on declined items only, to admins", async () => {
    const c = await makeCampaign({ count: 1 });
    await openNominations(c.slug);
    const { token } = await invite(c.slug, { unit: "兴县" });
    const declined = await nominateAndSubmit(token);
    await nominateAndSubmit(token);
    await post(c.slug, `${declined}/decline`, {});
    const page = (as: "admin" | "observer") =>
      asCall(as, `/admin/c/${c.slug}/nominations`).then((r) => r.text());
    const admin = await page("admin");
    expect(admin.match(/data-form="reopen"/g)?.length).toBe(1);
    expect(admin).toContain(`data-form="reopen" data-id="${declined}"`);
    expect(await page("observer")).not.toContain('data-form="reopen"');
  });
});
