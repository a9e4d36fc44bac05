import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { call, makeCampaign } from "../../helpers";
import { asCall, errorCode, json } from "../admin/admin-helpers";

const put = (token: string, number: number | string, body: unknown) =>
  call(`/api/jury/${token}/scores/${number}`, { ...json(body), method: "PUT" });

async function addJuror(slug: string, name: string) {
  const res = await asCall("admin", `/api/admin/campaigns/${slug}/jurors`, json({ name }));
  expect(res.status).toBe(201);
  return res.json<{ id: number; token: string; url: string }>();
}

type Sheet = {
  scoringClosed: boolean;
  scored: number;
  nominees: {
    number: number;
    score: number | null;
    note: string;
    panel?: { juror: string; score: number }[];
  }[];
};

describe("jurors (审定)", () => {
  it("each juror sees and writes only their own scores until scoring closes", async () => {
    const c = await makeCampaign({ count: 3 });
    const a = await addJuror(c.slug, "评委甲");
    const b = await addJuror(c.slug, "评委乙");
    expect(a.url).toBe(`http://localhost/j/${a.token}`);
    expect((await put(a.token, 1, { score: 90, note: "事迹突出" })).status).toBe(200);
    expect((await put(a.token, 1, { score: 92 })).status).toBe(200);
    expect((await put(b.token, 1, { score: 70 })).status).toBe(200);

    const sheetA = await (await call(`/api/jury/${a.token}`)).json<Sheet>();
    expect(sheetA.scoringClosed).toBe(false);
    expect(sheetA.nominees[0]).toMatchObject({ number: 1, score: 92, note: "" });
    expect(sheetA.nominees[0]?.panel).toBeUndefined();
    const textA = JSON.stringify(sheetA);
    expect(textA).not.toContain("70");
    expect(textA).not.toContain("评委乙");
    // The page does not show the other juror either.
    const page = await (await call(`/j/${a.token}`)).text();
    expect(page).toContain("评委甲");
    expect(page).not.toContain("评委乙");

    // The organizer sees progress and missing scores, not the values.
    const progress = await (await asCall("admin", `/api/admin/campaigns/${c.slug}/jurors`)).json<{
      jurors: { name: string; scored: number; missing: number }[];
      missing: { juror: string; number: number }[];
    }>();
    expect(progress.jurors.map((j) => [j.name, j.scored, j.missing])).toEqual([
      ["评委甲", 1, 2],
      ["评委乙", 1, 2],
    ]);
    expect(progress.missing).toHaveLength(4);
    expect(JSON.stringify(progress)).not.toContain("92");
    const early = await asCall("admin", `/api/admin/campaigns/${c.slug}/scores`);
    expect(early.status).toBe(409);
    expect(await errorCode(early)).toBe("scoring_open");

    // Closing: no more writes, the whole panel becomes visible to jurors and the organizer.
    const close = await asCall("admin", `/api/admin/campaigns/${c.slug}/scoring/close`, {
      method: "POST",
    });
    expect(close.status).toBe(200);
    const late = await put(a.token, 2, { score: 80 });
    expect(late.status).toBe(409);
    expect(await errorCode(late)).toBe("scoring_closed");
    const closed = await (await call(`/api/jury/${b.token}`)).json<Sheet>();
    expect(closed.scoringClosed).toBe(true);
    expect(closed.nominees[0]?.panel).toEqual([
      { juror: "评委甲", score: 92, note: "" },
      { juror: "评委乙", score: 70, note: "" },
    ]);
    const scores = await (await asCall("observer", `/api/admin/campaigns/${c.slug}/scores`)).json<{
      scores: { jurorName: string; number: number; score: number }[];
    }>();
    expect(scores.scores.map((s) => [s.jurorName, s.number, s.score])).toEqual([
      ["评委甲", 1, 92],
      ["评委乙", 1, 70],
    ]);
    const audit = await env.DB.prepare(
      "SELECT action FROM audit_log WHERE campaign_id = ? ORDER BY id",
    )
      .bind(c.id)
      .all<{ action: string }>();
    expect(audit.results.map((r) => r.action)).toEqual([
      "juror.create",
      "juror.create",
      "scoring.close",
    ]);
  });

  it("refuses bad scores, unknown nominees and revoked or renewed links", async () => {
    const c = await makeCampaign({ count: 2 });
    const a = await addJuror(c.slug, "评委甲");
    for (const body of [{ score: 101 }, { score: -1 }, { score: 50.5 }, { score: "90" }, {}]) {
      const res = await put(a.token, 1, body);
      expect(res.status).toBe(400);
      expect(await errorCode(res)).toBe("invalid_body");
    }
    expect((await put(a.token, 99, { score: 50 })).status).toBe(404);
    expect((await put(a.token, "abc", { score: 50 })).status).toBe(404);
    expect((await put(a.token, 1, { score: 60 })).status).toBe(200);

    const renewed = await asCall("admin", `/api/admin/campaigns/${c.slug}/jurors/${a.id}/link`, {
      method: "POST",
    });
    const { token: fresh } = await renewed.json<{ token: string }>();
    expect((await call(`/api/jury/${a.token}`)).status).toBe(404);
    const kept = await (await call(`/api/jury/${fresh}`)).json<Sheet>();
    expect(kept.nominees[0]?.score).toBe(60);

    await asCall("admin", `/api/admin/campaigns/${c.slug}/jurors/${a.id}/revoke`, {
      method: "POST",
    });
    const revoked = await put(fresh, 2, { score: 50 });
    expect(revoked.status).toBe(410);
    expect(await errorCode(revoked)).toBe("link_revoked");
    // An observer cannot add jurors or close scoring.
    expect(
      (await asCall("observer", `/api/admin/campaigns/${c.slug}/jurors`, json({ name: "x" })))
        .status,
    ).toBe(403);
    expect(
      (await asCall("observer", `/api/admin/campaigns/${c.slug}/scoring/close`, { method: "POST" }))
        .status,
    ).toBe(403);
  });
});

describe("the console's 评审 tab", () => {
  it("shows progress and missing scores while open, the matrix after closing", async () => {
    const c = await makeCampaign({ count: 2 });
    const a = await addJuror(c.slug, "评委甲");
    await addJuror(c.slug, "评委乙");
    await put(a.token, 1, { score: 88 });
    const open = await (await asCall("admin", `/admin/c/${c.slug}/jury`)).text();
    expect(open).toContain("缺少的打分（3）");
    expect(open).toContain("1号 候选人1、2号 候选人2");
    expect(open).not.toContain(">88<");
    expect(open).toContain('data-scoring="close"');
    await asCall("admin", `/api/admin/campaigns/${c.slug}/scoring/close`, { method: "POST" });
    const closed = await (await asCall("observer", `/admin/c/${c.slug}/jury`)).text();
    expect(closed).toContain("评审已结束");
    expect(closed).toContain(">88<");
    expect(closed).not.toContain("data-scoring=");
  });
});
