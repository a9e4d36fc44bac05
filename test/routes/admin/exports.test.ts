import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { sealLedger } from "../../../src/db/queries/checkpoints";
import { parseCsv } from "../../../src/domain/csv";
import { sha256Hex } from "../../../src/domain/results-export";
import { db, like, makeCampaign } from "../../helpers";
import { asCall } from "./admin-helpers";

describe("exports", () => {
  it("export.csv: BOM, Chinese headers, fixed column order, ranks with ties, formula cells neutralised", async () => {
    const c = await makeCampaign({ count: 3, showCounts: "never" });
    await env.DB.prepare(
      "UPDATE nominees SET name = ?, unit = ? WHERE campaign_id = ? AND number = 2",
    )
      .bind('=HYPERLINK("http://evil")', "+cmd|' /C calc'!A0", c.id)
      .run();
    await like(c.slug, 2, { ip: "203.0.113.31" });
    await like(c.slug, 3, { ip: "203.0.113.32" });
    const res = await asCall("observer", `/api/admin/campaigns/${c.slug}/export.csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("Content-Disposition")).toContain("attachment");
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(new TextDecoder().decode(bytes));
    expect(rows[0]).toEqual(["名次", "编号", "姓名", "职务", "单位", "分组", "票数"]);
    expect(rows.slice(1).map((r) => [r[0], r[1], r[6]])).toEqual([
      ["1", "2", "1"],
      ["1", "3", "1"],
      ["3", "1", "0"],
    ]);
    expect(rows[1]?.[2]).toBe('\'=HYPERLINK("http://evil")');
    expect(rows[1]?.[4]?.startsWith("'+")).toBe(true);
    // Organizers see counts even when the public does not.
    expect(rows).toHaveLength(4);
  });

  it("export.json carries metadata, exportedAt and the sha256 of export.csv", async () => {
    const c = await makeCampaign({ count: 2 });
    await like(c.slug, 1, { ip: "203.0.113.33" });
    const csv = await (await asCall("token", `/api/admin/campaigns/${c.slug}/export.csv`)).text();
    const res = await asCall("token", `/api/admin/campaigns/${c.slug}/export.json`);
    const body = await res.json<{
      campaign: { slug: string };
      exportedAt: string;
      sha256: string;
      totalLikes: number;
      candidates: { rank: number; number: number; likes: number }[];
    }>();
    expect(body.campaign.slug).toBe(c.slug);
    expect(body.exportedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/);
    expect(body.totalLikes).toBe(1);
    expect(body.candidates[0]).toMatchObject({ rank: 1, number: 1, likes: 1 });
    // The digest is of the exact bytes export.csv serves (BOM included).
    expect(body.sha256).toBe(await sha256Hex(csv.startsWith("\uFEFF") ? csv : `\uFEFF${csv}`));
    expect(body.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("reconciles: export totals equal counted ledger rows", async () => {
    const c = await makeCampaign({ count: 4, likesPerVoterPerDay: null });
    for (let i = 0; i < 12; i++) await like(c.slug, (i % 4) + 1, { ip: `203.0.113.${40 + i}` });
    const json = await (await asCall("token", `/api/admin/campaigns/${c.slug}/export.json`)).json<{
      totalLikes: number;
    }>();
    const ledger = parseCsv(
      await (await asCall("token", `/api/admin/campaigns/${c.slug}/votes.csv?lang=en`)).text(),
    );
    expect(ledger.slice(1).filter((r) => r[5] === "counted")).toHaveLength(json.totalLikes);
    expect(json.totalLikes).toBe(12);
  });
});

describe("the ledger head in every export (DESIGN §5)", () => {
  it("rides in export.json, export.csv's Ledger-Head header and votes.csv's trailer", async () => {
    const c = await makeCampaign({ count: 2 });
    await like(c.slug, 1, { ip: "203.0.113.90" });
    await like(c.slug, 2, { ip: "203.0.113.91" });
    const k = await sealLedger(db(), c.id, Date.now());
    if (!k) throw new Error("nothing sealed");
    const json = await (
      await asCall("observer", `/api/admin/campaigns/${c.slug}/export.json`)
    ).json<{ ledger: { count: number; hash: string; seq: number } }>();
    expect(json.ledger).toMatchObject({ count: 2, hash: k.hash, seq: 1 });
    const csv = await asCall("observer", `/api/admin/campaigns/${c.slug}/export.csv`);
    expect(csv.headers.get("Ledger-Head")).toBe(`count=2; hash=${k.hash}; seq=1`);
    const votes = await (
      await asCall("observer", `/api/admin/campaigns/${c.slug}/votes.csv`)
    ).text();
    expect(votes).toContain(`#ledger_head,2,${k.hash},`);
  });
});
