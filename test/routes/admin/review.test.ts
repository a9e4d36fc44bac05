import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { findCampaign } from "../../../src/db/queries/admin-campaigns";
import { scanAnomalies } from "../../../src/db/queries/anomalies";
import { WINDOW_MS } from "../../../src/domain/anomaly";
import { call, db, makeCampaign, reconcile } from "../../helpers";
import { asCall, json } from "./admin-helpers";

/** Writes ledger rows straight into D1 (triggers included), as a script's likes would land. */
async function ledgerRows(
  campaignId: number,
  rows: { number: number; voter: string; prefix: string; at: number; signals?: number }[],
) {
  const statements = rows.map((r, i) =>
    env.DB.prepare(
      `INSERT INTO likes (campaign_id, nominee_id, voter_hash, ip_hash, ip_prefix_hash, day, slot,
                          created_at, status, receipt, signals)
       VALUES (?1, (SELECT id FROM nominees WHERE campaign_id = ?1 AND number = ?2), ?3, 'ip', ?4,
               '2026-11-29', 1, ?5, 'counted', ?6, ?7)`,
    ).bind(
      campaignId,
      r.number,
      r.voter,
      r.prefix,
      r.at,
      `T${campaignId}-${i}-${Math.random().toString(36).slice(2, 8)}`,
      r.signals ?? 0,
    ),
  );
  for (let i = 0; i < statements.length; i += 50) await env.DB.batch(statements.slice(i, i + 50));
}

interface Flag {
  id: number;
  kind: string;
  subject: string;
  likes: number;
  countedNow: number;
  status: string;
  decisionReason: string | null;
}

async function flags(slug: string, status = "open"): Promise<Flag[]> {
  const res = await asCall("observer", `/api/admin/campaigns/${slug}/flags?status=${status}`);
  expect(res.status).toBe(200);
  return (await res.json<{ flags: Flag[] }>()).flags;
}

async function scenario() {
  const now = Date.now();
  const c = await makeCampaign({ count: 4, opensAt: now - 48 * 3600_000 });
  const base = Math.floor(now / WINDOW_MS) * WINDOW_MS - WINDOW_MS;
  // A quiet background: a few people over two days.
  await ledgerRows(
    c.id,
    Array.from({ length: 20 }, (_, i) => ({
      number: (i % 4) + 1,
      voter: `person-${i}`,
      prefix: `home-${i}`,
      at: now - 40 * 3600_000 + i * 3600_000,
    })),
  );
  // A script: 60 fresh "voters" for nominee 2 from one rented block in one window, none of
  // which ever loaded a page.
  await ledgerRows(
    c.id,
    Array.from({ length: 60 }, (_, i) => ({
      number: 2,
      voter: `bot-${i}`,
      prefix: "rented-block",
      at: base + i * 5000,
      signals: 1,
    })),
  );
  // One voter liking four nominees at machine pace.
  await ledgerRows(
    c.id,
    [1, 2, 3, 4].map((n, i) => ({
      number: n,
      voter: "metronome",
      prefix: "home-x",
      at: base + i * 300,
    })),
  );
  return c;
}

