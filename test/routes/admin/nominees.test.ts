import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { NOMINEES_GBK_CSV, NOMINEES_UTF8_BOM_CSV } from "../../fixtures/spreadsheets";
import { call, like, makeCampaign } from "../../helpers";
import { asCall, errorCode, json } from "./admin-helpers";

type Preview = {
  dryRun: boolean;
  format: string;
  encoding?: string;
  valid: number;
  invalid: number;
  rows: { row: number; errors: string[]; nominee?: { number: number; name: string } }[];
};

function upload(slug: string, bytes: Uint8Array | string, query: string, type = "text/csv") {
  return asCall("admin", `/api/admin/campaigns/${slug}/nominees/import${query}`, {
    method: "POST",
    headers: { "Content-Type": type },
    body: bytes,
  });
}

describe("nominee management", () => {
  it("adds, edits and deletes nominees, with audit entries", async () => {
    const c = await makeCampaign({ count: 2 });
    const created = await asCall(
      "admin",
      `/api/admin/campaigns/${c.slug}/nominees`,
      json({ name: "张瑞", unit: "中阳县金罗镇", group: "县市区", story: ["一", "二"] }),
    );
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ number: 3, name: "张瑞", likes: 0 });
    const clash = await asCall(
      "admin",
      `/api/admin/campaigns/${c.slug}/nominees`,
      json({ name: "重复", number: 1 }),
    );
    expect(clash.status).toBe(409);
    const edited = await asCall("admin", `/api/admin/campaigns/${c.slug}/nominees/3`, {
      method: "PATCH",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ headline: "用心用情撑起一片责任蓝天" }),
    });
    expect(await edited.json()).toMatchObject({ number: 3, headline: "用心用情撑起一片责任蓝天" });
    expect(
      (await asCall("admin", `/api/admin/campaigns/${c.slug}/nominees/3`, { method: "DELETE" }))
        .status,
    ).toBe(204);
    expect((await call(`/api/campaigns/${c.slug}/candidates/3`)).status).toBe(404);
    const audit = await (await asCall("observer", `/api/admin/audit?campaign=${c.slug}`)).json<{
      entries: { action: string }[];
    }>();
    expect(audit.entries.map((e) => e.action)).toEqual([
      "nominee.delete",
      "nominee.update",
      "nominee.create",
    ]);
  });

  it("keeps nominees with likes and numbers once voting has begun", async () => {
    const c = await makeCampaign({ count: 3 });
    expect(
      (
        await asCall(
          "admin",
          `/api/admin/campaigns/${c.slug}/nominees/reorder`,
          json({ order: [3, 1, 2] }),
        )
      ).status,
    ).toBe(200);
    const names = (
      await (
        await call(`/api/campaigns/${c.slug}/candidates`)
      ).json<{ items: { number: number; name: string }[] }>()
    ).items;
    expect(names.map((n) => [n.number, n.name])).toEqual([
      [1, "候选人3"],
      [2, "候选人1"],
      [3, "候选人2"],
    ]);
    await like(c.slug, 1);
    const reorder = await asCall(
      "admin",
      `/api/admin/campaigns/${c.slug}/nominees/reorder`,
      json({ order: [1, 2, 3] }),
    );
    expect(reorder.status).toBe(409);
    const del = await asCall("admin", `/api/admin/campaigns/${c.slug}/nominees/1`, {
      method: "DELETE",
    });
    expect(del.status).toBe(409);
    expect(await errorCode(del)).toBe("nominee_has_likes");
  });
});

