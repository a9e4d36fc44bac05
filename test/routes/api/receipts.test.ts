import { describe, expect, it } from "vitest";
import { call, insertLikes, like, makeCampaign, voterCookie } from "../../helpers";
import { asCall, json } from "../admin/admin-helpers";

describe("GET /api/campaigns/:slug/receipts/:code", () => {
  it("tells a voter their like is counted, then voided with the reason, without naming anyone", async () => {
    const c = await makeCampaign();
    const res = await like(c.slug, 2);
    const { receipt } = await res.json<{ receipt: string }>();
    const counted = await call(`/api/campaigns/${c.slug}/receipts/${receipt}`);
    expect(counted.status).toBe(200);
    const body = await counted.json<Record<string, unknown>>();
    expect(body).toMatchObject({ receipt, status: "counted", number: 2, name: "候选人2" });
    expect(Object.keys(body).sort()).toEqual([
      "likedAt",
      "name",
      "number",
      "receipt",
      "status",
      "statusText",
    ]);

    const ledger = await (await asCall("token", `/api/admin/campaigns/${c.slug}/votes.csv`)).text();
    const voterHash = ledger.split("\r\n")[1]?.split(",")[3];
    await asCall(
      "token",
      `/api/admin/campaigns/${c.slug}/votes/void`,
      json({ voterHash, reason: "核查为脚本刷票" }),
    );
    const voided = await (
      await call(`/api/campaigns/${c.slug}/receipts/${receipt.toLowerCase()}`)
    ).json();
    expect(voided).toMatchObject({ status: "voided", voidReason: "核查为脚本刷票" });
    expect(voterCookie(res)).toBeTruthy();
  });

  it("tells a voter a held like is recorded and waiting for a check, then counted once released", async () => {
    const c = await makeCampaign({ count: 2 });
    const [row] = await insertLikes(c.id, [{ number: 2, status: "held" }]);
    const receipt = row?.receipt ?? "";
    const held = await (await call(`/api/campaigns/${c.slug}/receipts/${receipt}`)).json();
    expect(held).toMatchObject({ status: "held", statusText: "已记录，待核验", number: 2 });
    await asCall(
      "token",
      `/api/admin/campaigns/${c.slug}/held/release`,
      json({ number: 2, reason: "核实无误" }),
    );
    const counted = await (await call(`/api/campaigns/${c.slug}/receipts/${receipt}`)).json();
    expect(counted).toMatchObject({ status: "counted", statusText: "已计入" });
  });

  it("answers 404 for unknown or malformed codes and other campaigns' receipts", async () => {
    const a = await makeCampaign();
    const b = await makeCampaign();
    const { receipt } = await (await like(a.slug, 1)).json<{ receipt: string }>();
    for (const [slug, code] of [
      [a.slug, "0000-0000-0000"],
      [a.slug, "not-a-code"],
      [b.slug, receipt],
    ]) {
      const res = await call(`/api/campaigns/${slug}/receipts/${code}`);
      expect(res.status).toBe(404);
      expect((await res.json<{ error: { code: string } }>()).error.code).toBe("receipt_not_found");
    }
  });
});
