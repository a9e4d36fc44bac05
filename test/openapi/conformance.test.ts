import { describe, expect, it } from "vitest";
import { call, like, makeCampaign, voterCookie } from "../helpers";
import { asCall, json } from "../routes/admin/admin-helpers";
import { expectDocumented } from "./documented";
import { burst, visitor } from "./like-setup";

/**
 * The answers of the public and the main organizer endpoints, each checked against the schema
 * the document gives for its status (error codes included): the document describes what the
 * server really sends.
 */

const LIKE = "POST /api/campaigns/:slug/candidates/:number/likes";
const CAMPAIGN = "/api/campaigns/:slug";

describe("the public API answers as documented", () => {
  it("campaigns, candidates, a candidate, results, receipts and the ledger", async () => {
    const c = await makeCampaign({ count: 4 });
    const liked = await like(c.slug, 2);
    expect(liked.status).toBe(201);
    const { receipt } = (await expectDocumented(liked, LIKE)) as { receipt: string };

    await expectDocumented(await call("/api/campaigns"), "GET /api/campaigns");
    await expectDocumented(await call(`/api/campaigns/${c.slug}`), `GET ${CAMPAIGN}`);
    await expectDocumented(await call("/api/campaigns/nope"), `GET ${CAMPAIGN}`);
    const list = `GET ${CAMPAIGN}/candidates`;
    await expectDocumented(await call(`/api/campaigns/${c.slug}/candidates?sort=likes`), list);
    await expectDocumented(await call(`/api/campaigns/${c.slug}/candidates?sort=x`), list);
    const one = `GET ${CAMPAIGN}/candidates/:number`;
    await expectDocumented(await call(`/api/campaigns/${c.slug}/candidates/2`), one);
    await expectDocumented(await call(`/api/campaigns/${c.slug}/candidates/99`), one);
    const results = await call(`/api/campaigns/${c.slug}/results`);
    await expectDocumented(results, `GET ${CAMPAIGN}/results`);
    const again = await call(`/api/campaigns/${c.slug}/results`, {
      headers: { "If-None-Match": results.headers.get("ETag") ?? "" },
    });
    expect(again.status).toBe(304);
    await expectDocumented(again, `GET ${CAMPAIGN}/results`);
    const receipts = `GET ${CAMPAIGN}/receipts/:code`;
    await expectDocumented(await call(`/api/campaigns/${c.slug}/receipts/${receipt}`), receipts);
    await expectDocumented(
      await call(`/api/campaigns/${c.slug}/receipts/AAAA-AAAA-AAAA`),
      receipts,
    );
    const ledger = `GET ${CAMPAIGN}/ledger`;
    await expectDocumented(await call(`/api/campaigns/${c.slug}/ledger`), ledger);
    await expectDocumented(await call(`/api/campaigns/${c.slug}/ledger?history=1`), ledger);
    await expectDocumented(await call(`/api/campaigns/${c.slug}/ledger?limit=0`), ledger);
  });

  it("results while hidden: 403 results_hidden", async () => {
    const c = await makeCampaign({ showCounts: "never" });
    const res = await call(`/api/campaigns/${c.slug}/results`);
    expect(res.status).toBe(403);
    await expectDocumented(res, `GET ${CAMPAIGN}/results`);
  });

  it("likes: 201, 409, 403, 400, 404, 428 and 202", async () => {
    const c = await makeCampaign({ count: 2 });
    const cookie = voterCookie(await like(c.slug, 1, { ip: "198.51.100.1" }));
    const repeat = await like(c.slug, 1, { cookie, ip: "198.51.100.1" });
    expect(repeat.status).toBe(409);
    await expectDocumented(repeat, LIKE);
    const badBody = await like(c.slug, 2, { cookie, body: "[1]" });
    expect(badBody.status).toBe(400);
    await expectDocumented(badBody, LIKE);
    const missing = await like(c.slug, 9, { cookie });
    expect(missing.status).toBe(404);
    await expectDocumented(missing, LIKE);
    const closed = await makeCampaign({ closesAt: Date.now() - 1000 });
    const late = await like(closed.slug, 1);
    expect(late.status).toBe(403);
    await expectDocumented(late, LIKE);

    const busy = await makeCampaign({ challengePrefixPerMinute: 1, challengeVoterPerMinute: 1 });
    expect((await like(busy.slug, 1, { ip: "198.18.7.1" })).status).toBe(201);
    const asked = await like(busy.slug, 2, {
      cookie: await visitor(busy.slug, "198.18.7.2"),
      ip: "198.18.7.2",
    });
    expect(asked.status).toBe(428);
    await expectDocumented(asked, LIKE);

    const held = await makeCampaign({ count: 2, holdFlagged: true });
    await burst(held);
    const ip = "192.0.2.77";
    const heldLike = await like(held.slug, 1, { cookie: await visitor(held.slug, ip), ip });
    expect(heldLike.status).toBe(202);
    await expectDocumented(heldLike, LIKE);
  });
});

