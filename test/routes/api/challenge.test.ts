import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import { SIGNAL } from "../../../src/domain/like-signals";
import { type Challenge, encodeSolution, solveChallenge } from "../../../src/domain/proof-of-work";
import { call, like, makeCampaign, reconcile, voterCookie } from "../../helpers";

/**
 * Friction only when needed (issue 5, item 3): a proof of work is asked for only while an IP prefix
 * or a voter is busier than the campaign's thresholds, each proof buys one like, and an office of
 * 200 people behind one address can all vote.
 */

interface ErrorAnswer {
  error: { code: string; message: string; challenge?: Challenge; turnstileSiteKey?: string };
}

afterEach(() => {
  vi.restoreAllMocks();
});

/** A voter who loaded the profile page first (as every browser does): their cookie. */
async function visitor(slug: string, ip: string): Promise<string> {
  const res = await call(`/c/${slug}/1`, { headers: { "CF-Connecting-IP": ip } });
  expect(res.status).toBe(200);
  return voterCookie(res);
}

async function solution(answer: ErrorAnswer): Promise<string> {
  const c = answer.error.challenge;
  if (!c) throw new Error(`no challenge in ${JSON.stringify(answer)}`);
  const s = await solveChallenge(c);
  if (!s) throw new Error("unsolvable challenge");
  return encodeSolution(s);
}

const signalsOf = async (campaignId: number) =>
  (
    await env.DB.prepare("SELECT signals FROM likes WHERE campaign_id = ? ORDER BY id")
      .bind(campaignId)
      .all<{ signals: number }>()
  ).results.map((r) => r.signals);

