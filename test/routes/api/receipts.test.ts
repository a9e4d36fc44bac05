import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { voterHash } from "../../../src/domain/identity";
import { parseVoterCookie } from "../../../src/middleware/voter";
import { shardIndex } from "../../../src/shards/barrier";
import {
  call,
  holdFlushes,
  insertLikes,
  like,
  lookUpUntilLimited,
  makeCampaign,
  newVoter,
  voterCookie,
} from "../../helpers";
import { asCall, json } from "../admin/admin-helpers";

describe("GET /api/campaigns/:slug/receipts/:code", () => {
  it("tells a voter their like is counted, then voided with the reason, without naming anyone", async () => {
    const c = await makeCampaign();
    const res = await like(c.slug, 2);
    const { receipt } = await res.json<{ receipt: string }>();
    const counted = await call(`/api/campaigns/${c.slug}/receipts/${receipt}`);
    expect(counted.status).toBe(200);
    const body = await counted.json<Record<string, unknown>>();
    expect(body).toMatchObject({ receipt, status: "counted", number: 2, name: "候选人2" });
    expect(Object.keys(body).sort()).toEqual([
      "likedAt",
      "name",
      "number",
      "receipt",
      "status",
      "statusText",
    ]);

    const ledger = await (await asCall("token", `/api/admin/campaigns/${c.slug}/votes.csv`)).text();
    const voterHash = ledger.split("\r\n")[1]?.split(",")[3];
    await asCall(
      "token",
      `/api/admin/campaigns/${c.slug}/votes/void`,
      json({ voterHash, reason: "核查为脚本刷票" }),
    );
    const voided = await (
      await call(`/api/campaigns/${c.slug}/receipts/${receipt.toLowerCase()}`)
    ).json();
    expect(voided).toMatchObject({ status: "voided", voidReason: "核查为脚本刷票" });
    expect(voterCookie(res)).toBeTruthy();
  });

  it("tells a voter a held like is recorded and waiting for a check, then counted once released", async () => {
    const c = await makeCampaign({ count: 2 });
    const [row] = await insertLikes(c.id, [{ number: 2, status: "held" }]);
    const receipt = row?.receipt ?? "";
    const held = await (await call(`/api/campaigns/${c.slug}/receipts/${receipt}`)).json();
    expect(held).toMatchObject({ status: "held", statusText: "已记录，待核验", number: 2 });
    await asCall(
      "token",
      `/api/admin/campaigns/${c.slug}/held/release`,
      json({ number: 2, reason: "核实无误" }),
    );
    const counted = await (await call(`/api/campaigns/${c.slug}/receipts/${receipt}`)).json();
    expect(counted).toMatchObject({ status: "counted", statusText: "已计入" });
  });

  it("answers 404 for unknown or malformed codes and other campaigns' receipts", async () => {
    const a = await makeCampaign();
    const b = await makeCampaign();
    const { receipt } = await (await like(a.slug, 1)).json<{ receipt: string }>();
    for (const [slug, code] of [
      [a.slug, "0000-0000-0000"],
      [a.slug, "not-a-code"],
      [b.slug, receipt],
    ]) {
      const res = await call(`/api/campaigns/${slug}/receipts/${code}`);
      expect(res.status).toBe(404);
      expect((await res.json<{ error: { code: string } }>()).error.code).toBe("receipt_not_found");
    }
  });

  it("gives a network's made-up codes the flood guard's budget before they reach the shards", async () => {
    const c = await makeCampaign();
    const direct = await makeCampaign({ ingest: "direct" });
    const { receipt } = await (await like(c.slug, 1)).json<{ receipt: string }>();
    const from = (ip: string) => ({ headers: { "CF-Connecting-IP": ip } });
    // Every miss at a sharded campaign reads all of its shards: a script of made-up codes from
    // one network is stopped as a flood of likes is (fixed minute windows, 300 in one of them).
    const { limited, before } = await lookUpUntilLimited(
      (code) => `/api/campaigns/${c.slug}/receipts/${code}`,
      "198.51.100.7",
    );
    for (const status of before) expect(status).toBe(404);
    expect(limited?.headers.get("Retry-After")).toBe("60");
    expect((await limited?.json<{ error: { code: string } }>())?.error.code).toBe("rate_limited");
    // The same network (another address in its /24) is limited too…
    const neighbour = from("198.51.100.8");
    expect((await call(`/api/campaigns/${c.slug}/receipts/ZZ99-0000-0000`, neighbour)).status).toBe(
      429,
    );
    // …but a code D1 knows answers without the guard, another network's miss is a plain 404, and
    // a direct campaign's miss (one D1 read, no shard) is not limited.
    const known = await call(`/api/campaigns/${c.slug}/receipts/${receipt}`, neighbour);
    expect(known.status).toBe(200);
    expect(
      (await call(`/api/campaigns/${c.slug}/receipts/ZZ99-0000-0000`, from("203.0.113.99"))).status,
    ).toBe(404);
    expect(
      (await call(`/api/campaigns/${direct.slug}/receipts/ZZ99-0000-0000`, neighbour)).status,
    ).toBe(404);
  }, 60_000);

  it("finds a voter's own like still in their shard with one read, even where the guard stopped the network", async () => {
    const c = await makeCampaign({ shards: 4 });
    await holdFlushes(c, 4);
    const liked = await like(c.slug, 1, { ip: "192.0.2.60" });
    const { receipt } = await liked.json<{ receipt: string }>();
    const cookie = voterCookie(liked);
    // Another voter whose likes live in another shard.
    const shardOf = async (voter: string) => {
      const value = decodeURIComponent(voter.split("=")[1] ?? "");
      const id = parseVoterCookie(value.slice(0, value.lastIndexOf(".")))?.id ?? "";
      return shardIndex(await voterHash(env.SESSION_SECRET, id), 4);
    };
    let other = await newVoter(c.slug, 2, "192.0.2.70");
    for (let i = 71; (await shardOf(other)) === (await shardOf(cookie)); i++) {
      other = await newVoter(c.slug, 2, `192.0.2.${i}`);
    }
    const from = (ip: string, extra: Record<string, string> = {}) => ({
      headers: { "CF-Connecting-IP": ip, ...extra },
    });
    // The office's network has spent the guard's budget on lookups of codes nobody holds.
    const { limited } = await lookUpUntilLimited(
      (code) => `/api/campaigns/${c.slug}/receipts/${code}`,
      "192.0.2.61",
    );
    expect(limited?.status).toBe(429);
    // The voter who liked finds their like, still pending in their shard…
    const own = await call(
      `/api/campaigns/${c.slug}/receipts/${receipt}`,
      from("192.0.2.62", { cookie }),
    );
    expect(own.status).toBe(200);
    expect(await own.json()).toMatchObject({ receipt, status: "counted", number: 1 });
    const ledger = await env.DB.prepare("SELECT COUNT(*) AS n FROM likes WHERE campaign_id = ?")
      .bind(c.id)
      .first<{ n: number }>();
    expect(ledger?.n).toBe(0);
    // …while the same code asked without that cookie, or with another voter's, needs every shard
    // and so the guard, which has stopped this network.
    for (const extra of [{}, { cookie: other }] as Record<string, string>[]) {
      const res = await call(
        `/api/campaigns/${c.slug}/receipts/${receipt}`,
        from("192.0.2.63", extra),
      );
      expect(res.status).toBe(429);
    }
    // From a network the guard has not stopped, anyone finds it across the shards.
    expect(
      (await call(`/api/campaigns/${c.slug}/receipts/${receipt}`, from("203.0.113.150"))).status,
    ).toBe(200);
  }, 60_000);
});
