import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { sealLedger } from "../../../src/db/queries/checkpoints";
import { GENESIS } from "../../../src/domain/ledger-chain";
import { call, db, like, makeCampaign } from "../../helpers";

interface Head {
  slug: string;
  seq: number;
  count?: number;
  hash: string;
  time: string | null;
  checkpoints?: { seq: number; count?: number; hash: string; time: string }[];
  next?: string | null;
}

/** `n` checkpoints for a campaign straight into the table (a month of per-minute seals, scaled). */
async function insertCheckpoints(campaignId: number, n: number) {
  await env.DB.prepare(
    `WITH RECURSIVE s(seq) AS (SELECT 1 UNION ALL SELECT seq + 1 FROM s WHERE seq < ?2)
     INSERT INTO ledger_checkpoints (campaign_id, seq, row_count, last_like_id, hash, prev_hash, created_at)
     SELECT ?1, seq, seq * 3, seq * 3, printf('%064x', seq), printf('%064x', seq - 1), 1764547200000 + seq * 60000 FROM s`,
  )
    .bind(campaignId, n)
    .run();
}

describe("GET /api/campaigns/:slug/ledger", () => {
  it("publishes the genesis before the first seal, then the newest checkpoint", async () => {
    const c = await makeCampaign();
    const empty = await (await call(`/api/campaigns/${c.slug}/ledger`)).json<Head>();
    expect(empty).toMatchObject({ slug: c.slug, seq: 0, count: 0, hash: GENESIS, time: null });
    await like(c.slug, 1);
    await sealLedger(db(), c.id, Date.now());
    await like(c.slug, 2);
    const second = await sealLedger(db(), c.id, Date.now());
    const res = await call(`/api/campaigns/${c.slug}/ledger?history=1`);
    expect(res.status).toBe(200);
    const head = await res.json<Head>();
    expect(head).toMatchObject({ seq: 2, count: 2, hash: second?.hash });
    expect(head.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/);
    expect(head.checkpoints?.map((k) => [k.seq, k.count])).toEqual([
      [1, 1],
      [2, 2],
    ]);
  });

  it("leaves the counts out while counts are hidden, but still publishes the hashes", async () => {
    const c = await makeCampaign({ showCounts: "after_close" });
    await like(c.slug, 1);
    const k = await sealLedger(db(), c.id, Date.now());
    const text = await (await call(`/api/campaigns/${c.slug}/ledger?history=1`)).text();
    const head = JSON.parse(text) as Head;
    expect(head.hash).toBe(k?.hash);
    expect(head).not.toHaveProperty("count");
    expect(head.checkpoints?.[0]).not.toHaveProperty("count");
    expect(text).not.toMatch(/"count"/);
  });

  // 43,200 checkpoints (30 days of per-minute seals) were 5.3 MB and ~1 s per request, uncached.
  it("pages the history: at most 1,000 checkpoints, oldest first, with a next link", async () => {
    const c = await makeCampaign();
    await insertCheckpoints(c.id, 2_500);
    const first = await call(`/api/campaigns/${c.slug}/ledger?history=1`);
    expect(first.status).toBe(200);
    expect(first.headers.get("Cache-Control")).toBe("no-cache");
    const firstBody = await first.json<Head>();
    // The unpaged URL keeps every field it had: the head, then the first page.
    expect(firstBody).toMatchObject({ slug: c.slug, seq: 2_500, count: 7_500 });
    expect(firstBody.checkpoints).toHaveLength(1_000);
    expect(firstBody.checkpoints?.[0]).toMatchObject({ seq: 1, count: 3 });
    expect(firstBody.next).toBe(`/api/campaigns/${c.slug}/ledger?history=1&after=1000`);
    const seen = firstBody.checkpoints?.map((k) => k.seq) ?? [];
    let next = firstBody.next;
    const pages: Response[] = [];
    while (next) {
      const res = await call(next);
      expect(res.status).toBe(200);
      pages.push(res);
      const body = await res.clone().json<Head>();
      // A page named by its cursor leaves the head out, so a full page never changes.
      expect(body).not.toHaveProperty("seq");
      expect(body).toHaveProperty("algorithm");
      seen.push(...(body.checkpoints?.map((k) => k.seq) ?? []));
      next = body.next;
    }
    expect(seen).toEqual(Array.from({ length: 2_500 }, (_, i) => i + 1));
    expect(pages).toHaveLength(2);
    // The full page is cached for a day; the last, partial one still grows.
    expect(pages[0]?.headers.get("Cache-Control")).toBe("public, max-age=86400");
    expect(pages[1]?.headers.get("Cache-Control")).toBe("no-cache");
  });

  it("takes a smaller limit, and a full page stays full-page even when it is the last", async () => {
    const c = await makeCampaign();
    await insertCheckpoints(c.id, 4);
    const page = await (
      await call(`/api/campaigns/${c.slug}/ledger?history=1&after=2&limit=2`)
    ).json<Head>();
    expect(page.checkpoints?.map((k) => k.seq)).toEqual([3, 4]);
    expect(page.next).toBe(`/api/campaigns/${c.slug}/ledger?history=1&after=4&limit=2`);
    const empty = await (await call(page.next ?? "")).json<Head>();
    expect(empty).toMatchObject({ checkpoints: [], next: null });
  });

  it("answers If-None-Match with 304 for an unchanged page and 200 once it changed", async () => {
    const c = await makeCampaign();
    await like(c.slug, 1);
    await sealLedger(db(), c.id, Date.now());
    const path = `/api/campaigns/${c.slug}/ledger?history=1&after=0&limit=5`;
    const res = await call(path);
    const etag = res.headers.get("ETag");
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    const again = await call(path, { headers: { "If-None-Match": etag ?? "" } });
    expect(again.status).toBe(304);
    expect(again.headers.get("ETag")).toBe(etag);
    await like(c.slug, 2);
    await sealLedger(db(), c.id, Date.now());
    const changed = await call(path, { headers: { "If-None-Match": etag ?? "" } });
    expect(changed.status).toBe(200);
    expect((await changed.json<Head>()).checkpoints).toHaveLength(2);
  });

  it("answers 400 invalid_query for a bad cursor or page size", async () => {
    const c = await makeCampaign();
    for (const q of [
      "after=-1",
      "after=x",
      "after=01",
      "limit=0",
      "limit=1001",
      "limit=2&limit=3",
    ]) {
      const res = await call(`/api/campaigns/${c.slug}/ledger?history=1&${q}`);
      expect(res.status, q).toBe(400);
      expect(await res.json(), q).toEqual({
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

  it("answers 404 for drafts and unknown campaigns", async () => {
    const d = await makeCampaign({ draft: true });
    expect((await call(`/api/campaigns/${d.slug}/ledger`)).status).toBe(404);
    expect((await call("/api/campaigns/nope-nope/ledger")).status).toBe(404);
  });
});