describe("proof of work when busy", () => {
  it("asks nothing while the network is quiet", async () => {
    const c = await makeCampaign({ challengePrefixPerMinute: 3, challengeVoterPerMinute: 3 });
    for (let i = 0; i < 3; i++) {
      const cookie = await visitor(c.slug, "198.18.1.1");
      expect((await like(c.slug, 1, { cookie, ip: "198.18.1.1" })).status).toBe(201);
    }
    // The prefix (198.18.1.0/24) has had 3 likes this minute: the 4th is asked for a proof.
    const cookie = await visitor(c.slug, "198.18.1.99");
    const busy = await like(c.slug, 1, { cookie, ip: "198.18.1.99" });
    expect(busy.status).toBe(428);
    const answer = await busy.json<ErrorAnswer>();
    expect(answer.error.code).toBe("challenge_required");
    expect(answer.error.challenge).toMatchObject({ algorithm: "SHA-256", maxnumber: 50_000 });
    // Another network is not affected.
    const other = await visitor(c.slug, "198.18.2.1");
    expect((await like(c.slug, 1, { cookie: other, ip: "198.18.2.1" })).status).toBe(201);
  });

  it("counts a like sent with the solved challenge, once; a replay is asked again", async () => {
    const c = await makeCampaign({ challengePrefixPerMinute: 0, challengeDifficulty: 2000 });
    const ip = "198.18.3.1";
    const cookie = await visitor(c.slug, ip);
    const first = await like(c.slug, 1, { cookie, ip });
    expect(first.status).toBe(428);
    const proof = await solution(await first.json<ErrorAnswer>());
    const body = JSON.stringify({ challenge: proof });
    const ok = await like(c.slug, 1, { cookie, ip, body });
    expect(ok.status).toBe(201);
    expect(await signalsOf(c.id)).toEqual([SIGNAL.challengeSolved]);
    // The same proof for another nominee: spent, so a fresh challenge instead of a like.
    const replay = await like(c.slug, 2, { cookie, ip, body });
    expect(replay.status).toBe(428);
    const again = await replay.json<ErrorAnswer>();
    expect(again.error.message).toMatch(/not accepted/);
    expect(again.error.challenge?.challenge).not.toBe(JSON.parse(atob(proof)).challenge);
    const rows = await reconcile(c.id);
    expect(rows.map((r) => r.counted)).toEqual([1, 0, 0]);
  });

  it("spends a proof once even when the same one races", async () => {
    const c = await makeCampaign({
      count: 10,
      challengePrefixPerMinute: 0,
      challengeDifficulty: 500,
      likesPerVoterPerDay: null,
    });
    const ip = "198.18.4.1";
    const cookie = await visitor(c.slug, ip);
    const proof = await solution(await (await like(c.slug, 1, { cookie, ip })).json<ErrorAnswer>());
    const body = JSON.stringify({ challenge: proof });
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) => like(c.slug, i + 1, { cookie, ip, body })),
    );
    expect(answers.filter((r) => r.status === 201)).toHaveLength(1);
    expect(answers.filter((r) => r.status === 428)).toHaveLength(9);
    const rows = await reconcile(c.id);
    expect(rows.reduce((s, r) => s + r.counted, 0)).toBe(1);
  });

  it("refuses a proof solved for another voter", async () => {
    const c = await makeCampaign({ challengePrefixPerMinute: 0, challengeDifficulty: 500 });
    const ip = "198.18.5.1";
    const alice = await visitor(c.slug, ip);
    const bob = await visitor(c.slug, ip);
    const proof = await solution(
      await (await like(c.slug, 1, { cookie: alice, ip })).json<ErrorAnswer>(),
    );
    const stolen = await like(c.slug, 1, {
      cookie: bob,
      ip,
      body: JSON.stringify({ challenge: proof }),
    });
    expect(stolen.status).toBe(428);
    expect((await reconcile(c.id)).every((r) => r.counted === 0)).toBe(true);
  });

  it("asks a voter who likes faster than the voter threshold", async () => {
    const c = await makeCampaign({
      count: 5,
      challengeVoterPerMinute: 2,
      challengeDifficulty: 500,
    });
    const ip = "198.18.6.1";
    const cookie = await visitor(c.slug, ip);
    expect((await like(c.slug, 1, { cookie, ip })).status).toBe(201);
    expect((await like(c.slug, 2, { cookie, ip })).status).toBe(201);
    const third = await like(c.slug, 3, { cookie, ip });
    expect(third.status).toBe(428);
    // Someone else on the same network is not slowed down by this voter.
    const other = await visitor(c.slug, ip);
    expect((await like(c.slug, 3, { cookie: other, ip })).status).toBe(201);
  });

  it("tells the rules before asking for work: a voter who already liked hears that", async () => {
    const c = await makeCampaign({ challengePrefixPerMinute: 1, challengeDifficulty: 500 });
    const ip = "198.18.7.1";
    const cookie = await visitor(c.slug, ip);
    expect((await like(c.slug, 1, { cookie, ip })).status).toBe(201);
    const again = await like(c.slug, 1, { cookie, ip });
    expect(again.status).toBe(409);
  });

  it("lets 200 people behind one office address all vote, with a proof once it is busy", async () => {
    const c = await makeCampaign({
      count: 10,
      challengePrefixPerMinute: 20,
      challengeVoterPerMinute: 6,
      challengeDifficulty: 300,
    });
    const ip = "198.18.8.8";
    let challenged = 0;
    for (let i = 0; i < 200; i++) {
      const cookie = await visitor(c.slug, ip);
      const number = (i % 10) + 1;
      let res = await like(c.slug, number, { cookie, ip });
      if (res.status === 428) {
        challenged++;
        const body = JSON.stringify({ challenge: await solution(await res.json<ErrorAnswer>()) });
        res = await like(c.slug, number, { cookie, ip, body });
      }
      expect(res.status, `voter ${i}`).toBe(201);
    }
    expect(challenged).toBe(180);
    const rows = await reconcile(c.id);
    expect(rows.reduce((s, r) => s + r.counted, 0)).toBe(200);
    for (const r of rows) expect(r.counter).toBe(r.counted);
    const signals = await signalsOf(c.id);
    expect(signals.filter((s) => s & SIGNAL.challengeSolved)).toHaveLength(180);
    expect(signals.filter((s) => s & SIGNAL.noPageLoad)).toHaveLength(0);
  }, 120_000);

  it("marks likes from clients that never loaded a page", async () => {
    const c = await makeCampaign();
    expect((await like(c.slug, 1, { ip: "198.18.9.1" })).status).toBe(201);
    expect(await signalsOf(c.id)).toEqual([SIGNAL.noPageLoad]);
  });

  it("keeps the no-JS form working and explains what is needed when busy", async () => {
    const c = await makeCampaign({ challengePrefixPerMinute: 0 });
    const ip = "198.18.10.1";
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
    expect(res.headers.get("Location")).toContain("r=challenge_required");
    const location = new URL(res.headers.get("Location") ?? "", "http://localhost");
    const page = await call(`${location.pathname}${location.search}`, {
      headers: { Cookie: cookie, "CF-Connecting-IP": ip },
    });
    expect(await page.text()).toContain("JavaScript");
  });
});

