import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { markHotFromLedger } from "../../../src/db/queries/like-hot";
import { ipPrefixHash } from "../../../src/domain/identity";
import { ipPrefix } from "../../../src/domain/ip-prefix";
import { SIGNAL } from "../../../src/domain/like-signals";
import { type Challenge, encodeSolution, solveChallenge } from "../../../src/domain/proof-of-work";
import { call, db, like, makeCampaign, reconcile, voterCookie } from "../../helpers";

/**
 * Issue 13 from outside, through the worker: the flood guard on the network, the escalating
 * challenge and its level, hoarded challenges, held likes (202) in the API and the no-JS form, and
 * the no-page-load signal of cookies born on a like.
 */

interface ErrorAnswer {
  error: { code: string; message: string; challenge?: Challenge };
}

async function visitor(slug: string, ip: string): Promise<string> {
  const res = await call(`/c/${slug}/1`, { headers: { "CF-Connecting-IP": ip } });
  expect(res.status).toBe(200);
  return voterCookie(res);
}

async function solved(res: Response): Promise<string> {
  const c = (await res.json<ErrorAnswer>()).error.challenge;
  if (!c) throw new Error("no challenge");
  const s = await solveChallenge(c);
  if (!s) throw new Error("unsolvable");
  return JSON.stringify({ challenge: encodeSolution(s) });
}

const levelOf = (c: Challenge | undefined) => Number(/[?&]l=(\d+)/.exec(c?.salt ?? "")?.[1]);

/**
 * Puts `n` recorded likes from `ip`'s network into the ledger, `agoMs` ago (one voter each), and
 * marks what they make busy as a switch from the direct path does (no shard flushed them).
 */
async function pastLikes(
  campaign: { id: number },
  ip: string,
  n: number,
  opts: { nominee?: number; agoMs?: number; tag?: string } = {},
) {
  const prefix = await ipPrefixHash(env.IP_HASH_SALT, campaign.id, ipPrefix(ip));
  const at = Date.now() - (opts.agoMs ?? 1000);
  const tag = opts.tag ?? `${ip}-${n}-${at}`;
  const statements = Array.from({ length: n }, (_, i) =>
    env.DB.prepare(
      `INSERT INTO likes (campaign_id, nominee_id, voter_hash, ip_hash, day, slot, created_at, status,
                          receipt, ip_prefix_hash, signals)
       SELECT ?1, id, ?2, 'ip', '2026-01-01', 1, ?3, 'counted', ?4, ?5, 0
       FROM nominees WHERE campaign_id = ?1 AND number = ?6`,
    ).bind(campaign.id, `${tag}-v${i}`, at, `${tag}-R${i}`, prefix, opts.nominee ?? 1),
  );
  if (statements.length > 0) await env.DB.batch(statements);
  await markHotFromLedger(db(), campaign.id, Date.now());
}

const ledger = async (campaignId: number) =>
  (
    await env.DB.prepare(
      "SELECT status, signals, receipt FROM likes WHERE campaign_id = ? AND ip_hash <> 'ip' ORDER BY id",
    )
      .bind(campaignId)
      .all<{ status: string; signals: number; receipt: string }>()
  ).results;

describe("the flood guard keys on the network", () => {
  it("stops a script that rotates addresses inside one IPv6 /64", async () => {
    const c = await makeCampaign({ count: 1, likesPerVoterPerDay: null });
    let limited = 0;
    let counted = 0;
    // A new address (and a new voter) for every like, all in 2001:db8:13:1::/64.
    for (let i = 0; i < 700 && limited === 0; i++) {
      const ip = `2001:db8:13:1:${((i * 7919) % 65536).toString(16)}:${i.toString(16)}:1:${(i % 97).toString(16)}`;
      const res = await like(c.slug, 1, { ip });
      if (res.status === 429) limited++;
      else if (res.status === 201) counted++;
    }
    expect(limited).toBe(1);
    // The binding counts 300 a minute per key (approximate, in fixed windows).
    expect(counted).toBeGreaterThanOrEqual(300);
    expect(counted).toBeLessThan(700);
    // The next /64 is another network.
    expect((await like(c.slug, 1, { ip: "2001:db8:13:2::1" })).status).toBe(201);
  }, 60_000);
});

