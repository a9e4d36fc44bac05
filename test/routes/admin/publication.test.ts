import { describe, expect, it } from "vitest";
import { call, db, makeCampaign } from "../../helpers";
import { asCall, errorCode, json } from "./admin-helpers";

/** Issue 14: publication freezes the honoree list; changing it is 撤回公布 then 重新公布. */

const act = (slug: string, action: string, body?: unknown) =>
  asCall("admin", `/api/admin/campaigns/${slug}/${action}`, body ? json(body) : { method: "POST" });

async function wallCount(slug: string): Promise<string | null> {
  const html = await (await call(`/c/${slug}`)).text();
  return /共 (\d+) 位同志当选/.exec(html)?.[1] ?? null;
}

async function publicHonorees(slug: string): Promise<number[]> {
  const list = await (await call(`/api/campaigns/${slug}/candidates`)).json<{
    items: { number: number; honoree: boolean }[];
  }>();
  return list.items.filter((i) => i.honoree).map((i) => i.number);
}

async function publishedCampaign(honorees: number[]) {
  const c = await makeCampaign({ count: 4, closedAt: Date.now() - 1000 });
  expect((await act(c.slug, "publish", { honorees })).status).toBe(200);
  return c;
}

describe("publication freezes the honoree list", () => {
  it("refuses to change 当选 in a nominee's form after publishing; the wall keeps the published list", async () => {
    const c = await publishedCampaign([1, 2]);
    expect(await wallCount(c.slug)).toBe("2");
    const tick = await asCall("admin", `/api/admin/campaigns/${c.slug}/nominees/3`, {
      ...json({ honoree: true }),
      method: "PATCH",
    });
    expect(tick.status).toBe(409);
    expect(await errorCode(tick)).toBe("honorees_frozen");
    const untick = await asCall("admin", `/api/admin/campaigns/${c.slug}/nominees/1`, {
      ...json({ honoree: false }),
      method: "PATCH",
    });
    expect(untick.status).toBe(409);
    // Other fields still save; resending the same flag is no change.
    const edit = await asCall("admin", `/api/admin/campaigns/${c.slug}/nominees/1`, {
      ...json({ headline: "新标题", honoree: true }),
      method: "PATCH",
    });
    expect(edit.status).toBe(200);
    const added = await asCall(
      "admin",
      `/api/admin/campaigns/${c.slug}/nominees`,
      json({ name: "新人", honoree: true }),
    );
    expect(await errorCode(added)).toBe("honorees_frozen");
    expect(await wallCount(c.slug)).toBe("2");
    expect(await publicHonorees(c.slug)).toEqual([1, 2]);
  });

  it("holds against any path: the trigger refuses a direct UPDATE while published", async () => {
    const c = await publishedCampaign([2]);
    await expect(
      db()
        .$client.prepare("UPDATE nominees SET honoree = 1 WHERE campaign_id = ?1")
        .bind(c.id)
        .run(),
    ).rejects.toThrow(/honorees_frozen/);
    expect(await publicHonorees(c.slug)).toEqual([2]);
  });

  it("stores the published list on the campaign", async () => {
    const c = await publishedCampaign([3, 1, 3]);
    const row = await db()
      .$client.prepare("SELECT published_honorees AS list FROM campaigns WHERE id = ?1")
      .bind(c.id)
      .first<{ list: string }>();
    expect(JSON.parse(row?.list ?? "null")).toEqual([1, 3]);
  });

  it("withdraws with a reason, lets the list change, and republishes with a reason (audit-logged)", async () => {
    const c = await publishedCampaign([1, 2]);
    const noReason = await act(c.slug, "withdraw", {});
    expect(noReason.status).toBe(400);
    const withdrawn = await act(c.slug, "withdraw", { reason: "2号材料有误，复核" });
    expect(withdrawn.status).toBe(200);
    expect(await withdrawn.json()).toMatchObject({ status: "closed", publishedAt: null });
    // Withdrawn: no wall, no public honoree marks, and the flags may change.
    expect(await wallCount(c.slug)).toBeNull();
    expect(await publicHonorees(c.slug)).toEqual([]);
    const untick = await asCall("admin", `/api/admin/campaigns/${c.slug}/nominees/2`, {
      ...json({ honoree: false }),
      method: "PATCH",
    });
    expect(untick.status).toBe(200);
    expect(await publicHonorees(c.slug)).toEqual([]);
    expect((await act(c.slug, "withdraw", { reason: "again" })).status).toBe(409);
    const silent = await act(c.slug, "publish", { honorees: [1] });
    expect(silent.status).toBe(400);
    const again = await act(c.slug, "publish", { honorees: [1], reason: "复核后重新公布" });
    expect(again.status).toBe(200);
    expect(await wallCount(c.slug)).toBe("1");
    expect(await publicHonorees(c.slug)).toEqual([1]);
    const audit = await (await asCall("observer", `/api/admin/audit?campaign=${c.slug}`)).json<{
      entries: { action: string; after: { reason?: string; honorees?: number[] } }[];
    }>();
    const actions = audit.entries.map((e) => e.action);
    expect(actions.slice(0, 4)).toEqual([
      "campaign.republish",
      "nominee.update",
      "campaign.withdraw",
      "campaign.publish",
    ]);
    expect(audit.entries[0]?.after).toMatchObject({ reason: "复核后重新公布", honorees: [1] });
    expect(audit.entries[2]?.after).toMatchObject({ reason: "2号材料有误，复核" });
  });

  it("shows no 当选 mark to the public before publication", async () => {
    const c = await makeCampaign({ count: 2 });
    await asCall("admin", `/api/admin/campaigns/${c.slug}/nominees/1`, {
      ...json({ honoree: true }),
      method: "PATCH",
    });
    expect(await publicHonorees(c.slug)).toEqual([]);
    const profile = await (await call(`/c/${c.slug}/1`)).text();
    expect(profile).not.toContain("badge-honoree");
  });
});