describe("anomaly review", () => {
  it("flags a burst for a nominee, a busy prefix, pageless clients and machine timing", async () => {
    const c = await scenario();
    const campaign = await findCampaign(db(), c.slug);
    if (!campaign) throw new Error("no campaign");
    expect(await scanAnomalies(db(), campaign, Date.now())).toBe(4);
    const open = await flags(c.slug);
    expect(open.map((f) => f.kind).sort()).toEqual([
      "machine_timing",
      "no_page_load",
      "nominee_burst",
      "prefix_burst",
    ]);
    expect(open.find((f) => f.kind === "nominee_burst")).toMatchObject({
      subject: "2",
      likes: 61,
      countedNow: 61,
    });
    expect(open.find((f) => f.kind === "machine_timing")).toMatchObject({
      subject: "metronome",
      likes: 4,
    });
    // Scanning again finds the same flags, not new ones.
    const again = await asCall("admin", `/api/admin/campaigns/${c.slug}/flags/scan`, json({}));
    expect(again.status).toBe(200);
    expect(await flags(c.slug)).toHaveLength(4);
  });

  it("voids a flag's likes with a reason: counts drop, rows stay, the audit log has it", async () => {
    const c = await scenario();
    await asCall("admin", `/api/admin/campaigns/${c.slug}/flags/scan`, json({}));
    const prefix = (await flags(c.slug)).find((f) => f.kind === "no_page_load");
    if (!prefix) throw new Error("no flag");
    const res = await asCall(
      "admin",
      `/api/admin/campaigns/${c.slug}/flags/${prefix.id}/void`,
      json({ reason: "同一网段脚本刷票" }),
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ voided: 60, flag: { status: "voided" } });
    const rows = await reconcile(c.id);
    for (const r of rows) {
      expect(r.counter).toBe(r.counted);
      expect(r.voidedCounter).toBe(r.voided);
    }
    expect(rows.find((r) => r.number === 2)).toMatchObject({ voided: 60 });
    // Nothing deleted: the rows are there, voided with the flag and reason.
    const { results } = await env.DB.prepare(
      "SELECT DISTINCT void_reason FROM likes WHERE campaign_id = ? AND status = 'voided'",
    )
      .bind(c.id)
      .all<{ void_reason: string }>();
    expect(results).toEqual([{ void_reason: `异常标记 #${prefix.id}：同一网段脚本刷票` }]);
    // The public sees 已核减 on the results.
    const pub = await (await call(`/api/campaigns/${c.slug}/results`)).json<{
      candidates: { number: number; voidedLikes: number }[];
    }>();
    expect(pub.candidates.find((x) => x.number === 2)?.voidedLikes).toBe(60);
    // The same likes under the overlapping nominee flag no longer count.
    const burst = (await flags(c.slug)).find((f) => f.kind === "nominee_burst");
    expect(burst?.countedNow).toBe(1);
    // Audit.
    const audit = await (await asCall("observer", `/api/admin/audit?campaign=${c.slug}`)).text();
    expect(audit).toContain("flags.void");
    expect(audit).toContain("同一网段脚本刷票");
    // Deciding again is refused and changes nothing.
    const twice = await asCall(
      "admin",
      `/api/admin/campaigns/${c.slug}/flags/${prefix.id}/clear`,
      json({ reason: "改主意" }),
    );
    expect(twice.status).toBe(409);
    expect((await flags(c.slug, "voided")).map((f) => f.id)).toEqual([prefix.id]);
  });

  it("clears a flag with a reason and keeps its likes", async () => {
    const c = await scenario();
    await asCall("admin", `/api/admin/campaigns/${c.slug}/flags/scan`, json({}));
    const timing = (await flags(c.slug)).find((f) => f.kind === "machine_timing");
    if (!timing) throw new Error("no flag");
    const res = await asCall(
      "admin",
      `/api/admin/campaigns/${c.slug}/flags/${timing.id}/clear`,
      json({ reason: "核实为本人快速操作" }),
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ voided: 0, flag: { status: "cleared" } });
    expect((await flags(c.slug, "cleared"))[0]).toMatchObject({
      decisionReason: "核实为本人快速操作",
    });
    const rows = await reconcile(c.id);
    expect(rows.reduce((s, r) => s + r.voided, 0)).toBe(0);
  });

  it("needs a reason, an admin, and a real flag", async () => {
    const c = await scenario();
    await asCall("admin", `/api/admin/campaigns/${c.slug}/flags/scan`, json({}));
    const [f] = await flags(c.slug);
    const path = `/api/admin/campaigns/${c.slug}/flags/${f?.id}/void`;
    expect((await asCall("admin", path, json({ reason: "" }))).status).toBe(400);
    expect((await asCall("admin", path, json({}))).status).toBe(400);
    expect((await asCall("observer", path, json({ reason: "x" }))).status).toBe(403);
    expect((await asCall("none", path, json({ reason: "x" }))).status).toBe(401);
    const missing = `/api/admin/campaigns/${c.slug}/flags/999999/void`;
    expect((await asCall("admin", missing, json({ reason: "x" }))).status).toBe(404);
    expect(
      (
        await asCall(
          "admin",
          `/api/admin/campaigns/${c.slug}/flags/abc/void`,
          json({ reason: "x" }),
        )
      ).status,
    ).toBe(404);
    expect(
      (await asCall("observer", `/api/admin/campaigns/${c.slug}/flags?status=bogus`)).status,
    ).toBe(400);
    // Flags are never deleted, even by direct SQL.
    await expect(
      env.DB.prepare("DELETE FROM anomaly_flags WHERE id = ?").bind(f?.id).run(),
    ).rejects.toThrow(/kept/);
  });

  it("leaves an honest campaign without flags", async () => {
    const now = Date.now();
    const c = await makeCampaign({ count: 3, opensAt: now - 24 * 3600_000 });
    await ledgerRows(
      c.id,
      Array.from({ length: 30 }, (_, i) => ({
        number: (i % 3) + 1,
        voter: `v${i % 10}`,
        prefix: `p${i % 7}`,
        at: now - 20 * 3600_000 + i * 37 * 60_000,
      })),
    );
    await asCall("admin", `/api/admin/campaigns/${c.slug}/flags/scan`, json({}));
    expect(await flags(c.slug, "all")).toEqual([]);
  });
});

