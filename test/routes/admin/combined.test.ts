import { describe, expect, it } from "vitest";
import { call, makeCampaign, newVoter } from "../../helpers";
import { asCall, errorCode, json } from "./admin-helpers";

const put = (token: string, number: number, score: number) =>
  call(`/api/jury/${token}/scores/${number}`, { ...json({ score }), method: "PUT" });

async function juror(slug: string, name: string): Promise<string> {
  const res = await asCall("admin", `/api/admin/campaigns/${slug}/jurors`, json({ name }));
  return (await res.json<{ token: string }>()).token;
}

/**
 * Three nominees; likes 4, 2, 0 (share of max: 100, 50, 0); two jurors.
 * #1: (60 + 70) / 2 = 65 → 0.3 × 100 + 0.7 × 65 = 75.5
 * #2: (90 + 80) / 2 = 85 → 0.3 × 50 + 0.7 × 85 = 74.5
 * #3: (100 + 100) / 2 = 100 → 0 + 70 = 70
 * With 50/50: 82.5, 67.5, 50.
 */
async function scenario() {
  const c = await makeCampaign({ count: 3 });
  for (let i = 0; i < 4; i++) await newVoter(c.slug, 1, `198.51.100.${i + 1}`);
  for (let i = 0; i < 2; i++) await newVoter(c.slug, 2, `198.51.100.${i + 11}`);
  const a = await juror(c.slug, "评委甲");
  const b = await juror(c.slug, "评委乙");
  for (const [t, scores] of [
    [a, [60, 90, 100]],
    [b, [70, 80, 100]],
  ] as const) {
    for (const [i, s] of scores.entries()) expect((await put(t, i + 1, s)).status).toBe(200);
  }
  return c;
}

type Combined = {
  weights: { public: number; committee: number };
  method: string;
  rows: {
    rank: number;
    number: number;
    publicScore: number;
    committeeScore: number;
    combinedScore: number;
    publicRank: number;
    committeeRank: number;
  }[];
};

describe("combined result", () => {
  it("is hidden until scoring closes, then ranks by the weights", async () => {
    const c = await scenario();
    const early = await asCall("admin", `/api/admin/campaigns/${c.slug}/combined`);
    expect(early.status).toBe(409);
    expect(await errorCode(early)).toBe("scoring_open");
    await asCall("admin", `/api/admin/campaigns/${c.slug}/scoring/close`, { method: "POST" });
    const res = await asCall("observer", `/api/admin/campaigns/${c.slug}/combined`);
    expect(res.status).toBe(200);
    const body = await res.json<Combined>();
    expect(body.weights).toEqual({ public: 30, committee: 70 });
    expect(body.method).toContain("大众得分 × 30% + 评委得分 × 70%");
    expect(
      body.rows.map((r) => [r.rank, r.number, r.publicScore, r.committeeScore, r.combinedScore]),
    ).toEqual([
      [1, 1, 100, 65, 75.5],
      [2, 2, 50, 85, 74.5],
      [3, 3, 0, 100, 70],
    ]);
    expect(body.rows.map((r) => [r.publicRank, r.committeeRank])).toEqual([
      [1, 3],
      [2, 2],
      [3, 1],
    ]);
    const patch = await asCall("admin", `/api/admin/campaigns/${c.slug}/selection`, {
      ...json({ weightPublic: 50, publicMethod: "rank" }),
      method: "PATCH",
    });
    expect(patch.status).toBe(200);
    // rank-based: ranks 1, 2, 3 of 3 → 100, 50, 0 (same as share here); 50/50 → 82.5, 67.5, 50
    const again = await (
      await asCall("admin", `/api/admin/campaigns/${c.slug}/combined`)
    ).json<Combined>();
    expect(again.rows.map((r) => r.combinedScore)).toEqual([82.5, 67.5, 50]);
    const page = await (await asCall("admin", `/admin/c/${c.slug}/combined`)).text();
    expect(page).toContain("82.50");
    expect(page).toContain("大众得分 × 50% + 评委得分 × 50%");
  });

  it("explains ties in the console", async () => {
    const c = await makeCampaign({ count: 2 });
    const a = await juror(c.slug, "评委甲");
    await put(a, 1, 80);
    await put(a, 2, 80);
    await asCall("admin", `/api/admin/campaigns/${c.slug}/scoring/close`, { method: "POST" });
    const page = await (await asCall("admin", `/admin/c/${c.slug}/combined`)).text();
    expect(page).toContain("与2号综合得分、评委得分均相同，按编号排序");
  });

  it("freezes the weights once published", async () => {
    const c = await scenario();
    await asCall("admin", `/api/admin/campaigns/${c.slug}/scoring/close`, { method: "POST" });
    await asCall("admin", `/api/admin/campaigns/${c.slug}/close`, { method: "POST" });
    const pub = await asCall(
      "admin",
      `/api/admin/campaigns/${c.slug}/publish`,
      json({ honorees: [1, 2] }),
    );
    expect(pub.status).toBe(200);
    const frozen = await asCall("admin", `/api/admin/campaigns/${c.slug}/selection`, {
      ...json({ weightPublic: 90 }),
      method: "PATCH",
    });
    expect(frozen.status).toBe(409);
    const reopen = await asCall("admin", `/api/admin/campaigns/${c.slug}/scoring/reopen`, {
      method: "POST",
    });
    expect(reopen.status).toBe(409);
  });
});
