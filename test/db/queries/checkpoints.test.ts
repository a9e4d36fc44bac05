import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import {
  chainRows,
  ledgerHead,
  listCheckpoints,
  sealAll,
  sealLedger,
} from "../../../src/db/queries/checkpoints";
import { changeStatus } from "../../../src/db/queries/ledger-status";
import { countsHash, extendChain, GENESIS } from "../../../src/domain/ledger-chain";
import { runScheduled } from "../../../src/scheduled";
import type { Organizer } from "../../../src/types";
import { db, insertLikes, like, makeCampaign } from "../../helpers";

async function likes(slug: string, n: number, ip = "203.0.113.40") {
  for (let i = 0; i < n; i++) {
    expect((await like(slug, (i % 3) + 1, { ip })).status).toBe(201);
  }
}

describe("ledger checkpoints", () => {
  it("seals new rows into a chain: each checkpoint continues the previous hash", async () => {
    const c = await makeCampaign();
    expect(await sealLedger(db(), c.id, Date.now())).toBeNull();
    await likes(c.slug, 5);
    const first = await sealLedger(db(), c.id, Date.now());
    const rows = await chainRows(db(), c.id, 0, 100);
    expect(first).toMatchObject({ seq: 1, rowCount: 5, prevHash: GENESIS });
    expect(first?.hash).toBe(extendChain(GENESIS, rows));
    expect(await sealLedger(db(), c.id, Date.now())).toBeNull(); // nothing new

    await likes(c.slug, 4);
    const second = await sealLedger(db(), c.id, Date.now());
    const all = await chainRows(db(), c.id, 0, 100);
    expect(second).toMatchObject({ seq: 2, rowCount: 9, prevHash: first?.hash });
    expect(second?.hash).toBe(extendChain(GENESIS, all));
    expect(second?.lastLikeId).toBe(all[all.length - 1]?.id);
  });

  it("caps a checkpoint's size and catches up over several", async () => {
    const c = await makeCampaign();
    await likes(c.slug, 7);
    expect((await sealLedger(db(), c.id, Date.now(), 3))?.rowCount).toBe(3);
    expect((await sealLedger(db(), c.id, Date.now(), 3))?.rowCount).toBe(6);
    expect((await sealLedger(db(), c.id, Date.now(), 3))?.rowCount).toBe(7);
    const all = await chainRows(db(), c.id, 0, 100);
    expect((await ledgerHead(db(), c.id))?.hash).toBe(extendChain(GENESIS, all));
  });

  it("never forks when sealers race: one checkpoint per sequence number", async () => {
    const c = await makeCampaign();
    await likes(c.slug, 6);
    const results = await Promise.all(
      Array.from({ length: 8 }, () => sealLedger(db(), c.id, Date.now())),
    );
    expect(results.filter(Boolean).length).toBeGreaterThanOrEqual(1);
    const list = await listCheckpoints(db(), c.id);
    expect(list.map((k) => k.seq)).toEqual(list.map((_, i) => i + 1));
    for (const [i, k] of list.entries()) {
      expect(k.prevHash).toBe(i === 0 ? GENESIS : list[i - 1]?.hash);
    }
    expect(list[list.length - 1]?.hash).toBe(
      extendChain(GENESIS, await chainRows(db(), c.id, 0, 100)),
    );
  });

  it("keeps checkpoints append-only, even for direct SQL", async () => {
    const c = await makeCampaign();
    await likes(c.slug, 1);
    await sealLedger(db(), c.id, Date.now());
    await expect(
      env.DB.prepare("UPDATE ledger_checkpoints SET hash = 'x' WHERE campaign_id = ?")
        .bind(c.id)
        .run(),
    ).rejects.toThrow(/append-only/);
    await expect(
      env.DB.prepare("DELETE FROM ledger_checkpoints WHERE campaign_id = ?").bind(c.id).run(),
    ).rejects.toThrow(/append-only/);
  });

  it("is run by the Cron Trigger for every campaign with new rows", async () => {
    const a = await makeCampaign();
    const b = await makeCampaign();
    await likes(a.slug, 2);
    await likes(b.slug, 3);
    await runScheduled(env, Date.now());
    expect((await ledgerHead(db(), a.id))?.rowCount).toBe(2);
    expect((await ledgerHead(db(), b.id))?.rowCount).toBe(3);
    expect(await sealAll(db(), () => Date.now(), 1000)).toBe(0);
  });

  it("seals status changes without new rows, with the counted totals of the rows it covers", async () => {
    const c = await makeCampaign({ count: 2 });
    const admin: Organizer = { role: "admin", name: "审核员", via: "token" };
    await insertLikes(c.id, [
      { number: 1, status: "held" },
      { number: 1, status: "counted" },
      { number: 2, status: "held" },
      { number: 2, status: "held" },
    ]);
    // Capped at 3 rows: the 4th (held, nominee 2) is left for the next checkpoint.
    const first = await sealLedger(db(), c.id, Date.now(), 3);
    expect(first).toMatchObject({ rowCount: 3, eventCount: 0, eventHash: GENESIS, counted: 1 });
    expect(first?.countsHash).toBe(
      countsHash([
        [1, 1],
        [2, 0],
      ]),
    );
    const released = await changeStatus(db(), c.id, {
      action: "release",
      filter: {},
      reason: "核实",
      actor: admin,
      now: Date.now(),
    });
    expect(released.rows).toBe(3);
    // The release moved the uncovered 4th row too; the checkpoint counts only the rows it covers.
    const second = await sealLedger(db(), c.id, Date.now(), 0 + 1);
    expect(second).toMatchObject({ rowCount: 4, eventCount: 3, counted: 4 });
    expect(second?.countsHash).toBe(
      countsHash([
        [1, 2],
        [2, 2],
      ]),
    );
    // Nothing new: no checkpoint. A status change alone: a checkpoint with no new rows.
    expect(await sealLedger(db(), c.id, Date.now())).toBeNull();
    await changeStatus(db(), c.id, {
      action: "void",
      filter: {},
      reason: "刷票",
      actor: admin,
      now: Date.now(),
    });
    const third = await sealLedger(db(), c.id, Date.now());
    expect(third).toMatchObject({ rowCount: 4, eventCount: 7, counted: 0, hash: second?.hash });
    expect(third?.countsHash).toBe(
      countsHash([
        [1, 0],
        [2, 0],
      ]),
    );
  });
});