describe("Turnstile as an optional extra", () => {
  async function withTurnstile(
    slug: string,
    opts: { cookie: string; ip: string; body?: string },
  ): Promise<Response> {
    const { default: app } = await import("../../../src/index");
    const { createExecutionContext } = await import("cloudflare:test");
    const request = new Request(`http://localhost/api/campaigns/${slug}/candidates/1/likes`, {
      method: "POST",
      headers: {
        Cookie: opts.cookie,
        "CF-Connecting-IP": opts.ip,
        ...(opts.body ? { "Content-Type": "application/json" } : {}),
      },
      body: opts.body,
    });
    return app.fetch(
      request,
      {
        ...env,
        TURNSTILE_SITE_KEY: "1x00000000000000000000AA",
        TURNSTILE_SECRET_KEY: "1x0000000000000000000000000000000AA",
      },
      createExecutionContext(),
    );
  }

  it("asks for a token besides the proof when its keys are set, and checks it with Cloudflare", async () => {
    const c = await makeCampaign({ challengePrefixPerMinute: 0, challengeDifficulty: 300 });
    const ip = "198.18.11.1";
    const cookie = await visitor(c.slug, ip);
    // Turnstile's verify call needs the internet: answer it here, as Cloudflare would.
    const verify = vi.spyOn(globalThis, "fetch").mockImplementation(async (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      expect(url).toBe("https://challenges.cloudflare.com/turnstile/v0/siteverify");
      const form = init?.body as FormData;
      const good = form.get("response") === "good-token";
      return Response.json({ success: good });
    });
    const first = await withTurnstile(c.slug, { cookie, ip });
    expect(first.status).toBe(428);
    const answer = await first.json<ErrorAnswer>();
    expect(answer.error.turnstileSiteKey).toBe("1x00000000000000000000AA");
    // The page that runs the widget allows Turnstile's script and frame (the JSON needs none).
    const { createExecutionContext } = await import("cloudflare:test");
    const { default: app } = await import("../../../src/index");
    const page = await app.fetch(
      new Request(`http://localhost/c/${c.slug}/1`),
      {
        ...env,
        TURNSTILE_SITE_KEY: "1x00000000000000000000AA",
        TURNSTILE_SECRET_KEY: "1x0000000000000000000000000000000AA",
      },
      createExecutionContext(),
    );
    expect(page.headers.get("Content-Security-Policy")).toMatch(
      /script-src [^;]*challenges\.cloudflare\.com;.*frame-src https:\/\/challenges\.cloudflare\.com/,
    );
    const proof = await solution(answer);

    const noToken = await withTurnstile(c.slug, {
      cookie,
      ip,
      body: JSON.stringify({ challenge: proof }),
    });
    expect(noToken.status).toBe(428);
    const fresh = await solution(await noToken.json<ErrorAnswer>());
    const badToken = await withTurnstile(c.slug, {
      cookie,
      ip,
      body: JSON.stringify({ challenge: fresh, turnstileToken: "bad-token" }),
    });
    expect(badToken.status).toBe(428);
    const third = await solution(await badToken.json<ErrorAnswer>());
    const ok = await withTurnstile(c.slug, {
      cookie,
      ip,
      body: JSON.stringify({ challenge: third, turnstileToken: "good-token" }),
    });
    expect(ok.status).toBe(201);
    expect(verify).toHaveBeenCalledTimes(2);
    expect(await signalsOf(c.id)).toEqual([SIGNAL.challengeSolved | SIGNAL.turnstile]);
  });

  it("stays off (and out of the CSP) without its keys", async () => {
    const c = await makeCampaign();
    const res = await call(`/c/${c.slug}/1`);
    expect(res.headers.get("Content-Security-Policy")).not.toContain("challenges.cloudflare.com");
  });
});