describe("bulk import", () => {
  it("previews a GBK file as Excel saves it, then imports it", async () => {
    const c = await makeCampaign({ count: 0 });
    const preview = await upload(c.slug, NOMINEES_GBK_CSV, "?dryRun=1&filename=nominees.csv");
    expect(preview.status).toBe(200);
    const p = await preview.json<Preview>();
    expect(p).toMatchObject({ dryRun: true, format: "csv", encoding: "gbk", valid: 2, invalid: 0 });
    expect(p.rows.map((r) => r.nominee?.name)).toEqual(["陈顺", "郭宣佑"]);
    // Nothing was written by the dry run.
    expect(
      (await (await call(`/api/campaigns/${c.slug}`)).json<{ candidateCount: number }>())
        .candidateCount,
    ).toBe(0);
    const done = await upload(c.slug, NOMINEES_GBK_CSV, "?filename=nominees.csv");
    expect(done.status).toBe(201);
    expect(await done.json()).toMatchObject({ imported: 2 });
    const n1 = await (await call(`/api/campaigns/${c.slug}/candidates/1`)).json<{
      name: string;
      unit: string;
      story: string[];
    }>();
    expect(n1.name).toBe("陈顺");
    expect(n1.unit).toBe("临县信访局");
    expect(n1.story.length).toBeGreaterThanOrEqual(1);
    // The same numbers again clash with what is now there.
    const again = await upload(c.slug, NOMINEES_GBK_CSV, "");
    expect(again.status).toBe(422);
    expect((await again.json<Preview>()).invalid).toBeGreaterThan(0);
  });

  it("reads UTF-8 with a BOM the same way", async () => {
    const c = await makeCampaign({ count: 0 });
    const p = await (await upload(c.slug, NOMINEES_UTF8_BOM_CSV, "?dryRun=1")).json<Preview>();
    expect(p).toMatchObject({ encoding: "utf-8", valid: 2, invalid: 0 });
    expect(p.rows.map((r) => r.nominee?.name)).toEqual(["陈顺", "郭宣佑"]);
  });

  it("lists every bad row's errors and writes nothing", async () => {
    const c = await makeCampaign({ count: 0 });
    const csv = "编号,姓名,单位\r\n1,李凯,柳林县公安局\r\n1,,\r\nx,吕岗,交城县信访局\r\n";
    const res = await upload(c.slug, csv, "");
    expect(res.status).toBe(422);
    const body = await res.json<Preview & { error: { code: string } }>();
    expect(body.error.code).toBe("invalid_import");
    const bad = body.rows.filter((r) => r.errors.length > 0).map((r) => r.row);
    expect(bad).toEqual(expect.arrayContaining([3, 4]));
    const { results } = await env.DB.prepare(
      "SELECT COUNT(*) AS n FROM nominees WHERE campaign_id = ?",
    )
      .bind(c.id)
      .all<{ n: number }>();
    expect(results[0]?.n).toBe(0);
  });

  it("imports JSON", async () => {
    const c = await makeCampaign({ count: 0 });
    const res = await upload(
      c.slug,
      JSON.stringify([
        {
          name: "袁红利",
          unit: "离石区西属巴街道信访大厅",
          group: "县市区",
          story: "一段\n\n二段",
        },
      ]),
      "",
      "application/json",
    );
    expect(res.status).toBe(201);
    const n = await (await call(`/api/campaigns/${c.slug}/candidates/1`)).json<{
      name: string;
      story: string[];
    }>();
    expect(n).toMatchObject({ name: "袁红利", story: ["一段", "二段"] });
  });
});

describe("photos", () => {
  const png = Uint8Array.from([
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82,
  ]);

  it("stores an upload in R2 by its sniffed type and serves it with long cache headers", async () => {
    const c = await makeCampaign({ count: 1 });
    const res = await asCall(
      "admin",
      `/api/admin/campaigns/${c.slug}/nominees/1/photos?caption=${encodeURIComponent("走访群众")}`,
      {
        method: "POST",
        headers: { "Content-Type": "image/jpeg" }, // a lie: the bytes are PNG
        body: png,
      },
    );
    expect(res.status).toBe(201);
    const body = await res.json<{ photos: { url: string; caption: string }[] }>();
    const photo = body.photos.at(-1);
    expect(photo?.caption).toBe("走访群众");
    expect(photo?.url).toMatch(new RegExp(`^/media/photos/${c.slug}/1/[0-9a-f-]+\\.png$`));
    const served = await call(photo?.url ?? "");
    expect(served.status).toBe(200);
    expect(served.headers.get("Content-Type")).toBe("image/png");
    expect(served.headers.get("Cache-Control")).toContain("immutable");
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(png);
  });

  it("refuses files that are not images, and oversized ones", async () => {
    const c = await makeCampaign({ count: 1 });
    const html = await asCall("admin", `/api/admin/campaigns/${c.slug}/nominees/1/photos`, {
      method: "POST",
      headers: { "Content-Type": "image/png" },
      body: "<html><script>alert(1)</script>",
    });
    expect(html.status).toBe(415);
    const big = await asCall("admin", `/api/admin/campaigns/${c.slug}/nominees/1/photos`, {
      method: "POST",
      headers: { "Content-Type": "image/jpeg" },
      body: new Uint8Array(6 * 1024 * 1024),
    });
    expect(big.status).toBe(413);
  });
});
