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

  it("answers 404 for drafts and unknown campaigns", async () => {
    const d = await makeCampaign({ draft: true });
    expect((await call(`/api/campaigns/${d.slug}/ledger`)).status).toBe(404);
    expect((await call("/api/campaigns/nope-nope/ledger")).status).toBe(404);
  });
});