describe("the escalating challenge", () => {
  it("asks nothing while quiet, then doubles the challenge per step of the network's rate", async () => {
    const c = await makeCampaign({
      count: 2,
      challengePrefixPerMinute: 3,
      challengeDifficulty: 300,
    });
    const ip = "198.51.100.7";
    await pastLikes(c, ip, 2, { nominee: 2 });
    const cookie = await visitor(c.slug, ip);
    expect((await like(c.slug, 1, { cookie, ip })).status).toBe(201);
    // 3 in the last minute: level 1, the campaign's base size.
    const first = await like(c.slug, 2, { cookie: await visitor(c.slug, ip), ip });
    expect(first.status).toBe(428);
    const c1 = (await first.json<ErrorAnswer>()).error.challenge;
    expect(levelOf(c1)).toBe(1);
    expect(c1?.maxnumber).toBe(300);
    // 63 in the last minute: (63 − 3) / 20 = 3 steps more, level 4, eight times the work.
    await pastLikes(c, ip, 60, { nominee: 2 });
    const third = await like(c.slug, 1, { cookie: await visitor(c.slug, ip), ip });
    const c3 = (await third.json<ErrorAnswer>()).error.challenge;
    expect(levelOf(c3)).toBe(4);
    expect(c3?.maxnumber).toBe(2400);
    // Another network stays free.
    expect((await like(c.slug, 1, { ip: "198.51.101.7" })).status).toBe(201);
  });

  it("refuses a challenge hoarded while the network was quieter, and spends it", async () => {
    const c = await makeCampaign({
      count: 2,
      challengePrefixPerMinute: 3,
      challengeDifficulty: 300,
    });
    const ip = "198.51.102.7";
    await pastLikes(c, ip, 3);
    const cookie = await visitor(c.slug, ip);
    const cheap = await solved(await like(c.slug, 1, { cookie, ip }));
    // The network gets busy while the hoarded proof waits: level 4 now, the proof was level 1.
    await pastLikes(c, ip, 60);
    const refused = await like(c.slug, 1, { cookie, ip, body: cheap });
    expect(refused.status).toBe(428);
    const answer = await refused.json<ErrorAnswer>();
    expect(answer.error.message).toMatch(/quieter/);
    expect(levelOf(answer.error.challenge)).toBe(4);
    // Spent: the same proof again is refused.
    const again = await like(c.slug, 1, { cookie, ip, body: cheap });
    expect(again.status).toBe(428);
    // A proof at the current level pays.
    const fresh = await solved(again);
    expect((await like(c.slug, 1, { cookie, ip, body: fresh })).status).toBe(201);
    expect((await reconcile(c.id))[0]?.counted).toBe(64);
  });

  it("accepts a proof issued one level below the current one (a phone solving while it rises)", async () => {
    const c = await makeCampaign({
      count: 1,
      challengePrefixPerMinute: 3,
      challengeDifficulty: 300,
    });
    const ip = "198.51.103.7";
    await pastLikes(c, ip, 3);
    const cookie = await visitor(c.slug, ip);
    const proof = await solved(await like(c.slug, 1, { cookie, ip }));
    await pastLikes(c, ip, 20);
    expect((await like(c.slug, 1, { cookie, ip, body: proof })).status).toBe(201);
  });
});

