import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { sweepOrphanPhotos } from "../../../src/db/queries/photos";
import { MAX_NOMINATION_PHOTOS, MAX_NOMINEE_PHOTOS } from "../../../src/domain/media";
import { runScheduled } from "../../../src/scheduled";
import { call, db, makeCampaign } from "../../helpers";
import { asCall, errorCode, invite, json, openNominations, unitCall } from "../admin/admin-helpers";

/**
 * Issue 14 item 6: concurrent uploads used to read the photo list, add one and write it back, so
 * ten at once kept two and left eight objects in R2 that nothing referenced.
 */

const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

async function keysUnder(prefix: string): Promise<string[]> {
  const listed = await env.MEDIA.list({ prefix });
  return listed.objects.map((o) => o.key).sort();
}

const keyOf = (url: string) => url.slice("/media/".length);

async function draft(): Promise<{ slug: string; token: string; id: number }> {
  const c = await makeCampaign({ count: 0 });
  await openNominations(c.slug);
  const { token } = await invite(c.slug);
  const { id } = await (await unitCall(token, "/nominations", json({ name: "陈某" }))).json<{
    id: number;
  }>();
  return { slug: c.slug, token, id };
}

const upload = (token: string, id: number, i: number) =>
  unitCall(token, `/nominations/${id}/photos?caption=${i}`, { method: "POST", body: png });

describe("photo uploads", () => {
  it("ten concurrent uploads to one nomination: the cap's worth kept, the rest refused, no orphan", async () => {
    const d = await draft();
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) => upload(d.token, d.id, i)),
    );
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(MAX_NOMINATION_PHOTOS);
    expect(statuses.filter((s) => s === 409)).toHaveLength(10 - MAX_NOMINATION_PHOTOS);
    const refused = answers.find((r) => r.status === 409);
    expect(await errorCode(refused as Response)).toBe("too_many_photos");
    const row = await (await unitCall(d.token, `/nominations/${d.id}`)).json<{
      photos: { url: string; caption: string }[];
    }>();
    expect(row.photos).toHaveLength(MAX_NOMINATION_PHOTOS);
    // Every object in R2 is one the row holds, and every photo the row holds is in R2.
    expect(await keysUnder(`photos/${d.slug}/`)).toEqual(
      row.photos.map((p) => keyOf(p.url)).sort(),
    );
  });

  it("ten concurrent organizer uploads to one nominee: all kept, all audited", async () => {
    const c = await makeCampaign({ count: 1 });
    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        asCall("admin", `/api/admin/campaigns/${c.slug}/nominees/1/photos`, {
          method: "POST",
          body: png,
        }),
      ),
    );
    expect(answers.map((r) => r.status)).toEqual(Array(10).fill(201));
    const list = await (await asCall("admin", `/api/admin/campaigns/${c.slug}/nominees`)).json<{
      items: { photos: { url: string }[] }[];
    }>();
    const uploaded = (list.items[0]?.photos ?? []).filter((p) => p.url.startsWith("/media/"));
    expect(uploaded).toHaveLength(10);
    expect(await keysUnder(`photos/${c.slug}/`)).toEqual(uploaded.map((p) => keyOf(p.url)).sort());
    const audited = await env.DB.prepare(
      "SELECT count(*) AS n FROM audit_log WHERE campaign_id = ? AND action = 'nominee.photo'",
    )
      .bind(c.id)
      .first<{ n: number }>();
    expect(audited?.n).toBe(10);
  });

  it("caps a nominee's photos with a clear 409", async () => {
    // makeCampaign gives each nominee one (non-upload) photo.
    const c = await makeCampaign({ count: 1 });
    for (let i = 1; i < MAX_NOMINEE_PHOTOS; i++) {
      const res = await asCall("admin", `/api/admin/campaigns/${c.slug}/nominees/1/photos`, {
        method: "POST",
        body: png,
      });
      expect(res.status).toBe(201);
    }
    const over = await asCall("admin", `/api/admin/campaigns/${c.slug}/nominees/1/photos`, {
      method: "POST",
      body: png,
    });
    expect(over.status).toBe(409);
    const body = await over.json<{ error: { code: string; message: string } }>();
    expect(body.error.code).toBe("too_many_photos");
    expect(body.error.message).toContain(String(MAX_NOMINEE_PHOTOS));
    expect(await keysUnder(`photos/${c.slug}/`)).toHaveLength(MAX_NOMINEE_PHOTOS - 1);
  });

  it("deletes from R2 what a nomination drops, and a deleted draft's photos", async () => {
    const d = await draft();
    for (let i = 0; i < 3; i++) expect((await upload(d.token, d.id, i)).status).toBe(201);
    const row = await (await unitCall(d.token, `/nominations/${d.id}`)).json<{
      photos: { url: string; caption: string }[];
    }>();
    const [first, second, third] = row.photos;
    const kept = [third, first].filter((p) => p !== undefined);
    const patched = await unitCall(d.token, `/nominations/${d.id}`, {
      ...json({ photos: kept }),
      method: "PATCH",
    });
    expect(patched.status).toBe(200);
    expect(await keysUnder(`photos/${d.slug}/`)).toEqual(kept.map((p) => keyOf(p.url)).sort());
    expect((await call(second?.url ?? "")).status).toBe(404);
    // The list sent is the list kept: a photo left out is dropped, and deleted from R2 too.
    expect((await upload(d.token, d.id, 9)).status).toBe(201);
    expect(await keysUnder(`photos/${d.slug}/`)).toHaveLength(3);
    const again = await unitCall(d.token, `/nominations/${d.id}`, {
      ...json({ photos: kept }),
      method: "PATCH",
    });
    expect(again.status).toBe(200);
    expect(await keysUnder(`photos/${d.slug}/`)).toHaveLength(2);
    expect((await unitCall(d.token, `/nominations/${d.id}`, { method: "DELETE" })).status).toBe(
      204,
    );
    expect(await keysUnder(`photos/${d.slug}/`)).toEqual([]);
  });

  it("sweeps unreferenced uploads older than an hour, and nothing else", async () => {
    const d = await draft();
    expect((await upload(d.token, d.id, 0)).status).toBe(201);
    const orphan = `photos/${d.slug}/nominations/${d.id}/orphan.png`;
    const legacy = `${d.slug}/legacy.png`;
    await env.MEDIA.put(orphan, png);
    await env.MEDIA.put(legacy, png);
    // Within the grace period an unreferenced upload may still be on its way into a row.
    expect(await sweepOrphanPhotos(db(), env.MEDIA, Date.now())).not.toContain(orphan);
    await runScheduled(env, Date.now() + 2 * 60 * 60 * 1000);
    const left = await keysUnder(`photos/${d.slug}/`);
    expect(left).toHaveLength(1);
    expect(left).not.toContain(orphan);
    expect(await env.MEDIA.head(legacy)).not.toBeNull();
  });

  it("never sweeps a certificate seal (stored outside the photo prefix)", async () => {
    const c = await makeCampaign({ count: 1 });
    const res = await asCall("admin", `/api/admin/campaigns/${c.slug}/certificate/seal`, {
      method: "POST",
      body: png,
    });
    expect(res.status).toBe(201);
    const seal = await env.MEDIA.list({ prefix: "seals/" });
    expect(seal.objects.length).toBeGreaterThan(0);
    await runScheduled(env, Date.now() + 2 * 60 * 60 * 1000);
    expect((await env.MEDIA.list({ prefix: "seals/" })).objects.length).toBe(seal.objects.length);
  });
});
