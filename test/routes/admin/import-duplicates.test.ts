import { describe, expect, it } from "vitest";
import { makeCampaign } from "../../helpers";
import { asCall } from "./admin-helpers";

const CSV =
  "姓名,单位,事迹标题\n张三,临县信访局,事迹一\n李四,兴县信访局,事迹二\n王五,岚县信访局,事迹三\n";

function importCsv(slug: string, query = "") {
  return asCall("admin", `/api/admin/campaigns/${slug}/nominees/import${query}`, {
    method: "POST",
    headers: { "Content-Type": "text/csv; charset=utf-8" },
    body: new TextEncoder().encode(CSV),
  });
}

interface Preview {
  valid: number;
  invalid: number;
  duplicates: number;
  rows: { row: number; warnings?: string[] }[];
}

describe("re-importing the same file", () => {
  it("warns, row by row, about nominees the campaign already has", async () => {
    const c = await makeCampaign({ count: 0 });
    const first = await (await importCsv(c.slug, "?dryRun=1")).json<Preview>();
    expect(first).toMatchObject({ valid: 3, invalid: 0, duplicates: 0 });
    expect(first.rows.every((r) => r.warnings === undefined)).toBe(true);
    expect((await importCsv(c.slug)).status).toBe(201);

    const again = await (await importCsv(c.slug, "?dryRun=1")).json<Preview>();
    expect(again).toMatchObject({ valid: 3, invalid: 0, duplicates: 3 });
    expect(again.rows[0]?.warnings).toEqual([
      "第2行：与现有 1号 张三（临县信访局）同名同单位，可能是重复导入",
    ]);
  });

  it("does not warn about a namesake in another unit", async () => {
    const c = await makeCampaign({ count: 2 });
    // makeCampaign's nominees are 候选人1 and 候选人2.
    const res = await asCall("admin", `/api/admin/campaigns/${c.slug}/nominees/import?dryRun=1`, {
      method: "POST",
      headers: { "Content-Type": "text/csv; charset=utf-8" },
      body: new TextEncoder().encode("姓名,单位\n候选人1,别的单位\n候选人2,市信访局2\n"),
    });
    const preview = await res.json<Preview>();
    expect(preview.duplicates).toBe(1);
    expect(preview.rows[0]?.warnings).toBeUndefined();
    expect(preview.rows[1]?.warnings?.[0]).toContain("2号 候选人2");
  });
});
