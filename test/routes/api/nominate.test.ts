import { env } from "cloudflare:workers";
import { describe, expect, it, vi } from "vitest";
import { call, makeCampaign } from "../../helpers";
import {
  asCall,
  COMPLETE_NOMINATION,
  errorCode,
  invite,
  json,
  nominateAndSubmit,
  openNominations,
  unitCall,
} from "../admin/admin-helpers";

const patch = (body: unknown): RequestInit => ({ ...json(body), method: "PATCH" });

describe("a unit's invitation link", () => {
  it("opens the unit's own page and nobody else's nominations", async () => {
    const c = await makeCampaign({ count: 0 });
    await openNominations(c.slug);
    const a = await invite(c.slug, { unit: "临县", group: "县市区" });
    const b = await invite(c.slug, { unit: "市人社局", group: "市直单位" });
    expect(a.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a.url).toBe(`http://localhost/n/${a.token}`);
    const aId = await nominateAndSubmit(a.token);

    const mine = await unitCall(a.token);
    expect(mine.status).toBe(200);
    expect(await mine.json()).toMatchObject({
      unit: "临县",
      group: "县市区",
      quota: 3,
      used: 1,
      remaining: 2,
      nominationsOpen: true,
      nominations: [{ id: aId, status: "submitted", name: COMPLETE_NOMINATION.name }],
    });
    const theirs = await unitCall(b.token);
    expect((await theirs.json<{ nominations: unknown[] }>()).nominations).toEqual([]);
    // Wrong unit: B's link cannot read or change A's nomination.
    const peek = await unitCall(b.token, `/nominations/${aId}`);
    expect(peek.status).toBe(404);
    expect(await errorCode(peek)).toBe("nomination_not_found");
    expect((await unitCall(b.token, `/nominations/${aId}`, patch({ name: "改" }))).status).toBe(
      404,
    );
    expect((await unitCall(b.token, `/nominations/${aId}/submit`, { method: "POST" })).status).toBe(
      404,
    );
  });

  it("stores only the token's hash", async () => {
    const c = await makeCampaign({ count: 0 });
    const { token } = await invite(c.slug);
    const row = await env.DB.prepare(
      "SELECT token_hash FROM nomination_invites ORDER BY id DESC LIMIT 1",
    ).first<{ token_hash: string }>();
    expect(row?.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row?.token_hash).not.toContain(token);
  });

  it("refuses unknown, malformed, expired and revoked links", async () => {
    const c = await makeCampaign({ count: 0 });
    await openNominations(c.slug);
    const unknown = await unitCall("A".repeat(43));
    expect(unknown.status).toBe(404);
    expect(await errorCode(unknown)).toBe("link_not_found");
    expect((await unitCall("short")).status).toBe(404);

    const soon = new Date(Date.now() + 60_000).toISOString();
    const expiring = await invite(c.slug, { unit: "兴县", expiresAt: soon });
    expect((await unitCall(expiring.token)).status).toBe(200);
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      vi.setSystemTime(Date.now() + 120_000);
      const expired = await unitCall(expiring.token, "/nominations", json({ name: "迟到" }));
      expect(expired.status).toBe(410);
      expect(await errorCode(expired)).toBe("link_expired");
    } finally {
      vi.useRealTimers();
    }

    const revocable = await invite(c.slug, { unit: "方山县" });
    const id = await nominateAndSubmit(revocable.token);
    const revoke = await asCall(
      "admin",
      `/api/admin/campaigns/${c.slug}/invitations/${revocable.id}/revoke`,
      { method: "POST" },
    );
    expect(revoke.status).toBe(200);
    expect(await revoke.json()).toMatchObject({ state: "revoked" });
    for (const res of [
      await unitCall(revocable.token),
      await unitCall(revocable.token, `/nominations/${id}`),
    ]) {
      expect(res.status).toBe(410);
      expect(await errorCode(res)).toBe("link_revoked");
    }
    // The page says so too, in Chinese, without a stack trace.
    const page = await call(`/n/${revocable.token}`);
    expect(page.status).toBe(410);
    expect(await page.text()).toContain("链接");
  });

  it("enforces the unit's quota, drafts included, declined ones freed", async () => {
    const c = await makeCampaign({ count: 0 });
    await openNominations(c.slug);
    const { token } = await invite(c.slug, { unit: "临县", quota: 2 });
    const first = await nominateAndSubmit(token);
    expect((await unitCall(token, "/nominations", json({ name: "草稿" }))).status).toBe(201);
    const full = await unitCall(token, "/nominations", json({ name: "第三位" }));
    expect(full.status).toBe(409);
    expect(await errorCode(full)).toBe("quota_exhausted");
    // Concurrent attempts at a free place: exactly one wins.
    await asCall("admin", `/api/admin/campaigns/${c.slug}/nominations/${first}/decline`, json({}));
    const racing = await Promise.all(
      [1, 2, 3, 4].map((i) => unitCall(token, "/nominations", json({ name: `并发${i}` }))),
    );
    expect(racing.map((r) => r.status).sort()).toEqual([201, 409, 409, 409]);
  });

  it("autosaves drafts, submits only complete ones, and keeps submitted ones read-only", async () => {
    const c = await makeCampaign({ count: 0 });
    await openNominations(c.slug);
    const { token } = await invite(c.slug, { unit: "临县", group: "县市区" });
    const created = await unitCall(token, "/nominations", json({ name: "陈某" }));
    const draft = await created.json<{ id: number; unit: string; group: string; status: string }>();
    expect(draft).toMatchObject({ status: "draft", unit: "临县", group: "县市区" });
    const early = await unitCall(token, `/nominations/${draft.id}/submit`, { method: "POST" });
    expect(early.status).toBe(400);
    expect(await errorCode(early)).toBe("incomplete");
    const saved = await unitCall(token, `/nominations/${draft.id}`, patch(COMPLETE_NOMINATION));
    expect(saved.status).toBe(200);
    const bad = await unitCall(token, `/nominations/${draft.id}`, patch({ name: 42 }));
    expect(bad.status).toBe(400);
    expect(await errorCode(bad)).toBe("invalid_body");
    const foreignPhoto = await unitCall(
      token,
      `/nominations/${draft.id}`,
      patch({ photos: [{ url: "https://evil.example/x.jpg" }] }),
    );
    expect(foreignPhoto.status).toBe(400);
    expect(
      (await unitCall(token, `/nominations/${draft.id}/submit`, { method: "POST" })).status,
    ).toBe(200);
    const locked = await unitCall(token, `/nominations/${draft.id}`, patch({ name: "改名" }));
    expect(locked.status).toBe(409);
    expect(await errorCode(locked)).toBe("invalid_state");
    expect((await unitCall(token, `/nominations/${draft.id}`, { method: "DELETE" })).status).toBe(
      409,
    );
  });

  it("accepts photos by their bytes", async () => {
    const c = await makeCampaign({ count: 0 });
    await openNominations(c.slug);
    const { token } = await invite(c.slug);
    const { id } = await (await unitCall(token, "/nominations", json({ name: "陈某" }))).json<{
      id: number;
    }>();
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const up = await unitCall(
      token,
      `/nominations/${id}/photos?caption=${encodeURIComponent("走访")}`,
      {
        method: "POST",
        headers: { "Content-Type": "image/jpeg" },
        body: png,
      },
    );
    expect(up.status).toBe(201);
    const body = await up.json<{ photos: { url: string; caption: string }[] }>();
    expect(body.photos[0]?.caption).toBe("走访");
    expect(body.photos[0]?.url).toMatch(/^\/media\/.+\.png$/);
    const text = await unitCall(token, `/nominations/${id}/photos`, {
      method: "POST",
      body: "<html>",
    });
    expect(text.status).toBe(415);
  });

  it("refuses writes outside the nomination phase", async () => {
    const c = await makeCampaign({ count: 0 });
    const { token } = await invite(c.slug);
    const closed = await unitCall(token, "/nominations", json({ name: "陈某" }));
    expect(closed.status).toBe(403);
    expect(await errorCode(closed)).toBe("nominations_closed");
    expect((await unitCall(token)).status).toBe(200);
  });
});