describe("the organizer API answers as documented", () => {
  const ADMIN = "/api/admin/campaigns";

  it("campaign CRUD and the lifecycle", async () => {
    const slug = `openapi-${Date.now().toString(36)}`;
    const body = {
      slug,
      title: "接口文档测试",
      organizer: "测试联席办",
      opensAt: "2026-01-01T00:00:00+08:00",
      closesAt: "2030-01-01T00:00:00+08:00",
    };
    const created = await asCall("token", ADMIN, json(body));
    expect(created.status).toBe(201);
    await expectDocumented(created, `POST ${ADMIN}`);
    const taken = await asCall("token", ADMIN, json(body));
    expect(taken.status).toBe(409);
    await expectDocumented(taken, `POST ${ADMIN}`);
    const invalid = await asCall("token", ADMIN, json({ slug: "x" }));
    expect(invalid.status).toBe(400);
    await expectDocumented(invalid, `POST ${ADMIN}`);
    await expectDocumented(await asCall("token", ADMIN), `GET ${ADMIN}`);
    await expectDocumented(await asCall("none", ADMIN), `GET ${ADMIN}`);
    await expectDocumented(await asCall("token", `${ADMIN}/${slug}`), `GET ${ADMIN}/:slug`);
    await expectDocumented(await asCall("token", `${ADMIN}/nope`), `GET ${ADMIN}/:slug`);
    const patched = await asCall("token", `${ADMIN}/${slug}`, {
      ...json({ title: "改过的标题" }),
      method: "PATCH",
    });
    expect(patched.status).toBe(200);
    await expectDocumented(patched, `PATCH ${ADMIN}/:slug`);
    const observer = await asCall("observer", `${ADMIN}/${slug}/open`, { method: "POST" });
    expect(observer.status).toBe(403);
    await expectDocumented(observer, `POST ${ADMIN}/:slug/open`);
    const opened = await asCall("token", `${ADMIN}/${slug}/open`, { method: "POST" });
    expect(opened.status).toBe(200);
    await expectDocumented(opened, `POST ${ADMIN}/:slug/open`);
    const deleted = await asCall("token", `${ADMIN}/${slug}`, { method: "DELETE" });
    expect(deleted.status).toBe(204);
    await expectDocumented(deleted, `DELETE ${ADMIN}/:slug`);
  });

  it("nominee CRUD, exports.json and void", async () => {
    const c = await makeCampaign({ count: 3 });
    const base = `${ADMIN}/${c.slug}`;
    await expectDocumented(
      await asCall("token", `${base}/nominees`),
      `GET ${ADMIN}/:slug/nominees`,
    );
    const added = await asCall("token", `${base}/nominees`, json({ name: "张三", number: 7 }));
    expect(added.status).toBe(201);
    await expectDocumented(added, `POST ${ADMIN}/:slug/nominees`);
    const dup = await asCall("token", `${base}/nominees`, json({ name: "李四", number: 7 }));
    expect(dup.status).toBe(409);
    await expectDocumented(dup, `POST ${ADMIN}/:slug/nominees`);
    const patch = { ...json({ headline: "群众的贴心人" }), method: "PATCH" };
    const changed = await asCall("token", `${base}/nominees/7`, patch);
    expect(changed.status).toBe(200);
    await expectDocumented(changed, `PATCH ${ADMIN}/:slug/nominees/:number`);
    const gone = await asCall("token", `${base}/nominees/7`, { method: "DELETE" });
    expect(gone.status).toBe(204);
    await expectDocumented(gone, `DELETE ${ADMIN}/:slug/nominees/:number`);

    const liked = await like(c.slug, 1, { ip: "198.51.100.9" });
    const cookie = voterCookie(liked);
    await like(c.slug, 2, { cookie, ip: "198.51.100.9" });
    await expectDocumented(
      await asCall("observer", `${base}/dashboard`),
      `GET ${ADMIN}/:slug/dashboard`,
    );
    const exported = await asCall("observer", `${base}/export.json`);
    expect(exported.status).toBe(200);
    await expectDocumented(exported, `GET ${ADMIN}/:slug/export.json`);
    const csv = await asCall("observer", `${base}/export.csv`);
    await expectDocumented(csv, `GET ${ADMIN}/:slug/export.csv`);
    const voided = await asCall(
      "token",
      `${base}/votes/void`,
      json({ number: 1, from: "2020-01-01T00:00:00+08:00", reason: "测试核减" }),
    );
    expect(voided.status).toBe(200);
    expect(await expectDocumented(voided, `POST ${ADMIN}/:slug/votes/void`)).toEqual({ voided: 1 });
    const noReason = await asCall("token", `${base}/votes/void`, json({ number: 1 }));
    expect(noReason.status).toBe(400);
    await expectDocumented(noReason, `POST ${ADMIN}/:slug/votes/void`);
  });
});

describe("expectDocumented", () => {
  it("fails an answer the document does not describe", async () => {
    const c = await makeCampaign();
    const res = await call(`/api/campaigns/${c.slug}`);
    // The same answer checked against another operation's schema does not match.
    await expect(expectDocumented(res, "GET /api/campaigns")).rejects.toThrow(
      /matches the document/,
    );
    // An undocumented status fails too.
    const teapot = new Response("{}", {
      status: 418,
      headers: { "Content-Type": "application/json" },
    });
    await expect(expectDocumented(teapot, "GET /api/campaigns")).rejects.toThrow(
      /documents status 418/,
    );
    // An undocumented extra field fails.
    const extra = new Response(JSON.stringify({ campaigns: [], more: 1 }), {
      headers: { "Content-Type": "application/json" },
    });
    await expect(expectDocumented(extra, "GET /api/campaigns")).rejects.toThrow(
      /matches the document/,
    );
  });
});
