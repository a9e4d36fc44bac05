import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { listAllCampaigns } from "../../../src/db/queries/admin-campaigns";
import { listInvites } from "../../../src/db/queries/invitations";
import { listJurors } from "../../../src/db/queries/jury";
import {
  jurorScores,
  jurors,
  nominationInvites,
  nominations,
  nominees,
} from "../../../src/db/schema";
import { db, like, makeCampaign } from "../../helpers";

// The jurors count was right only by luck (juror_scores has no id column). Counts from correlated subqueries, with more than one row on each side: a subquery that
// compares the inner row with itself (a bare "id") shows 1 for everything.
describe("correlated counts", () => {
  it("lists each campaign with its own nominee count and likes", async () => {
    const a = await makeCampaign({ count: 3 });
    const b = await makeCampaign({ count: 5 });
    expect((await like(a.slug, 1, { ip: "198.51.100.1" })).status).toBe(201);
    expect((await like(a.slug, 2, { ip: "198.51.100.2" })).status).toBe(201);
    const rows = await listAllCampaigns(db());
    const byId = new Map(rows.map((r) => [r.campaign.id, r]));
    expect(Number(byId.get(a.id)?.candidateCount)).toBe(3);
    expect(Number(byId.get(b.id)?.candidateCount)).toBe(5);
    expect(Number(byId.get(a.id)?.totalLikes)).toBe(2);
    expect(Number(byId.get(b.id)?.totalLikes)).toBe(0);
  });

  it("lists each invitation with its own used and submitted counts", async () => {
    const c = await makeCampaign({ count: 0 });
    const now = Date.now();
    const invite = (unit: string, tokenHash: string) =>
      db()
        .insert(nominationInvites)
        .values({ campaignId: c.id, unit, tokenHash, expiresAt: now + 86_400_000, createdAt: now })
        .returning()
        .get();
    const first = await invite("临县", `hash-a-${c.id}`);
    const second = await invite("兴县", `hash-b-${c.id}`);
    const third = await invite("岚县", `hash-c-${c.id}`);
    const statuses = ["draft", "submitted", "accepted", "declined"] as const;
    for (const status of statuses) {
      await db()
        .insert(nominations)
        .values({ campaignId: c.id, inviteId: first.id, status, createdAt: now, updatedAt: now });
    }
    await db().insert(nominations).values({
      campaignId: c.id,
      inviteId: second.id,
      status: "draft",
      createdAt: now,
      updatedAt: now,
    });
    const rows = await listInvites(db(), c.id);
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(first.id)).toMatchObject({ used: 3, submitted: 3 });
    expect(byId.get(second.id)).toMatchObject({ used: 1, submitted: 0 });
    expect(byId.get(third.id)).toMatchObject({ used: 0, submitted: 0 });
  });

  it("lists each juror with their own scored count", async () => {
    const c = await makeCampaign({ count: 3 });
    const now = Date.now();
    const juror = (name: string) =>
      db()
        .insert(jurors)
        .values({
          campaignId: c.id,
          name,
          tokenHash: `j-${name}-${c.id}`,
          expiresAt: now + 86_400_000,
          createdAt: now,
        })
        .returning()
        .get();
    const one = await juror("甲");
    const two = await juror("乙");
    const mine = await db()
      .select({ id: nominees.id })
      .from(nominees)
      .where(eq(nominees.campaignId, c.id));
    for (const n of mine) {
      await db().insert(jurorScores).values({
        jurorId: one.id,
        nomineeId: n.id,
        campaignId: c.id,
        score: 90,
        note: "",
        updatedAt: now,
      });
    }
    const rows = await listJurors(db(), c.id);
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(one.id)?.scored).toBe(3);
    expect(byId.get(two.id)?.scored).toBe(0);
  });
});