describe("sealing from the console", () => {
  it("seals on demand, audit-logged, and lists the checkpoints", async () => {
    const c = await scenario();
    const res = await asCall("admin", `/api/admin/campaigns/${c.slug}/ledger/seal`, json({}));
    expect(res.status).toBe(200);
    const body = await res.json<{ sealed: number; head: { count: number; hash: string } }>();
    expect(body.sealed).toBe(1);
    expect(body.head.count).toBe(84);
    const list = await (await asCall("observer", `/api/admin/campaigns/${c.slug}/ledger`)).json<{
      checkpoints: { seq: number; hash: string }[];
    }>();
    expect(list.checkpoints).toEqual([expect.objectContaining({ seq: 1, hash: body.head.hash })]);
    expect(
      (await asCall("observer", `/api/admin/campaigns/${c.slug}/ledger/seal`, json({}))).status,
    ).toBe(403);
  });
});

describe("the review page", () => {
  it("lists open flags with a decision form for admins, read-only for observers", async () => {
    const c = await scenario();
    await asCall("admin", `/api/admin/campaigns/${c.slug}/flags/scan`, json({}));
    const adminPage = await (await asCall("admin", `/admin/c/${c.slug}/review`)).text();
    expect(adminPage).toContain("候选人票数突增");
    expect(adminPage).toContain("机器般的点赞节奏");
    expect(adminPage).toContain('data-form="flag"');
    expect(adminPage).toContain("尚未封存");
    const observerPage = await (await asCall("observer", `/admin/c/${c.slug}/review`)).text();
    expect(observerPage).toContain("候选人票数突增");
    expect(observerPage).not.toContain('data-form="flag"');
    expect(observerPage).not.toContain("data-seal");
  });

  it("escapes a decision's reason", async () => {
    const c = await scenario();
    await asCall("admin", `/api/admin/campaigns/${c.slug}/flags/scan`, json({}));
    const [f] = await flags(c.slug);
    const xss = "<img src=x onerror=alert(1)>";
    await asCall(
      "admin",
      `/api/admin/campaigns/${c.slug}/flags/${f?.id}/clear`,
      json({ reason: xss }),
    );
    const text = await (await asCall("observer", `/admin/c/${c.slug}/review`)).text();
    expect(text).not.toContain(xss);
    expect(text).toContain("&lt;img src=x onerror=alert(1)&gt;");
  });
});
