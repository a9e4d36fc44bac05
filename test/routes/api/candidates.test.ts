import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { call, like, makeCampaign } from "../../helpers";

type Item = { number: number; name: string; unit: string; group: string; likes?: number };

async function list(slug: string, query = "") {
  const res = await call(`/api/campaigns/${slug}/candidates${query}`);
  return {
    res,
    body: res.status === 200 ? await res.json<{ items: Item[]; total: number }>() : null,
  };
}

describe("GET /api/campaigns/:slug/candidates", () => {
  it("lists nominees by number with the contract's fields", async () => {
    const c = await makeCampaign({ count: 4 });
    const { res, body } = await list(c.slug);
    expect(res.status).toBe(200);
    expect(body?.total).toBe(4);
    expect(body?.items.map((i) => i.number)).toEqual([1, 2, 3, 4]);
    expect(body?.items[0]).toEqual({
      number: 1,
      name: "候选人1",
      position: "科长",
      unit: "临县信访局1",
      group: "县市区",
      headline: "事迹标题1",
      photoUrl: `/portraits/${c.slug}/1.svg`,
      honoree: false,
      likes: 0,
    });
  });

  it("searches name, number and unit with q", async () => {
    const c = await makeCampaign({ count: 12 });
    const numbers = async (q: string) =>
      (await list(c.slug, `?q=${encodeURIComponent(q)}`)).body?.items.map((i) => i.number);
    expect(await numbers("候选人1")).toEqual([1, 10, 11, 12]);
    expect(await numbers("7")).toEqual([7]);
    expect(await numbers("07")).toEqual([7]);
    expect(await numbers("7号")).toEqual([7]);
    expect(await numbers("市信访局")).toEqual([2, 4, 6, 8, 10, 12]);
    expect(await numbers("临县信访局3")).toEqual([3]);
    expect(await numbers("nobody")).toEqual([]);
    // LIKE wildcards are literal text, not patterns.
    expect(await numbers("%")).toEqual([]);
    expect(await numbers("_")).toEqual([]);
    expect(await numbers("  ")).toHaveLength(12);
  });

  // An outside review got D1_ERROR "LIKE or GLOB pattern too complex" (500) from these: SQLite's
  // LIKE pattern limit is 50 bytes, so 17 Chinese characters, 49 ASCII ones or 25 escaped `%` broke it.
  it("answers any q up to 100 characters with the right matches, never a 500", async () => {
    const c = await makeCampaign({ count: 4 });
    const longName = "长".repeat(100);
    const longUnit = `${"a".repeat(60)}%_${"b".repeat(38)}`;
    await env.DB.prepare("UPDATE nominees SET name = ? WHERE campaign_id = ? AND number = 3")
      .bind(longName, c.id)
      .run();
    await env.DB.prepare("UPDATE nominees SET unit = ? WHERE campaign_id = ? AND number = 4")
      .bind(longUnit, c.id)
      .run();
    const numbers = async (q: string) => {
      const { res, body } = await list(c.slug, `?q=${encodeURIComponent(q)}`);
      expect(res.status, q).toBe(200);
      return body?.items.map((i) => i.number);
    };
    expect(await numbers("长".repeat(17))).toEqual([3]);
    expect(await numbers("长".repeat(100))).toEqual([3]);
    expect(await numbers(`${"长".repeat(99)}短`)).toEqual([]);
    expect(await numbers("a".repeat(49))).toEqual([4]);
    expect(await numbers(longUnit)).toEqual([4]);
    expect(await numbers("%".repeat(25))).toEqual([]);
    expect(await numbers("%".repeat(100))).toEqual([]);
    expect(await numbers("_".repeat(100))).toEqual([]);
    // `%` and `_` are literal characters: they match only where the text holds them.
    expect(await numbers("a%_b")).toEqual([4]);
    expect(await numbers("a_%b")).toEqual([]);
    // ASCII letters still match regardless of case, as LIKE did.
    expect(await numbers("A".repeat(49))).toEqual([4]);
  });

  it("filters by group", async () => {
    const c = await makeCampaign({ count: 5 });
    const { body } = await list(c.slug, `?group=${encodeURIComponent("市直单位")}`);
    expect(body?.items.map((i) => [i.number, i.group])).toEqual([
      [2, "市直单位"],
      [4, "市直单位"],
    ]);
  });

  it("sorts by likes (then number) when asked", async () => {
    const c = await makeCampaign({ count: 3 });
    await like(c.slug, 3);
    await like(c.slug, 3, { ip: "203.0.113.8" });
    await like(c.slug, 2);
    const { body } = await list(c.slug, "?sort=likes");
    expect(body?.items.map((i) => [i.number, i.likes])).toEqual([
      [3, 2],
      [2, 1],
      [1, 0],
    ]);
  });

  it("hides likes, and refuses sorting by them, while counts are hidden", async () => {
    const c = await makeCampaign({ showCounts: "never" });
    await like(c.slug, 2);
    const { body } = await list(c.slug);
    for (const item of body?.items ?? []) expect(item).not.toHaveProperty("likes");
    const { res } = await list(c.slug, "?sort=likes");
    expect(res.status).toBe(400);
    expect((await res.json<{ error: { code: string } }>()).error.code).toBe("invalid_query");
  });

  it("answers 400 invalid_query for bad parameters", async () => {
    const c = await makeCampaign();
    for (const q of [
      "?sort=name",
      `?q=${"长".repeat(101)}`,
      "?sort=likes&sort=number",
      "?q=a&q=b",
    ]) {
      const { res } = await list(c.slug, q);
      expect(res.status, q).toBe(400);
      expect(await res.json()).toEqual({
        error: {
          code: "invalid_query",
          message: expect.any(String),
          issues: [
            expect.objectContaining({ path: expect.any(String), message: expect.any(String) }),
          ],
        },
      });
    }
  });

  it("answers 404 for an unknown campaign", async () => {
    const { res } = await list("no-such-campaign");
    expect(res.status).toBe(404);
    expect((await res.json<{ error: { code: string } }>()).error.code).toBe("campaign_not_found");
  });
});

describe("GET /api/campaigns/:slug/candidates/:number", () => {
  it("answers the profile with story paragraphs and photos", async () => {
    const c = await makeCampaign();
    await like(c.slug, 2);
    const res = await call(`/api/campaigns/${c.slug}/candidates/2`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      number: 2,
      name: "候选人2",
      position: "科长",
      unit: "市信访局2",
      group: "市直单位",
      headline: "事迹标题2",
      story: ["第一段", "第二段"],
      photos: [{ url: `/portraits/${c.slug}/2.svg`, caption: "照片2" }],
      honoree: false,
      likes: 1,
    });
  });

  it("hides likes on the profile while counts are hidden", async () => {
    const c = await makeCampaign({ showCounts: "after_close" });
    const body = await (await call(`/api/campaigns/${c.slug}/candidates/1`)).json();
    expect(body).not.toHaveProperty("likes");
  });

  it("answers 404 candidate_not_found for unknown or malformed numbers", async () => {
    const c = await makeCampaign();
    for (const n of ["4", "0", "abc", "01", "1e3", "-2", "%20"]) {
      const res = await call(`/api/campaigns/${c.slug}/candidates/${n}`);
      expect(res.status, n).toBe(404);
      expect((await res.json<{ error: { code: string } }>()).error.code).toBe(
        "candidate_not_found",
      );
    }
  });
});