describe("held likes (202)", () => {
  /** A campaign with holding on whose nominee 1 is bursting: 60 likes from 60 networks this minute. */
  async function bursting() {
    const c = await makeCampaign({ count: 2, holdFlagged: true });
    for (let i = 0; i < 60; i++)
      await pastLikes(c, `203.0.${i}.9`, 1, { tag: `pool-${c.id}-${i}` });
    return c;
  }

  it("records a like the open flag covers, answers 202 with a receipt and counts nothing", async () => {
    const c = await bursting();
    const ip = "192.0.2.77";
    const cookie = await visitor(c.slug, ip);
    const headers = { "Idempotency-Key": "held-1" };
    const res = await like(c.slug, 1, { cookie, ip, headers });
    expect(res.status).toBe(202);
    const body = await res.json<Record<string, unknown>>();
    expect(body).toEqual({
      counted: false,
      held: true,
      remainingToday: 4,
      receipt: expect.stringMatching(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/),
    });
    const rows = await ledger(c.id);
    expect(rows).toEqual([expect.objectContaining({ status: "held", receipt: body.receipt })]);
    // Not in the public count: the results still say 60.
    const results = await call(`/api/campaigns/${c.slug}/results`);
    const ranking = await results.json<{ candidates: { number: number; likes: number }[] }>();
    expect(ranking.candidates.find((r) => r.number === 1)?.likes).toBe(60);
    // A retry answers the same 202, with the same receipt, and records nothing more.
    const retry = await like(c.slug, 1, { cookie, ip, headers });
    expect(retry.status).toBe(202);
    expect(retry.headers.get("Idempotent-Replayed")).toBe("true");
    expect((await retry.json<{ receipt: string }>()).receipt).toBe(body.receipt);
    expect(await ledger(c.id)).toHaveLength(1);
    // The same voter's like for a nominee no flag covers counts as usual, within the same quota.
    const other = await like(c.slug, 2, { cookie, ip });
    expect(other.status).toBe(201);
    expect(await other.json()).toMatchObject({ counted: true, remainingToday: 3 });
  });

  it("tells the no-JS voter plainly: 已记录，待核验", async () => {
    const c = await bursting();
    const ip = "192.0.2.78";
    const cookie = await visitor(c.slug, ip);
    const res = await call(`/c/${c.slug}/1`, {
      method: "POST",
      redirect: "manual",
      headers: {
        Cookie: cookie,
        "CF-Connecting-IP": ip,
        "Content-Type": "application/x-www-form-urlencoded",
      },
    });
    expect(res.status).toBe(303);
    const location = new URL(res.headers.get("Location") ?? "", "http://localhost");
    expect(location.searchParams.get("r")).toBe("held");
    expect(location.searchParams.get("left")).toBe("4");
    const page = await call(`${location.pathname}${location.search}`, {
      headers: { Cookie: cookie, "CF-Connecting-IP": ip },
    });
    const html = await page.text();
    expect(html).toContain("已记录，待核验");
    expect(html).toContain(location.searchParams.get("rc") ?? "no receipt");
    const en = await call(`${location.pathname}${location.search}&lang=en`, {
      headers: { Cookie: cookie, "CF-Connecting-IP": ip },
    });
    expect(await en.text()).toContain("Recorded, pending review");
  });

  it("counts as usual with holding off, even while the nominee bursts", async () => {
    const c = await makeCampaign({ count: 1, holdFlagged: false });
    for (let i = 0; i < 60; i++) await pastLikes(c, `203.0.${i}.9`, 1, { tag: `off-${c.id}-${i}` });
    expect((await like(c.slug, 1, { ip: "192.0.2.79" })).status).toBe(201);
  });
});

describe("the no-page-load signal", () => {
  it("marks a proof-carrying like from a cookie born on a 428, until the client loads a page", async () => {
    const c = await makeCampaign({
      count: 3,
      challengePrefixPerMinute: 0,
      challengeDifficulty: 300,
      likesPerVoterPerDay: null,
    });
    const ip = "198.51.104.7";
    // A script: no page, straight to the like, which answers 428 and a new (marked) cookie.
    const asked = await like(c.slug, 1, { ip });
    expect(asked.status).toBe(428);
    const cookie = voterCookie(asked);
    expect(cookie).toMatch(/~\./);
    const paid = await like(c.slug, 1, { cookie, ip, body: await solved(asked) });
    expect(paid.status).toBe(201);
    // The same cookie, still without a page load.
    const second = await like(c.slug, 2, { cookie, ip });
    const paid2 = await like(c.slug, 2, { cookie, ip, body: await solved(second) });
    expect(paid2.status).toBe(201);
    // It loads a page: the mark goes (a new cookie value, the same voter), and so does the signal.
    const page = await call(`/c/${c.slug}/3`, {
      headers: { Cookie: cookie, "CF-Connecting-IP": ip },
    });
    const loaded = voterCookie(page);
    expect(loaded).not.toMatch(/~\./);
    const third = await like(c.slug, 3, { cookie: loaded, ip });
    expect((await like(c.slug, 3, { cookie: loaded, ip, body: await solved(third) })).status).toBe(
      201,
    );
    const signals = (await ledger(c.id)).map((r) => r.signals);
    expect(signals).toEqual([
      SIGNAL.noPageLoad | SIGNAL.challengeSolved,
      SIGNAL.noPageLoad | SIGNAL.challengeSolved,
      SIGNAL.challengeSolved,
    ]);
    // Same voter throughout: three likes on one voter's quota row.
    const days = await env.DB.prepare(
      "SELECT COUNT(*) AS voters, SUM(used) AS used FROM voter_days WHERE campaign_id = ?",
    )
      .bind(c.id)
      .first<{ voters: number; used: number }>();
    expect(days).toEqual({ voters: 1, used: 3 });
  });

  it("leaves a browser's cookie alone: a page first, then the like, no signal", async () => {
    const c = await makeCampaign();
    const ip = "198.51.105.7";
    const cookie = await visitor(c.slug, ip);
    const res = await like(c.slug, 1, { cookie, ip });
    expect(res.status).toBe(201);
    expect(res.headers.get("Set-Cookie")).toBeNull();
    expect((await ledger(c.id)).map((r) => r.signals)).toEqual([0]);
  });
});
