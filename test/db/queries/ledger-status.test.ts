import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { changeStatus, countMatches, listChanges } from "../../../src/db/queries/ledger-status";
import type { Organizer } from "../../../src/types";
import { db, expectReconciled, insertLikes, makeCampaign, reconcile } from "../../helpers";

const admin: Organizer = { role: "admin", name: "王主任", via: "session" } as Organizer;

async function events(campaignId: number) {
  const { results } = await env.DB.prepare(
    `SELECT e.like_id AS likeId, e.from_status AS "from", e.to_status AS "to", c.reason, c.actor, c.action
     FROM ledger_events e JOIN ledger_changes c ON c.id = e.change_id
     WHERE e.campaign_id = ? ORDER BY e.id`,
  )
    .bind(campaignId)
    .all<{
      likeId: number;
      from: string;
      to: string;
      reason: string;
      actor: string;
      action: string;
    }>();
  return results;
}

async function counters(campaignId: number, number: number) {
  return env.DB.prepare(
    `SELECT likes, held_likes AS held, voided_likes AS voided FROM nominees
     WHERE campaign_id = ? AND number = ?`,
  )
    .bind(campaignId, number)
    .first<{ likes: number; held: number; voided: number }>();
}

async function used(campaignId: number, voter: string) {
  const row = await env.DB.prepare(
    "SELECT used FROM voter_days WHERE campaign_id = ? AND voter_hash = ?",
  )
    .bind(campaignId, voter)
    .first<{ used: number }>();
  return row?.used ?? 0;
}

