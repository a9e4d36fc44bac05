import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createDb } from "../../../src/db/client";
import { frictionLevelSql, RATE_SQL } from "../../../src/db/queries/friction-sql";
import { type LikeInput, rememberCampaign } from "../../../src/db/queries/likes";
import { frictionLevel } from "../../../src/domain/friction";
import {
  castBySlug,
  countingD1,
  type D1Call,
  makeCampaign,
  random,
  reconcile,
} from "../../helpers";

/**
 * The friction level is written twice, as SQL inside the like's one statement and as
 * `frictionLevel()` in domain/friction.ts: these tests put random ledgers under both and demand
 * the same answer, and check what the like write does with it (held rows, flags, round trips).
 */

interface Row {
  prefix: string;
  nominee: number;
  at: number;
  status: "counted" | "held" | "voided";
}

async function insertRows(campaignId: number, rows: Row[], tag: string): Promise<void> {
  const statements = rows.map((r, i) =>
    env.DB.prepare(
      `INSERT INTO likes (campaign_id, nominee_id, voter_hash, ip_hash, day, slot, created_at, status,
                          receipt, ip_prefix_hash, signals)
       SELECT ?1, id, ?2, 'ip', '2026-01-01', 1, ?3, ?4, ?5, ?6, 0
       FROM nominees WHERE campaign_id = ?1 AND number = ?7`,
    ).bind(campaignId, `${tag}-v${i}`, r.at, r.status, `${tag}-R${i}`, r.prefix, r.nominee),
  );
  for (let i = 0; i < statements.length; i += 200) await env.DB.batch(statements.slice(i, i + 200));
}

/** The SQL's view of a like from `prefix` for `number` at `now`, next to the inputs it used. */
async function sqlView(slug: string, number: number, prefix: string, now: number) {
  return env.DB.prepare(
    `SELECT ${frictionLevelSql} AS level, ${RATE_SQL.network} AS network, ${RATE_SQL.pair} AS pair,
            ${RATE_SQL.nominee} AS nominee, ${RATE_SQL.voter} AS voter,
            n.likes + n.voided_likes AS total, CAST(?6 AS INTEGER) - c.opens_at AS openFor,
            c.challenge_prefix_per_minute AS networkThreshold,
            c.challenge_voter_per_minute AS voterThreshold
     FROM campaigns c JOIN nominees n ON n.campaign_id = c.id AND n.number = ?2
     WHERE c.slug = ?1`,
  )
    .bind(slug, number, "nobody", null, null, now, null, null, null, null, prefix)
    .first<{
      level: number;
      network: number;
      pair: number;
      nominee: number;
      voter: number;
      total: number;
      openFor: number;
      networkThreshold: number | null;
      voterThreshold: number | null;
    }>();
}

describe("the friction level in SQL and in domain/friction.ts", () => {
  it("agrees on random ledgers, thresholds and campaign ages", async () => {
    const now = Date.now();
    const seen = new Set<number>();
    for (const [round, threshold] of [null, 0, 5, 30].entries()) {
      const next = random(1000 + round);
      const c = await makeCampaign({
        ingest: "direct",
        count: 2,
        challengePrefixPerMinute: threshold,
        challengeVoterPerMinute: 6,
        opensAt: now - Math.floor(next() * 3_600_000),
      });
      const rows: Row[] = Array.from({ length: 200 + Math.floor(next() * 400) }, () => ({
        prefix: ["net-a", "net-b", "net-c"][Math.floor(next() ** 2 * 3)] ?? "net-a",
        nominee: next() < 0.8 ? 1 : 2,
        // Mostly inside the last 10 minutes, some older, some right at the window edges.
        at: now - Math.floor(next() ** 3 * 15 * 60_000),
        status: next() < 0.7 ? "counted" : next() < 0.5 ? "held" : "voided",
      }));
      await insertRows(c.id, rows, `r${round}`);
      for (const prefix of ["net-a", "net-b", "net-c", "net-z"]) {
        for (const number of [1, 2]) {
          const s = await sqlView(c.slug, number, prefix, now);
          if (!s) throw new Error("no row");
          // The counts are what the ledger holds (every status counts as recorded)…
          const n = (win: number, f: (r: Row) => boolean) =>
            Math.min(1000, rows.filter((r) => r.at > now - win && f(r)).length);
          expect(s.network).toBe(n(60_000, (r) => r.prefix === prefix));
          expect(s.pair).toBe(n(600_000, (r) => r.prefix === prefix && r.nominee === number));
          expect(s.nominee).toBe(n(60_000, (r) => r.nominee === number));
          // …and the level from them is the domain's.
          const level = frictionLevel({
            networkRecent: s.network,
            pairRecent: s.pair,
            nomineeRecent: s.nominee,
            nomineeTotal: s.total,
            openFor: s.openFor,
            networkThreshold: s.networkThreshold,
            voterRecent: s.voter,
            voterThreshold: s.voterThreshold,
          });
          expect(s.level, `round ${round} ${prefix} #${number}`).toBe(level);
          seen.add(level);
        }
      }
    }
    // The ledgers reach well up the curve, not only the quiet bottom of it.
    expect(seen.size).toBeGreaterThanOrEqual(5);
    expect(Math.max(...seen)).toBeGreaterThanOrEqual(5);
  });
});

