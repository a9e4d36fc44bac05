import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { parseCsv } from "../../../src/domain/csv";
import { call, like, makeCampaign, reconcile, voterCookie } from "../../helpers";
import { asCall, errorCode, json } from "./admin-helpers";

async function ledger(slug: string): Promise<string[][]> {
  const res = await asCall("observer", `/api/admin/campaigns/${slug}/votes.csv?lang=en`);
  expect(res.status).toBe(200);
  // Ledger rows only: the status-change events and the trailer are the lines starting with #.
  return parseCsv(await res.text()).filter((r) => !r[0]?.startsWith("#"));
}

describe("voiding likes", () => {
  it("voids a voter's likes with a reason: counts drop at once, repeating changes nothing", async () => {
    const c = await makeCampaign({ count: 3 });
    const first = await like(c.slug, 1, { ip: "198.51.100.77" });
    const cookie = voterCookie(first);
    await like(c.slug, 2, { cookie, ip: "198.51.100.77" });
    await like(c.slug, 2, { ip: "198.51.100.78" }); // someone else
    const rows = await ledger(c.slug);
    const voterHash = rows[1]?.[3];
    expect(voterHash).toMatch(/^[0-9a-f]{32}$/);

    const res = await asCall(
      "admin",
      `/api/admin/campaigns/${c.slug}/votes/void`,
      json({ voterHash, reason: "同一设备批量点赞" }),
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ voided: 2 });
    const results = await (await call(`/api/campaigns/${c.slug}/results`)).json<{
      totalLikes: number;
      candidates: { number: number; likes: number; voidedLikes: number }[];
    }>();
    expect(results.totalLikes).toBe(1);
    expect(results.candidates.find((r) => r.number === 2)).toMatchObject({
      likes: 1,
      voidedLikes: 1,
    });
    for (const r of await reconcile(c.id)) {
      expect(r.counter).toBe(r.counted);
      expect(r.voidedCounter).toBe(r.voided);
    }

    const again = await asCall(
      "admin",
      `/api/admin/campaigns/${c.slug}/votes/void`,
      json({ voterHash, reason: "同一设备批量点赞" }),
    );
    expect(await again.json()).toEqual({ voided: 0 });

    const after = await ledger(c.slug);
    const voided = after.filter((r) => r[5] === "voided");
    expect(voided).toHaveLength(2);
    expect(voided[0]?.[6]).toBe("同一设备批量点赞");
    expect(voided[0]?.[7]).toBe("内置管理员（自称：王主任） (admin, session)");

    const audit = await (await asCall("observer", `/api/admin/audit?campaign=${c.slug}`)).json<{
      entries: { action: string; after: unknown }[];
    }>();
    expect(audit.entries.filter((e) => e.action === "votes.void").map((e) => e.after)).toEqual([
      { voided: 0 },
      { voided: 2 },
    ]);
  });

  it("voids by IP hash and by time range", async () => {
    const c = await makeCampaign({ count: 2, likesPerVoterPerDay: null });
    for (let i = 0; i < 3; i++) await like(c.slug, 1, { ip: "192.0.2.9" });
    await like(c.slug, 2, { ip: "192.0.2.10" });
    const ipHash = (await ledger(c.slug))[1]?.[4];
    const byIp = await asCall(
      "token",
      `/api/admin/campaigns/${c.slug}/votes/void`,
      json({ ipHash, reason: "同一IP刷票" }),
    );
    expect(await byIp.json()).toEqual({ voided: 3 });
    const all = await asCall(
      "token",
      `/api/admin/campaigns/${c.slug}/votes/void`,
      json({
        from: "2000-01-01T00:00:00+08:00",
        to: "2100-01-01T00:00:00+08:00",
        reason: "测试：整段作废",
      }),
    );
    expect(await all.json()).toEqual({ voided: 1 });
    expect((await reconcile(c.id)).every((r) => r.counter === 0 && r.counted === 0)).toBe(true);
  });

  it("requires a reason and at least one filter", async () => {
    const c = await makeCampaign();
    const noReason = await asCall(
      "admin",
      `/api/admin/campaigns/${c.slug}/votes/void`,
      json({ ipHash: "0".repeat(32) }),
    );
    expect(noReason.status).toBe(400);
    const noFilter = await asCall(
      "admin",
      `/api/admin/campaigns/${c.slug}/votes/void`,
      json({ reason: "x" }),
    );
    expect(noFilter.status).toBe(400);
    expect(await errorCode(noFilter)).toBe("invalid_body");
  });

  it("keeps a voided row's reason mandatory even for direct SQL", async () => {
    const c = await makeCampaign();
    await like(c.slug, 1);
    await expect(
      env.DB.prepare("UPDATE likes SET status = 'voided' WHERE campaign_id = ?").bind(c.id).run(),
    ).rejects.toThrow(/reason/);
  });
});

describe("votes.csv", () => {
  it("streams the whole ledger in order, in pages, at 100,000 likes", async () => {
    const c = await makeCampaign({ count: 10 });
    // Bulk-load through the real ledger (triggers included) with a recursive CTE.
    const total = 100_000;
    for (let start = 0; start < total; start += 25_000) {
      await env.DB.prepare(
        `WITH RECURSIVE seq(i) AS (SELECT ?1 UNION ALL SELECT i + 1 FROM seq WHERE i + 1 < ?2)
         INSERT INTO likes (campaign_id, nominee_id, voter_hash, ip_hash, day, slot, created_at, status, receipt)
         SELECT ?3, (SELECT id FROM nominees WHERE campaign_id = ?3 AND number = (i % 10) + 1),
                printf('%032x', i), printf('%032x', i % 500), '2026-11-29', 1, 1764400000000 + i, 'counted',
                printf('R%011d', i)
         FROM seq WHERE true`,
      )
        .bind(start, Math.min(start + 25_000, total), c.id)
        .run();
    }
    const res = await asCall("observer", `/api/admin/campaigns/${c.slug}/votes.csv`);
    expect(res.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    const reader = res.body?.getReader();
    let chunks = 0;
    let lines = 0;
    let last = "";
    let firstBytes: Uint8Array | undefined;
    const decoder = new TextDecoder();
    for (;;) {
      const { done, value } = (await reader?.read()) ?? { done: true, value: undefined };
      if (done || !value) break;
      firstBytes ??= value.slice(0, 3);
      chunks++;
      const text = last + decoder.decode(value, { stream: true });
      const parts = text.split("\r\n");
      last = parts.pop() ?? "";
      lines += parts.length;
    }
    expect([...(firstBytes ?? [])]).toEqual([0xef, 0xbb, 0xbf]);
    expect(lines).toBe(total + 4); // header + every row + the three ledger trailer lines
    expect(chunks).toBeGreaterThan(40); // many pages, never the whole ledger at once
    const rows = await reconcile(c.id);
    expect(rows.reduce((s, r) => s + r.counter, 0)).toBe(total);
  }, 90_000);
});