describe("held likes in the ledger (migration 0007 triggers)", () => {
  it("counts a held insert into held_likes, not likes, and uses the voter's quota", async () => {
    const c = await makeCampaign({ count: 2 });
    await insertLikes(c.id, [
      { number: 1, status: "held", voter: "v1" },
      { number: 2, status: "counted", voter: "v1" },
    ]);
    expect(await counters(c.id, 1)).toEqual({ likes: 0, held: 1, voided: 0 });
    expect(await counters(c.id, 2)).toEqual({ likes: 1, held: 0, voided: 0 });
    expect(await used(c.id, "v1")).toBe(2);
    const hour = await env.DB.prepare(
      "SELECT SUM(likes) AS n FROM like_hours WHERE campaign_id = ?",
    )
      .bind(c.id)
      .first<{ n: number }>();
    expect(hour?.n).toBe(1); // the chart counts counted likes only
    await expectReconciled(c.id);
  });

  it("keeps counters == ledger rows through release, void, reinstate and held → voided", async () => {
    const c = await makeCampaign({ count: 2 });
    await insertLikes(c.id, [
      ...Array.from({ length: 5 }, () => ({ number: 1, status: "held" as const })),
      ...Array.from({ length: 3 }, () => ({ number: 2, status: "held" as const })),
      { number: 2, status: "counted" as const },
    ]);
    const nominee = async (n: number) =>
      (
        await env.DB.prepare("SELECT id FROM nominees WHERE campaign_id = ? AND number = ?")
          .bind(c.id, n)
          .first<{ id: number }>()
      )?.id;
    const n1 = await nominee(1);
    const n2 = await nominee(2);
    const now = Date.now();

    const released = await changeStatus(db(), c.id, {
      action: "release",
      filter: { nomineeId: n1 },
      reason: "同一单位集中点赞，核实无误",
      actor: admin,
      now,
    });
    expect(released.rows).toBe(5);
    expect(await counters(c.id, 1)).toEqual({ likes: 5, held: 0, voided: 0 });
    await expectReconciled(c.id);

    const heldVoid = await changeStatus(db(), c.id, {
      action: "void_held",
      filter: { nomineeId: n2 },
      reason: "刷票",
      actor: admin,
      now,
    });
    expect(heldVoid.rows).toBe(3);
    expect(await counters(c.id, 2)).toEqual({ likes: 1, held: 0, voided: 3 });
    await expectReconciled(c.id);

    const voided = await changeStatus(db(), c.id, {
      action: "void",
      filter: { nomineeId: n1 },
      reason: "误放行",
      actor: admin,
      now: now + 1,
    });
    expect(voided.rows).toBe(5);
    expect(await counters(c.id, 1)).toEqual({ likes: 0, held: 0, voided: 5 });
    await expectReconciled(c.id);

    // Reinstate exactly what one decision voided, not the held→voided ones of nominee 2.
    const back = await changeStatus(db(), c.id, {
      action: "reinstate",
      filter: { change: voided.change ?? "" },
      reason: "复核后恢复",
      actor: admin,
      now: now + 2,
    });
    expect(back.rows).toBe(5);
    expect(await counters(c.id, 1)).toEqual({ likes: 5, held: 0, voided: 0 });
    expect(await counters(c.id, 2)).toEqual({ likes: 1, held: 0, voided: 3 });
    await expectReconciled(c.id);

    // The ledger keeps both facts: every change is an event with who and why.
    const log = await events(c.id);
    expect(log).toHaveLength(5 + 3 + 5 + 5);
    expect(log.filter((e) => e.from === "counted" && e.to === "voided")).toHaveLength(5);
    expect(log.filter((e) => e.from === "voided" && e.to === "counted")).toHaveLength(5);
    expect(log.at(-1)).toMatchObject({ reason: "复核后恢复", actor: "王主任 (admin, session)" });
    const reinstated = await env.DB.prepare(
      "SELECT status, void_reason AS voidReason FROM likes WHERE nominee_id = ? LIMIT 1",
    )
      .bind(n1)
      .first();
    expect(reinstated).toEqual({ status: "counted", voidReason: null });
    const audit = await env.DB.prepare(
      "SELECT action, after FROM audit_log WHERE campaign_id = ? ORDER BY id",
    )
      .bind(c.id)
      .all<{ action: string; after: string }>();
    expect(audit.results.map((a) => a.action)).toEqual([
      "votes.release",
      "votes.void_held",
      "votes.void",
      "votes.reinstate",
    ]);
    expect(JSON.parse(audit.results[3]?.after ?? "{}")).toMatchObject({ reinstated: 5 });

    const decisions = await listChanges(db(), c.id, ["void", "void_held"]);
    expect(decisions.map((d) => [d.action, d.rows, d.standing])).toEqual([
      ["void", 5, 0],
      ["void_held", 3, 3],
    ]);
  });

  it("records no decision when nothing matched", async () => {
    const c = await makeCampaign({ count: 1 });
    await insertLikes(c.id, [{ number: 1, status: "counted" }]);
    const r = await changeStatus(db(), c.id, {
      action: "release",
      filter: {},
      reason: "无",
      actor: admin,
      now: Date.now(),
    });
    expect(r).toEqual({ rows: 0, change: null });
    expect(await events(c.id)).toEqual([]);
  });

  it("refuses a status change without its own decision, and transitions the ledger does not allow", async () => {
    const c = await makeCampaign({ count: 1 });
    const [row] = await insertLikes(c.id, [{ number: 1, status: "counted" }]);
    const id = row?.id ?? 0;
    // Direct SQL without a decision (who, when, why) is refused.
    await expect(
      env.DB.prepare(
        "UPDATE likes SET status = 'voided', void_reason = 'x', voided_by = 'y' WHERE id = ?",
      )
        .bind(id)
        .run(),
    ).rejects.toThrow(/decision/);
    // counted → held is not a transition.
    await expect(
      env.DB.prepare("UPDATE likes SET status = 'held', status_change = 'z' WHERE id = ?")
        .bind(id)
        .run(),
    ).rejects.toThrow(/not allowed/);
    // Reusing the decision that set the current status is refused too.
    await changeStatus(db(), c.id, {
      action: "void",
      filter: {},
      reason: "a",
      actor: admin,
      now: Date.now(),
    });
    await expect(
      env.DB.prepare("UPDATE likes SET status = 'counted', void_reason = NULL WHERE id = ?")
        .bind(id)
        .run(),
    ).rejects.toThrow(/decision/);
    // Events and decisions cannot be rewritten.
    await expect(env.DB.prepare("DELETE FROM ledger_events").run()).rejects.toThrow(/append-only/);
    await expect(env.DB.prepare("UPDATE ledger_changes SET reason = 'x'").run()).rejects.toThrow(
      /append-only/,
    );
    await expectReconciled(c.id);
  });

  it("stays exact when a void races a release of the same likes", async () => {
    for (let round = 0; round < 3; round++) {
      const c = await makeCampaign({ count: 1 });
      await insertLikes(
        c.id,
        Array.from({ length: 40 }, (_, i) => ({
          number: 1,
          status: i % 4 === 0 ? ("counted" as const) : ("held" as const),
        })),
      );
      const now = Date.now();
      const [release, voidHeld, voidCounted] = await Promise.all([
        changeStatus(db(), c.id, { action: "release", filter: {}, reason: "r", actor: admin, now }),
        changeStatus(db(), c.id, {
          action: "void_held",
          filter: {},
          reason: "v",
          actor: admin,
          now,
        }),
        changeStatus(db(), c.id, { action: "void", filter: {}, reason: "c", actor: admin, now }),
      ]);
      // Each held row moved exactly once (release or void), whichever ran first took all 30.
      expect(release.rows + voidHeld.rows).toBe(30);
      expect([release.rows, voidHeld.rows].sort()).toEqual([0, 30]);
      await expectReconciled(c.id);
      const [r] = await reconcile(c.id);
      expect((r?.counted ?? 0) + (r?.voided ?? 0)).toBe(40);
      expect(r?.held).toBe(0);
      // Every moved row has exactly its events, in a consistent order.
      const log = await events(c.id);
      expect(log).toHaveLength(release.rows + voidHeld.rows + voidCounted.rows);
    }
  });

  it("previews how many likes a filter matches, by status", async () => {
    const c = await makeCampaign({ count: 2 });
    const t = Date.parse("2026-11-29T10:00:00+08:00");
    await insertLikes(c.id, [
      { number: 1, status: "held", network: "n1", at: t },
      { number: 1, status: "counted", network: "n1", at: t + 60_000 },
      { number: 1, status: "counted", network: "n2", at: t + 120_000 },
      { number: 2, status: "voided", network: "n1", at: t },
    ]);
    expect(await countMatches(db(), c.id, { network: "n1" })).toEqual({
      counted: 1,
      held: 1,
      voided: 1,
    });
    expect(await countMatches(db(), c.id, { from: t + 1, to: t + 120_000 })).toEqual({
      counted: 1,
      held: 0,
      voided: 0,
    });
  });
});