let receipts = 0;
function input(
  slug: string,
  number: number,
  voter: string,
  now: number,
  net = "net-x",
): Omit<LikeInput, "campaign"> {
  return {
    slug,
    number,
    voterHash: voter,
    ipHash: "ip-hash",
    ipPrefixHash: net,
    proof: null,
    receipt: `FRIC-${String(++receipts).padStart(8, "0")}`,
    now,
  };
}

const statusOf = async (receipt: string) =>
  (
    await env.DB.prepare("SELECT status FROM likes WHERE receipt = ?")
      .bind(receipt)
      .first<{ status: string }>()
  )?.status;

const openFlags = async (campaignId: number) =>
  (
    await env.DB.prepare(
      "SELECT kind, subject, status, detail FROM anomaly_flags WHERE campaign_id = ? ORDER BY id",
    )
      .bind(campaignId)
      .all<{ kind: string; subject: string; status: string; detail: string }>()
  ).results;

describe("holding on the like path", () => {
  it("opens the nominee's flag inside the like's batch and holds what follows, in one D1 call", async () => {
    const c = await makeCampaign({ ingest: "direct", count: 2, holdFlagged: true });
    const now = Date.now();
    // 60 likes for nominee 1 in the last minute, from 60 different networks: the burst threshold.
    await insertRows(
      c.id,
      Array.from({ length: 60 }, (_, i) => ({
        prefix: `pool-${i}`,
        nominee: 1,
        at: now - 30_000,
        status: "counted" as const,
      })),
      "pool",
    );
    const calls: D1Call[] = [];
    rememberCampaign(c.slug, { id: c.id, timeZone: "Asia/Shanghai" });
    const like = input(c.slug, 1, "fresh-voter", now);
    const result = await castBySlug(createDb(countingD1(calls)), like);
    // Still one round trip: the flag's upsert and the hold are statements of the same batch.
    expect(calls.map((x) => x.kind)).toEqual(["batch"]);
    expect(result).toMatchObject({ counted: true, held: true, likes: 60, remainingToday: 4 });
    expect(await statusOf(like.receipt)).toBe("held");
    const flags = await openFlags(c.id);
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ kind: "nominee_burst", subject: "1", status: "open" });
    expect(JSON.parse(flags[0]?.detail ?? "{}")).toMatchObject({ onLikePath: 1, perMinute: 60 });
    // Another nominee is not covered.
    const other = input(c.slug, 2, "fresh-voter", now);
    expect(await castBySlug(createDb(env.DB), other)).toMatchObject({ counted: true, held: false });
    // The held row is in the ledger and the voter's quota, not in the public counter…
    const [first] = await reconcile(c.id);
    expect(first).toMatchObject({ counter: 60, counted: 60 });
    // …and in the nominee's held counter (migration 0007's triggers, branch i13-ledger).
    const held = await env.DB.prepare(
      "SELECT held_likes AS held FROM nominees WHERE campaign_id = ? AND number = 1",
    )
      .bind(c.id)
      .first<{ held: number }>();
    expect(held?.held).toBe(1);
  });

  it("opens the network's flag when one network concentrates on one nominee", async () => {
    const c = await makeCampaign({ ingest: "direct", count: 2, holdFlagged: true });
    const now = Date.now();
    await insertRows(
      c.id,
      Array.from({ length: 50 }, () => ({
        prefix: "office",
        nominee: 2,
        at: now - 5 * 60_000,
        status: "counted" as const,
      })),
      "office",
    );
    const like = input(c.slug, 2, "colleague-51", now, "office");
    expect(await castBySlug(createDb(env.DB), like)).toMatchObject({ counted: true, held: true });
    expect((await openFlags(c.id))[0]).toMatchObject({ kind: "prefix_burst", subject: "office" });
    // The flag covers the network on every nominee; other networks are not covered.
    const elsewhere = input(c.slug, 1, "colleague-52", now, "office");
    expect(await castBySlug(createDb(env.DB), elsewhere)).toMatchObject({ held: true });
    const stranger = input(c.slug, 1, "stranger", now, "home");
    expect(await castBySlug(createDb(env.DB), stranger)).toMatchObject({ held: false });
  });

  it("stops holding once the organizer has decided the flag, and opens no flag with holding off", async () => {
    const c = await makeCampaign({ ingest: "direct", count: 1, holdFlagged: true });
    const now = Date.now();
    const burst = (tag: string) =>
      insertRows(
        c.id,
        Array.from({ length: 60 }, (_, i) => ({
          prefix: `${tag}-${i}`,
          nominee: 1,
          at: now - 1000,
          status: "counted" as const,
        })),
        tag,
      );
    await burst("a");
    expect(await castBySlug(createDb(env.DB), input(c.slug, 1, "v1", now))).toMatchObject({
      held: true,
    });
    await env.DB.prepare(
      `UPDATE anomaly_flags SET status = 'cleared', decision_reason = '校友群分享', decided_by = 'admin'
       WHERE campaign_id = ?`,
    )
      .bind(c.id)
      .run();
    // Same window, still busy: the decided flag is not reopened, and nothing is held.
    expect(await castBySlug(createDb(env.DB), input(c.slug, 1, "v2", now))).toMatchObject({
      held: false,
    });
    expect((await openFlags(c.id)).map((f) => f.status)).toEqual(["cleared"]);

    const off = await makeCampaign({ ingest: "direct", count: 1, holdFlagged: false });
    await insertRows(
      off.id,
      Array.from({ length: 80 }, (_, i) => ({
        prefix: `b-${i}`,
        nominee: 1,
        at: now - 1000,
        status: "counted" as const,
      })),
      "off",
    );
    expect(await castBySlug(createDb(env.DB), input(off.slug, 1, "v3", now))).toMatchObject({
      counted: true,
      held: false,
    });
    expect(await openFlags(off.id)).toHaveLength(0);
  });

  it("holds when the caller says so, and answers a retry of a held like as held", async () => {
    const c = await makeCampaign({ ingest: "direct", count: 1 });
    const now = Date.now();
    const like = { ...input(c.slug, 1, "asked", now), hold: true, idempotencyKey: "k-1" };
    expect(await castBySlug(createDb(env.DB), like)).toMatchObject({ held: true, replayed: false });
    const retry = { ...input(c.slug, 1, "asked", now), idempotencyKey: "k-1" };
    expect(await castBySlug(createDb(env.DB), retry)).toMatchObject({
      held: true,
      replayed: true,
      receipt: like.receipt,
    });
  });
});

