import { describe, expect, it } from "vitest";
import { call, makeCampaign, newVoter } from "../../helpers";
import { asCall, json } from "../admin/admin-helpers";

async function scoredCampaign(options: { showCounts?: "always" | "never" } = {}) {
  const c = await makeCampaign({ count: 3, showCounts: options.showCounts ?? "always" });
  await newVoter(c.slug, 1, "198.51.100.1");
  const res = await asCall(
    "admin",
    `/api/admin/campaigns/${c.slug}/jurors`,
    json({ name: "评委甲" }),
  );
  const { token } = await res.json<{ token: string }>();
  for (const [n, score] of [
    [1, 60],
    [2, 90],
    [3, 80],
  ]) {
    await call(`/api/jury/${token}/scores/${n}`, { ...json({ score }), method: "PUT" });
  }
  await asCall("admin", `/api/admin/campaigns/${c.slug}/scoring/close`, { method: "POST" });
  return c;
}

async function publish(slug: string, honorees: number[]) {
  expect(
    (await asCall("admin", `/api/admin/campaigns/${slug}/close`, { method: "POST" })).status,
  ).toBe(200);
  const res = await asCall("admin", `/api/admin/campaigns/${slug}/publish`, json({ honorees }));
  expect(res.status).toBe(200);
}

type Results = {
  candidates: {
    number: number;
    likes: number;
    rank: number;
    combinedScore?: number;
    combinedRank?: number;
    honoree?: boolean;
  }[];
  combined?: { weights: { public: number; committee: number }; method: string };
};

describe("publication", () => {
  it("shows no wall and no combined fields before publishing", async () => {
    const c = await scoredCampaign();
    const page = await (await call(`/c/${c.slug}`)).text();
    expect(page).not.toContain("data-wall");
    const results = await (await call(`/api/campaigns/${c.slug}/results`)).json<Results>();
    expect(results.combined).toBeUndefined();
    expect(results.candidates[0]).not.toHaveProperty("combinedScore");
  });

  it("after publishing: the wall, the others below, the method; results JSON gains the combined fields", async () => {
    const c = await scoredCampaign();
    await publish(c.slug, [2, 1]);
    const page = await (await call(`/c/${c.slug}`)).text();
    expect(page).toContain("先进事迹选登");
    expect(page).toContain('data-honoree="1"');
    expect(page).toContain('data-honoree="2"');
    expect(page).not.toContain('data-honoree="3"');
    expect(page).toContain("其他候选人");
    expect(page).toContain("大众得分 × 30% + 评委得分 × 70%");
    // #1: 100 & 60 → 72; #2: 0 & 90 → 63; #3: 0 & 80 → 56
    expect(page).toContain("综合得分 72.00");
    const en = await (await call(`/c/${c.slug}?lang=en`)).text();
    expect(en).toContain("Honorees and their stories");

    const results = await (await call(`/api/campaigns/${c.slug}/results`)).json<Results>();
    expect(results.combined?.weights).toEqual({ public: 30, committee: 70 });
    // The contract's fields and order are unchanged: by likes, ranks 1, 2, 2.
    expect(results.candidates.map((r) => [r.rank, r.number, r.likes])).toEqual([
      [1, 1, 1],
      [2, 2, 0],
      [2, 3, 0],
    ]);
    expect(
      results.candidates.map((r) => [r.number, r.combinedScore, r.combinedRank, r.honoree]),
    ).toEqual([
      [1, 72, 1, true],
      [2, 63, 2, true],
      [3, 56, 3, false],
    ]);
  });

  it("never shows scores where counts are hidden", async () => {
    const c = await scoredCampaign({ showCounts: "never" });
    await publish(c.slug, [1]);
    const page = await (await call(`/c/${c.slug}`)).text();
    expect(page).toContain("先进事迹选登");
    expect(page).not.toMatch(/综合得分 \d/);
    expect((await call(`/api/campaigns/${c.slug}/results`)).status).toBe(403);
  });

  it("exports and the 公示 carry the combined scores, weights and method", async () => {
    const c = await scoredCampaign();
    await publish(c.slug, [1, 2]);
    const raw = await (
      await asCall("observer", `/api/admin/campaigns/${c.slug}/export.csv`)
    ).arrayBuffer();
    const csv = new TextDecoder("utf-8", { ignoreBOM: true, fatal: false }).decode(raw);
    const lines = csv.replace(/^\uFEFF/, "").split("\r\n");
    expect(lines[0]).toBe(
      "名次,编号,姓名,职务,单位,分组,票数,大众得分,评委得分,综合得分,综合名次,当选",
    );
    expect(lines[1]).toMatch(/^1,1,候选人1,.*,1,100\.00,60\.00,72\.00,1,当选$/);
    const body = await (
      await asCall("observer", `/api/admin/campaigns/${c.slug}/export.json`)
    ).json<{
      sha256: string;
      combined: { weights: { public: number }; method: string; rows: unknown[] };
    }>();
    expect(body.combined.weights.public).toBe(30);
    expect(body.combined.rows).toHaveLength(3);
    const digest = [...new Uint8Array(await crypto.subtle.digest("SHA-256", raw))]
      .map((b) => b.toString(16).padStart(2, "0"))
      .join("");
    expect(body.sha256).toBe(digest);
    const notice = await (await asCall("admin", `/admin/c/${c.slug}/notice`)).text();
    expect(notice).toContain("综合评定结果");
    expect(notice).toContain("72.00");
    expect(notice).toContain("大众得分 × 30% + 评委得分 × 70%");
  });
});
