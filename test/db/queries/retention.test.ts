import { runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { ledgerHead } from "../../../src/db/queries/checkpoints";
import { purgeExpiredDetail } from "../../../src/db/queries/retention";
import { runScheduled } from "../../../src/scheduled";
import { shardName, shardStub } from "../../../src/shards/barrier";
import { call, db, holdFlushes, like, makeCampaign, reconcile } from "../../helpers";

const DAY = 86_400_000;

async function ledger(campaignId: number) {
  const { results } = await env.DB.prepare(
    "SELECT voter_hash, ip_hash, ip_prefix_hash, idempotency_key, receipt FROM likes WHERE campaign_id = ? ORDER BY id",
  )
    .bind(campaignId)
    .all<{
      voter_hash: string;
      ip_hash: string;
      ip_prefix_hash: string;
      idempotency_key: string | null;
      receipt: string;
    }>();
  return results;
}

describe("retention", () => {
  it("drops who-liked detail after the retention period, keeping counts, receipts and the chain", async () => {
    const c = await makeCampaign({ retentionDays: 7 });
    const first = await like(c.slug, 1, { headers: { "Idempotency-Key": "k-1" } });
    const receipt = (await first.json<{ receipt: string }>()).receipt;
    await like(c.slug, 2);
    const now = Date.now();
    await runScheduled(env, now); // seals
    const head = await ledgerHead(db(), c.id);
    const before = await reconcile(c.id);

    // Published 6 days ago: not yet.
    await env.DB.prepare("UPDATE campaigns SET published_at = ? WHERE id = ?")
      .bind(now - 6 * DAY, c.id)
      .run();
    await purgeExpiredDetail(db(), now);
    expect((await ledger(c.id))[0]?.ip_hash).toMatch(/^[0-9a-f]{32}$/);

    // 8 days ago: purged.
    await env.DB.prepare("UPDATE campaigns SET published_at = ? WHERE id = ?")
      .bind(now - 8 * DAY, c.id)
      .run();
    await runScheduled(env, now);
    const rows = await ledger(c.id);
    expect(rows).toHaveLength(2);
    for (const r of rows) {
      expect(r.voter_hash).toMatch(/^purged-\d+$/);
      expect(r.ip_hash).toBe("");
      expect(r.ip_prefix_hash).toBe("");
      expect(r.idempotency_key).toBeNull();
    }
    const days = await env.DB.prepare("SELECT COUNT(*) AS n FROM voter_days WHERE campaign_id = ?")
      .bind(c.id)
      .first<{ n: number }>();
    expect(days?.n).toBe(0);
    expect(await reconcile(c.id)).toEqual(before);
    expect(await ledgerHead(db(), c.id)).toEqual(head);
    const check = await call(`/api/campaigns/${c.slug}/receipts/${receipt}`);
    expect(check.status).toBe(200);
    expect(await check.json()).toMatchObject({ status: "counted", number: 1 });
    const audit = await env.DB.prepare(
      "SELECT actor FROM audit_log WHERE campaign_id = ? AND action = 'retention.purge'",
    )
      .bind(c.id)
      .all();
    expect(audit.results).toEqual([{ actor: "system (retention)" }]);
  });

  it("erases the like shards' own copies too, once", async () => {
    const c = await makeCampaign({ retentionDays: 7, shards: 2 });
    const shardRows = async () => {
      let rows = 0;
      let identities = 0;
      for (const i of [0, 1]) {
        await runInDurableObject(shardStub(env, shardName(c.id, i)), (_instance, state) => {
          const row = state.storage.sql
            .exec<{ n: number; who: number }>(
              `SELECT COUNT(*) AS n,
                      COUNT(CASE WHEN voter_hash <> '' OR ip_hash <> '' THEN 1 END) AS who
               FROM likes`,
            )
            .one();
          rows += row.n;
          identities += row.who;
        });
      }
      return { rows, identities };
    };
    for (let i = 0; i < 4; i++) {
      expect((await like(c.slug, 1 + (i % 2), { ip: `198.51.100.${60 + i}` })).status).toBe(201);
    }
    const now = Date.now();
    await runScheduled(env, now); // seals
    expect(await shardRows()).toEqual({ rows: 4, identities: 4 });

    // Not due yet: the shards keep their rows (the day rules and replays read them).
    await env.DB.prepare("UPDATE campaigns SET published_at = ? WHERE id = ?")
      .bind(now - 6 * DAY, c.id)
      .run();
    await runScheduled(env, now);
    expect((await shardRows()).rows).toBe(4);

    await env.DB.prepare("UPDATE campaigns SET published_at = ? WHERE id = ?")
      .bind(now - 8 * DAY, c.id)
      .run();
    await runScheduled(env, now);
    expect(await shardRows()).toEqual({ rows: 0, identities: 0 });
    await runScheduled(env, now); // once: no second entry
    expect((await ledger(c.id)).map((r) => r.ip_hash)).toEqual(["", "", "", ""]);
    const audit = await env.DB.prepare(
      "SELECT actor, after FROM audit_log WHERE campaign_id = ? AND action = 'retention.shards'",
    )
      .bind(c.id)
      .all<{ actor: string; after: string }>();
    expect(audit.results).toHaveLength(1);
    expect(audit.results[0]?.actor).toBe("system (retention)");
    expect(JSON.parse(audit.results[0]?.after ?? "{}")).toEqual({ shards: 2, likes: 4 });
    // Counts and receipts stay in D1.
    expect((await reconcile(c.id)).reduce((s, r) => s + r.counter, 0)).toBe(4);
  });

  it("flushes a like its shard still holds before erasing the shard's copy", async () => {
    const c = await makeCampaign({ shards: 1 });
    await holdFlushes(c, 1);
    const res = await like(c.slug, 1, { ip: "198.51.100.80" });
    expect(res.status).toBe(201);
    const { receipt } = await res.json<{ receipt: string }>();
    const stub = shardStub(env, shardName(c.id, 0));
    expect((await stub.stats()).pending).toBe(1);
    expect(await stub.purgeDetail()).toBe(1);
    expect((await stub.stats()).pending).toBe(0);
    expect((await ledger(c.id)).map((r) => r.receipt)).toEqual([receipt]);
    expect(await stub.receipt(receipt)).toBeNull();
  });

  it("waits until every row is sealed, and never touches campaigns without a retention period", async () => {
    const keep = await makeCampaign({ retentionDays: null, publishedAt: Date.now() - 400 * DAY });
    const unsealed = await makeCampaign({ retentionDays: 0 });
    await env.DB.prepare("UPDATE campaigns SET published_at = ? WHERE id = ?")
      .bind(Date.now() - DAY, unsealed.id)
      .run();
    await env.DB.prepare(
      `INSERT INTO likes (campaign_id, nominee_id, voter_hash, ip_hash, day, created_at, receipt)
       SELECT ?1, id, 'v', 'i', '2026-11-29', 1, 'RET-' || ?1 FROM nominees WHERE campaign_id = ?1 AND number = 1`,
    )
      .bind(unsealed.id)
      .run();
    await purgeExpiredDetail(db(), Date.now());
    expect((await ledger(unsealed.id))[0]?.voter_hash).toBe("v");
    expect((await ledger(keep.id)).length).toBe(0);
    const row = await env.DB.prepare("SELECT detail_purged_at FROM campaigns WHERE id = ?")
      .bind(keep.id)
      .first<{ detail_purged_at: number | null }>();
    expect(row?.detail_purged_at).toBeNull();
  });

  it("counts from the close when a campaign is closed and never published", async () => {
    const c = await makeCampaign({ retentionDays: 3 });
    await like(c.slug, 1);
    await runScheduled(env, Date.now());
    await env.DB.prepare("UPDATE campaigns SET closed_at = ? WHERE id = ?")
      .bind(Date.now() - 2 * DAY, c.id)
      .run();
    await purgeExpiredDetail(db(), Date.now());
    expect((await ledger(c.id))[0]?.ip_hash).not.toBe("");
    await env.DB.prepare("UPDATE campaigns SET closed_at = ? WHERE id = ?")
      .bind(Date.now() - 4 * DAY, c.id)
      .run();
    await purgeExpiredDetail(db(), Date.now());
    expect((await ledger(c.id))[0]?.ip_hash).toBe("");
  });

  it("keeps the identity columns locked while a campaign's detail is kept", async () => {
    const c = await makeCampaign();
    await like(c.slug, 1);
    await expect(
      env.DB.prepare("UPDATE likes SET voter_hash = 'x' WHERE campaign_id = ?").bind(c.id).run(),
    ).rejects.toThrow(/immutable/);
    await expect(
      env.DB.prepare("UPDATE likes SET ip_prefix_hash = 'x' WHERE campaign_id = ?")
        .bind(c.id)
        .run(),
    ).rejects.toThrow(/immutable/);
    await expect(
      env.DB.prepare("UPDATE likes SET signals = 7 WHERE campaign_id = ?").bind(c.id).run(),
    ).rejects.toThrow(/immutable/);
  });
});