describe("which flags hold", () => {
  it("holds only under an open flag whose window covers the like (a past window's flag does not)", async () => {
    const c = await makeCampaign({ ingest: "direct", count: 1, holdFlagged: true });
    const now = Date.now();
    const window = 10 * 60_000;
    const start = Math.floor(now / window) * window;
    await env.DB.prepare(
      `INSERT INTO anomaly_flags (campaign_id, kind, subject, window_start, window_end, likes,
                                  status, created_at, updated_at)
       VALUES (?1, 'nominee_burst', '1', ?2, ?3, 40, 'open', ?2, ?2)`,
    )
      .bind(c.id, start - window, start)
      .run();
    const before = input(c.slug, 1, "later-voter", now);
    expect(await castBySlug(createDb(env.DB), before)).toMatchObject({ held: false });
    await env.DB.prepare(
      `INSERT INTO anomaly_flags (campaign_id, kind, subject, window_start, window_end, likes,
                                  status, created_at, updated_at)
       VALUES (?1, 'nominee_burst', '1', ?2, ?3, 40, 'open', ?2, ?2)`,
    )
      .bind(c.id, start, start + window)
      .run();
    const during = input(c.slug, 1, "current-voter", now);
    expect(await castBySlug(createDb(env.DB), during)).toMatchObject({ held: true });
  });
});
